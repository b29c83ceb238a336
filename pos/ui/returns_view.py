"""The returns screen: find the sale (scan its receipt, type its number, or pick from today's
list), pick lines and quantities, give a reason, refund. Or a return without a receipt: scan
the items. Keyboard: ↑/↓ a line, F5 the whole line or none of it, F2 a quantity, F12 refund,
Esc back. Every target is a big button for touch. The work is pos.app.returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError, to_item
from pos.app.lookup import Found, NeedsWeight, ScanRefused, resolve
from pos.app.return_quote import ReturnQuote, quote_without_receipt
from pos.app.returns import REASONS, CompletedReturn, RefundTo, new_return_id
from pos.app.till import Till
from pos.core.cart import Cart, CartError
from pos.core.money import Money
from pos.store.returns import ReturnableSale
from pos.store.timeutil import from_utc_text
from pos.store.users import UserView
from pos.ui.dialogs import ApprovalDialog, ChoiceDialog, NumberDialog
from pos.ui.keypad import big_button
from pos.ui.messages import error_text
from pos.ui.returns_table import ReturnTable
from pos.ui.returns_texts import reason_label, return_error_text, tender_name


class ReturnsView(QDialog):
    def __init__(self, till: Till, parent: QWidget | None = None, code: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("returnsView")
        self.setWindowTitle(self.tr("Return"))
        self.till = till
        self.fmt = till.ctx.formatter
        self.returns = till.returns()
        self.original: ReturnableSale | None = None
        self.cart: Cart | None = None  # a return without a receipt
        self.picks: dict[int, int] = {}
        self.quote: ReturnQuote | None = None
        self.result_return: CompletedReturn | None = None
        self.return_id = new_return_id()

        self.entry = QLineEdit()
        self.entry.setObjectName("returnEntry")
        self.entry.setPlaceholderText(self.tr("Scan the receipt, or type its number"))
        self.entry.setMinimumHeight(56)
        self.entry.returnPressed.connect(self.on_entry)
        self.heading = QLabel(self.tr("Which sale? Scan the receipt's barcode."))
        self.heading.setObjectName("panelTitle")
        self.heading.setWordWrap(True)
        self.message = QLabel("")
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)

        self.table = ReturnTable(self.fmt, till.ctx.currency)
        self.table.cellClicked.connect(lambda row, _col: self.toggle(row))

        self.reasons = QButtonGroup(self)
        reason_row = QHBoxLayout()
        for key in REASONS:
            button = big_button(reason_label(key), self._reason_slot(key))
            button.setCheckable(True)
            button.setProperty("role", "tab")  # the style sheet shows the chosen one
            button.setProperty("reason", key)
            self.reasons.addButton(button)
            reason_row.addWidget(button)
        self.other_reason = QLineEdit()
        self.other_reason.setPlaceholderText(self.tr("The reason, in a few words"))
        self.other_reason.setMinimumHeight(48)
        self.other_reason.hide()
        self.reason_key = ""

        self.summary = QLabel("")
        self.summary.setObjectName("totalLabel")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail = QLabel("")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.refund_to: RefundTo = "original"

        actions = QGridLayout()
        self.action_buttons = [
            big_button(self.tr("Today's sales"), self.pick_from_today, shortcut="F3"),
            big_button(self.tr("Without receipt"), self.without_receipt, shortcut="F4"),
            big_button(self.tr("Whole line / none"), lambda: self.toggle(self.row()),
                       shortcut="F5"),
            big_button(self.tr("Quantity"), lambda: self.ask_quantity(self.row()),
                       shortcut="F2"),
            big_button(self.tr("Refund to…"), self.choose_refund_to, shortcut="F6"),
            big_button(self.tr("Void last sale"), self.void_last_sale, shortcut="F8"),
            big_button(self.tr("Back") + "\nEsc", self.reject),  # QDialog's own Esc
        ]
        for index, button in enumerate(self.action_buttons):
            actions.addWidget(button, 0, index)
            actions.setColumnStretch(index, 1)
        self.refund_button = big_button(self.tr("Refund"), self.refund, shortcut="F12",
                                        role="pay")
        self.refund_button.setObjectName("refundButton")
        actions.addWidget(self.refund_button, 0, len(self.action_buttons))
        actions.setColumnStretch(len(self.action_buttons), 2)

        for button in self.findChildren(QPushButton):  # Enter belongs to the entry line
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addLayout(reason_row)
        layout.addWidget(self.other_reason)
        layout.addWidget(self.detail)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        self.resize(1100, 720)
        self.entry.setFocus()
        if code:
            self.load(code)
        self.refresh()

    # -- finding ------------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def fail(self, error: Exception) -> None:
        if isinstance(error, CheckoutError):
            self.say(return_error_text(error), error=True)
        elif isinstance(error, ScanRefused):
            self.say(error_text(error.kind, error.code), error=True)
        elif isinstance(error, CartError):
            self.say(error_text("absurd_quantity", str(error)), error=True)
        else:
            raise error

    def on_entry(self) -> None:
        text = self.entry.text().strip()
        self.entry.clear()
        if not text:
            self.refund()
        elif self.cart is not None:
            self.add_item(text)
        else:
            self.load(text)

    def load(self, code: str) -> None:
        try:
            self.show_original(self.returns.find(code))
        except CheckoutError as error:
            self.fail(error)

    def show_original(self, original: ReturnableSale) -> None:
        self.original, self.cart, self.picks = original, None, {}
        self.refund_to = "original"
        self.entry.setPlaceholderText(self.tr("Scan the receipt, or type its number"))
        for button in self.action_buttons[2:4]:
            button.setEnabled(True)
        sale = original.sale
        self.heading.setText(self.tr("Receipt {0} · {1} · {2}").format(
            sale.receipt_no, self.fmt.datetime(original.record.closed_at),
            self.fmt.money(Money(original.record.total_minor, original.record.currency))))
        self.say(self.tr("Tap the lines that come back, or F5; F2 for part of a line."))
        self.refresh()

    def pick_from_today(self) -> None:
        sales = self.returns.todays_sales()
        choices: list[tuple[str, object]] = [
            (self.tr("No. {0}   {1}   {2}").format(
                s.transaction_no, self.fmt.datetime(from_utc_text(s.closed_at)),
                self.fmt.money(Money(s.total_minor, s.currency))), s.sale_id)
            for s in sales
        ]
        dialog = ChoiceDialog(self, self.tr("Today's sales"), choices)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() is not None:
            try:
                self.show_original(self.returns.load(str(dialog.value())))
            except CheckoutError as error:
                self.fail(error)
        self.entry.setFocus()

    def without_receipt(self) -> None:
        self.original, self.cart, self.picks = None, Cart(self.till.ctx.currency), {}
        self.refund_to = "cash"
        self.entry.setPlaceholderText(self.tr("Scan the items that come back"))
        for button in self.action_buttons[2:4]:  # whole line, quantity: scan again instead
            button.setEnabled(False)
        self.heading.setText(self.tr("Return without a receipt: scan the items. "
                                     "A supervisor approves; the refund is cash or store credit."))
        self.refresh()

    def add_item(self, code: str) -> None:
        assert self.cart is not None
        try:
            found = resolve(self.till.ctx, code)
            if isinstance(found, NeedsWeight):
                raise CheckoutError("absurd_quantity", found.product.name)
            assert isinstance(found, Found)
            item = to_item(found.product, self.till.ctx.currency)
            self.cart = self.cart.add(item, found.quantity_milli)
        except (ScanRefused, CheckoutError, CartError) as error:
            self.fail(error)
            return
        self.refresh()

    # -- picking ------------------------------------------------------------------------------

    def row(self) -> int:
        return self.table.selected_row()

    def _line_no(self, row: int) -> int | None:
        return self.table.line_no(row)

    def toggle(self, row: int) -> None:
        line_no = self._line_no(row)
        if line_no is None or self.original is None:
            return
        left = self._left(line_no)
        self.picks[line_no] = 0 if self.picks.get(line_no) else left
        self.refresh(select=row)

    def _left(self, line_no: int) -> int:
        assert self.original is not None
        line = next(ln for ln in self.original.record.lines if ln.line_no == line_no)
        return line.quantity_milli - self.original.returned_of(line_no).quantity_milli

    def ask_quantity(self, row: int) -> None:
        line_no = self._line_no(row)
        if line_no is None or self.original is None:
            return
        line = next(ln for ln in self.original.record.lines if ln.line_no == line_no)
        weighed = line.unit == "kg"
        unit = self.tr("grams") if weighed else self.tr("pieces")
        dialog = NumberDialog(self, self.tr("Quantity"),
                              self.tr("How many come back ({0})?").format(unit))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_quantity(row, dialog.text(), weighed)
        self.entry.setFocus()

    def set_quantity(self, row: int, text: str, weighed: bool) -> None:
        line_no = self._line_no(row)
        if line_no is None:
            return
        if not text.isdigit():
            self.fail(CheckoutError("bad_amount", text))
            return
        milli = int(text) if weighed else int(text) * 1000
        if milli > self._left(line_no):
            self.fail(CheckoutError("over_return", text))
            return
        self.picks[line_no] = milli
        self.refresh(select=row)

    def _reason_slot(self, key: str) -> Callable[[], None]:
        # No default argument: a checkable button's clicked(bool) would fill it.
        return lambda: self.choose_reason(key)

    def choose_reason(self, key: str) -> None:
        self.reason_key = key
        self.other_reason.setVisible(key == "other")
        if key == "other":
            self.other_reason.setFocus()
        self.refresh()

    def reason(self) -> str:
        """A listed reason's key (printed in the store's language), or the cashier's words."""
        if self.reason_key == "other":
            return self.other_reason.text().strip()
        return self.reason_key

    def choose_refund_to(self) -> None:
        options: list[tuple[str, object]] = [(self.tr("Cash"), "cash"),
                                             (self.tr("Store credit"), "store_credit")]
        if self.original is not None:
            options.insert(0, (self.tr("As paid (card back to card, the rest in cash)"),
                               "original"))
        dialog = ChoiceDialog(self, self.tr("Refund to"), options)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() is not None:
            self.refund_to = dialog.value()  # type: ignore[assignment]
        self.refresh()
        self.entry.setFocus()

    # -- screen -------------------------------------------------------------------------------

    def refresh(self, select: int = -1) -> None:
        self.quote = None
        try:
            if self.original is not None:
                self.quote = self.returns.quote(self.original, self.picks)
            elif self.cart is not None and not self.cart.is_empty:
                self.quote = quote_without_receipt(self.cart)
        except CheckoutError as error:
            self.fail(error)
        self.table.show_lines(self.original, self.quote)
        if select >= 0:
            self.table.selectRow(select)
        elif self.table.rowCount() and self.row() < 0:
            self.table.selectRow(0)
        self._show_summary()

    def _show_summary(self) -> None:
        if self.quote is None or not self.quote.lines:
            self.summary.setText("")
            self.detail.setText("")
            self.refund_button.setEnabled(False)
            return
        plan = self.returns.plan(self.quote, self.original, self.refund_to)
        cur = self.quote.currency
        parts = ", ".join(f"{tender_name(p.tender)} {self.fmt.money(Money(p.amount_minor, cur))}"
                          for p in plan.parts)
        self.summary.setText(self.tr("Give back: {0}").format(parts))
        detail = self.tr("Items returned: {0}").format(self.fmt.money(self.quote.refund))
        if plan.rounding_minor:
            detail += " · " + self.tr("cash rounding {0}").format(
                self.fmt.money(Money(-plan.rounding_minor, cur)))
        self.detail.setText(detail)
        self.refund_button.setEnabled(bool(self.reason()))

    # -- refunding ----------------------------------------------------------------------------

    def _supervisor(self, title: str, question: str) -> tuple[bool, UserView | None]:
        """Ask a supervisor's number and PIN: (go on?, the approver)."""
        dialog = ApprovalDialog(self, title, question)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        try:
            return True, self.till.approve(dialog.employee.text().strip(), dialog.pin.text())
        except CheckoutError as error:
            self.fail(error)
            return False, None

    def refund(self) -> None:
        if self.result_return is not None or self.quote is None or not self.quote.lines:
            return
        approver = None
        if self.returns.needs_approval(self.quote, self.original is not None):
            amount = self.fmt.money(self.quote.refund)
            question = (self.tr("A supervisor must approve a return of {0}.") if self.original
                        else self.tr("A supervisor must approve a return of {0} without a "
                                     "receipt.")).format(amount)
            go_on, approver = self._supervisor(self.tr("Return"), question)
            if not go_on:
                return
        try:
            self.result_return = self.returns.complete(
                self.quote, original=self.original, reason=self.reason(), approver=approver,
                refund_to=self.refund_to, return_id=self.return_id)
        except CheckoutError as error:
            self.fail(error)
            return
        self._finished(self.tr("Return {0} saved: give the customer {1}."))

    def void_last_sale(self) -> None:
        """The till's last sale, made in this session, reversed in full (a supervisor's)."""
        approver = None
        assert self.till.user is not None
        if not self.till.user.may("supervisor"):
            go_on, approver = self._supervisor(self.tr("Void last sale"), self.tr(
                "A supervisor must approve voiding the last sale."))
            if not go_on:
                return
        try:
            self.result_return = self.returns.void_last_sale(approver)
        except CheckoutError as error:
            self.fail(error)
            return
        self._finished(self.tr("Sale voided as no. {0}: give the customer {1}."))

    def _finished(self, text: str) -> None:
        done = self.result_return
        assert done is not None
        self.say(text.format(done.transaction_no, self.fmt.money(
            Money(done.refund.paid_back_minor, self.till.ctx.currency))))
        for button in (*self.action_buttons[:-1], self.refund_button):
            button.setEnabled(False)
        self.entry.setEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.table.step_selection(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


def open_returns(parent: QWidget, till: Till, code: str = "") -> ReturnsView | None:
    """The returns screen over the sale screen, when no sale is in progress."""
    checkout = till.checkout
    if checkout is not None and checkout.completed is None and not checkout.cart.is_empty:
        return None
    view = ReturnsView(till, parent, code)
    view.open()
    return view
