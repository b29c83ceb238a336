"""The sale screen: entry line and cart on the left, quick keys / search / payment on the right."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.app import customer_view
from pos.app.checkout import CheckoutError, CompletedSale
from pos.app.lookup import Found, NeedsWeight, ScanRefused
from pos.app.till import Till
from pos.core.barcode import parse_receipt_barcode
from pos.core.cart import MILLI, CartError
from pos.core.money import Money
from pos.core.tender import PaymentError
from pos.core.wedge import WedgeClassifier
from pos.store.records import ProductView
from pos.ui import card_actions, line_actions, series_receipt_dialog
from pos.ui.cart_model import CartModel
from pos.ui.customer_panel import CustomerPanel
from pos.ui.devices_view import DevicesView
from pos.ui.keypad import big_button
from pos.ui.manager_view import open_manager
from pos.ui.messages import error_text, printer_problem_text
from pos.ui.payment_panel import PaymentPanel
from pos.ui.product_panel import ProductPanel
from pos.ui.returns_view import open_returns
from pos.ui.scan_entry import ScanEntry
from pos.ui.shift_views import may_sell, no_shift_text
from pos.ui.stock_badge import StockBadge
from pos.ui.weighing import weigh_or_ask

ACTION_HEIGHT = 56
QUANTITY_PREFIX = re.compile(r"^(\d{1,3})\s*[*xX]\s*(.*)$")


class SaleView(QWidget):
    def __init__(
        self,
        till: Till,
        classifier: WedgeClassifier,
        departments: list[tuple[str, list[ProductView]]],
        on_logout: Callable[[], None],
    ) -> None:
        super().__init__()
        self.till = till
        self.on_logout = on_logout
        ctx = till.ctx
        self.fmt = ctx.formatter
        self.currency = ctx.currency

        self.entry = ScanEntry(classifier)
        self.entry.setPlaceholderText(self.tr("Scan, or type a name or number"))
        self.entry.scanned.connect(self.on_code)
        self.entry.submitted.connect(self.on_typed)
        self.entry.search_requested.connect(self.on_search)
        self.entry.navigate.connect(self.on_navigate)

        self.model = CartModel(self.fmt)
        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        # Long names wrap onto a second line rather than being cut. Rows are sized one by one
        # as they change (fit_rows), not by ResizeToContents, which asks the model for every
        # cell of every row on each change: thousands of calls per scan in a long sale.
        self.model.rowsInserted.connect(lambda _parent, first, last: self.fit_rows(first, last))
        self.model.dataChanged.connect(lambda top, bottom: self.fit_rows(top.row(), bottom.row()))
        self.model.modelReset.connect(lambda: self.fit_rows(0, self.model.rowCount() - 1))
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Number columns wide enough for "999,999 kg" and "99 999,99": fixed, so they never
        # jump or elide while lines are added.
        metrics = self.table.fontMetrics()
        for column, widest in ((1, "99,999 kg"), (2, "9 999,99/kg"), (3, "99 999,99")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(widest) + 14)

        self.message = QLabel("")
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.vat = QLabel()
        self.vat.setObjectName("vatLabel")
        self.total = QLabel()
        self.total.setObjectName("totalLabel")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        totals = QHBoxLayout()
        totals.addWidget(self.vat, 1)
        totals.addWidget(self.total, 1)

        left = QVBoxLayout()
        entry_row = QHBoxLayout()  # the manager menu (shift, cash, X/Z, end of day) beside it
        entry_row.addWidget(self.entry, 1)
        manager = big_button(self.tr("Shift and\nreports"), lambda: self.open_manager(),
                             shortcut="F1")
        manager.setObjectName("managerButton")
        manager.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        entry_row.addWidget(manager)
        entry_row.addWidget(series_receipt_dialog.button(self))  # Ctrl+B: bill / delivery
        left.addLayout(entry_row)
        self.stock_badge = StockBadge(till)  # the item's stock in this store, live
        self.stock_badge.follow_selection(self)
        self.customer_panel = CustomerPanel(self)  # the loyalty customer, points
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.stock_badge)
        left.addLayout(message_row)
        left.addWidget(self.customer_panel)
        left.addWidget(self.table, 1)
        left.addLayout(totals)

        self.products = ProductPanel(self.fmt, self.currency, departments, self.pick)
        self.payment = PaymentPanel(
            self.fmt,
            list(ctx.config.denominations),
            self.currency,
            on_cash=self.pay_cash,
            on_cancel=self.cancel_payment,
            on_next=self.next_customer,
            on_card=(lambda amount: card_actions.pay_by_card(self, amount))
            if till.ctx.card is not None else None,
        )
        self.right = QStackedWidget()
        self.right.addWidget(self.products)
        self.right.addWidget(self.payment)

        actions = QGridLayout()
        buttons = [
            (self.tr("Quantity"), "F2", lambda: line_actions.change_quantity(self)),
            (self.tr("Price"), "F3", lambda: line_actions.override_price(self)),
            (self.tr("Discount"), "F4", lambda: line_actions.discount(self)),
            (self.tr("Void line"), "F8", lambda: line_actions.void_line(self)),
            (self.tr("Park"), "F9", lambda: line_actions.park(self)),
            (self.tr("Resume"), "F10", lambda: line_actions.resume(self)),
            (self.tr("Copy receipt"), "F11", lambda: line_actions.reprint(self)),
            (self.tr("Open drawer"), "Ctrl+D", lambda: line_actions.open_drawer(self)),
            (self.tr("Void sale"), "Ctrl+Del", lambda: line_actions.void_sale(self)),
            (self.tr("Devices"), "F7", self.show_devices),
            (self.tr("Log out"), "Ctrl+L", self.logout),
            (self.tr("Return"), "F6", lambda: open_returns(self, self.till)),
        ]
        self.sale_actions = []
        for index, (text, key, slot) in enumerate(buttons):
            button = big_button(text, slot, shortcut=key)
            button.setMinimumHeight(ACTION_HEIGHT)
            actions.addWidget(button, index // 6, index % 6)
            self.sale_actions.append(button)
        # After a sale: a copy for the customer, the drawer, devices, logging out.
        self.after_sale_actions = tuple(self.sale_actions[i] for i in (6, 7, 9, 10, 11))
        self.pay_button = big_button(self.tr("Pay"), self.start_payment, shortcut="F12", role="pay")
        self.pay_button.setObjectName("payButton")
        self.pay_button.setMinimumHeight(ACTION_HEIGHT)
        actions.addWidget(self.pay_button, 0, 6, 2, 1)  # tall, beside the 2 x 6 actions

        left_side = QWidget()
        left_side.setLayout(left)
        body = QHBoxLayout()
        for side, stretch in ((left_side, 11), (self.right, 9)):
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            policy.setHorizontalStretch(stretch)
            side.setSizePolicy(policy)
            body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(actions)
        self.refresh()

    # -- state -> screen ------------------------------------------------------------------------

    @property
    def checkout(self):  # type: ignore[no-untyped-def]
        assert self.till.checkout is not None
        return self.till.checkout

    def refresh(self) -> None:
        if self.till.checkout is None:
            return
        totals = self.checkout.totals
        self.model.set_totals(totals)
        if totals.lines:
            self.table.selectRow(len(totals.lines) - 1)
            self.table.scrollToBottom()
        vat_parts = [
            self.tr("VAT {0} %: {1}").format(
                v.rate.percent_text, self.fmt.amount(Money(v.vat_minor, self.currency))
            )
            for v in totals.vat
        ]
        # Two texts rather than Qt's %n forms: our translation tables hold one form per row.
        count = self.tr("1 item") if totals.item_count == 1 else \
            self.tr("{0} items").format(totals.item_count)
        self.vat.setText(count + "\n" + "\n".join(vat_parts))
        self.total.setText(self.fmt.money(totals.total))
        self.pay_button.setEnabled(bool(totals.lines))
        self.stock_badge.show_line(totals.lines[-1].line if totals.lines else None)
        self.customer_panel.refresh()
        if self.checkout.completed is None and self.checkout.settlement is None:
            last = totals.lines[-1] if totals.lines else None
            if last is None:
                self.till.customer.emit(customer_view.idle(self.till.ctx.seller.store_name,
                                                           self.till.ctx.locale))
            else:
                self.till.customer.emit(
                    customer_view.after_scan(totals, last, self.till.ctx.locale, self.fmt))

    def fit_rows(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.table.resizeRowToContents(row)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def fail(self, error: Exception) -> None:
        if isinstance(error, ScanRefused):
            self.say(error_text(error.kind, error.code), error=True)
            QApplication.beep()
        elif isinstance(error, CheckoutError):
            self.say(error_text(error.kind, error.detail), error=True)
        elif isinstance(error, CartError):
            kind = {
                "AbsurdQuantity": "absurd_quantity",
                "AbsurdPrice": "absurd_price",
                "ReasonRequired": "reason_required",
            }.get(type(error).__name__, "refused")
            self.say(error_text(kind, str(error)), error=True)
        elif isinstance(error, PaymentError):
            self.say(error_text("payment", str(error)), error=True)
        else:
            raise error

    def selected_line_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.model.data(rows[0], Qt.ItemDataRole.UserRole))

    # -- input ------------------------------------------------------------------------------------

    def on_code(self, text: str, symbology: str | None = None) -> None:
        """A scan, or a number the cashier keyed: the same lookup."""
        quantity = 1
        match = QUANTITY_PREFIX.match(text)
        if match:
            quantity, text = int(match.group(1)), match.group(2)
        if not text:
            return
        self._after_completed_sale()
        self.products.show_quick_keys()
        try:
            result = self.checkout.scan(text, symbology)
        except (ScanRefused, CheckoutError, CartError) as error:
            if isinstance(error, ScanRefused) and error.kind in ("unknown_code", "bad_code") \
                    and self.customer_panel.try_card(text):  # a loyalty card
                return
            if not (isinstance(error, ScanRefused) and error.kind == "receipt_code"
                    and open_returns(self, self.till, text)):  # a receipt: the returns screen
                self.fail(error)
            return
        if isinstance(result, NeedsWeight):
            weigh_or_ask(self, result.product)
            return
        assert isinstance(result, Found)
        if quantity != 1:
            line_id = self.checkout.cart.lines[-1].line_id
            try:
                self.checkout.set_quantity(line_id, quantity * MILLI)
            except CartError as error:
                self.fail(error)
        if result.expired:
            QApplication.beep()
            self.say(self.tr("{0}: EXPIRED (best before date passed) – check the item.").format(
                result.product.name), error=True)
        else:
            self.say(result.product.name)
        self.refresh()

    def on_typed(self, text: str) -> None:
        if not text:
            product = self.products.current()
            if product is not None:
                self.pick(product)
            return
        if (QUANTITY_PREFIX.match(text) or text.replace(" ", "").isdigit()
                or parse_receipt_barcode(text)):  # a short receipt code reads as typing
            self.on_code(text)
            return
        product = self.products.current()
        if product is not None:
            self.pick(product)
        else:
            self.on_search(text)

    def on_search(self, text: str) -> None:
        if len(text) < 2 or (text.isdigit() and len(text) < 4):
            self.products.show_quick_keys()
            return
        self.products.show_results(text, self.till.ctx.search(text))

    def on_navigate(self, step: int) -> None:
        if self.products.showing_results:
            self.products.move(step)
            return
        row = (
            self.table.currentIndex().row()
            if self.table.currentIndex().isValid()
            else self.model.rowCount()
        ) + step
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def pick(self, product: ProductView) -> None:
        self._after_completed_sale()
        self.products.show_quick_keys()
        if product.sold_by == "weight":
            weigh_or_ask(self, product)
            return
        try:
            self.checkout.add(product)
        except (CheckoutError, CartError) as error:
            self.fail(error)
            return
        self.say(product.name)
        self.refresh()
        self.entry.setFocus()

    def _after_completed_sale(self) -> None:
        """The first scan after a completed sale starts the next customer's sale."""
        if self.checkout.completed is not None:
            self.next_customer()

    # -- payment -----------------------------------------------------------------------------------

    def start_payment(self) -> None:
        if not may_sell(self.till):  # [shifts] required_to_sell: no sale without a shift
            self.say(no_shift_text(), error=True)
            return
        try:
            settlement = self.checkout.start_payment()
        except CheckoutError as error:
            self.fail(error)
            return
        self.payment.show_settlement(settlement)
        self.show_paying(True)
        self.show_customer_due()

    def cancel_payment(self) -> None:
        try:
            self.checkout.cancel_payment()
        except CheckoutError as error:
            self.fail(error)
            return
        self.show_paying(False)

    def show_paying(self, paying: bool) -> None:
        """While paying, the cart is frozen: its actions are off until the cashier goes back."""
        self.right.setCurrentWidget(self.payment if paying else self.products)
        for button in (*self.sale_actions, self.pay_button):
            button.setEnabled(not paying)
        self.customer_panel.refresh()  # "Pay with points" while paying
        if not paying:
            self.refresh()
            self.entry.setFocus()

    def pay_cash(self, tendered: Money) -> None:
        try:
            completed = self.checkout.pay_cash(tendered)
        except (PaymentError, CheckoutError) as error:
            self.fail(error)
            return
        if completed is None:
            assert self.checkout.settlement is not None
            self.payment.show_settlement(self.checkout.settlement)
            self.show_customer_due()
            return
        self.show_completed(completed)

    def show_customer_due(self) -> None:
        settlement = self.checkout.settlement
        assert settlement is not None
        self.till.customer.emit(customer_view.paying(
            settlement.cash_due, self.checkout.totals, self.till.ctx.locale, self.fmt))

    def show_completed(self, completed: CompletedSale) -> None:
        self.till.customer.emit(customer_view.change(
            completed.receipt.change, self.checkout.totals, self.till.ctx.locale, self.fmt))
        state = self.till.ctx.printer.state
        note = printer_problem_text(state.problem if state.configured else "none")
        self.payment.show_done(completed, note)
        card_actions.sale_completed(self)  # its card payments are now in a committed sale
        for button in self.after_sale_actions:
            button.setEnabled(True)
        self.say(self.tr("Sale {0} saved.").format(completed.transaction_no))

    def next_customer(self) -> None:
        self.checkout.next_sale()
        self.show_paying(False)

    def open_manager(self) -> None:
        open_manager(self, self.till)
        self.entry.setFocus()

    def show_devices(self) -> None:
        DevicesView(self.till, self, open_drawer=lambda: line_actions.open_drawer(self)).exec()
        self.entry.setFocus()

    def logout(self) -> None:
        try:
            if self.checkout.completed is not None:
                self.checkout.next_sale()
            self.till.logout()
        except CheckoutError as error:
            self.fail(error)
            return
        self.on_logout()
