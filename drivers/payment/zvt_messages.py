"""ZVT messages: commands the ECR sends, PT messages decoded into plain values, and the texts
for result codes and intermediate statuses. No I/O.

Card data rule: a PAN leaves this module masked (digits the terminal masked with 0xE become
"*"; if a terminal ever sends an unmasked PAN, all but the last four digits are masked here).
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.base import ProtocolError
from drivers.payment.zvt_codec import (
    Apdu,
    Bmps,
    bcd_decode,
    bcd_digits,
    bcd_encode,
    decode_tlv,
    encode_amount,
    encode_bmp,
    parse_bmps,
)

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

RESULT_TEXTS: dict[int, str] = {
    0x00: "Approved",
    0x05: "Declined by the card issuer",
    0x33: "Card expired",
    0x51: "Insufficient funds",
    0x55: "Wrong PIN",
    0x64: "Card not readable",
    0x65: "Card data not present",
    0x66: "Processing error",
    0x67: "Function not permitted for this card",
    0x6B: "Function deactivated (terminal not registered)",
    0x6C: "Aborted (timeout or abort key)",
    0x6E: "Card blocked",
    0x6F: "Wrong currency",
    0x71: "Credit not sufficient",
    0x72: "Chip error",
    0x73: "Card data incorrect",
    0x77: "End-of-day batch not possible",
    0x78: "Card expired",
    0x79: "Card not yet valid",
    0x7A: "Card unknown",
    0x7D: "Communication error",
    0x83: "Function not possible",
    0x9A: "ZVT protocol error",
    0x9B: "Communication fault with the host",
    0x9C: "Please wait",
    0xA0: "Receiver not ready",
    0xA1: "Host does not respond",
    0xA3: "No connection",
    0xB4: "Already reversed",
    0xB5: "Reversal not possible",
    0xC3: "Maximum amount exceeded",
    0xC5: "Payment method not supported",
    0xC6: "Currency not applicable",
    0xC8: "Amount too small",
    0xCC: "Printer not ready",
    0xE2: "Card reader does not answer",
    0xFF: "System error",
}

STATUS_TEXTS: dict[int, str] = {
    0x00: "Waiting for amount confirmation",
    0x01: "Please watch PIN pad",
    0x02: "Please watch PIN pad",
    0x03: "Not accepted",
    0x04: "Waiting for response from host",
    0x05: "Sending auto-reversal",
    0x06: "Sending post-bookings",
    0x07: "Card not admitted",
    0x08: "Card unknown",
    0x09: "Card expired",
    0x0A: "Insert card",
    0x0B: "Please remove card",
    0x0C: "Card not readable",
    0x0D: "Processing error",
    0x0E: "Please wait",
    0x0F: "Starting automatic end-of-day",
    0x10: "Invalid card",
    0x12: "System malfunction",
    0x13: "Payment not possible",
    0x14: "Credit not sufficient",
    0x15: "Incorrect PIN",
    0x17: "Please wait",
    0x18: "PIN try limit exceeded",
    0x1D: "Declined",
    0x2C: "Application selection",
    0x41: "Please watch PIN pad",
    0x43: "Enter PIN",
    0x4B: "Please remove card",
    0xE0: "Waiting for application selection",
    0xF1: "Offline",
    0xF2: "Online",
    0xFF: "Please wait",
}

# BMP 8A card types (ZVT list); BMP 8B (card name) wins when the terminal sends it.
CARD_TYPES: dict[int, str] = {
    0x05: "girocard", 0x06: "Mastercard", 0x08: "American Express", 0x0A: "Visa",
    0x0C: "Diners", 0x0D: "V PAY", 0x0E: "JCB", 0x2E: "Maestro", 0xC0: "BankAxept",
}  # fmt: skip


def result_text(code: int) -> str:
    return RESULT_TEXTS.get(code, f"Terminal error {code:02X}")


def status_text(code: int) -> str:
    return STATUS_TEXTS.get(code, f"Terminal status {code:02X}")


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
    """06 00: password, config byte, currency code. The spec puts the currency code right
    after the config byte without a BMP tag (it is not BMP 49 here)."""
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
            raise ProtocolError("bad digit in masked PAN")
    if "*" not in out:
        out = ["*"] * max(0, len(out) - 4) + out[-4:]
    return "".join(out)


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
    )


def print_line(data: bytes) -> str:
    """06 D1: attribute byte, then the text (CP437)."""
    if not data:
        raise ProtocolError("print line without attribute byte")
    return data[1:].decode("cp437").rstrip()


def print_text_block(data: bytes) -> tuple[str, ...]:
    """06 D3: BMP 06 holding TLV 25 (print texts) with one TLV 07 per line."""
    bmps: Bmps = parse_bmps(data)
    container = bmps.get(0x06)
    if container is None:
        return ()
    lines: list[str] = []
    for item in decode_tlv(container):
        for line in [item] if item.tag == 0x07 else item.find(0x07):
            lines.append(line.value.decode("cp437").rstrip())
    return tuple(lines)


def abort_code(data: bytes) -> int:
    """06 1E: the result code is the first data byte (missing means a plain abort)."""
    return data[0] if data else 0x6C


def is_ack(apdu: Apdu) -> bool:
    return apdu.cls == 0x80 and apdu.instr == 0x00


def is_nak(apdu: Apdu) -> bool:
    return apdu.cls == 0x84


KNOWN_CLASSES = frozenset((0x04, 0x05, 0x06, 0x80, 0x84))
