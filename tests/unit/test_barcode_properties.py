"""Property tests: interpret() only ever raises BarcodeError, and valid codes round-trip."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from stdnum import ean

from pos.core.barcode import (
    BadCheckDigit,
    BarcodeError,
    InStoreLayout,
    PriceEmbedded,
    ProductCode,
    ReceiptRef,
    WeightEmbedded,
    gtin_key,
    interpret,
    parse_receipt_barcode,
    price_check_digit,
    receipt_barcode,
)

LAYOUTS = (
    InStoreLayout("23", "weight", item_digits=5, value_digits=5),
    InStoreLayout("24", "price", item_digits=4, value_digits=5, value_check_digit=True),
)
DIGITS = "0123456789"
# Text that looks like barcodes often enough to reach the deep branches.
barcodeish = st.one_of(
    st.text(),
    st.text(alphabet=DIGITS, max_size=40),
    st.text(alphabet=DIGITS + "()\x1d", max_size=60),
    st.builds(
        lambda aim, body: aim + body,
        st.sampled_from(["]E0", "]E4", "]C1", "]e0", "]Q1", "]d2", "]E3", "]X", "]"]),
        st.text(alphabet=DIGITS + "ABC\x1d()", max_size=50),
    ),
    st.builds(
        lambda ais: "".join(f"({ai}){value}" for ai, value in ais),
        st.lists(
            st.tuples(
                st.sampled_from(["01", "10", "17", "3103", "3922", "21", "99", "00", "310"]),
                st.text(alphabet=DIGITS + "AB", max_size=16),
            ),
            max_size=5,
        ),
    ),
    st.text(alphabet="Rr-0123456789TABXYZ", max_size=20).map(lambda s: "R" + s),
)


@given(barcodeish)
@example("(01)07038010000089(17)991300")
@example("(3103)")
@example("]C1\x1d\x1d01")
@example("0100000000000000310" + "9" * 40)
def test_interpret_raises_nothing_but_barcode_errors(data: str) -> None:
    try:
        scan = interpret(data, LAYOUTS)
    except BarcodeError as exc:
        assert str(exc)
        return
    assert scan.symbology is None or len(scan.symbology) == 2


ean13 = st.text(alphabet=DIGITS, min_size=12, max_size=12).map(
    lambda body: body + ean.calc_check_digit(body)
)


@given(ean13)
def test_every_valid_ean13_round_trips(code: str) -> None:
    scan = interpret(code)  # no layouts: even 2x codes are products
    assert isinstance(scan, ProductCode)
    assert scan.gtin.zfill(14) == code.zfill(14)  # same GTIN, only leading zeros dropped
    assert gtin_key(scan.gtin) == scan.gtin
    assert interpret("]E0" + code) == ProductCode(scan.gtin, symbology="E0")


@given(ean13, st.integers(0, 12), st.integers(1, 9))
def test_any_single_digit_error_is_caught(code: str, position: int, delta: int) -> None:
    wrong = str((int(code[position]) + delta) % 10)
    with_error = code[:position] + wrong + code[position + 1 :]
    try:
        interpret(with_error)
    except BadCheckDigit:
        return
    raise AssertionError(f"{with_error} was accepted")


@given(st.text(alphabet=DIGITS, min_size=5, max_size=5), st.integers(0, 99999))
def test_weight_codes_round_trip(item: str, grams: int) -> None:
    body = f"23{item}{grams:05d}"
    code = body + ean.calc_check_digit(body)
    assert interpret(code, LAYOUTS) == WeightEmbedded(item, grams, code)


@given(st.text(alphabet=DIGITS, min_size=4, max_size=4), st.integers(0, 99999))
def test_price_codes_with_verifier_round_trip(item: str, price: int) -> None:
    value = f"{price:05d}"
    body = f"24{item}{price_check_digit(value)}{value}"
    code = body + ean.calc_check_digit(body)
    assert interpret(code, LAYOUTS) == PriceEmbedded(item, price, code)


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12),
    st.integers(0, 10**12 - 1),
)
def test_receipt_barcodes_round_trip(register: str, number: int) -> None:
    code = receipt_barcode(register, number)
    assert parse_receipt_barcode(code) == (register, number)
    assert interpret(code) == ReceiptRef(register, number)
    assert code.isascii() and code.isprintable()
