"""The sale screen's card actions: pay by card (all or part), settle a payment whose outcome is
unknown, bring back a card-paid sale the till lost, settle card payments after a commit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pos.app.card import CardError, CardOutcome, CardPayments, sale_link
from pos.core.money import Money
from pos.ui.card_dialog import CardDialog
from pos.ui.card_texts import error_text as card_error_text
from pos.ui.card_texts import outcome_text

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


def pay_by_card(view: SaleView, amount: Money | None) -> None:
    """"Card" on the payment panel: the amount due, or the amount typed (split tender)."""
    service: CardPayments | None = view.till.ctx.card
    if service is None:
        view.say(card_error_text("no_terminal"), error=True)
        return
    if service.open_intents():
        settle_open(view)
        return
    try:
        attempt = sale_link.pay_by_card(service, view.checkout, amount)
    except CardError as error:
        view.say(card_error_text(error.kind), error=True)
        return
    settlement = view.checkout.start_payment()
    shown = amount if amount is not None else settlement.due
    dialog = CardDialog(view, service, view.fmt, shown, attempt.reference, attempt.future,
                        approve=view.till.approve, employee_id=view.checkout.user.id)
    dialog.exec()
    _after(view, service, dialog.outcome)


def settle_open(view: SaleView) -> None:
    """An earlier card payment's outcome is unknown: ask the terminal again, then the cashier."""
    service: CardPayments = view.till.ctx.card
    waiting = service.open_intents()
    if not waiting:
        return
    intent = waiting[-1]
    dialog = CardDialog(view, service, view.fmt, Money(intent.amount_minor, intent.currency),
                        intent.reference, None, approve=view.till.approve,
                        employee_id=view.checkout.user.id)
    dialog.ask_again()
    dialog.exec()
    _after(view, service, dialog.outcome)


def _after(view: SaleView, service: CardPayments, outcome: CardOutcome | None) -> None:
    if outcome is None or not outcome.approved or outcome.intent is None:
        if outcome is not None:
            view.say(outcome_text(outcome)[0], error=outcome.status != "aborted")
        return
    if outcome.intent.sale_id != view.checkout.sale_id:
        restore_after_crash(view)
        return
    completed = sale_link.apply(service, view.checkout, outcome)
    if completed is not None:
        view.show_completed(completed)
        return
    settlement = view.checkout.settlement
    if settlement is not None:
        view.payment.show_settlement(settlement)
        view.show_customer_due()
        view.say(QCoreApplication.translate(
            "CardActions", "Card approved: {0}. Take the rest.").format(
            view.fmt.money(Money(outcome.amount_minor, settlement.currency))))


def restore_after_crash(view: SaleView) -> None:
    """A sale whose card payment was approved but never committed (the till stopped): back on
    the screen in payment, or completed when the card paid it all."""
    service: CardPayments | None = view.till.ctx.card
    if service is None or view.till.checkout is None:
        return
    if service.open_intents():
        view.say(card_error_text("unresolved"), error=True)
    try:
        restored = sale_link.restore(service, view.checkout)
    except CardError:
        return
    if restored is False:
        return
    view.say(QCoreApplication.translate(
        "CardActions", "A sale paid by card before the till stopped has been brought back."))
    if restored is True:
        settlement = view.checkout.settlement
        assert settlement is not None
        view.payment.show_settlement(settlement)
        view.show_paying(True)
        view.show_customer_due()
    else:
        view.show_paying(True)
        view.show_completed(restored)


def sale_completed(view: SaleView) -> None:
    """After any sale commit: its card payments are settled (nothing left to recover)."""
    service: CardPayments | None = view.till.ctx.card
    completed = view.checkout.completed
    if service is not None and completed is not None:
        service.settle(completed.sale_id)


