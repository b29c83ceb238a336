"""Terminal answers as intent columns, and the journal entries for each step.

Privacy: only a masked PAN is ever stored or journaled. The driver masks already; a PAN that
still shows more than the first six and last four digits is masked again here, so a terminal
(or a future driver) that sends too much never reaches the database or the log.
"""

from __future__ import annotations

import re
from typing import Any

from drivers.payment.zvt_client import PaymentResult
from drivers.payment.zvt_messages import StatusInfo, result_text
from pos.app.journal_codes import SAFT_EVENT_CODE, Event
from pos.store.card_payments import IntentView, JournalNote

SIGNATURE = re.compile(r"unterschrift|signatur|signature|sign here", re.IGNORECASE)
_LONG_DIGITS = re.compile(r"\d{11,}")


def masked(pan: str | None) -> str | None:
    """At most the first six and the last four digits in clear (PCI DSS), whatever the
    terminal sent: never a full PAN."""
    if not pan:
        return None
    n = len(pan)
    return "".join(ch if not ch.isdigit() or i < 6 or i >= n - 4 else "*"
                   for i, ch in enumerate(pan))


def scrub_line(line: str) -> str:
    """A receipt line with any long digit run (a PAN the terminal forgot to mask) hidden."""
    return _LONG_DIGITS.sub(lambda m: "*" * (len(m.group()) - 4) + m.group()[-4:], line)


def terminal_time(info: StatusInfo | None) -> str | None:
    if info is None:
        return None
    return _when(info.date, info.time)


def _when(date: str | None, time: str | None) -> str | None:
    """The terminal's clock as "MMDD HHMMSS" (ZVT sends no year), unknown parts as ?."""
    if not (date or time):
        return None
    return f"{date or '????'} {time or '??????'}"


def result_columns(result: PaymentResult) -> dict[str, Any]:
    customer = getattr(result, "customer_receipt", ()) or ()
    merchant = getattr(result, "merchant_receipt", ()) or ()
    lines = tuple(result.receipt_lines)
    signature = bool(getattr(result, "signature_required", False)) or any(
        SIGNATURE.search(line) for line in lines)
    return {
        "result_code": result.result_code,
        "result_text": result.message,
        "masked_pan": masked(result.masked_pan),
        "card_brand": result.card_brand,
        "auth_code": result.auth_code,
        "receipt_no": result.receipt_no,
        "trace_no": result.trace,
        "terminal_id": result.terminal_id,
        "terminal_time": _when(result.terminal_date, result.terminal_time),
        "receipt_lines": {
            "customer": [scrub_line(x) for x in (customer or lines)],
            "merchant": [scrub_line(x) for x in (merchant or lines)],
        },
        "signature_required": int(signature),
    }


def status_columns(
    info: StatusInfo, lines: tuple[str, ...] = (),
    customer: tuple[str, ...] = (), merchant: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The same columns from a Status Information (a repeat receipt, after a lost answer)."""
    code = info.result_code or 0
    return {
        "result_code": code,
        "result_text": result_text(code),
        "masked_pan": masked(info.masked_pan),
        "card_brand": info.brand,
        "auth_code": info.auth_code,
        "receipt_no": info.receipt_no,
        "trace_no": info.trace,
        "terminal_id": info.terminal_id,
        "terminal_time": terminal_time(info),
        "receipt_lines": {
            "customer": [scrub_line(x) for x in (customer or lines)],
            "merchant": [scrub_line(x) for x in (merchant or lines)],
        },
        "signature_required": int(bool(getattr(info, "signature_required", False))),
    }


def note(event: Event, employee_id: int | None, **payload: Any) -> JournalNote:
    return JournalNote(SAFT_EVENT_CODE[event], event.value, employee_id, payload)


def summary(intent: IntentView) -> dict[str, Any]:
    """What a journal entry says about an intent: never card data beyond the masked PAN."""
    return {
        "reference": intent.reference, "kind": intent.kind, "amount_minor": intent.amount_minor,
        "currency": intent.currency,
    }


def outcome_payload(columns: dict[str, Any]) -> dict[str, Any]:
    keys = ("result_code", "masked_pan", "card_brand", "auth_code", "receipt_no", "trace_no",
            "terminal_id")
    return {k: columns.get(k) for k in keys}
