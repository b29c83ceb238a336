"""The serial scanner's frame parser: examples, then hypothesis fuzzing with garbage, partial
and chunked input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.base import DeviceError, ScanEvent
from drivers.scanners.framing import FrameParser


def feed_all(parser: FrameParser, *chunks: bytes) -> list[ScanEvent]:
    out: list[ScanEvent] = []
    for chunk in chunks:
        out += parser.feed(chunk)
    return out


def datas(events: list[ScanEvent]) -> list[str]:
    return [e.data for e in events]


def test_cr_frames_with_aim_identifiers() -> None:
    p = FrameParser(aim="on", source="serial:///dev/x")
    got = p.feed(b"]E04006381333931\r]C1\x1d0104006381333931\r]Q1https://x.org/01/1\r")
    assert got == [
        ScanEvent("4006381333931", "E0", "serial:///dev/x"),
        ScanEvent("\x1d0104006381333931", "C1", "serial:///dev/x"),
        ScanEvent("https://x.org/01/1", "Q1", "serial:///dev/x"),
    ]
    assert not p.dropped


def test_frame_split_over_many_chunks() -> None:
    p = FrameParser()
    assert feed_all(p, b"400", b"6381", b"333931") == []
    assert p.pending
    assert datas(p.feed(b"\r")) == ["4006381333931"]
    assert not p.pending


@pytest.mark.parametrize("suffix,end", [("CR", b"\r"), ("LF", b"\n"), ("CRLF", b"\r\n")])
def test_each_suffix(suffix: str, end: bytes) -> None:
    p = FrameParser(suffix=suffix)  # type: ignore[arg-type]
    assert datas(p.feed(b"123" + end + b"456" + end)) == ["123", "456"]
    assert not p.dropped


def test_every_suffix_tolerates_crlf_and_crlf_does_not_wait_for_lf() -> None:
    assert datas(FrameParser(suffix="CR").feed(b"1\r\n2\r\n")) == ["1", "2"]
    lf = FrameParser(suffix="LF")
    assert datas(lf.feed(b"1\r")) == []
    assert datas(lf.feed(b"\n2\r\n")) == ["1", "2"]  # a CR LF split between reads
    assert not lf.dropped
    p = FrameParser(suffix="CRLF")
    assert datas(p.feed(b"1\r")) == ["1"]  # delivered at CR
    assert datas(p.feed(b"\n2\r\n")) == ["2"]
    assert not p.dropped


def test_wrong_terminator_is_dropped_and_next_frame_survives() -> None:
    p = FrameParser(suffix="CR")
    assert datas(p.feed(b"111\n222\r")) == ["222"]
    assert p.dropped["wrong_terminator"] == 1
    q = FrameParser(suffix="LF")
    assert datas(q.feed(b"111\r222\n")) == ["222"]
    assert q.dropped["wrong_terminator"] == 1
    r = FrameParser(suffix="LF", gap=0.2)
    r.feed(b"333\r", now=0.0)  # a lone CR at the end of a burst, then silence
    r.expire(1.0)
    assert r.dropped["wrong_terminator"] == 1 and not r.pending


def test_garbage_then_good_frame_in_one_burst() -> None:
    p = FrameParser()
    assert datas(p.feed(b"\x00\xff\x13\x80\x1b4006381333931\r")) == ["4006381333931"]
    assert p.dropped == {"garbage": 1}  # one burst of noise, one drop (and one log line)


def test_invalid_utf8_frame_dropped_but_utf8_text_kept() -> None:
    p = FrameParser()
    assert datas(p.feed(b"\xc3(\r" + "Müller".encode() + b"\r")) == ["Müller"]
    assert p.dropped["garbage"] == 1


def test_overlong_frame_dropped_until_terminator() -> None:
    p = FrameParser(max_length=10)
    assert datas(p.feed(b"1" * 25 + b"\r123\r")) == ["123"]
    assert p.dropped == {"overlong": 1}


def test_partial_frame_dropped_after_silence() -> None:
    p = FrameParser(gap=0.2)
    assert p.feed(b"40063", now=10.0) == []
    p.expire(10.1)
    assert p.pending  # not silent long enough yet
    p.expire(10.3)
    assert not p.pending
    assert p.dropped == {"partial": 1}
    assert datas(p.feed(b"123\r", now=11.0)) == ["123"]


def test_partial_frame_dropped_by_late_bytes() -> None:
    p = FrameParser(gap=0.2)
    p.feed(b"40063", now=10.0)
    assert datas(p.feed(b"4006381333931\r", now=12.0)) == ["4006381333931"]
    assert p.dropped == {"partial": 1}


def test_aim_modes() -> None:
    assert FrameParser(aim="auto").feed(b"]E0123\r456\r") == [
        ScanEvent("123", "E0"),
        ScanEvent("456", None),
    ]
    on = FrameParser(aim="on")
    assert on.feed(b"456\r]E4123\r") == [ScanEvent("123", "E4")]
    assert on.dropped["garbage"] == 1
    assert FrameParser(aim="off").feed(b"]E0123\r") == [ScanEvent("]E0123", None)]


def test_prefix_and_suffix_bytes() -> None:
    p = FrameParser(prefix_bytes=b"\x02", suffix_bytes=b"\x03", aim="on")
    got = p.feed(b"\x02]E0123\x03\r" + b"xx\x02]E4456\x03\r" + b"\x02]E0789\r")
    assert got == [ScanEvent("123", "E0"), ScanEvent("456", "E4")]
    assert p.dropped["garbage"] == 2  # "xx" before the prefix, and the frame without ETX


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ValueError):
        FrameParser(suffix="TAB")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        FrameParser(prefix_bytes=b"\r")


# --- fuzzing -------------------------------------------------------------------------------

printable = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="]"),
    min_size=1,
    max_size=60,
)
symbologies = st.none() | st.sampled_from(["E0", "E4", "C1", "e0", "Q1", "d2"])
suffixes = st.sampled_from(["CR", "LF", "CRLF"])
ENDS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}


def frame(data: str, symbology: str | None, end: bytes) -> bytes:
    return (b"" if symbology is None else b"]" + symbology.encode()) + data.encode() + end


def chunked(raw: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(raw) + 1) for c in cuts})
    pieces, last = [], 0
    for p in [*points, len(raw)]:
        pieces.append(raw[last:p])
        last = p
    return pieces


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), suffixes, st.sampled_from(["auto", "on", "off"]))
def test_random_bytes_never_raise_and_yield_only_clean_frames(
    raw: bytes, suffix: str, aim: str
) -> None:
    p = FrameParser(suffix=suffix, aim=aim, max_length=100)  # type: ignore[arg-type]
    try:
        events = p.feed(raw, now=0.0)
        p.expire(1.0)
    except DeviceError:
        return  # allowed by the contract, though the parser never does it
    assert not p.pending
    for e in events:
        assert e.data
        assert len(e.data.encode()) <= 100
        assert all(c.isprintable() or c == "\x1d" for c in e.data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), printable, symbologies, suffixes)
def test_good_frame_after_garbage_and_silence_is_never_lost(
    garbage: bytes, data: str, symbology: str | None, suffix: str
) -> None:
    p = FrameParser(suffix=suffix, max_length=100, gap=0.2)  # type: ignore[arg-type]
    p.feed(garbage, now=0.0)
    got = p.feed(frame(data, symbology, ENDS[suffix]), now=1.0)  # after 1 s of silence
    assert got[-1:] == [ScanEvent(data, symbology)]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), printable, symbologies, suffixes)
def test_good_frame_after_garbage_ended_by_a_control_byte_is_never_lost(
    garbage: bytes, data: str, symbology: str | None, suffix: str
) -> None:
    p = FrameParser(suffix=suffix, max_length=100)  # type: ignore[arg-type]
    got = p.feed(garbage + b"\x00" + frame(data, symbology, ENDS[suffix]))
    assert got[-1:] == [ScanEvent(data, symbology)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(printable, symbologies), min_size=1, max_size=8),
    suffixes,
    st.lists(st.integers(min_value=0), max_size=20),
)
def test_chunking_never_changes_the_frames(
    frames: list[tuple[str, str | None]], suffix: str, cuts: list[int]
) -> None:
    raw = b"".join(frame(d, s, ENDS[suffix]) for d, s in frames)
    p = FrameParser(suffix=suffix)  # type: ignore[arg-type]
    got = feed_all(p, *chunked(raw, cuts))
    assert got == [ScanEvent(d, s) for d, s in frames]
    assert not p.dropped and not p.pending


@settings(max_examples=200, deadline=None)
@given(printable, printable, suffixes)
def test_partial_frame_then_silence_never_glues_onto_the_next(
    partial: str, data: str, suffix: str
) -> None:
    p = FrameParser(suffix=suffix, gap=0.2)  # type: ignore[arg-type]
    p.feed(partial.encode(), now=0.0)
    p.expire(0.5)
    assert p.feed(frame(data, None, ENDS[suffix]), now=0.6) == [ScanEvent(data, None)]
    assert p.dropped == {"partial": 1}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(printable, symbologies), min_size=1, max_size=8),
    suffixes,
    st.lists(st.integers(min_value=0), max_size=20),
)
def test_crlf_scanners_work_with_every_suffix_setting(
    frames: list[tuple[str, str | None]], suffix: str, cuts: list[int]
) -> None:
    raw = b"".join(frame(d, s, b"\r\n") for d, s in frames)
    p = FrameParser(suffix=suffix)  # type: ignore[arg-type]
    assert feed_all(p, *chunked(raw, cuts)) == [ScanEvent(d, s) for d, s in frames]
    assert not p.dropped and not p.pending
