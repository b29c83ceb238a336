"""What a scanned or typed barcode means, decided in one place.

`interpret()` turns the text a scanner (or a cashier) produced into one `Scan`:

* `ProductCode`: an EAN-13, EAN-8, UPC-A, UPC-E or GTIN-14, keyed by `gtin_key()`.
* `WeightEmbedded` / `PriceEmbedded`: an in-store (restricted circulation) EAN-13 whose
  digits follow one of the store's `InStoreLayout`s.
* `Gs1Element`: a GS1 element string (GS1-128, DataBar, GS1 DataMatrix/QR) with (01) and at
  least one more AI we use; one with only (01) is a plain `ProductCode`.
  A GS1 Digital Link URI (a QR code holding "https://id.gs1.org/01/{gtin}/10/{batch}?17=..."
  on any domain) is read into the same element string first.
* `ReceiptRef`: the barcode printed on our own receipts, for returns.
* `PlainNumber`: digits that are no GTIN length, e.g. a PLU or SKU typed by the cashier.

The canonical GTIN key (see `gtin_key`) is the shortest form GS1 allows without loss:
the 14-digit form with six leading zeros is a GTIN-8 (8 digits), with one leading zero it is
a GTIN-13 (13 digits: UPC-A becomes "0" + 12 digits, UPC-E is expanded to UPC-A first),
otherwise a GTIN-14. The mapping is one-to-one, so the catalogue importer must store keys made
by the same function and every spelling of one item finds the same row.

Check digits go through python-stdnum (`stdnum.ean`, `stdnum.gs1_128`, `stdnum.iso7064`); only
the GS1 price/weight verifier digit, which stdnum lacks, is computed here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypeAlias
from urllib.parse import parse_qsl, unquote, urlsplit

from stdnum import ean, gs1_128
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.iso7064 import mod_37_36

GS = "\x1d"  # ASCII group separator: how scanners transmit FNC1 inside a GS1 element string
MAX_LENGTH = 512  # longer input is no barcode we know; bounds the work done on garbage
RECEIPT_PREFIX = "R"  # a letter: can never be read as a GTIN, GS1 string or PLU

# AIM symbology identifiers ("]" + code letter + modifier) whose data is a GS1 element string.
_GS1_SYMBOLOGIES = frozenset({"C1", "e0", "e1", "e2", "d2", "Q3", "J1"})
_EAN_SYMBOLOGIES = frozenset({"E0", "E3", "E4"})
_BRACKETED = re.compile(r"(?:\(\d{2,4}\)[^()]*)+")
_BRACKET_ELEMENT = re.compile(r"\((\d{2,4})\)([^()]*)")
_RECEIPT = re.compile(r"R([A-Z0-9]{1,12})-(\d{1,12})([0-9A-Z])")
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts other scripts
_GRAMS_PER_POUND = Decimal("453.59237")


class BarcodeError(ValueError):
    """The data is no usable barcode; `str(error)` can be shown to the cashier."""

    def __init__(self, data: str, message: str) -> None:
        super().__init__(message)
        self.data = data


class BadCheckDigit(BarcodeError):
    """The digits have the right shape but a wrong check digit: a misread or a typo."""

    def __init__(self, data: str) -> None:
        super().__init__(data, f"The check digit of {_show(data)} is wrong. Scan again.")


class UnreadableBarcode(BarcodeError):
    """Empty, non-printable, or not any barcode we know; `reason` says which."""

    def __init__(self, data: str, reason: str) -> None:
        super().__init__(data, f"This barcode cannot be read ({reason}). Scan again.")
        self.reason = reason


@dataclass(frozen=True)
class _Read:
    # The AIM symbology identifier without "]" (e.g. "E0", "C1") when the scanner sent one.
    symbology: str | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class ProductCode(_Read):
    gtin: str  # canonical key, see gtin_key()


@dataclass(frozen=True)
class WeightEmbedded(_Read):
    item_code: str  # the item digits of the layout, leading zeros kept
    grams: int
    raw: str


@dataclass(frozen=True)
class PriceEmbedded(_Read):
    item_code: str
    price_minor: int  # the price digits as printed, in minor units of the store currency
    raw: str


@dataclass(frozen=True)
class Gs1Element(_Read):
    gtin: str  # canonical key of AI (01)
    weight_grams: int | None = None  # AI 310n (kg) or 320n (lb), rounded half up to a gram
    price_minor: int | None = None  # AI 392n
    batch: str | None = None  # AI 10
    expiry: date | None = None  # AI 17; day 00 is the last day of the month
    raw: str = ""
    serial: str | None = None  # AI 21 (kept when other AIs make this a Gs1Element)


@dataclass(frozen=True)
class ReceiptRef(_Read):
    register_id: str
    transaction_no: int


@dataclass(frozen=True)
class PlainNumber(_Read):
    text: str


Scan: TypeAlias = (
    ProductCode | WeightEmbedded | PriceEmbedded | Gs1Element | ReceiptRef | PlainNumber
)


@dataclass(frozen=True)
class InStoreLayout:
    """Digits of an in-store EAN-13: prefix, item, [value check digit], value, check digit.

    Matched against the 13-digit form, so a UPC-A number-system-2 code matches prefix "02".
    A weight value is in grams, a price value in minor units.
    """

    prefix: str
    kind: Literal["weight", "price"]
    item_digits: int
    value_digits: int
    value_check_digit: bool = False

    def __post_init__(self) -> None:
        if not _DIGITS.fullmatch(self.prefix) or len(self.prefix) > 3:
            raise ValueError(f"layout prefix must be 1-3 digits, not {self.prefix!r}")
        if self.kind not in ("weight", "price"):
            raise ValueError(f"layout kind must be weight or price, not {self.kind!r}")
        if self.item_digits < 1 or self.value_digits < 1:
            raise ValueError("layout needs at least one item digit and one value digit")
        if self.value_check_digit and self.value_digits not in (4, 5):
            raise ValueError("a value check digit exists only for 4 or 5 value digits")
        total = len(self.prefix) + self.item_digits + self.value_check_digit
        total += self.value_digits + 1
        if total != 13:
            raise ValueError(f"layout covers {total} digits; an EAN-13 has 13")


def interpret(
    data: str,
    layouts: Sequence[InStoreLayout] = (),
    *,
    symbology: str | None = None,
    minor_digits: int = 2,
) -> Scan:
    """Say what `data` is. Raises only `BarcodeError` (`BadCheckDigit`, `UnreadableBarcode`).

    An AIM identifier ("]E0...") in front of `data` is stripped and wins over `symbology`,
    which is for a driver that reports the AIM identifier (without "]") separately.
    `minor_digits` is the store currency's exponent, used for GS1 prices (AI 392n).
    """
    text = data.strip(" \t\r\n")  # suffixes a scanner appends, spaces a cashier types
    if text.startswith("]"):
        if not _AIM.match(text):
            raise UnreadableBarcode(data, "broken symbology identifier")
        symbology, text = text[1:3], text[3:]
    if not text:
        raise UnreadableBarcode(data, "no data")
    if len(text) > MAX_LENGTH:
        raise UnreadableBarcode(data, "too long")
    if any(not (" " <= c <= "~" or c == GS) for c in text):
        raise UnreadableBarcode(data, "unexpected characters")
    return replace(_classify(text, symbology, layouts, minor_digits), symbology=symbology)


def gtin_key(code: str) -> str:
    """The canonical lookup key of an EAN-8, UPC-A, EAN-13 or GTIN-14 (see module doc).

    Eight digits are read as EAN-8; expand a UPC-E with `expand_upce` first.
    """
    if not _DIGITS.fullmatch(code) or len(code) not in (8, 12, 13, 14):
        raise UnreadableBarcode(code, "not a GTIN")
    if not ean.is_valid(code):
        raise BadCheckDigit(code)
    gtin14 = code.zfill(14)
    if gtin14.startswith("000000"):
        return gtin14[6:]
    if gtin14.startswith("0"):
        return gtin14[1:]
    return gtin14


def expand_upce(code: str) -> str | None:
    """The UPC-A (12 digits) a UPC-E (number system 0/1, 6 digits, check) stands for.

    Returns None if `code` has no UPC-E shape; the check digit is carried over, not checked.
    """
    if not _DIGITS.fullmatch(code) or len(code) != 8 or code[0] not in "01":
        return None
    ns, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":  # GS1 General Specifications, UPC-E zero suppression
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return ns + body + check


def receipt_barcode(register_id: str, transaction_no: int) -> str:
    """Code128-friendly receipt number: "R" + register + "-" + number + ISO 7064 check char."""
    if not re.fullmatch(r"[A-Z0-9]{1,12}", register_id):
        raise ValueError(f"register id must be 1-12 of A-Z 0-9, not {register_id!r}")
    if not 0 <= transaction_no < 10**12:
        raise ValueError(f"transaction number out of range: {transaction_no}")
    check = mod_37_36.calc_check_digit(f"{register_id}{transaction_no}")
    return f"{RECEIPT_PREFIX}{register_id}-{transaction_no}{check}"


def parse_receipt_barcode(data: str) -> tuple[str, int] | None:
    """(register_id, transaction_no) if `data` is a valid receipt barcode, else None.

    Case-insensitive, because a keyboard-wedge scanner with Caps Lock on swaps case.
    """
    match = _RECEIPT.fullmatch(data.strip().upper())
    if match is None or not _receipt_check_ok(match):
        return None
    return match[1], int(match[2])


def _receipt_check_ok(match: re.Match[str]) -> bool:
    return mod_37_36.calc_check_digit(match[1] + match[2]) == match[3]


def is_expired(scan: Scan, today: date) -> bool:
    """True if `scan` carries an expiry date (AI 17) that is before `today`.

    The expiry date itself is the last day the item may be sold, so it is not expired yet.
    Scans without an expiry date are never expired.
    """
    return isinstance(scan, Gs1Element) and scan.expiry is not None and scan.expiry < today


# GS1 Digital Link 1.2: the primary key GTIN and its key qualifiers, in path order.
_DL_QUALIFIERS = ("22", "10", "21")
_DL_AI = re.compile(r"\d{2,4}")


def digital_link_elements(uri: str) -> str | None:
    """The GS1 element string (AIs joined by GS) of a GS1 Digital Link URI, or None if `uri`
    is no Digital Link with a GTIN.

    Any domain and any path before "/01/{gtin}" is accepted (custom resolvers); key qualifiers
    (22, 10, 21) follow in the path, other AIs come as numeric query parameters
    ("?17=261231&3103=000500"); non-numeric parameters (linkType, ...) are ignored.
    """
    parts = urlsplit(uri)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    segments = parts.path.split("/")
    for i in range(len(segments) - 1):
        if segments[i] == "01" and _DIGITS.fullmatch(segments[i + 1]):
            break
    else:
        return None
    gtin = segments[i + 1]
    if len(gtin) not in (8, 12, 13, 14):
        return None
    elements = ["01" + gtin.zfill(14)]
    rest = segments[i + 2 :]
    if rest and rest[-1] == "":
        rest = rest[:-1]  # a trailing slash
    if len(rest) % 2:
        return None
    for ai, value in zip(rest[::2], rest[1::2], strict=True):
        if ai not in _DL_QUALIFIERS or not value:
            return None
        elements.append(ai + unquote(value))
    for ai, value in parse_qsl(parts.query, keep_blank_values=True):
        if _DL_AI.fullmatch(ai) and ai != "01":
            elements.append(ai + value)
    # A percent-encoded GS or control character would smuggle in AIs of its own.
    if any(not " " < c <= "~" for c in "".join(elements)):
        return None
    return GS.join(elements)


def _classify(
    text: str, symbology: str | None, layouts: Sequence[InStoreLayout], minor_digits: int
) -> Scan:
    if text[:8].lower().startswith(("http://", "https://")):
        elements = digital_link_elements(text)
        if elements is None:
            raise UnreadableBarcode(text, "a web address, not a product")
        return _gs1(text, elements, minor_digits)
    if symbology in _GS1_SYMBOLOGIES:
        return _gs1(text, text.lstrip(GS), minor_digits)
    if text.startswith("("):
        return _gs1(text, _from_brackets(text), minor_digits)
    if GS in text:
        return _gs1(text, text.lstrip(GS), minor_digits)
    if text[0] in "Rr":
        match = _RECEIPT.fullmatch(text.upper())
        if match is None:
            raise UnreadableBarcode(text, "not a product or receipt barcode")
        if not _receipt_check_ok(match):
            raise BadCheckDigit(text)
        return ReceiptRef(match[1], int(match[2]))
    if _DIGITS.fullmatch(text):
        if symbology in ("E0", "E3") and len(text) in (15, 18):
            text = text[:-2] if len(text) == 15 else text[:-5]  # drop a 2/5-digit add-on
        if len(text) in (8, 12, 13, 14):
            return _gtin(text, symbology, layouts)
        if len(text) >= 16 and text.startswith("01"):
            try:  # DataBar or GS1-128 whose scanner sent no symbology identifier
                return _gs1(text, text, minor_digits)
            except BarcodeError:
                pass
        return PlainNumber(text)
    if len(text) >= 16 and text.startswith("01"):
        return _gs1(text, text, minor_digits)
    raise UnreadableBarcode(text, "not a product barcode")


def _gtin(digits: str, symbology: str | None, layouts: Sequence[InStoreLayout]) -> Scan:
    if len(digits) == 8:
        return ProductCode(gtin_key(_eight_digits(digits, symbology)))
    if not ean.is_valid(digits):
        raise BadCheckDigit(digits)
    if len(digits) in (12, 13):
        in_store = _in_store(digits, digits.zfill(13), layouts)
        if in_store is not None:
            return in_store
    return ProductCode(gtin_key(digits))


def _eight_digits(digits: str, symbology: str | None) -> str:
    # Eight digits are EAN-8 or UPC-E, and one string can pass both checks (01234565 does).
    # ]E4 means EAN-8 and ]E0 means UPC-E. Without an identifier a leading 0 means UPC-E:
    # GS1-8 prefix 0 is only for in-company restricted numbers, UPC-E 0 is on real products.
    upca = expand_upce(digits)
    upce_ok = upca is not None and symbology != "E4" and ean.is_valid(upca)
    if upca is not None and upce_ok and (symbology == "E0" or digits[0] == "0"):
        return upca
    if symbology != "E0" and ean.is_valid(digits):
        return digits
    if upca is not None and upce_ok:
        return upca
    raise BadCheckDigit(digits)


def _in_store(
    raw: str, digits13: str, layouts: Sequence[InStoreLayout]
) -> WeightEmbedded | PriceEmbedded | None:
    matching = [lay for lay in layouts if digits13.startswith(lay.prefix)]
    if not matching:
        return None
    layout = max(matching, key=lambda lay: len(lay.prefix))  # the most specific prefix wins
    start = len(layout.prefix)
    item = digits13[start : start + layout.item_digits]
    start += layout.item_digits
    value = digits13[12 - layout.value_digits : 12]
    if layout.value_check_digit and str(price_check_digit(value)) != digits13[start]:
        raise BadCheckDigit(raw)
    if layout.kind == "weight":
        return WeightEmbedded(item, int(value), raw)
    return PriceEmbedded(item, int(value), raw)


# GS1 General Specifications 7.9.5: the weighted products for the price/weight verifier digit.
_TWO_MINUS = (0, 2, 4, 6, 8, 9, 1, 3, 5, 7)
_THREE = (0, 3, 6, 9, 2, 5, 8, 1, 4, 7)
_FIVE_PLUS = (0, 5, 1, 6, 2, 7, 3, 8, 4, 9)
_FIVE_MINUS = (0, 5, 9, 4, 8, 3, 7, 2, 6, 1)


def price_check_digit(value: str) -> int:
    """GS1 verifier digit of a 4- or 5-digit price/weight field (2875 -> 9, 14685 -> 6)."""
    if not _DIGITS.fullmatch(value) or len(value) not in (4, 5):
        raise ValueError(f"need 4 or 5 digits, not {value!r}")
    d = [int(c) for c in value]
    if len(d) == 4:
        total = _TWO_MINUS[d[0]] + _TWO_MINUS[d[1]] + _THREE[d[2]] + _FIVE_MINUS[d[3]]
        return (total * 3) % 10
    total = (
        _FIVE_PLUS[d[0]]
        + _TWO_MINUS[d[1]]
        + _FIVE_MINUS[d[2]]
        + _FIVE_PLUS[d[3]]
        + _TWO_MINUS[d[4]]
    )
    return _FIVE_MINUS.index((10 - total % 10) % 10)


def _from_brackets(text: str) -> str:
    # "(01)...(10)ABC(17)..." -> raw elements joined by GS, so variable-length fields
    # (batch, price) end where the brackets said, not at their maximum length.
    if not _BRACKETED.fullmatch(text):
        raise UnreadableBarcode(text, "malformed GS1 text")
    parts = []
    for ai, value in _BRACKET_ELEMENT.findall(text):
        value = value.strip()
        if ai == "01" and _DIGITS.fullmatch(value) and len(value) in (8, 12, 13):
            value = value.zfill(14)  # people write the GTIN as printed
        parts.append(ai + value)
    return GS.join(parts)


def _gs1(raw: str, elements: str, minor_digits: int) -> ProductCode | Gs1Element:
    try:
        ais = gs1_128.info(elements, separator=GS)
    except InvalidChecksum as exc:
        raise BadCheckDigit(raw) from exc
    # stdnum's parser lets through what its helpers raise on malformed values.
    except (
        ValidationError,
        ValueError,
        ArithmeticError,
        LookupError,
        TypeError,
        AttributeError,
    ) as exc:
        raise UnreadableBarcode(raw, "malformed GS1 data") from exc
    gtin = ais.get("01")
    if not isinstance(gtin, str):
        raise UnreadableBarcode(raw, "GS1 data without a product number")
    weight = price = None
    for ai, value in ais.items():
        if not isinstance(value, Decimal):
            continue
        if ai.startswith("310"):
            weight = _to_int(value * 1000)
        elif ai.startswith("320"):
            weight = _to_int(value * _GRAMS_PER_POUND)
        elif ai.startswith("392"):
            minor = value.scaleb(minor_digits)
            if minor != minor.to_integral_value():
                raise UnreadableBarcode(raw, "price finer than the currency")
            price = int(minor)
    batch = ais.get("10")
    serial = ais.get("21")
    expiry = ais.get("17")
    if isinstance(expiry, datetime):  # stdnum reads a 4-digit "YYMM" so; AI 17 is YYMMDD
        raise UnreadableBarcode(raw, "malformed expiry date")
    result = Gs1Element(
        gtin_key(gtin),
        weight_grams=weight,
        price_minor=price,
        batch=batch if isinstance(batch, str) else None,
        expiry=expiry if isinstance(expiry, date) else None,
        raw=raw,
        serial=serial if isinstance(serial, str) else None,
    )
    if (weight, price, result.batch, result.expiry) == (None, None, None, None):
        return ProductCode(result.gtin)
    return result


def _to_int(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _show(data: str) -> str:
    # Echo what was read without control characters that would garble a message box.
    shown = "".join(c if " " <= c <= "~" else "?" for c in data.strip())
    return shown if len(shown) <= 40 else shown[:37] + "..."
