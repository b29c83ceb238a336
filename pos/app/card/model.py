"""What the card payment service tells its callers: live updates and the final outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pos.store.card_payments import IntentView

# sending: the intent is committed, the amount is on its way; status: a text from the terminal
# (code = the ZVT intermediate status, key = its stable name, text = the driver's English);
# checking: the answer was lost, the till asks the terminal; done: the outcome is known (or
# needs the cashier), see CardOutcome.
Stage = Literal["sending", "status", "checking", "done"]

# approved: money moved; declined / aborted: it did not (the terminal said so);
# not_charged: the terminal never took it, or its last transaction is an earlier one;
# unknown: nobody can tell yet: the cashier must look at the terminal (never charge again).
Status = Literal["approved", "declined", "aborted", "not_charged", "unknown"]


class CardError(Exception):
    """A card action refused before anything was sent; `kind` names it for the UI."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class CardOutcome:
    reference: str
    kind: str  # purchase | refund | reversal
    status: Status
    amount_minor: int
    result_code: int | None = None
    message: str = ""  # the terminal's (English) text; the UI words it from status/code
    intent: IntentView | None = None
    recovered: bool = False  # settled by asking the terminal after the answer was lost

    @property
    def approved(self) -> bool:
        return self.status == "approved"


@dataclass(frozen=True)
class CardUpdate:
    reference: str
    stage: Stage
    text: str = ""
    code: int | None = None
    outcome: CardOutcome | None = None
    key: str | None = None  # the driver's stable status key ("insert_card"); the UI words it
