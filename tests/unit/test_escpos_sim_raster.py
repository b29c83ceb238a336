"""GS v 0 raster images in the simulator's parser (the store logo)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from drivers.sim.escpos_parser import MAX_RASTER, EscposParser, SimReceipt


def parse(*chunks: bytes) -> list[SimReceipt]:
    receipts: list[SimReceipt] = []
    parser = EscposParser(lambda n: b"\x12", receipts.append, lambda *k: None)
    for c in chunks:
        parser.feed(c)
    return receipts


def raster(xbytes: int, ydots: int, data: bytes, m: int = 0x30) -> bytes:
    return b"\x1dv" + bytes([m, 0, xbytes % 256, xbytes // 256, ydots % 256, ydots // 256]) + data


# 2 bytes x 3 rows whose payload looks like commands (LF, ESC, GS, cut): it must not act.
PAYLOAD = b"\x0a\x1b\x1dV\x00\xff"
STREAM = b"\x1b@\x1ba\x01before\n" + raster(2, 3, PAYLOAD) + b"\x1ba\x00after\n\x1dV\x00"


def test_image_recorded_between_intact_text() -> None:
    (receipt,) = parse(STREAM)
    kinds = [(ln.kind, ln.text) for ln in receipt.lines]
    assert kinds == [("text", "before"), ("image", ""), ("text", "after")]
    (image,) = receipt.images
    assert (image.width_dots, image.height_dots, image.raster, image.align) == (
        16, 3, PAYLOAD, "center",
    )  # fmt: skip


@given(st.lists(st.integers(0, len(STREAM)), max_size=8))
def test_split_anywhere(cuts: list[int]) -> None:
    bounds = sorted({0, len(STREAM), *cuts})
    (receipt,) = parse(*(STREAM[a:b] for a, b in itertools.pairwise(bounds)))
    assert receipt.images[0].raster == PAYLOAD and receipt.text == "before\nafter"


def test_too_big_or_not_mode_0_is_skipped_as_counted() -> None:
    big_x, big_y = 600, MAX_RASTER // 600 + 1
    (receipt,) = parse(raster(big_x, big_y, b"\x00" * (big_x * big_y)) + b"ok\n\x1dV\x00")
    assert receipt.text == "ok" and receipt.images == []
    (receipt,) = parse(raster(2, 3, PAYLOAD, m=0x31) + b"ok\n\x1dV\x00")
    assert receipt.text == "ok" and receipt.images == []
