"""Wiring the card service into a till: from [devices] payment to a running CardPayments, and
the refund hook the returns desk calls (pos.app.refund_card.CardRefunder)."""

from __future__ import annotations

from typing import Any

from drivers.registry import open_device
from pos.app.card.model import CardError
from pos.app.card.service import CardPayments
from pos.core.money import Money

# How long the returns desk waits for a refund (the customer is at the terminal).
REFUND_WAIT_S = 180.0


def card_service_for(ctx: Any) -> CardPayments | None:
    """The card service for a TillContext whose config names a payment terminal."""
    url = ctx.config.devices.payment
    if not url:
        return None
    return CardPayments(ctx.db, ctx.register_id, ctx.currency, lambda: open_device(url),
                        now=ctx.now, journaled=ctx.journaled)


class CardRefunds:
    """refund() as pos.app.returns expects it: blocking, raising unless the money went back.

    Returns the CardOutcome (its `.reference` names the refund intent). The intent (kind
    refund, the return's sale id, the original purchase's reference) is committed before the
    amount goes to the terminal, as for purchases; a lost answer is recovered the same way.
    """

    def __init__(self, service: CardPayments, employee_id: Any = None) -> None:
        self.service = service
        self.employee_id = employee_id

    def refund(self, amount: Money, *, sale_id: str, original_sale_id: str | None,
               original_reference: str | None) -> Any:
        employee = self.employee_id() if callable(self.employee_id) else self.employee_id
        attempt = self.service.refund(
            amount.minor, employee_id=employee, original_sale_id=original_sale_id,
            original_reference=original_reference, sale_id=sale_id)
        outcome = attempt.future.result(REFUND_WAIT_S)
        if not outcome.approved:
            raise CardError(f"refund_{outcome.status}", outcome.message)
        return outcome
