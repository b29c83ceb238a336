"""The simulator's ESC/POS parser, fed hand-written bytes (independent of python-escpos)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.sim.escpos_parser import EscposParser, SimReceipt, decode_code128


class Paper:
    """Collects what the parser prints; answers DLE EOT n with a recognisable byte."""

    def __init__(self) -> None:
        self.receipts: list[SimReceipt] = []
        self.kicks: list[tuple[int, int, bool]] = []
        self.parser = EscposParser(
            lambda n: bytes([0x10 + n]), self.receipts.append, lambda *k: self.kicks.append(k)
        )

    def feed(self, *chunks: bytes) -> bytes:
        return b"".join(self.parser.feed(c) for c in chunks)


def test_code_pages_bold_size_align_and_cut() -> None:
    paper = Paper()
    paper.feed(
        b"\x1b@\x1bt\x05\x1ba\x01\x1bE\x01" + "Bjørn".encode("cp865") + b"\x1bE\x00\n"
        b"\x1bt\x13\x1b!\x30" + "12 €".encode("cp858") + b"\x1b!\x00\n"
        b"\x1bt\x10\x1ba\x02" + "Æ €".encode("cp1252") + b"\n\x1dV\x00"
    )
    (receipt,) = paper.receipts
    assert receipt.text == "Bjørn\n12 €\nÆ €"
    first, second, third = receipt.lines
    assert (first.align, first.segments[0].bold) == ("center", True)
    assert (second.segments[0].width, second.segments[0].height) == (2, 2)
    assert third.align == "right"


def test_gs_exclamation_sets_size_and_esc_a_only_counts_at_line_start() -> None:
    paper = Paper()
    paper.feed(b"\x1d!\x11ab\x1ba\x01c\n\x1dVA\x00")
    line = paper.receipts[0].lines[0]
    assert line.align == "left" and line.text == "abc"
    assert (line.segments[0].width, line.segments[0].height) == (2, 2)


def test_status_is_answered_and_not_counted_as_print_data() -> None:
    paper = Paper()
    assert paper.feed(b"\x10\x04\x01\x10\x04\x02\x10\x04\x04") == b"\x11\x12\x14"
    assert paper.parser.print_bytes == 0 and paper.parser.status_queries == 3


def test_drawer_kicks() -> None:
    paper = Paper()
    paper.feed(b"\x1bp\x00\x32\x32", b"\x1bp\x31\x19\x19", b"\x10\x14\x01\x01\x03")
    assert paper.kicks == [(2, 100, False), (5, 50, False), (5, 300, True)]


def test_barcodes_and_qr_are_recorded() -> None:
    paper = Paper()
    qr = b"https://k.example/r/9"
    paper.feed(
        b"\x1dkI\x0f{BR-0001-000123"
        b"\x1dk\x02" + b"5701234567899\x00"
        b"\x1d(k" + bytes([len(qr) + 3, 0]) + b"1P0" + qr + b"\x1d(k\x03\x001Q0"
        b"\x1dVB\x00"
    )
    receipt = paper.receipts[0]
    assert receipt.barcodes == [("CODE128", "R-0001-000123"), ("EAN13", "5701234567899")]
    assert receipt.qr_codes == ["https://k.example/r/9"]
    assert receipt.text == ""


def test_code128_code_sets() -> None:
    assert decode_code128(b"{BAB{C\x0c\x22") == "AB1234"
    assert decode_code128(b"{Ba{{b") == "a{b"


def test_images_are_skipped_by_their_declared_length() -> None:
    paper = Paper()
    raster = b"\x1dv0\x00\x02\x00\x03\x00" + b"\x0a\x1b\x1d" * 2  # 2 x 3 bytes of "commands"
    paper.feed(raster[:5], raster[5:] + b"after\n\x1dV\x00")
    assert paper.receipts[0].text == "after"


def test_unknown_commands_are_skipped() -> None:
    paper = Paper()
    paper.feed(b"\x1b\xffA\x1d\xfeB\x1c\x99C\n\x1dV\x00")
    assert paper.receipts[0].text == "ABC"


# Random bytes rarely form commands; mix in fragments of real ones so the parser's
# length-prefixed and NUL-terminated paths are exercised with their lengths wrong and right.
FRAGMENTS = [
    b"\x1b", b"\x1d", b"\x10", b"\x1c", b"\x00", b"\n", b"\x1b@", b"\x1bt\x13", b"\x1bE\x01",
    b"\x1b!\x30", b"\x1ba\x01", b"\x1bp\x00\x32\x32", b"\x10\x04\x01", b"\x10\x04\x07",
    b"\x10\x14\x01\x00\x01", b"\x1dV\x00", b"\x1dVB\x00", b"\x1dkI\x03{B", b"\x1dk\x04",
    b"\x1d(k\x04\x001P0", b"\x1d(k\x03\x001Q0", b"\x1dv0\x00\x01\x00\x02\x00",
    b"\x1bD\x08\x10", b"\x1b*\x00\x02\x00", b"\x1d8L\x03\x00\x00\x00", b"abc", "æ€".encode("cp858"),
]  # fmt: skip
streams = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=4)), max_size=60).map(
        b"".join
    ),
)


@settings(max_examples=300, deadline=None)
@given(streams)
def test_garbage_never_raises(data: bytes) -> None:
    paper = Paper()
    paper.feed(data)
    paper.parser.finish()
    paper.feed(b"\x1b@ok\n\x1dV\x00")  # may be swallowed by a pending length-prefixed command


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_chunking_does_not_change_the_outcome(draw: st.DataObject) -> None:
    data = draw.draw(streams)
    cuts = draw.draw(st.lists(st.integers(0, len(data)), max_size=10))
    whole, split = Paper(), Paper()
    answer_whole = whole.feed(data)
    bounds = sorted(set(cuts) | {0, len(data)})
    answer_split = split.feed(*(data[a:b] for a, b in itertools.pairwise(bounds)))
    assert answer_split == answer_whole
    assert split.kicks == whole.kicks
    assert split.parser.print_bytes == whole.parser.print_bytes
    assert split.parser.status_queries == whole.parser.status_queries
    leftover_whole, leftover_split = whole.parser.finish(), split.parser.finish()
    assert [r.text for r in split.receipts] == [r.text for r in whole.receipts]
    assert [(ln.kind, ln.data) for r in split.receipts for ln in r.lines] == [
        (ln.kind, ln.data) for r in whole.receipts for ln in r.lines
    ]
    assert (leftover_split and leftover_split.text) == (leftover_whole and leftover_whole.text)
