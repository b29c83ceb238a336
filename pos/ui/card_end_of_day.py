"""The manager's card end of day, reachable from the Devices page: close the terminal's batch
and compare its totals with Kassa's card payments (pos.app.card_reconcile)."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from pos.app.card import CardPayments
from pos.app.card_reconcile import CardReconciliation, reconcile
from pos.app.format import Formatter
from pos.core.money import Money
from pos.ui.card_dialog import STYLE, Posted
from pos.ui.dialogs import ApprovalDialog
from pos.ui.keypad import big_button
from pos.ui.messages import error_text

if TYPE_CHECKING:
    from pos.app.till import Till


class ReconcileDialog(QDialog):
    """Runs the terminal's end of day off the GUI thread and shows the comparison."""

    def __init__(self, parent: QWidget, service: CardPayments, fmt: Formatter,
                 employee_id: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card terminal end of day"))
        self.setObjectName("cardDialog")
        self.setStyleSheet(STYLE)
        self.resize(640, 460)
        self.fmt = fmt
        self.currency = service.currency
        self.reconciliation: CardReconciliation | None = None
        self.status = QLabel(self.tr("Closing the terminal's batch…"))
        self.status.setObjectName("cardStatus")
        self.status.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        self.close_button = big_button(self.tr("Close"), self.accept, role="primary")
        self.close_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.close_button)
        self._posted = Posted(self)
        self._posted.done.connect(self.show_result, Qt.ConnectionType.QueuedConnection)
        future: Future[CardReconciliation] = Future()
        self.future = future

        def run() -> None:
            try:
                future.set_result(reconcile(service, employee_id=employee_id))
            except Exception as error:  # shown, never raised into Qt
                future.set_exception(error)

        future.add_done_callback(self._posted.done.emit)
        threading.Thread(target=run, name="card-end-of-day", daemon=True).start()

    def show_result(self, future: Future[CardReconciliation]) -> None:
        self.close_button.setEnabled(True)
        try:
            result = self.reconciliation = future.result()
        except Exception as error:
            self.status.setText(self.tr("End of day failed: {0}").format(error))
            return
        def money(minor: int) -> str:
            return self.fmt.money(Money(minor, self.currency))

        if result.error:
            self.status.setProperty("tone", "bad")
            self.status.setText(self.tr("The terminal's end of day failed: {0}").format(
                result.error))
        elif result.ok:
            self.status.setProperty("tone", "good")
            self.status.setText(self.tr("Card totals match: {0}").format(
                money(result.kassa_total_minor)))
        else:
            self.status.setProperty("tone", "bad")
            self.status.setText(self.tr("Card totals do not match"))
        self.status.style().polish(self.status)
        lines = [self.tr("Kassa: {0} (card payments: {1})").format(
            money(result.kassa_total_minor), result.approved_count)]
        if result.terminal_total_minor is not None:
            lines.append(self.tr("Terminal: {0}").format(money(result.terminal_total_minor)))
        if result.difference_minor:
            lines.append(self.tr("Difference: {0}").format(money(result.difference_minor)))
        lines += list(result.brand_differences)
        for open_one in result.unresolved:
            lines.append(self.tr("Unresolved card payment {0}: {1}, terminal receipt {2}").format(
                open_one["reference"][-8:], money(open_one["amount_minor"]),
                open_one["receipt_no"] or "–"))
        self.detail.setText("\n".join(lines))


def end_of_day(parent: QWidget, till: Till) -> None:
    """The Devices page's "Card end of day": a manager (or a manager's PIN) runs it."""
    service: CardPayments | None = till.ctx.card
    if service is None:
        return
    user = till.user
    if user is None or not user.may("manager"):
        dialog = ApprovalDialog(parent, QCoreApplication.translate("CardEndOfDay", "Manager"),
                                QCoreApplication.translate("CardEndOfDay", "Close the card "
                                "terminal's batch and compare its totals: a manager approves."))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            user = till.approve(dialog.employee.text().strip(), dialog.pin.text(), "manager")
        except Exception as error:
            QMessageBox.warning(parent, "Kassa", error_text(getattr(error, "kind", "refused")))
            return
    ReconcileDialog(parent, service, till.ctx.formatter, user.id).exec()
