"""GS1 Digital Link URIs in QR codes, and is_expired()."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import quote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stdnum import ean

from pos.core.barcode import (
    GS,
    BadCheckDigit,
    BarcodeError,
    Gs1Element,
    ProductCode,
    UnreadableBarcode,
    digital_link_elements,
    interpret,
    is_expired,
)


def test_gs1_resolver_uri_with_batch_and_expiry_in_the_query() -> None:
    scan = interpret("https://id.gs1.org/01/07038010000089/10/ABC?17=261231", symbology="Q1")
    assert isinstance(scan, Gs1Element)
    assert (scan.gtin, scan.batch, scan.expiry) == ("7038010000089", "ABC", date(2026, 12, 31))
    assert scan.symbology == "Q1"


def test_custom_domain_path_prefix_serial_percent_encoding_and_other_params() -> None:
    scan = interpret(
        "https://shop.example.com/p/01/7038010000089/10/AB%2FC/21/XYZ1"
        "?17=260100&3103=000500&linkType=gs1:pip#top"
    )
    assert isinstance(scan, Gs1Element)
    assert scan.batch == "AB/C" and scan.serial == "XYZ1"
    assert scan.expiry == date(2026, 1, 31)  # day 00: last day of the month
    assert scan.weight_grams == 500


def test_aim_identifier_in_front_and_upper_case_scheme() -> None:
    scan = interpret("]Q1HTTP://ID.GS1.ORG/01/07038010000089/10/X1/")
    assert isinstance(scan, Gs1Element) and scan.batch == "X1" and scan.symbology == "Q1"


def test_gtin_only_is_a_product_code() -> None:
    assert interpret("https://id.gs1.org/01/07038010000089") == ProductCode("7038010000089")
    assert interpret("https://example.org/01/12345670") == ProductCode("12345670")


def test_element_string() -> None:
    got = digital_link_elements("https://id.gs1.org/01/07038010000089/10/ABC?17=261231")
    assert got == f"0107038010000089{GS}10ABC{GS}17261231"


@pytest.mark.parametrize(
    "uri",
    [
        "https://example.com/",
        "https://example.com/products/123",
        "https://id.gs1.org/01/070380100000/10/ABC",  # a 12-digit GTIN with a wrong check digit
        "https://id.gs1.org/01/07038010000089/10",  # qualifier without a value
        "https://id.gs1.org/01/07038010000089/99/X",  # 99 is no key qualifier
        "https://id.gs1.org/01/07038010000089/10/A%1D17991231",  # smuggled separator
        "https://id.gs1.org/01/123/10/ABC",
    ],
)
def test_not_a_usable_digital_link(uri: str) -> None:
    with pytest.raises((UnreadableBarcode, BadCheckDigit)):
        interpret(uri, symbology="Q1")


def test_wrong_gtin_check_digit() -> None:
    with pytest.raises(BadCheckDigit):
        interpret("https://id.gs1.org/01/07038010000088")


def test_short_expiry_date_is_unreadable_in_a_link_and_in_gs1_128() -> None:
    with pytest.raises(UnreadableBarcode):
        interpret("https://id.gs1.org/01/07038010000089?17=2612")
    with pytest.raises(UnreadableBarcode):
        interpret(f"]C10107038010000089{GS}172612")


def test_is_expired() -> None:
    scan = interpret("https://id.gs1.org/01/07038010000089/10/ABC?17=261231")
    assert not is_expired(scan, date(2026, 12, 30))
    assert not is_expired(scan, date(2026, 12, 31))  # the expiry day itself still sells
    assert is_expired(scan, date(2027, 1, 1))
    assert not is_expired(interpret("4006381333931"), date(2099, 1, 1))
    gs1 = interpret(f"]C10104006381333931{GS}10B1{GS}17200101")
    assert is_expired(gs1, date(2026, 11, 23))


# --- properties ----------------------------------------------------------------------------

DIGITS = "0123456789"
url_text = st.text(alphabet=DIGITS + "ABCxyz/%?&=.:-_1d", max_size=80)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["https://id.gs1.org/", "http://example.com/p/", "HTTPS://X.IO/", "https://"]),
    url_text,
)
@example("https://id.gs1.org/", "01/07038010000089/10/%1D17")
@example("https://id.gs1.org/", "01/07038010000089?17=99")
def test_web_addresses_raise_nothing_but_barcode_errors(base: str, rest: str) -> None:
    try:
        scan = interpret(base + rest, symbology="Q1")
    except BarcodeError:
        return
    assert isinstance(scan, ProductCode | Gs1Element)


# GS1 AI encodable character set 82, less the brackets the element-string syntax uses.
CSET82 = "!\"%&'*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
batches = st.text(alphabet=CSET82, min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=DIGITS, min_size=12, max_size=12),
    batches,
    st.dates(min_value=date(2000, 1, 1), max_value=date(2049, 12, 31)),
    st.booleans(),
)
def test_digital_link_means_what_the_same_gs1_element_string_means(
    body: str, batch: str, expiry: date, batch_in_query: bool
) -> None:
    gtin = body + str(ean.calc_check_digit(body))
    yymmdd = expiry.strftime("%y%m%d")
    if batch_in_query:
        uri = f"https://id.gs1.org/01/{gtin}?10={quote(batch, safe='')}&17={yymmdd}"
    else:
        uri = f"https://brand.example/01/0{gtin}/10/{quote(batch, safe='')}?17={yymmdd}"
    expected = interpret(f"(01)0{gtin}(17){yymmdd}(10){batch}")
    got = interpret(uri)
    assert isinstance(got, Gs1Element) and isinstance(expected, Gs1Element)
    assert (got.gtin, got.batch, got.expiry) == (expected.gtin, expected.batch, expiry)
    assert got.batch == batch
    assert is_expired(got, expiry) is False
    assert is_expired(got, expiry + timedelta(days=1)) is True
