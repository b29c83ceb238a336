"""ZVT messages beyond the basics: totals (BMP 60), receipts (06 D1 / 06 D3), cardholder
authentication (TLV 1F10), safe reprs, and the parsers fuzzed."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.payment import zvt_messages as m
from drivers.payment.terminal import PaymentTerminal
from drivers.payment.zvt_client import ZvtTerminal
from drivers.payment.zvt_codec import (
    BMP_LENGTHS,
    ZvtProtocolError,
    bcd_encode,
    decode_tlv,
    encode_bmp,
    encode_tlv,
    parse_bmps,
)
from drivers.payment.zvt_texts import STATUS_KEYS


def test_end_of_day_totals_from_bmp_04_and_60() -> None:
    totals = m.encode_totals(3, 17, {"Visa": (2, 15000), "girocard": (1, 990), "Other": (1, 50)})
    amount = encode_bmp(0x04, bcd_encode(16040, 6))
    info = m.status_info(encode_bmp(0x27, b"\x00") + amount + encode_bmp(0x60, totals))
    t = info.totals
    assert t is not None
    assert (t.amount_minor, t.count, t.receipt_from, t.receipt_to) == (16040, 4, 3, 17)
    assert [(b.brand, b.count, b.amount_minor) for b in t.by_brand] == [
        ("girocard", 1, 990),
        ("Visa", 2, 15000),
        ("Other", 1, 50),
    ]


def test_short_bmp_60_keeps_the_whole_groups() -> None:
    raw = bcd_encode(1, 2) + bcd_encode(2, 2) + b"\x01" + bcd_encode(500, 6) + b"\x02\x00"
    t = m.batch_totals(None, raw)
    assert t is not None and t.amount_minor == 500 and t.count == 1
    assert m.batch_totals(None, None) is None
    assert m.status_info(encode_bmp(0x27, b"\x00")).totals is None


def test_signature_from_tlv_1f10() -> None:
    for cvm, signed in ((0x01, True), (0x02, False), (0x07, True), (0x00, False)):
        data = encode_bmp(0x27, b"\x00") + encode_bmp(0x06, encode_tlv(0x1F10, bytes((cvm,))))
        assert m.status_info(data).signature_required is signed
    # an unreadable TLV container is ignored, the BMPs around it still count
    broken = encode_bmp(0x06, b"\x1f\x10\x05\x01") + encode_bmp(0x87, b"\x00\x42")
    info = m.status_info(broken)
    assert info.cardholder_auth is None and info.receipt_no == 42


def test_unknown_tlv_tags_and_late_unknown_bmps_are_skipped() -> None:
    tlv = encode_tlv(0x1F7F, b"future") + encode_tlv(0x1F10, b"\x01")
    data = encode_bmp(0x06, tlv) + encode_bmp(0x27, b"\x00") + b"\x77\x01\x02"
    info = m.status_info(data)
    assert info.signature_required and info.result_code == 0
    assert parse_bmps(data).stopped_at is not None


def test_print_block_with_receipt_type() -> None:
    lines = encode_tlv(0x07, b"KUNDE") + encode_tlv(0x07, b"Visa 12,50")
    tlv = encode_tlv(0x1F07, b"\x02") + encode_tlv(0x25, lines)
    block = m.print_block(encode_bmp(0x06, tlv))
    assert block == m.PrintBlock(m.RECEIPT_CUSTOMER, ("KUNDE", "Visa 12,50"))
    assert m.print_block(b"") == m.PrintBlock(None, ())


def test_intermediate_status_text_from_the_terminal() -> None:
    texts = encode_tlv(0x24, encode_tlv(0x07, b"Karte bitte") + encode_tlv(0x07, b"einstecken"))
    assert m.intermediate_text(b"\xff" + encode_bmp(0x06, texts)) == "Karte bitte einstecken"
    assert m.intermediate_text(b"\xff\x1e" + encode_bmp(0x06, texts)) == "Karte bitte einstecken"
    assert m.intermediate_text(b"\x0a\x1e") == "Insert card"
    assert m.intermediate_text(b"\x0a\x06\x05\x24") == "Insert card"  # broken TLV: ignored
    assert m.display_text(b"\xff" + encode_bmp(0x06, texts)) == "Karte bitte einstecken"
    assert m.display_text(b"\x0a\x1e") is None


def test_every_status_has_a_stable_key_and_0x43_is_no_pin_prompt() -> None:
    assert set(m.STATUS_TEXTS) == set(STATUS_KEYS)
    assert m.status_key(0x01) == m.status_key(0x02) == "watch_pin_pad"
    assert m.status_text(0x43) == "Not accepted, please remove card"
    assert m.status_key(0x43) == "not_accepted_remove_card"
    assert m.status_key(0x41) == "watch_pin_pad_remove_card"
    assert m.status_key(0x4B) == "remove_card"
    assert m.status_key(0x99) is None


def test_print_line_last_line_mark() -> None:
    assert m.is_last_line(b"\x81ok") and m.is_last_line(b"\x80ok") is False
    assert not m.is_last_line(b"\xff\x02") and not m.is_last_line(b"\x00x")


def test_reprs_hold_no_card_data() -> None:
    pan = bytes.fromhex("4111111111111111")
    data = encode_bmp(0x22, pan) + encode_bmp(0x23, b"4111111111111111=2512")
    assert "4111111111111111" not in repr(parse_bmps(data))
    assert "4111111111111111" not in repr(m.status_info(data))
    assert "4111111111111111" not in repr(decode_tlv(encode_tlv(0x5A, b"4111111111111111")))


def test_zvt_terminal_is_a_payment_terminal() -> None:
    assert isinstance(ZvtTerminal.from_url("zvt+tcp://10.0.0.5"), PaymentTerminal)


def test_registration_sends_the_currency_without_a_bmp_tag() -> None:
    # password 000000, config byte, then CC 0578 as bare BCD (not 49 05 78)
    assert m.registration("NOK").data == bytes.fromhex("000000880578")
    assert m.authorization(100, "NOK").data.endswith(bytes.fromhex("490578"))


# --- fuzz ---------------------------------------------------------------------------------------


def _parse_everything(data: bytes) -> None:
    info = m.status_info(data)
    pan = info.masked_pan or ""
    assert "*" in pan or len(pan) <= 4  # whatever arrives, at most the last four leave unmasked
    m.print_block(data)
    m.batch_totals(data[:6] or None, data)
    assert m.intermediate_text(data)


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_status_info_parser_only_raises_our_errors(data: bytes) -> None:
    with contextlib.suppress(ZvtProtocolError):
        _parse_everything(data)


bmp_tags = st.sampled_from(sorted(BMP_LENGTHS))


@settings(max_examples=150)
@given(st.lists(st.tuples(bmp_tags, st.binary(max_size=40)), max_size=8))
def test_well_framed_bmps_with_any_values(fields: list[tuple[int, bytes]]) -> None:
    parts = []
    for tag, value in fields:
        with contextlib.suppress(ZvtProtocolError):
            parts.append(encode_bmp(tag, value))  # fixed-length tags refuse wrong sizes
    with contextlib.suppress(ZvtProtocolError):
        _parse_everything(b"".join(parts))
