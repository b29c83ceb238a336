"""ZVT codec: known byte vectors, round trips, and the decoder fuzzed with garbage."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.base import ProtocolError
from drivers.payment import zvt_messages as m
from drivers.payment.zvt_codec import (
    Apdu,
    bcd_decode,
    bcd_encode,
    decode_apdu,
    decode_tlv,
    encode_bmp,
    encode_tlv,
    encode_var,
    parse_bmps,
)

# --- known vectors -------------------------------------------------------------------------------


def test_authorization_bytes() -> None:
    # 12.50 EUR: amount 6 BCD bytes, currency 0978
    assert m.authorization(1250, "EUR").encode() == bytes.fromhex("06010a04000000001250490978")


def test_authorization_nok_large_amount() -> None:
    frame = m.authorization(123456789, "NOK").encode()
    assert frame == bytes.fromhex("06010a04000123456789490578")


def test_registration_status_abort_ack_bytes() -> None:
    assert m.registration("NOK").encode() == bytes.fromhex("060006000000880578")
    assert m.registration("SEK", config=0x08).encode() == bytes.fromhex("060006000000080752")
    assert m.status_enquiry().encode() == bytes.fromhex("050103000000")
    assert m.abort().encode() == bytes.fromhex("06b000")
    assert m.ACK.encode() == bytes.fromhex("800000")
    assert m.end_of_day().encode() == bytes.fromhex("065003000000")
    assert m.repeat_receipt().encode() == bytes.fromhex("062003000000")
    assert m.reversal(42).encode() == bytes.fromhex("063006000000870042")
    assert m.refund(500, "EUR").encode() == bytes.fromhex("06310d00000004000000000500490978")


def test_money_is_integer_only() -> None:
    with pytest.raises(TypeError):
        m.authorization(12.5, "EUR")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        m.authorization(0, "EUR")
    with pytest.raises(ValueError):
        m.authorization(100, "XXX")
    with pytest.raises(ProtocolError):
        m.authorization(10**12, "EUR")  # 13 digits do not fit 6 BCD bytes


def test_long_length_is_ff_plus_little_endian() -> None:
    frame = Apdu(0x06, 0xD3, bytes(300)).encode()
    assert frame[:5] == bytes.fromhex("06d3ff2c01")
    assert decode_apdu(frame) == Apdu(0x06, 0xD3, bytes(300))
    # 254 bytes still fit the short form, 255 do not
    assert Apdu(0x06, 0xD3, bytes(254)).encode()[2] == 254
    assert Apdu(0x06, 0xD3, bytes(255)).encode()[2:5] == bytes.fromhex("ffff00")


def test_truncated_and_overlong_frames() -> None:
    for bad in ("06", "0601", "06010a0400", "06d3ff2c", "80000001"):
        with pytest.raises(ProtocolError):
            decode_apdu(bytes.fromhex(bad))


def test_llvar_lllvar() -> None:
    assert encode_var(b"abc", 2) == b"\xf0\xf3abc"
    assert encode_var(b"x" * 123, 3)[:3] == b"\xf1\xf2\xf3"
    text = encode_bmp(0x3C, b"hello")
    assert text == b"\x3c\xf0\xf0\xf5hello"
    assert parse_bmps(text).get(0x3C) == b"hello"


def test_status_information_vector() -> None:
    data = bytes.fromhex(
        "2700"  # result approved
        "04000000001990"  # 19.90
        "0b000123"  # trace 123
        "0c153012"  # 15:30:12
        "0d1123"  # 23 November
        "22f0f84711eeeeeeee1234"  # masked PAN, LLVAR counts bytes: 8
        "2952500038"
        "3b4131423243330000"
        "490578"
        "870042"
        "8a0a"
        "8c05"
    )
    info = m.status_info(data)
    assert info.result_code == 0
    assert info.amount_minor == 1990
    assert info.trace == 123
    assert info.time == "153012" and info.date == "1123"
    assert info.masked_pan == "4711********1234"
    assert info.terminal_id == "52500038"
    assert info.auth_code == "A1B2C3"
    assert info.currency == 578
    assert info.receipt_no == 42
    assert info.brand == "Visa"
    assert info.card_type_id == 5


def test_unmasked_pan_is_masked_here() -> None:
    assert m.mask_pan(bytes.fromhex("4111111111111111")) == "************1111"
    assert m.mask_pan(bytes.fromhex("4111eeeeeeee111f")) == "4111********111"


def test_unknown_bmp_stops_parsing_but_keeps_what_came_before() -> None:
    data = bytes.fromhex("27000b0000077701020304870001")
    bmps = parse_bmps(data)
    assert bmps.get(0x27) == b"\x00" and bmps.get(0x0B) == b"\x00\x00\x07"
    assert bmps.stopped_at == 6
    assert bmps.get(0x87) is None
    assert m.status_info(data).trace == 7


def test_tlv_container_and_print_text_block() -> None:
    lines = encode_tlv(0x07, b"KASSA BUTIKK") + encode_tlv(0x07, b"Visa  199,00")
    block = encode_bmp(0x06, encode_tlv(0x25, lines))
    assert m.print_text_block(block) == ("KASSA BUTIKK", "Visa  199,00")
    # multi-byte tags and 0x81 lengths
    long = encode_tlv(0x1F10, b"z" * 200)
    assert long[:4] == bytes.fromhex("1f1081c8")
    (item,) = decode_tlv(long)
    assert item.tag == 0x1F10 and item.value == b"z" * 200
    with pytest.raises(ProtocolError):
        decode_tlv(bytes.fromhex("0705414243"))  # says 5, has 3


def test_result_and_status_texts() -> None:
    assert m.result_text(0x00) == "Approved"
    assert m.result_text(0x6C).startswith("Aborted")
    assert m.result_text(0x64) == "Card not readable"
    assert m.result_text(0x6F) == "Wrong currency"
    # 01..63 hex carry the host's decimal response code: 0x33 is host code 51
    assert m.result_text(0x33) == "Insufficient funds"
    assert m.result_text(0x05) == "Declined by the card issuer"
    assert m.result_text(0x42) == "Declined by the card issuer (host code 66)"
    assert m.result_text(0xF3) == "Terminal error F3"
    assert len(m.RESULT_TEXTS) >= 10
    assert m.status_text(0x0A) == "Insert card"
    assert m.status_text(0x01) == "Please watch PIN pad"
    assert m.status_text(0x43) == "Not accepted, please remove card"  # not a PIN prompt


def test_bcd() -> None:
    assert bcd_encode(578, 2) == b"\x05\x78"
    assert bcd_decode(b"\x12\x34") == 1234
    with pytest.raises(ProtocolError):
        bcd_decode(b"\x1a")


# --- round trips and fuzz ------------------------------------------------------------------------

amounts = st.integers(min_value=1, max_value=999_999_999_999)


@given(amounts, st.sampled_from(["NOK", "SEK", "EUR"]))
def test_authorization_round_trip(amount: int, currency: str) -> None:
    apdu = decode_apdu(m.authorization(amount, currency).encode())
    bmps = parse_bmps(apdu.data)
    assert bcd_decode(bmps.get(0x04) or b"") == amount
    assert bcd_decode(bmps.get(0x49) or b"") == m.CURRENCIES[currency]


@given(st.integers(0, 0xFF), st.integers(0, 0xFF), st.binary(max_size=700))
def test_apdu_round_trip(cls: int, instr: int, data: bytes) -> None:
    assert decode_apdu(Apdu(cls, instr, data).encode()) == Apdu(cls, instr, data)


@given(st.lists(st.tuples(st.sampled_from([0x3C, 0x8B, 0x22, 0x06]), st.binary(max_size=120))))
def test_variable_bmps_round_trip(fields: list[tuple[int, bytes]]) -> None:
    data = b"".join(encode_bmp(tag, value) for tag, value in fields)
    assert list(parse_bmps(data).fields) == fields


def _decode_everything(frame: bytes) -> None:
    apdu = decode_apdu(frame)
    m.status_info(apdu.data)
    m.print_text_block(apdu.data)
    m.print_line(apdu.data)
    decode_tlv(apdu.data)


@settings(max_examples=250)
@given(st.binary(max_size=300))
def test_garbage_only_raises_protocol_error(garbage: bytes) -> None:
    with contextlib.suppress(ProtocolError):
        _decode_everything(garbage)


@settings(max_examples=200)
@given(st.binary(max_size=250), st.data())
def test_framed_garbage_and_truncation_only_raise_protocol_error(
    payload: bytes, data: st.DataObject
) -> None:
    frame = Apdu(0x04, 0x0F, payload).encode()
    cut = data.draw(st.integers(0, len(frame)))
    for candidate in (frame, frame[:cut]):
        with contextlib.suppress(ProtocolError):
            _decode_everything(candidate)
