"""A web order returned at the till: type or scan the order number (#1042), pick what comes
back (F2 on a line: how many; F5: all or none), a reason, where the money goes (the web payment,
or store credit), F12. The work is pos.app.web_returns; this only shows it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.return_quote import ReturnQuote
from pos.app.returns import REASONS, CompletedReturn, new_return_id
from pos.app.till import Till
from pos.app.web_returns import WebRefundTo, WebReturns
from pos.core.money import Money
from pos.store.users import UserView
from pos.ui.background import Background
from pos.ui.dialogs import ApprovalDialog, NumberDialog
from pos.ui.keypad import big_button
from pos.ui.returns_texts import reason_label, return_error_text, tender_name
from sync.web_protocol import WebOrderForReturn

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # literal contexts below, so lupdate finds the texts


def web_error_text(error: CheckoutError) -> str:
    texts = {
        "web_order_not_found": translate("WebReturnView", "No web order {0} on the hub."),
        "hub_unavailable": translate(
            "WebReturnView", "The hub does not answer: the order cannot be checked now. ({0})"),
        "over_return": translate("WebReturnView", "Refused: {0}"),
        "unknown_product": translate("WebReturnView", "{0} is not in this till's catalog yet."),
    }
    text = texts.get(error.kind)
    return text.format(error.detail) if text else return_error_text(error)


class WebReturnView(QDialog):
    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webReturnView")
        self.setWindowTitle(self.tr("Return of a web order"))
        self.till, self.fmt = till, till.ctx.formatter
        client = till.hub.client if till.hub is not None else None
        self.desk = WebReturns(till.returns(), client)
        self.calls = Background(self)  # the hub's answers, off the GUI thread
        self.order: WebOrderForReturn | None = None
        self.picks: dict[str, int] = {}
        self.refund_to: WebRefundTo = "web_payment"
        self.reason_key = ""
        self.return_id = new_return_id()
        self.result_return: CompletedReturn | None = None

        self.heading = QLabel(self.tr("Which web order? Type its number (from the order e-mail)."))
        self.heading.setObjectName("panelTitle")
        self.entry = QLineEdit()
        self.entry.setObjectName("webOrderEntry")
        self.entry.setPlaceholderText(self.tr("Order number, e.g. #1042"))
        self.entry.setMinimumHeight(56)
        self.entry.returnPressed.connect(lambda: self.load(self.entry.text()))
        self.message = QLabel("")
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Bought"),
                                              self.tr("Returned"),
                                              self.tr("Back now"), self.tr("Amount")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.table.columnCount()):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.verticalHeader().hide()
        self.table.cellClicked.connect(lambda row, _c: self.toggle(row))

        self.reasons = QButtonGroup(self)
        reason_row = QHBoxLayout()
        for key in REASONS[:-1]:  # "other" needs a text field: the three common ones here
            button = big_button(reason_label(key), self._reason_slot(key))
            button.setCheckable(True)
            button.setProperty("role", "tab")
            self.reasons.addButton(button)
            reason_row.addWidget(button)
        self.money_to = QButtonGroup(self)
        for text, key in ((self.tr("To the web payment"), "web_payment"),
                          (self.tr("Store credit"), "store_credit")):
            button = big_button(text, self._refund_to_slot(key))
            button.setCheckable(True)
            button.setChecked(key == self.refund_to)
            button.setProperty("role", "tab")
            self.money_to.addButton(button)
            reason_row.addWidget(button)
        self.summary = QLabel("")
        self.summary.setObjectName("totalLabel")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        actions = QGridLayout()
        buttons = [big_button(self.tr("All / none"), lambda: self.toggle(self.row()),
                              shortcut="F5"),
                   big_button(self.tr("Quantity"), self.ask_quantity, shortcut="F2"),
                   big_button(self.tr("Back") + "\nEsc", self.reject)]
        self.refund_button = big_button(self.tr("Refund"), self.refund, shortcut="F12", role="pay")
        for index, button in enumerate([*buttons, self.refund_button]):
            actions.addWidget(button, 0, index)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.entry, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addLayout(reason_row)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        self.resize(1100, 720)
        self.entry.setFocus()
        self.refresh()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def load(self, text: str) -> None:
        """Ask the hub for the order, off the GUI thread; the view stays live meanwhile."""
        if not text.strip() or not self.calls.run(lambda: self.desk.find(text), self._loaded):
            return
        self.entry.setReadOnly(True)
        self.say(self.tr("Looking up web order {0}…").format(text.strip()))

    def _loaded(self, outcome: object) -> None:
        self.entry.setReadOnly(False)
        if isinstance(outcome, Exception):
            self.say(self._error_text(outcome), error=True)
            return
        assert isinstance(outcome, WebOrderForReturn)
        self.order = outcome
        self.picks = {}
        self.entry.clear()
        order = self.order
        total = self.fmt.money(Money(sum(ln.quantity * ln.unit_price_minor for ln in order.lines),
                                     order.currency))
        self.heading.setText(self.tr("Web order #{0} · {1} · {2}").format(
            order.display_id, order.email or "", total))
        left = sum(ln.quantity - ln.returned for ln in order.lines)
        self.say(self.tr("Pick what comes back.") if left else
                 self.tr("This order is already returned in full."), error=not left)
        self.refresh()

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, CheckoutError):
            return web_error_text(error)
        log.error("web return: %r", error, exc_info=error)
        return self.tr("Something went wrong: {0}").format(error)

    def row(self) -> int:
        return max(self.table.currentRow(), 0)

    def _left(self, row: int) -> int:
        assert self.order is not None
        line = self.order.lines[row]
        return line.quantity - line.returned

    def toggle(self, row: int) -> None:
        if self.order is None or row >= len(self.order.lines):
            return
        sku = self.order.lines[row].sku
        self.picks[sku] = 0 if self.picks.get(sku) else self._left(row)
        self.refresh(row)

    def ask_quantity(self) -> None:
        if self.order is None or not self.order.lines:
            return
        row = self.row()
        dialog = NumberDialog(self, self.tr("Quantity"), self.tr("How many come back?"),
                              initial=str(self._left(row)))
        text = dialog.value.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else ""
        if text.isdigit():
            self.picks[self.order.lines[row].sku] = min(int(text), self._left(row))
            self.refresh(row)

    def _reason_slot(self, key: str) -> Callable[[], None]:
        return lambda: self.choose_reason(key)

    def _refund_to_slot(self, key: str) -> Callable[[], None]:
        return lambda: self.choose_refund_to(key)

    def choose_reason(self, key: str) -> None:
        self.reason_key = key
        self.refresh()

    def choose_refund_to(self, key: str) -> None:
        self.refund_to = "store_credit" if key == "store_credit" else "web_payment"
        self.refresh()

    def refresh(self, select: int = -1) -> None:
        lines = self.order.lines if self.order is not None else ()
        self.table.setRowCount(len(lines))
        cur = self.order.currency if self.order is not None else self.till.ctx.currency
        total = 0
        for row, line in enumerate(lines):
            back = self.picks.get(line.sku, 0)
            total += back * line.unit_price_minor
            cells = (f"{line.name}  ({line.sku})", str(line.quantity), str(line.returned),
                     str(back), self.fmt.money(Money(back * line.unit_price_minor, cur)))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if select >= 0:
            self.table.selectRow(select)
        self.summary.setText(self.tr("Back to {0}: {1}").format(
            tender_name(self.refund_to), self.fmt.money(Money(total, cur))))
        self.refund_button.setEnabled(bool(total) and bool(self.reason_key)
                                      and not self.calls.busy and self.result_return is None)

    def _approver(self) -> tuple[bool, UserView | None]:
        """A supervisor's number and PIN when the amount needs one: (go on?, the approver)."""
        assert self.order is not None
        if not self.desk.needs_approval(self.order, self.picks):
            return True, None
        dialog = ApprovalDialog(self, self.tr("Return of a web order"), self.tr(
            "A supervisor must approve this return."))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        try:
            return True, self.till.approve(dialog.employee.text().strip(), dialog.pin.text())
        except CheckoutError as error:
            self.say(web_error_text(error), error=True)
            return False, None

    def refund(self) -> None:
        """The hub takes the return (off the GUI thread), then the till commits it here."""
        if self.order is None or self.result_return is not None or self.calls.busy:
            return
        go_on, approver = self._approver()
        if not go_on:
            return
        order, picks, refund_to = self.order, dict(self.picks), self.refund_to
        reason = reason_label(self.reason_key)
        kwargs: dict[str, Any] = {"reason": reason, "return_id": self.return_id,
                                  "refund_to": refund_to, "approver": approver}
        if not self.calls.run(lambda: self.desk.take(order, picks, **kwargs),
                              lambda outcome: self._taken(order, outcome, kwargs)):
            return
        self.refund_button.setEnabled(False)
        self.say(self.tr("Asking the hub to take the return…"))

    def _taken(self, order: WebOrderForReturn, outcome: object, kwargs: dict[str, Any]) -> None:
        if isinstance(outcome, Exception):
            self.say(self._error_text(outcome), error=True)
            self.refresh()
            return
        assert isinstance(outcome, ReturnQuote)
        try:
            self.result_return = self.desk.commit(order, outcome, **kwargs)
        except CheckoutError as error:
            self.say(web_error_text(error), error=True)
            self.refresh()
            return
        self.say(self.tr("Returned: receipt {0}. The web shop refunds the customer.").format(
            self.result_return.transaction_no) if self.refund_to == "web_payment" else
            self.tr("Returned: receipt {0}. Store credit printed.").format(
                self.result_return.transaction_no))
        self.refund_button.setEnabled(False)

    def done(self, result: int) -> None:  # closed by Esc, a button or the window: calls end
        self.calls.close()
        super().done(result)


def open_web_return(parent: QWidget, till: Till) -> WebReturnView:
    view = WebReturnView(till, parent)
    view.open()
    return view
