"""After a lost answer (timeout, dropped link, garbage, a till crash): ask the terminal.

The terminal remembers its last transaction (Repeat Receipt, 06 20). Kassa remembers which
terminal transactions it already holds (card_intents.terminal_id/trace_no/receipt_no). So:

- the terminal cannot be asked, or says it is busy        -> still unknown
- its last transaction is one Kassa already holds (or it has none) -> this amount never ran
  through: not charged
- a new transaction for this amount: approved / declined / aborted as it says
- a new transaction for another amount                     -> unknown: the cashier decides

Only the newest open intent can be the terminal's last transaction; an older open one (which
can only exist after repeated failures) is left to the cashier.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

from drivers.base import DeviceError
from drivers.payment.zvt_client import Transaction
from pos.app.card.model import Status
from pos.app.card.results import status_columns
from pos.store import card_payments as store
from pos.store.card_payments import IntentView
from pos.store.db import Database

log = logging.getLogger(__name__)
ABORTED_CODE = 0x6C


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str  # unreachable | busy | no_transaction | earlier_transaction | matched | mismatch
    columns: dict[str, Any] = field(default_factory=dict)


def ask_terminal(terminal: Any, db: Database, intent: IntentView) -> Verdict:
    """Status enquiry, then repeat receipt, on a fresh link; never sends a payment."""
    with contextlib.suppress(DeviceError):
        terminal.close()  # the old link may be out of step (garbage, half a frame)
    try:
        status = terminal.status_enquiry()
        if not status.ready and status.result_code in (0x9C, 0xA0):  # please wait, not ready
            return Verdict("unknown", "busy")
        receipt: Transaction = terminal.repeat_receipt()
    except DeviceError as error:
        log.warning("card recovery of %s: terminal not reachable: %s", intent.reference, error)
        return Verdict("unknown", "unreachable")
    return judge(db, intent, receipt)


def judge(db: Database, intent: IntentView, receipt: Transaction) -> Verdict:
    info = receipt.status
    if info is None or (info.trace is None and info.receipt_no is None):
        return Verdict("not_charged", "no_transaction")
    batch = store.last_reconciliation(db, intent.register_id)
    known = store.known_terminal_tx(db, info.terminal_id, info.trace, info.receipt_no,
                                    batch.through_intent_id if batch else 0)
    if known is not None and known.reference != intent.reference:
        return Verdict("not_charged", "earlier_transaction")
    columns = status_columns(
        info, receipt.receipt_lines, getattr(receipt, "customer_receipt", ()),
        getattr(receipt, "merchant_receipt", ()))
    amount_checked = intent.kind != "reversal"  # a reversal is asked by receipt number
    if amount_checked and info.amount_minor != intent.amount_minor:
        return Verdict("unknown", "mismatch", columns)
    code = info.result_code or 0
    if code == 0:
        return Verdict("approved", "matched", columns)
    if code == ABORTED_CODE:
        return Verdict("aborted", "matched", columns)
    return Verdict("declined", "matched", columns)
