"""The hook between returns and card payments: refund the card parts of a refund plan.

The card payments' app service (pos.app.card_payment, issue 4) is expected to offer

    refund(amount: Money, *, sale_id: str, original_sale_id: str | None,
           original_reference: str | None) -> object with `.reference: str`

blocking until the terminal answers, raising on a decline or an abort, and doing its own
"never twice" bookkeeping (a refund intent keyed by `sale_id`, the return's id, committed
before the amount goes to the terminal). Until it exists the till has no CardRefunder and
returns refund card payments in cash (pos.app.returns.Returns.plan).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from pos.app.checkout import CheckoutError
from pos.core.money import Money
from pos.core.refund import RefundPlan


class CardRefundResult(Protocol):
    @property
    def reference(self) -> str: ...


class CardRefunder(Protocol):
    def refund(self, amount: Money, *, sale_id: str, original_sale_id: str | None,
               original_reference: str | None) -> CardRefundResult: ...


def refund_cards(card: CardRefunder | None, plan: RefundPlan, currency: str, sale_id: str,
                 original_sale_id: str | None) -> RefundPlan:
    """Send each card part to the terminal; the parts come back with the refund's reference.
    A refused card refund raises CheckoutError("card_refund_failed"): nothing is committed."""
    if card is None or not any(p.tender == "card" for p in plan.parts):
        return plan
    parts = []
    for part in plan.parts:
        if part.tender != "card":
            parts.append(part)
            continue
        try:
            result = card.refund(Money(part.amount_minor, currency), sale_id=sale_id,
                                 original_sale_id=original_sale_id,
                                 original_reference=part.reference)
        except Exception as error:  # the card service's own error tree is not ours to know
            raise CheckoutError("card_refund_failed", str(error)) from error
        parts.append(replace(part, reference=result.reference))
    return replace(plan, parts=tuple(parts))
