"""A card payment inside the open sale: what the intent remembers of the sale, recording an
approved payment in the settlement exactly once, and bringing a sale back after a crash.

The intent's snapshot holds the cart and the payments taken before the card: if the till dies
after the terminal approved but before the sale was committed, start-up recovery finds the
approved intent, and restore() puts the sale back on the screen with the card part paid (and
completes it at once when the card paid everything).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from pos.app.card.model import CardError, CardOutcome
from pos.app.card.service import CardAttempt, CardPayments
from pos.app.cart_codec import cart_from_data, cart_to_data
from pos.app.checkout import Checkout, CompletedSale
from pos.core.money import Money
from pos.core.tender import Payment, Settlement, TenderKind
from pos.core.totals import compute_totals
from pos.store.card_payments import IntentView


def snapshot(checkout: Checkout) -> dict[str, Any]:
    settlement = checkout.start_payment()
    return {
        "cart": cart_to_data(checkout.cart, checkout.sale_id),
        "opened_at": checkout.opened_at.isoformat(),
        "payments": [
            {"kind": p.kind.value, "amount_minor": p.amount.minor, "reference": p.reference,
             "tendered_minor": p.tendered.minor if p.tendered is not None else None}
            for p in settlement.payments
        ],
    }


def pay_by_card(service: CardPayments, checkout: Checkout, amount: Money | None = None
                ) -> CardAttempt:
    """Send the amount due (or part of it: split tender) to the terminal. What the UI calls
    for "Card"; the intent is committed before this returns."""
    settlement = checkout.start_payment()
    amount = amount if amount is not None else settlement.due
    if amount.minor <= 0 or amount > settlement.due:
        raise CardError("bad_amount", str(amount))
    return service.purchase(amount.minor, sale_id=checkout.sale_id,
                            employee_id=checkout.user.id, snapshot=snapshot(checkout))


def apply(service: CardPayments, checkout: Checkout, outcome: CardOutcome
          ) -> CompletedSale | None:
    """Put an approved card payment into the open sale, once; complete the sale when it is
    settled (and mark the intent settled after the commit). Anything else: None."""
    intent = outcome.intent
    if (not outcome.approved or intent is None or intent.kind != "purchase"
            or intent.sale_id != checkout.sale_id):
        return None
    if checkout.completed is not None:
        return checkout.completed
    settlement = checkout.start_payment()
    if any(p.reference == intent.reference for p in settlement.payments):
        return None  # already in: a second delivery of the same outcome
    completed = checkout.pay_exact(TenderKind.CARD, Money(intent.amount_minor, intent.currency),
                                   intent.reference)
    if completed is not None:
        service.settle(checkout.sale_id)
    return completed


def restore(service: CardPayments, checkout: Checkout) -> CompletedSale | bool:
    """After a crash: bring back the newest sale that has approved card payments but was never
    committed. Returns the completed sale when the card(s) paid it all, True when it is back
    in payment, False when there was nothing to restore. Refuses over a non-empty cart."""
    waiting = service.restorable()
    if not waiting:
        return False
    if not checkout.cart.is_empty or checkout.completed is not None:
        raise CardError("cart_not_empty")
    sale_id = waiting[-1].sale_id
    intents = [i for i in waiting if i.sale_id == sale_id]
    data = _newest_snapshot(intents)
    if data is None:
        return False
    cart = cart_from_data(data["cart"])
    settlement = Settlement(compute_totals(cart).total)
    payments = [_payment(p, cart.currency) for p in data.get("payments", [])]
    cards = {p.reference for p in payments if p.kind is TenderKind.CARD}
    for intent in intents:
        if intent.reference not in cards:
            payments.append(Payment(TenderKind.CARD, Money(intent.amount_minor, intent.currency),
                                    reference=intent.reference))
    settlement = replace(settlement, payments=tuple(payments))
    assert sale_id is not None
    checkout.restore(sale_id, cart, settlement, datetime.fromisoformat(data["opened_at"]))
    if settlement.is_settled:
        completed = checkout.complete_restored()
        service.settle(sale_id)
        return completed
    return True


def _newest_snapshot(intents: list[IntentView]) -> dict[str, Any] | None:
    for intent in reversed(intents):
        data = intent.snapshot_data()
        if data and "cart" in data:
            return data
    return None


def _payment(data: dict[str, Any], currency: str) -> Payment:
    tendered = data.get("tendered_minor")
    return Payment(TenderKind(data["kind"]), Money(data["amount_minor"], currency),
                   tendered=Money(tendered, currency) if tendered is not None else None,
                   reference=data.get("reference"))
