"""The card payment dialog: the amount, the terminal's texts live, a big Cancel, the outcome in
plain words, and, when the terminal's answer was lost, the cashier guided step by step.

The dialog never decides anything about money: pos.app.card does. It shows CardUpdates (from
the card worker thread, re-posted to the GUI thread) and the attempt's final CardOutcome.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QGridLayout, QLabel, QVBoxLayout, QWidget

from pos.app.card import CardOutcome, CardPayments, CardUpdate
from pos.app.card.service import outcome_of
from pos.app.format import Formatter
from pos.core.money import Money
from pos.store import card_payments
from pos.store.users import UserView
from pos.ui.bridge import Bridge
from pos.ui.card_texts import outcome_text, status_text
from pos.ui.dialogs import ApprovalDialog
from pos.ui.keypad import big_button
from pos.ui.messages import error_text

STYLE = """
QDialog#cardDialog QLabel#cardStatus { font-size: 30px; font-weight: 700; color: #1a5fcc; }
QDialog#cardDialog QLabel#cardStatus[tone="good"] { color: #1a7f37; }
QDialog#cardDialog QLabel#cardStatus[tone="bad"] { color: #b3121d; }
QDialog#cardDialog QLabel#cardStatus[tone="warn"] { color: #9a6700; }
QDialog#cardDialog QLabel#cardDetail { font-size: 19px; color: #15202b; }
"""


class Posted(QObject):
    """Carries a finished Future from the card thread to the GUI thread."""

    done = Signal(object)


class _Hub(QObject):
    """One bridge per card service for the application's life (app signals cannot be
    disconnected); it hands each update to the dialog that is open."""

    current: CardDialog | None = None

    def __init__(self, service: CardPayments) -> None:
        super().__init__(QApplication.instance())
        self.bridge = Bridge(service.updates, self.deliver, self)

    def deliver(self, update: CardUpdate) -> None:
        dialog = _Hub.current
        if dialog is not None and update.reference == dialog.reference:
            dialog.show_update(update)


_hubs: dict[int, _Hub] = {}


def _hub(service: CardPayments) -> _Hub:
    hub = _hubs.get(id(service))
    if hub is None:
        hub = _hubs[id(service)] = _Hub(service)
    return hub


Approver = Callable[[str, str], UserView]


class CardDialog(QDialog):
    def __init__(self, parent: QWidget, service: CardPayments, fmt: Formatter, amount: Money,
                 reference: str, future: Future[CardOutcome] | None, *,
                 approve: Approver, employee_id: int | None) -> None:
        super().__init__(parent)
        self.service = service
        self.reference = reference
        self.amount = amount
        self.approve = approve
        self.employee_id = employee_id
        self.outcome: CardOutcome | None = None
        self.setWindowTitle(self.tr("Card payment"))
        self.setObjectName("cardDialog")
        self.setStyleSheet(STYLE)
        self.setModal(True)
        self.resize(640, 520)

        self.title = QLabel(self.tr("Card payment"))
        self.title.setObjectName("panelTitle")
        self.amount_label = QLabel(fmt.money(amount))
        self.amount_label.setObjectName("dueAmount")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel(self.tr("Sending the amount to the terminal…"))
        self.status.setObjectName("cardStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)

        self.cancel = big_button(self.tr("Cancel payment"), self.cancel_payment,
                                 shortcut="Esc", role="danger")
        self.cancel.setObjectName("cardCancel")
        self.cancel.setMinimumHeight(88)
        self.close_button = big_button(self.tr("Close"), self.accept, role="primary")
        self.close_button.setObjectName("cardClose")
        self.yes = big_button(self.tr("Yes, approved"), lambda: self.confirm(True),
                              role="primary")
        self.yes.setObjectName("cardYes")
        self.no = big_button(self.tr("No, not approved"), lambda: self.confirm(False))
        self.no.setObjectName("cardNo")
        self.again = big_button(self.tr("Ask the terminal again"), self.ask_again)
        self.again.setObjectName("cardAgain")
        self.later = big_button(self.tr("Decide later"), self.reject)
        self.later.setObjectName("cardLater")
        self.guided = QWidget()
        guided = QGridLayout(self.guided)  # 2 x 2: big targets, the answer row first
        guided.setContentsMargins(0, 0, 0, 0)
        for index, button in enumerate((self.yes, self.no, self.again, self.later)):
            guided.addWidget(button, index // 2, index % 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.guided)
        layout.addWidget(self.cancel)
        layout.addWidget(self.close_button)
        self.guided.setVisible(False)
        self.close_button.setVisible(False)

        self._posted = Posted(self)
        self._posted.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        _hub(service)
        _Hub.current = self
        if future is not None:
            self.watch(future)

    # -- live ---------------------------------------------------------------------------------

    def watch(self, future: Future[CardOutcome]) -> None:
        future.add_done_callback(self._posted.done.emit)

    def show_update(self, update: CardUpdate) -> None:
        if update.stage == "status":
            self._say(status_text(update.key, update.text), "")
        elif update.stage == "checking":
            self._say(self.tr("No answer from the terminal. Asking it what happened…"), "warn")
            self.detail.setText(self.tr("Do not charge the card again."))
            self.cancel.setEnabled(False)

    def _finished(self, future: Future[CardOutcome]) -> None:
        try:
            outcome = future.result()
        except Exception as error:  # the service turns terminal trouble into outcomes
            self._say(self.tr("Card payment failed: {0}").format(error), "bad")
            self._closable()
            return
        self.show_outcome(outcome)

    def show_outcome(self, outcome: CardOutcome) -> None:
        self.outcome = outcome
        headline, detail = outcome_text(outcome)
        tone = {"approved": "good", "unknown": "warn"}.get(outcome.status, "bad")
        self._say(headline, tone)
        self.detail.setText(detail)
        if outcome.status == "approved":
            self.cancel.setVisible(False)
            self.accept()
        elif outcome.status == "unknown":
            self.cancel.setVisible(False)
            self.close_button.setVisible(False)
            self.guided.setVisible(True)
            self.yes.setFocus()
        else:
            self._closable()

    def _closable(self) -> None:
        self.cancel.setVisible(False)
        self.guided.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _say(self, text: str, tone: str) -> None:
        self.status.setProperty("tone", tone)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    # -- the cashier --------------------------------------------------------------------------

    def cancel_payment(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        self.service.abort()
        self.cancel.setEnabled(False)
        self._say(self.tr("Cancelling at the terminal…"), "warn")

    def ask_again(self) -> None:
        self.guided.setVisible(False)
        self._say(self.tr("Asking the terminal again…"), "warn")
        self.watch(_newest_of(self.service, self.service.recover(), self.reference))

    def confirm(self, approved: bool) -> None:
        """The cashier read the terminal (or the customer's card receipt); a supervisor
        confirms what they saw, by PIN. Journaled with both."""
        amount = self.amount_label.text()
        question = (self.tr("The terminal shows the payment of {0} as APPROVED.")
                    if approved else
                    self.tr("The terminal shows the payment of {0} as NOT approved."))
        dialog = ApprovalDialog(self, self.tr("Supervisor"),
                                question.format(amount) + "\n" + self.tr("Confirm with your PIN."))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            approver = self.approve(dialog.employee.text().strip(), dialog.pin.text())
        except Exception as error:  # a wrong PIN: say so, stay on the question
            kind = getattr(error, "kind", "not_allowed")
            self.detail.setText(error_text(kind))
            return
        outcome = self.service.resolve_manually(self.reference, approved,
                                                employee_id=self.employee_id,
                                                approver_id=approver.id)
        self.show_outcome(outcome)

    def done(self, result: int) -> None:
        working = self.outcome is None and self.cancel.isVisible()
        if working and result != QDialog.DialogCode.Accepted:
            # Esc or the window's close while the terminal works: that is a Cancel, and the
            # dialog stays until the terminal has answered.
            self.cancel_payment()
            return
        if _Hub.current is self:
            _Hub.current = None
        super().done(result)


def _newest_of(service: CardPayments, future: Future[list[CardOutcome]],
               reference: str) -> Future[CardOutcome]:
    """recover() answers for every open intent; the dialog wants the one it shows (or, when
    it is no longer open, what is stored for it)."""
    mine: Future[CardOutcome] = Future()

    def pick(done: Future[list[CardOutcome]]) -> None:
        try:
            found = [o for o in done.result() if o.reference == reference]
            if not found:
                intent = card_payments.get_intent(service.db, reference)
                found = [outcome_of(intent)] if intent is not None else []
            if not found:
                raise LookupError(reference)
        except Exception as error:
            mine.set_exception(error)
            return
        mine.set_result(found[-1])

    future.add_done_callback(pick)
    return mine
