"""Table tests for barcode interpretation: each kind with real-world codes, and the failures."""

from __future__ import annotations

from datetime import date

import pytest

from pos.core.barcode import (
    BadCheckDigit,
    BarcodeError,
    Gs1Element,
    InStoreLayout,
    PlainNumber,
    PriceEmbedded,
    ProductCode,
    ReceiptRef,
    UnreadableBarcode,
    WeightEmbedded,
    expand_upce,
    gtin_key,
    interpret,
    parse_receipt_barcode,
    price_check_digit,
    receipt_barcode,
)

GS = "\x1d"

LAYOUTS = (
    InStoreLayout("23", "weight", item_digits=5, value_digits=5),
    # "24 PPPP V WWWWW C": four item digits fit only with a value check digit.
    InStoreLayout("24", "price", item_digits=4, value_digits=5, value_check_digit=True),
    InStoreLayout("20", "price", item_digits=5, value_digits=4, value_check_digit=True),
    InStoreLayout("02", "price", item_digits=5, value_digits=5),  # UPC-A number system 2
)


@pytest.mark.parametrize(
    ("data", "gtin"),
    [
        ("7038010055720", "7038010055720"),  # EAN-13, Norway
        ("5000112637922", "5000112637922"),  # EAN-13, UK
        ("96385074", "96385074"),  # EAN-8 stays eight digits
        ("036000291452", "0036000291452"),  # UPC-A becomes 0 + 12 digits
        ("0036000291452", "0036000291452"),  # ... the same as its EAN-13 spelling
        ("00036000291452", "0036000291452"),  # ... and its GTIN-14 spelling
        ("01234565", "0012345000065"),  # UPC-E -> UPC-A 012345000065 -> EAN-13 key
        ("04252614", "0042100005264"),  # UPC-E ending 4: 0 4210 00000 5 + check 4
        ("10000137", "10000137"),  # leading 1: UPC-E check fails, valid EAN-8
        ("10000069", "10000069"),  # leading 1, both checks pass: EAN-8 wins
        ("10000134", "0100000000014"),  # leading 1, only the UPC-E check passes
        ("00000000000000", "00000000"),  # degenerate but valid
        ("10012345678902", "10012345678902"),  # GTIN-14 with indicator 1
        ("  7038010055720\r\n", "7038010055720"),  # scanner suffix and stray spaces
        ("]E07038010055720", "7038010055720"),
        ("]E496385074", "96385074"),
        ("]E001234565", "0012345000065"),
        ("]E37038010055720" + "12", "7038010055720"),  # EAN-13 with a 2-digit add-on
        ("2100000000005", "2100000000005"),  # in-store prefix 21 has no layout: a product
    ],
)
def test_product_codes(data: str, gtin: str) -> None:
    scan = interpret(data, LAYOUTS)
    assert isinstance(scan, ProductCode)
    assert scan.gtin == gtin


def test_symbology_is_recorded_and_stripped() -> None:
    assert interpret("]E07038010055720").symbology == "E0"
    assert interpret("7038010055720").symbology is None
    assert interpret("]I01234567").symbology == "I0"
    # A driver that reports the identifier separately passes it as a keyword.
    assert interpret("01234565", symbology="E4") == ProductCode("01234565", symbology="E4")
    assert interpret("]E001234565", symbology="E4").symbology == "E0"  # the prefix wins
    assert interpret("0107038010000089" + "10ABC", symbology="e0").symbology == "e0"


def test_ambiguous_eight_digits_follow_the_symbology() -> None:
    # 01234565 passes both the EAN-8 and the UPC-E check.
    assert interpret("]E401234565") == ProductCode("01234565", symbology="E4")
    assert interpret("]E001234565") == ProductCode("0012345000065", symbology="E0")
    assert interpret("01234565") == ProductCode("0012345000065")


@pytest.mark.parametrize(
    ("code", "upca"),
    [
        ("01234565", "012345000065"),
        ("01234505", "012000003455"),  # last digit 0-2: 0 12 0 00 | 00 345
        ("01234531", "012300000451"),  # last digit 3: 0 123 00 | 000 45
        ("01234543", "012340000053"),  # last digit 4: 0 1234 0 | 0000 5
        ("04252614", "042100005264"),
        ("7038010055720", None),
        ("21234565", None),  # number system 2 has no UPC-E
    ],
)
def test_expand_upce(code: str, upca: str | None) -> None:
    assert expand_upce(code) == upca


def test_gtin_key_spellings_agree_and_are_idempotent() -> None:
    spellings = ["036000291452", "0036000291452", "00036000291452"]
    assert {gtin_key(s) for s in spellings} == {"0036000291452"}
    assert gtin_key("00000096385074") == "96385074"
    assert gtin_key(gtin_key("10012345678902")) == "10012345678902"
    with pytest.raises(BadCheckDigit):
        gtin_key("7038010055721")
    for not_a_gtin in ("1234567", "70380100557A", ""):
        with pytest.raises(UnreadableBarcode):
            gtin_key(not_a_gtin)


def test_in_store_weight_code() -> None:
    scan = interpret("2301234012509", LAYOUTS)
    assert scan == WeightEmbedded("01234", 1250, "2301234012509")


def test_in_store_price_code_with_five_digit_value_check() -> None:
    # value 01250 -> verifier 7 (GS1 weights 5+ 2- 5- 5+ 2-)
    scan = interpret("2412347012505", LAYOUTS)
    assert scan == PriceEmbedded("1234", 1250, "2412347012505")


def test_in_store_price_code_with_four_digit_value_check() -> None:
    scan = interpret("2012345928756", LAYOUTS)  # GS1 example price 2875 -> verifier 9
    assert scan == PriceEmbedded("12345", 2875, "2012345928756")


def test_upc_a_number_system_2_matches_prefix_02() -> None:
    scan = interpret("212345012505", LAYOUTS)
    assert scan == PriceEmbedded("12345", 1250, "212345012505")


def test_longest_layout_prefix_wins() -> None:
    layouts = (
        InStoreLayout("2", "price", item_digits=6, value_digits=5),
        InStoreLayout("23", "weight", item_digits=5, value_digits=5),
    )
    assert isinstance(interpret("2301234012509", layouts), WeightEmbedded)
    assert interpret("2912345012502", layouts) == PriceEmbedded("912345", 1250, "2912345012502")


def test_in_store_wrong_value_check_digit() -> None:
    # 2412346012506 has a correct EAN check digit but value verifier 6 instead of 7.
    with pytest.raises(BadCheckDigit):
        interpret("2412346012506", LAYOUTS)


@pytest.mark.parametrize(("value", "check"), [("2875", 9), ("14685", 6), ("01250", 7)])
def test_price_check_digit_gs1_examples(value: str, check: int) -> None:
    assert price_check_digit(value) == check


@pytest.mark.parametrize(
    "layout_args",
    [
        ("23", "weight", 4, 5, False),  # 12 digits: does not fill an EAN-13
        ("2x", "weight", 5, 5, False),
        ("23", "volume", 5, 5, False),
        ("23", "price", 4, 6, True),  # no verifier for six digits
    ],
)
def test_bad_layouts_are_refused(layout_args: tuple[str, str, int, int, bool]) -> None:
    prefix, kind, item, value, check = layout_args
    with pytest.raises(ValueError):
        InStoreLayout(prefix, kind, item, value, check)  # type: ignore[arg-type]


def test_gs1_human_readable() -> None:
    scan = interpret("(01)07038010000089(3103)001250(17)261231(10)ABC")
    assert scan == Gs1Element(
        "7038010000089",
        weight_grams=1250,
        batch="ABC",
        expiry=date(2026, 12, 31),
        raw="(01)07038010000089(3103)001250(17)261231(10)ABC",
    )


def test_gs1_variable_field_in_the_middle_ends_at_the_bracket() -> None:
    scan = interpret("(01)07038010000089(10)LOT-7(17)260200")
    assert isinstance(scan, Gs1Element)
    assert scan.batch == "LOT-7"
    assert scan.expiry == date(2026, 2, 28)  # day 00: last day of the month


@pytest.mark.parametrize(
    "data",
    [
        "]C10107038010000089310300125017261231" + GS + "10ABC",
        "0107038010000089" + "10ABC" + GS + "17261231" + GS + "3103001250",
        GS + "010703801000008910ABC" + GS + "3103001250" + "17261231",  # leading FNC1
        "]e00107038010000089310300125010ABC" + GS + "17261231",
    ],
)
def test_gs1_raw_element_strings(data: str) -> None:
    scan = interpret(data)
    assert isinstance(scan, Gs1Element)
    assert (scan.gtin, scan.weight_grams, scan.batch, scan.expiry) == (
        "7038010000089",
        1250,
        "ABC",
        date(2026, 12, 31),
    )


@pytest.mark.parametrize(
    ("data", "grams", "price"),
    [
        ("(01)07038010000089(3922)12950", None, 12950),  # 129.50
        ("(01)07038010000089(3923)12950", None, 1295),  # 12.950
        ("(01)07038010000089(3105)001255", 13, None),  # 12.55 g rounds half up
        ("(01)07038010000089(3100)000002", 2000, None),
        ("(01)07038010000089(3202)000100", 454, None),  # 1.00 lb = 453.59237 g
    ],
)
def test_gs1_weight_and_price(data: str, grams: int | None, price: int | None) -> None:
    scan = interpret(data)
    assert isinstance(scan, Gs1Element)
    assert (scan.weight_grams, scan.price_minor) == (grams, price)


def test_gs1_price_uses_the_currency_exponent() -> None:
    scan = interpret("(01)07038010000089(3920)129", minor_digits=0)
    assert isinstance(scan, Gs1Element)
    assert scan.price_minor == 129
    with pytest.raises(UnreadableBarcode):
        interpret("(01)07038010000089(3923)12955")  # 12.955: finer than the currency


def test_gs1_with_only_a_gtin_is_a_product_code() -> None:
    assert interpret("]e00107038010000089") == ProductCode("7038010000089", symbology="e0")
    assert interpret("0107038010000089") == ProductCode("7038010000089")
    assert interpret("(01)96385074") == ProductCode("96385074")  # padded to 14 for us


def test_gs1_text_with_the_gtin_written_as_printed() -> None:
    scan = interpret("(01)036000291452(17)261231")  # UPC-A, not padded to 14 digits
    assert isinstance(scan, Gs1Element)
    assert (scan.gtin, scan.expiry) == ("0036000291452", date(2026, 12, 31))


@pytest.mark.parametrize(
    ("data", "text"),
    [("1", "1"), ("4011", "4011"), ("0123456", "0123456"), ("1234567890", "1234567890")],
)
def test_plain_numbers(data: str, text: str) -> None:
    assert interpret(data) == PlainNumber(text)


def test_long_digit_string_that_is_no_gs1_is_a_plain_number() -> None:
    assert interpret("0112345678901234567") == PlainNumber("0112345678901234567")


@pytest.mark.parametrize(
    "data",
    [
        "7038010055721",  # EAN-13, last digit off by one
        "5000112637923",
        "96385075",  # EAN-8
        "036000291453",  # UPC-A
        "01234566",  # neither UPC-E nor EAN-8
        "10012345678903",  # GTIN-14
        "]E401234566",
        "(01)07038010000088(17)261231",  # GS1 with a bad GTIN
        "]C10107038010000088" + "10ABC",
    ],
)
def test_wrong_check_digits(data: str) -> None:
    with pytest.raises(BadCheckDigit) as info:
        interpret(data)
    assert info.value.data
    assert "check digit" in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        "",
        "   ",
        "\r\n",
        "ABC",
        "hello world",
        "70380100557\x00",
        "7038010055720\x07",
        "７０３８０１００５５７２０",  # fullwidth digits from an input method
        "٧٠٣٨٠١٠٠٥٥٧٢٠",  # Arabic-Indic digits: str.isdigit() says yes
        "]",
        "]E",
        "]?0123",
        "]E0",
        "(01)",
        "(01)123",
        "(17)261231(10)ABC",  # GS1 without a product number
        "(01)07038010000089(17)261332",  # no month 13
        "(01)07038010000089(3103)00A250",
        "(99)(01)",
        "0107038010000089ABC",
        "]C1ABC",
        "]Q1https://example.com/p/1",
        "R",
        "RT01-",
        "12 34",
        "9" * 600,
    ],
)
def test_garbage_is_unreadable(data: str) -> None:
    with pytest.raises(UnreadableBarcode) as info:
        interpret(data)
    assert isinstance(info.value, BarcodeError)
    assert isinstance(info.value, ValueError)
    assert "\x00" not in str(info.value)


def test_receipt_barcode_round_trip() -> None:
    code = receipt_barcode("T01", 1234)
    assert code == "RT01-1234F"
    assert parse_receipt_barcode(code) == ("T01", 1234)
    assert parse_receipt_barcode(code.lower()) == ("T01", 1234)  # Caps Lock on the wedge
    assert interpret(code) == ReceiptRef("T01", 1234)
    assert interpret("]C0" + code) == ReceiptRef("T01", 1234, symbology="C0")


def test_receipt_barcode_detects_a_changed_character() -> None:
    assert parse_receipt_barcode("RT01-1235F") is None
    with pytest.raises(BadCheckDigit):
        interpret("RT01-1235F")
    assert parse_receipt_barcode("7038010055720") is None
    assert parse_receipt_barcode("") is None


@pytest.mark.parametrize(("register", "number"), [("", 1), ("t01", 1), ("T 1", 1), ("T1", -1)])
def test_receipt_barcode_refuses_bad_input(register: str, number: int) -> None:
    with pytest.raises(ValueError):
        receipt_barcode(register, number)
