"""ZVT's codes in plain English: result codes (BMP 27, 06 1E, 84 xx) and intermediate statuses
(04 FF). The till translates them by code; these are the driver's own words and the fallback.
"""

from __future__ import annotations

# Result codes (BMP 27, 06 1E, 84 xx). 01..63 hex are not ZVT's own: the spec passes on the
# authorisation host's response code there, and hosts use two-digit decimal codes (ISO 8583
# style), so 0x05 is host code 05 ("do not honour") and 0x33 is host code 51. Codes from 0x64
# up are ZVT's own error list. Plain English here; the till translates.
RESULT_TEXTS: dict[int, str] = {
    0x00: "Approved",
    # host response codes, sent as binary (0x05 = 05, 0x33 = 51, ...)
    0x03: "Declined: merchant not known to the card issuer",
    0x04: "Declined by the card issuer (keep the card)",
    0x05: "Declined by the card issuer",
    0x0C: "Declined: invalid transaction",
    0x0D: "Declined: invalid amount",
    0x0E: "Declined: invalid card number",
    0x21: "Card expired",
    0x33: "Insufficient funds",
    0x36: "Card expired",
    0x37: "Wrong PIN",
    0x39: "Transaction not permitted for this card",
    0x3D: "Amount limit exceeded",
    0x41: "Activity limit exceeded",
    0x4B: "PIN try limit exceeded",
    0x5B: "Card issuer not available",
    # ZVT's own list
    0x64: "Card not readable",
    0x65: "Card data not present",
    0x66: "Processing error",
    0x67: "Function not permitted for this card",
    0x68: "Function not permitted for credit cards",
    0x6A: "Turnover file full",
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
    0x85: "Key missing",
    0x89: "PIN pad defective",
    0x9A: "ZVT protocol error",
    0x9B: "Communication fault with the host",
    0x9C: "Please wait",
    0xA0: "Receiver not ready",
    0xA1: "Host does not respond",
    0xA3: "No connection",
    0xB1: "Terminal memory full",
    0xB2: "Merchant journal full",
    0xB4: "Already reversed",
    0xB5: "Reversal not possible",
    0xC2: "Terminal needs a diagnosis",
    0xC3: "Maximum amount exceeded",
    0xC5: "Payment method not supported",
    0xC6: "Currency not applicable",
    0xC8: "Amount too small",
    0xCC: "Printer not ready",
    0xCD: "Cashback not possible",
    0xDC: "Card inserted",
    0xE2: "Card reader does not answer",
    0xE3: "Shutter closed",
    0xEC: "PIN processing not possible",
    0xED: "PIN pad defective",
    0xF0: "Open end-of-day batch present",
    0xFC: "A necessary device is missing or defective",
    0xFF: "System error",
}
HOST_CODES = range(0x01, 0x64)

# 04 FF intermediate status codes (the ZVT list). 0x41..0x4F are 0x01..0x0F with "please
# remove card" added; the PIN prompt is 01 / 02 ("watch the PIN pad").
_BASE_STATUS: dict[int, str] = {
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
}
STATUS_TEXTS: dict[int, str] = {
    **_BASE_STATUS,
    0x10: "Invalid card",
    0x11: "Balance display",
    0x12: "System malfunction",
    0x13: "Payment not possible",
    0x14: "Credit not sufficient",
    0x15: "Incorrect PIN",
    0x16: "Limit not sufficient",
    0x17: "Please wait",
    0x18: "PIN try limit exceeded",
    0x19: "Card data incorrect",
    0x1A: "Service mode",
    0x1B: "Approved, please fill up",
    0x1C: "Approved, please take the goods",
    0x1D: "Declined",
    **{
        0x40 | code: f"{text}, please remove card"
        for code, text in _BASE_STATUS.items()
        if code not in (0x00, 0x0A, 0x0B)
    },
    0x4B: "Please remove card",
    0xE0: "Waiting for application selection",
    0xF1: "Offline",
    0xF2: "Online",
    0xFF: "Please wait",
}


def result_text(code: int) -> str:
    if code in RESULT_TEXTS:
        return RESULT_TEXTS[code]
    if code in HOST_CODES:
        return f"Declined by the card issuer (host code {code:02d})"
    return f"Terminal error {code:02X}"


# The same statuses as stable keys: what the till words in its own languages (the texts above
# are the driver's English). 0x41..0x4F are the base key + "_remove_card"; 0x43 is
# "not_accepted_remove_card", never a PIN prompt (01 / 02 "watch_pin_pad" are).
_BASE_KEYS: dict[int, str] = {
    0x00: "confirm_amount",
    0x01: "watch_pin_pad",
    0x02: "watch_pin_pad",
    0x03: "not_accepted",
    0x04: "waiting_for_host",
    0x05: "auto_reversal",
    0x06: "post_bookings",
    0x07: "card_not_admitted",
    0x08: "card_unknown",
    0x09: "card_expired",
    0x0A: "insert_card",
    0x0B: "remove_card",
    0x0C: "card_not_readable",
    0x0D: "processing_error",
    0x0E: "please_wait",
    0x0F: "auto_end_of_day",
}
STATUS_KEYS: dict[int, str] = {
    **_BASE_KEYS,
    0x10: "invalid_card",
    0x11: "balance_display",
    0x12: "system_malfunction",
    0x13: "payment_not_possible",
    0x14: "credit_not_sufficient",
    0x15: "incorrect_pin",
    0x16: "limit_not_sufficient",
    0x17: "please_wait",
    0x18: "pin_try_limit_exceeded",
    0x19: "card_data_incorrect",
    0x1A: "service_mode",
    0x1B: "approved_fill_up",
    0x1C: "approved_take_goods",
    0x1D: "declined",
    **{
        0x40 | code: f"{key}_remove_card"
        for code, key in _BASE_KEYS.items()
        if code not in (0x00, 0x0A, 0x0B)
    },
    0x4B: "remove_card",
    0xE0: "application_selection",
    0xF1: "offline",
    0xF2: "online",
    0xFF: "please_wait",
}
assert STATUS_KEYS.keys() == STATUS_TEXTS.keys()


def status_text(code: int) -> str:
    return STATUS_TEXTS.get(code, f"Terminal status {code:02X}")


def status_key(code: int) -> str | None:
    """The status as a stable key for the till to translate; None for a code not in the list."""
    return STATUS_KEYS.get(code)
