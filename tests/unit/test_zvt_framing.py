"""ZVT serial framing: known frames, DLE doubling, CRC, and the deframer fuzzed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.payment.zvt_codec import FrameTooLong, FrameTruncated, NotZvt, ZvtProtocolError
from drivers.payment.zvt_framing import (
    DLE,
    BadFrame,
    Deframer,
    Frame,
    LinkAck,
    Stray,
    crc16,
    decode_frame,
    encode_frame,
)


def test_crc_is_ccitt_reflected_from_zero() -> None:
    assert crc16(b"123456789") == 0x2189  # the CRC-16/KERMIT check value
    assert crc16(b"") == 0


def test_known_frames() -> None:
    # 80 00 00 and 84 9C 00 as the ecrterm test suite frames them (CRC low byte first)
    assert encode_frame(bytes.fromhex("800000")) == bytes.fromhex("1002800000 1003 f51f")
    assert encode_frame(bytes.fromhex("849c00")) == bytes.fromhex("1002849c00 1003 c341")


def test_dle_in_the_apdu_is_doubled_but_not_in_the_crc() -> None:
    apdu = bytes.fromhex("801000")
    frame = encode_frame(apdu)
    assert frame[:6] == bytes.fromhex("100280101000")
    crc = crc16(apdu + b"\x03")  # over the APDU as it is, plus ETX
    assert frame[-2:] == bytes((crc & 0xFF, crc >> 8))
    assert decode_frame(frame) == apdu
    # a CRC byte that happens to be DLE is sent once, not doubled
    for n in range(400):
        apdu = n.to_bytes(2, "big") + b"\x00"
        frame = encode_frame(apdu)
        if DLE in frame[-2:]:
            assert decode_frame(frame) == apdu
            break
    else:
        pytest.fail("no CRC with a DLE byte found")


def test_errors_are_named() -> None:
    good = encode_frame(bytes.fromhex("060f00"))
    with pytest.raises(FrameTruncated):
        decode_frame(good[:-3])
    with pytest.raises(NotZvt, match="CRC"):
        decode_frame(good[:-1] + bytes((good[-1] ^ 1,)))
    with pytest.raises(NotZvt):
        decode_frame(b"hello")
    with pytest.raises(NotZvt):
        decode_frame(bytes.fromhex("1002 0601 1041".replace(" ", "")))  # DLE then 'A'
    # too long: reported once, the rest of that frame skipped, the next frame read again
    events = Deframer(max_apdu=10).feed(encode_frame(bytes(30)) + encode_frame(b"\x80\x00\x00"))
    assert len(events) == 2 and events[1] == Frame(b"\x80\x00\x00")
    assert isinstance(events[0], BadFrame) and isinstance(events[0].error, FrameTooLong)


def test_deframer_byte_by_byte_with_acks_and_noise() -> None:
    stream = b"\x06xy" + encode_frame(b"\x04\xff\x01\x0a") + b"\x15" + encode_frame(b"\x80\x00\x00")
    d = Deframer()
    events = [e for b in stream for e in d.feed(bytes((b,)))]
    assert events == [
        LinkAck(True),
        Stray(1),
        Stray(1),
        Frame(b"\x04\xff\x01\x0a"),
        LinkAck(False),
        Frame(b"\x80\x00\x00"),
    ]


def test_a_frame_cut_off_by_a_new_one() -> None:
    cut = encode_frame(b"\x06\x0f\x00")[:4]
    events = Deframer().feed(cut + encode_frame(b"\x06\x1e\x01\x6c"))
    assert isinstance(events[0], BadFrame) and isinstance(events[0].error, FrameTruncated)
    assert events[1] == Frame(b"\x06\x1e\x01\x6c")


def test_abandon_reports_a_cut_frame_once() -> None:
    d = Deframer()
    d.feed(encode_frame(b"\x06\x0f\x00")[:5])
    assert d.in_frame
    cut = d.abandon()
    assert cut is not None and isinstance(cut.error, FrameTruncated)
    assert d.abandon() is None


@given(st.binary(max_size=600))
def test_round_trip(apdu: bytes) -> None:
    assert decode_frame(encode_frame(apdu)) == apdu


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_deframer_never_raises_on_garbage(garbage: bytes) -> None:
    events = Deframer(max_apdu=64).feed(garbage)
    assert all(isinstance(e, Frame | LinkAck | BadFrame | Stray) for e in events)
    assert len(events) <= len(garbage)


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_decode_frame_only_raises_our_errors(garbage: bytes) -> None:
    try:
        apdu = decode_frame(garbage)
    except ZvtProtocolError as exc:
        assert str(exc)  # a message that says what was wrong
    else:
        assert encode_frame(apdu) == garbage  # only an exact, whole frame decodes


@settings(max_examples=150)
@given(st.lists(st.binary(max_size=80), max_size=5), st.binary(max_size=40), st.data())
def test_frames_survive_noise_and_splitting(
    apdus: list[bytes], noise: bytes, data: st.DataObject
) -> None:
    # noise without DLE, ACK or NAK between frames: every frame is still found
    noise = bytes(b for b in noise if b not in (0x10, 0x06, 0x15))
    stream = b"".join(noise + encode_frame(a) for a in apdus)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    d = Deframer()
    events = []
    for start, end in zip([0, *cuts], [*cuts, len(stream)], strict=True):
        events += d.feed(stream[start:end])
    assert [e.apdu for e in events if isinstance(e, Frame)] == apdus
