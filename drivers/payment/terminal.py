"""The till's view of a card terminal: :class:`PaymentTerminal` and the values it returns.

Semi-integrated: the till sends an amount and gets back the outcome, masked card data, the
authorisation code and the terminal's receipt lines; it never sees a full PAN, track data or a
PIN block. ``ZvtTerminal`` (ZVT over TCP or serial) satisfies this protocol; so can a future
Nets or Adyen driver. Every call blocks: drive it from the device's worker thread.

Never charged twice: a call that fails with an ``OutcomeUnknown`` (see ``zvt_client``) after
the terminal took the command must not be retried; ask ``repeat_receipt()`` instead.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from drivers.payment.zvt_messages import BatchTotals, CardTotal, StatusInfo

__all__ = [
    "BatchTotals",
    "CardTotal",
    "IntermediateStatus",
    "Outcome",
    "PaymentResult",
    "PaymentTerminal",
    "StatusCallback",
    "TerminalStatus",
    "Transaction",
]


class Outcome(enum.Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    ABORTED = "aborted"


@dataclass(frozen=True, slots=True)
class IntermediateStatus:
    """A text for the cashier while the customer is at the terminal ("Enter PIN").

    ``key`` names the status stably ("insert_card", "watch_pin_pad", ...; see
    ``zvt_texts.STATUS_KEYS``) for the till to word in its own language; it is None when the
    terminal sent its own display text (show ``text`` then) or a status not in the list."""

    code: int
    text: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentResult:
    """What the till keeps of a card payment: never a full PAN.

    ``receipt_lines`` holds every line the terminal sent, in order; ``merchant_receipt`` and
    ``customer_receipt`` the same lines split by copy (print text blocks say which copy they
    are; print lines are split at each "last line" mark, merchant copy first).
    ``signature_required``: the cardholder was verified by signature, so the merchant copy
    must be printed and signed. ``auth_code`` is BMP 3B (ZVT's "AID", the authorisation
    attribute); the terminal's date and time are its own clock's, year not sent."""

    outcome: Outcome
    amount_minor: int
    result_code: int
    message: str
    card_brand: str | None = None
    masked_pan: str | None = None
    auth_code: str | None = None
    trace: int | None = None
    receipt_no: int | None = None
    terminal_id: str | None = None  # BMP 29
    terminal_date: str | None = None  # BMP 0D, MMDD as the terminal sent it
    terminal_time: str | None = None  # BMP 0C, HHMMSS
    receipt_lines: tuple[str, ...] = ()
    merchant_receipt: tuple[str, ...] = ()
    customer_receipt: tuple[str, ...] = ()
    signature_required: bool = False

    @property
    def approved(self) -> bool:
        return self.outcome is Outcome.APPROVED


@dataclass(frozen=True, slots=True)
class Transaction:
    """The raw end of one terminal command: completed (06 0F) or aborted (06 1E + code), the
    last Status Information, the receipt lines, and for an end of day the batch totals."""

    completed: bool
    code: int
    status: StatusInfo | None
    receipt_lines: tuple[str, ...]
    merchant_receipt: tuple[str, ...] = ()
    customer_receipt: tuple[str, ...] = ()

    @property
    def totals(self) -> BatchTotals | None:
        """End of day: the batch's totals (BMP 04 grand total, BMP 60 per brand)."""
        return self.status.totals if self.status is not None else None

    @property
    def signature_required(self) -> bool:
        return self.status is not None and self.status.signature_required


@dataclass(frozen=True, slots=True)
class TerminalStatus:
    ready: bool
    result_code: int
    message: str
    terminal_id: str | None = None


StatusCallback = Callable[[IntermediateStatus], None]


@runtime_checkable
class PaymentTerminal(Protocol):
    """A semi-integrated card terminal. Amounts are int minor units; every call blocks."""

    def open(self) -> None: ...

    def close(self) -> None: ...

    def purchase(
        self, amount_minor: int, on_status: StatusCallback | None = None
    ) -> PaymentResult: ...

    def refund(
        self, amount_minor: int, on_status: StatusCallback | None = None
    ) -> PaymentResult: ...

    def reversal(self, receipt_no: int, on_status: StatusCallback | None = None) -> PaymentResult:
        """Void an earlier payment of this batch by the terminal's receipt number."""
        ...

    def abort(self) -> None:
        """Cancel the payment in progress (safe to call from another thread)."""
        ...

    def status_enquiry(self) -> TerminalStatus: ...

    def end_of_day(self) -> Transaction:
        """Close the batch; ``.totals`` says what the terminal booked."""
        ...

    def repeat_receipt(self) -> Transaction:
        """The last transaction again: how to settle an outcome in doubt."""
        ...
