"""The manager's "Reverse last card payment", reachable from the Devices page: void the last
approved card purchase of the terminal's batch (ZVT 06 30 with its receipt number) before the
batch is closed. A manager approves (or is logged in); the terminal's answer shows in the same
dialog as a payment; the service journals every step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from pos.app.card import CardError, CardPayments
from pos.core.money import Money
from pos.store import card_payments
from pos.ui.card_dialog import CardDialog
from pos.ui.card_texts import error_text as card_error_text
from pos.ui.card_texts import outcome_text
from pos.ui.dialogs import ApprovalDialog
from pos.ui.messages import error_text

if TYPE_CHECKING:
    from pos.app.till import Till
    from pos.store.users import UserView


def _manager(parent: QWidget, till: Till, question: str) -> UserView | None:
    """The logged-in manager, or a manager who approves with their PIN; None if not."""
    user = till.user
    if user is not None and user.may("manager"):
        return user
    approves = QCoreApplication.translate("CardReversal", "A manager approves.")
    dialog = ApprovalDialog(parent, QCoreApplication.translate("CardReversal", "Manager"),
                            question + "\n" + approves)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        return till.approve(dialog.employee.text().strip(), dialog.pin.text(), "manager")
    except Exception as error:  # a wrong PIN, or not a manager: say so, do nothing
        QMessageBox.warning(parent, "Kassa", error_text(getattr(error, "kind", "not_allowed")))
        return None


def reverse_last(parent: QWidget, till: Till) -> CardDialog | None:
    """Reverse the last approved card purchase; returns the dialog that showed it."""
    service: CardPayments | None = till.ctx.card
    if service is None:
        return None
    last = card_payments.last_approved(service.db, service.register_id)
    if last is None or last.resolution == "reversed":
        QMessageBox.information(parent, "Kassa", card_error_text("nothing_to_reverse"))
        return None
    amount = Money(last.amount_minor, last.currency)
    card = " ".join(x for x in (last.card_brand, last.masked_pan) if x)
    question = QCoreApplication.translate(
        "CardReversal", "Reverse the last card payment: {0} {1}?"
    ).format(till.ctx.formatter.money(amount), card).strip()
    manager = _manager(parent, till, question)
    if manager is None:
        return None
    try:
        attempt = service.reversal(employee_id=manager.id, original_reference=last.reference)
    except CardError as refused:
        QMessageBox.warning(parent, "Kassa", card_error_text(refused.kind))
        return None
    dialog = CardDialog(parent, service, till.ctx.formatter, amount, attempt.reference,
                        attempt.future, approve=till.approve, employee_id=manager.id)
    dialog.setWindowTitle(QCoreApplication.translate("CardReversal", "Reverse card payment"))
    dialog.title.setText(QCoreApplication.translate("CardReversal", "Reverse card payment"))
    dialog.exec()
    outcome = dialog.outcome
    if outcome is not None and outcome.approved:
        done = QCoreApplication.translate("CardReversal", "The card payment of {0} was reversed.")
        QMessageBox.information(parent, "Kassa", done.format(till.ctx.formatter.money(amount)))
    elif outcome is not None and outcome.status != "unknown":
        why = outcome_text(outcome)[1].splitlines()[0]
        refused = QCoreApplication.translate("CardReversal", "Not reversed: {0}")
        QMessageBox.warning(parent, "Kassa", refused.format(why))
    return dialog
