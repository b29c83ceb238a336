"""ZVT messages: commands the ECR sends and PT messages decoded into plain values (the texts
for result codes and intermediate statuses are in ``zvt_texts``, re-exported here). No I/O.

Card data rule: a PAN leaves this module masked (digits the terminal masked with 0xE become
"*"; if a terminal ever sends an unmasked PAN, all but the last four digits are masked here).
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.base import ProtocolError
from drivers.payment.zvt_codec import (
    Apdu,
    Bmps,
    FrameTruncated,
    NotZvt,
    bcd_decode,
    bcd_digits,
    bcd_encode,
    decode_tlv,
    encode_amount,
    encode_bmp,
    parse_bmps,
)

# Re-exported: the texts were defined here first and the till imports them from here.
from drivers.payment.zvt_texts import HOST_CODES as HOST_CODES
from drivers.payment.zvt_texts import RESULT_TEXTS as RESULT_TEXTS
from drivers.payment.zvt_texts import STATUS_TEXTS as STATUS_TEXTS
from drivers.payment.zvt_texts import result_text as result_text
from drivers.payment.zvt_texts import status_key as status_key
from drivers.payment.zvt_texts import status_text as status_text

CURRENCIES = {"NOK": 578, "SEK": 752, "EUR": 978, "DKK": 208}
PASSWORD = "000000"

# Config byte of Registration: bit 1 (0x02) the ECR prints the payment receipt, bit 2 (0x04)
# the ECR prints the admin receipt, bit 3 (0x08) the PT sends intermediate statuses,
# bit 7 (0x80) the ECR controls the amount input (the PT's keypad cannot start a payment).
CONFIG_DEFAULT = 0x08 | 0x80

ACK = Apdu(0x80, 0x00)

# Commands PT -> ECR
INTERMEDIATE_STATUS = (0x04, 0xFF)
STATUS_INFO = (0x04, 0x0F)
PRINT_LINE = (0x06, 0xD1)
PRINT_TEXT_BLOCK = (0x06, 0xD3)
COMPLETION = (0x06, 0x0F)
ABORT_FROM_PT = (0x06, 0x1E)

# BMP 8A card types (ZVT list); BMP 8B (card name) wins when the terminal sends it.
CARD_TYPES: dict[int, str] = {
    0x05: "girocard", 0x06: "Mastercard", 0x08: "American Express", 0x0A: "Visa",
    0x0C: "Diners", 0x0D: "V PAY", 0x0E: "JCB", 0x2E: "Maestro", 0xC0: "BankAxept",
}  # fmt: skip


def intermediate_text(data: bytes) -> str:
    """04 FF: ``<status> [<timeout>] [06 <TLV>]``. A terminal may put its own display text in
    TLV 24 (lines in TLV 07), meant above all for status FF ("see the TLV"); that text wins,
    else the status list's."""
    if not data:
        return status_text(0xFF)
    return display_text(data) or status_text(data[0])


def display_text(data: bytes) -> str | None:
    """The terminal's own display text in a 04 FF (TLV 24 > 07), or None. A TLV we cannot read
    is ignored."""
    for rest in (data[1:], data[2:]):  # the timeout byte is optional
        if rest[:1] != b"\x06":
            continue
        try:
            container = parse_bmps(rest).get(0x06)
            items = decode_tlv(container or b"")
        except ProtocolError:
            continue
        lines = [
            line.value.decode("cp437").strip()
            for item in items
            if item.tag == 0x24
            for line in item.find(0x07)
        ]
        if any(lines):
            return " ".join(line for line in lines if line)
    return None


def currency_number(currency: str | int) -> int:
    if isinstance(currency, int):
        return currency
    try:
        return CURRENCIES[currency.upper()]
    except KeyError:
        raise ValueError(f"unknown currency {currency!r} (known: {sorted(CURRENCIES)})") from None


def _password(password: str) -> bytes:
    if len(password) != 6 or not password.isdigit():
        raise ValueError("the ZVT password is 6 digits")
    return bytes.fromhex(password)


# --- ECR -> PT ----------------------------------------------------------------------------------


def registration(
    currency: str | int, config: int = CONFIG_DEFAULT, password: str = PASSWORD
) -> Apdu:
    """06 00: password, config byte, currency code.

    The currency code follows the config byte as a bare 2-byte BCD value, *without* the BMP 49
    tag: the spec's layout is ``<password> <config-byte> [<CC> [03 <service-byte>]
    [06 <TLV>]]``, where only the optional fields after CC carry tags; ecrterm (wirelane/ecrterm,
    ``Registration.cc`` a plain BCD field after ``config_byte``) and Portalum.Zvt
    (``RegistrationAsync`` adds the BCD bytes right after the config byte, then ``03`` +
    service byte) send it the same way. A tagged ``49 09 78`` here would be read by the
    terminal as currency 0x4909 followed by garbage. Authorization and Refund, by contrast, are
    all-BMP and send it as BMP 49."""
    cc = bcd_encode(currency_number(currency), 2)
    return Apdu(0x06, 0x00, _password(password) + bytes((config,)) + cc)


def authorization(amount_minor: int, currency: str | int) -> Apdu:
    if amount_minor <= 0:
        raise ValueError("a payment amount must be positive")
    cc = encode_bmp(0x49, bcd_encode(currency_number(currency), 2))
    return Apdu(0x06, 0x01, encode_amount(amount_minor) + cc)


def reversal(receipt_no: int, password: str = PASSWORD) -> Apdu:
    return Apdu(0x06, 0x30, _password(password) + encode_bmp(0x87, bcd_encode(receipt_no, 2)))


def refund(amount_minor: int, currency: str | int, password: str = PASSWORD) -> Apdu:
    if amount_minor <= 0:
        raise ValueError("a refund amount must be positive")
    cc = encode_bmp(0x49, bcd_encode(currency_number(currency), 2))
    return Apdu(0x06, 0x31, _password(password) + encode_amount(amount_minor) + cc)


def end_of_day(password: str = PASSWORD) -> Apdu:
    return Apdu(0x06, 0x50, _password(password))


def repeat_receipt(password: str = PASSWORD) -> Apdu:
    return Apdu(0x06, 0x20, _password(password))


def abort() -> Apdu:
    return Apdu(0x06, 0xB0)


def status_enquiry(password: str = PASSWORD) -> Apdu:
    return Apdu(0x05, 0x01, _password(password))


# --- PT -> ECR ----------------------------------------------------------------------------------


def mask_pan(raw: bytes) -> str:
    """BMP 22 (BCD, 0xE = masked digit, 0xF = padding) as text with "*" for masked digits.
    A PAN that arrives without any mask is masked here: only the last four digits survive."""
    out = []
    for ch in raw.hex():
        if ch == "e":
            out.append("*")
        elif ch == "f":
            continue
        elif ch.isdigit():
            out.append(ch)
        else:
            raise NotZvt("bad digit in masked PAN")
    if "*" not in out:
        out = ["*"] * max(0, len(out) - 4) + out[-4:]
    return "".join(out)


# TLV 1F10 (cardholder authentication) values that involve a signature.
SIGNATURE_CVMS = frozenset((0x01, 0x05, 0x06, 0x07))

# BMP 60 (individual totals) brand order: after receipt numbers from/to (2 + 2 BCD), one group
# per brand of count (1 byte binary) and turnover (6 BCD), in this fixed order.
TOTALS_BRANDS = ("girocard", "JCB", "Mastercard", "American Express", "Visa", "Diners", "Other")


@dataclass(frozen=True, slots=True)
class CardTotal:
    brand: str
    count: int
    amount_minor: int


@dataclass(frozen=True, slots=True)
class BatchTotals:
    """What the terminal booked since the last end of day. ``amount_minor`` is BMP 04 (the
    grand total); ``by_brand`` comes from BMP 60 when the terminal sends it."""

    amount_minor: int
    count: int | None = None
    receipt_from: int | None = None
    receipt_to: int | None = None
    by_brand: tuple[CardTotal, ...] = ()


def batch_totals(amount: bytes | None, raw: bytes | None) -> BatchTotals | None:
    """BMP 04 + BMP 60. A BMP 60 shorter than the brand table ends at its last whole group (a
    terminal that lists fewer brands is not an error)."""
    if amount is None and raw is None:
        return None
    total = bcd_decode(amount) if amount is not None else 0
    if raw is None or len(raw) < 4:
        return BatchTotals(total)
    brands: list[CardTotal] = []
    for i, brand in enumerate(TOTALS_BRANDS):
        group = raw[4 + 7 * i : 11 + 7 * i]
        if len(group) < 7:
            break
        brands.append(CardTotal(brand, group[0], bcd_decode(group[1:])))
    if amount is None:
        total = sum(b.amount_minor for b in brands)
    return BatchTotals(
        total,
        sum(b.count for b in brands) if brands else None,
        bcd_decode(raw[0:2]),
        bcd_decode(raw[2:4]),
        tuple(b for b in brands if b.count or b.amount_minor),
    )


def encode_totals(
    receipt_from: int, receipt_to: int, by_brand: dict[str, tuple[int, int]]
) -> bytes:
    """BMP 60 value (for the simulator and tests): ``by_brand`` maps a TOTALS_BRANDS name to
    (count, amount_minor)."""
    out = bcd_encode(receipt_from, 2) + bcd_encode(receipt_to, 2)
    for brand in TOTALS_BRANDS:
        count, amount = by_brand.get(brand, (0, 0))
        out += bytes((min(count, 255),)) + bcd_encode(amount, 6)
    return out


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """04 0F Status Information, the terminal's account of a transaction. No full PAN."""

    result_code: int | None = None
    amount_minor: int | None = None
    currency: int | None = None
    trace: int | None = None
    receipt_no: int | None = None
    terminal_id: str | None = None
    vu_number: str | None = None
    auth_code: str | None = None
    masked_pan: str | None = None
    card_type: int | None = None
    card_type_id: int | None = None
    card_name: str | None = None
    time: str | None = None  # HHMMSS as the terminal sent it
    date: str | None = None  # MMDD
    text: str | None = None  # BMP 3C additional text
    cardholder_auth: int | None = None  # TLV 1F10: 0 none, 1 signature, 2 online PIN, ...
    totals: BatchTotals | None = None  # BMP 60, sent with the end-of-day's Status Information

    @property
    def signature_required(self) -> bool:
        """The terminal verified the cardholder by signature (alone or with a PIN): the
        merchant copy must be signed."""
        return self.cardholder_auth in SIGNATURE_CVMS

    @property
    def brand(self) -> str | None:
        if self.card_name:
            return self.card_name
        if self.card_type is not None:
            return CARD_TYPES.get(self.card_type, f"card type {self.card_type}")
        return None


def _text(raw: bytes | None) -> str | None:
    if raw is None:
        return None
    return raw.replace(b"\x00", b"").decode("cp437").strip() or None


def _num(raw: bytes | None) -> int | None:
    return None if raw is None else bcd_decode(raw)


def _byte(raw: bytes | None) -> int | None:
    return raw[0] if raw else None


def _cardholder_auth(container: bytes | None) -> int | None:
    """TLV 1F10 from the BMP 06 container. A container we cannot read is ignored: the BMPs
    around it still tell the outcome, and an approved payment must not turn into an error."""
    if not container:
        return None
    try:
        found = [t for item in decode_tlv(container) for t in [item, *item.find(0x1F10)]]
    except ProtocolError:
        return None
    for t in found:
        if t.tag == 0x1F10 and t.value:
            return t.value[0]
    return None


def status_info(data: bytes) -> StatusInfo:
    b = parse_bmps(data)
    pan = b.get(0x22)
    return StatusInfo(
        result_code=_byte(b.get(0x27)),
        amount_minor=_num(b.get(0x04)),
        currency=_num(b.get(0x49)),
        trace=_num(b.get(0x0B)),
        receipt_no=_num(b.get(0x87)),
        terminal_id=bcd_digits(b.get(0x29) or b"") or None,
        vu_number=_text(b.get(0x2A)),
        auth_code=_text(b.get(0x3B)),
        masked_pan=(mask_pan(pan) or None) if pan is not None else None,
        card_type=_byte(b.get(0x8A)),
        card_type_id=_byte(b.get(0x8C)),
        card_name=_text(b.get(0x8B)),
        time=bcd_digits(b.get(0x0C) or b"") or None,
        date=bcd_digits(b.get(0x0D) or b"") or None,
        text=_text(b.get(0x3C)),
        cardholder_auth=_cardholder_auth(b.get(0x06)),
        totals=batch_totals(b.get(0x04), b.get(0x60)) if b.get(0x60) is not None else None,
    )


def print_line(data: bytes) -> str:
    """06 D1: attribute byte, then the text (CP437)."""
    if not data:
        raise FrameTruncated("print line without attribute byte")
    return data[1:].decode("cp437").rstrip()


def is_last_line(data: bytes) -> bool:
    """06 D1 attribute 1xxx xxxx (but not 80, RFU, nor FF, a line feed) ends a receipt."""
    return bool(data) and data[0] & 0x80 != 0 and data[0] not in (0x80, 0xFF)


RECEIPT_MERCHANT, RECEIPT_CUSTOMER, RECEIPT_ADMIN = 0x01, 0x02, 0x03


@dataclass(frozen=True, slots=True)
class PrintBlock:
    """06 D3 read whole: the receipt type (TLV 1F07: 1 merchant, 2 customer, 3 administration;
    None when absent) and its lines."""

    receipt_type: int | None
    lines: tuple[str, ...]


def print_block(data: bytes) -> PrintBlock:
    bmps: Bmps = parse_bmps(data)
    container = bmps.get(0x06)
    if container is None:
        return PrintBlock(None, ())
    items = decode_tlv(container)
    kinds = [t for item in items for t in [item, *item.find(0x1F07)] if t.tag == 0x1F07]
    kind = kinds[0].value[0] if kinds and kinds[0].value else None
    lines: list[str] = []
    for item in items:
        for line in [item] if item.tag == 0x07 else item.find(0x07):
            lines.append(line.value.decode("cp437").rstrip())
    return PrintBlock(kind, tuple(lines))


def print_text_block(data: bytes) -> tuple[str, ...]:
    """06 D3: BMP 06 holding TLV 25 (print texts) with one TLV 07 per line."""
    return print_block(data).lines


def abort_code(data: bytes) -> int:
    """06 1E: the result code is the first data byte (missing means a plain abort)."""
    return data[0] if data else 0x6C


def is_ack(apdu: Apdu) -> bool:
    return apdu.cls == 0x80 and apdu.instr == 0x00


def is_nak(apdu: Apdu) -> bool:
    return apdu.cls == 0x84


KNOWN_CLASSES = frozenset((0x04, 0x05, 0x06, 0x80, 0x84))
