"""Stock everywhere (Ctrl+E on the sale screen): the item's stock in every store and in the web
shop's locations, live, this store first; and, for an item this store lacks, an order for home
delivery: the customer's name, e-mail and address, one button, the web order's number shown.
The work is pos.app.stock_everywhere; this only shows it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.stock_everywhere import Customer, StockDesk
from pos.app.till import Till
from pos.ui.background import Background
from pos.ui.keypad import TOUCH_HEIGHT, big_button
from sync.web_protocol import StockEverywhere

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # literal contexts below, so lupdate finds the texts


def _pieces(milli: int) -> str:
    return str(milli // 1000) if milli % 1000 == 0 else f"{milli / 1000:.3f}"


def error_text(error: CheckoutError) -> str:
    texts = {
        "hub_unavailable": translate("StockEverywhere", "The hub does not answer. ({0})"),
        "customer_incomplete": translate("StockEverywhere", "Fill in the customer's {0}."),
        "web_order_refused": translate("StockEverywhere",
                                       "The web shop did not take the order: {0}"),
    }
    text = texts.get(error.kind, "{0}")
    return text.format(error.detail)


class StockEverywhereView(QDialog):
    def __init__(self, till: Till, sku: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockEverywhere")
        self.setWindowTitle(self.tr("Stock everywhere"))
        self.till, self.sku = till, sku
        self.desk = StockDesk(till.hub.client if till.hub is not None else None)
        self.calls = Background(self)  # the hub's answers, off the GUI thread
        heading = QLabel(f"{name}  ·  {sku}")
        heading.setObjectName("panelTitle")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("In stock"),
                                              self.tr("Reserved (web)"), self.tr("Available")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.table.columnCount()):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.message = QLabel("")
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)

        self.fields = {key: QLineEdit() for key in (
            "first_name", "last_name", "email", "phone", "address_1", "postal_code", "city")}
        labels = {"first_name": self.tr("First name"), "last_name": self.tr("Last name"),
                  "email": self.tr("E-mail"), "phone": self.tr("Phone"),
                  "address_1": self.tr("Address"),
                  "postal_code": self.tr("Postcode"), "city": self.tr("City")}
        form = QFormLayout()
        for key, edit in self.fields.items():
            edit.setMinimumHeight(40)
            edit.setObjectName(f"delivery_{key}")
            form.addRow(labels[key], edit)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.quantity.setObjectName("deliveryQuantity")
        self.quantity.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # big ones beside it
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity.setMinimumHeight(TOUCH_HEIGHT)
        self.quantity.setStyleSheet("font-size: 24px; font-weight: 600;")
        minus = big_button("−", self.quantity.stepDown)
        plus = big_button("+", self.quantity.stepUp)
        steps = QHBoxLayout()
        for widget in (minus, self.quantity, plus):
            steps.addWidget(widget, 1 if widget is self.quantity else 0)
        for button in (minus, plus):
            button.setFixedWidth(TOUCH_HEIGHT + 16)  # a thumb, not a sliver
            button.setStyleSheet("font-size: 26px; font-weight: 700;")
        form.addRow(self.tr("Quantity"), steps)
        self.order_button = big_button(self.tr("Order for home delivery"), self.order, role="pay")
        self.order_button.setObjectName("homeDeliveryButton")
        self.placed = QLabel("")
        self.placed.setObjectName("panelTitle")
        self.placed.setWordWrap(True)

        delivery = QVBoxLayout()
        title = QLabel(self.tr("Not here? Order it for the customer's home"))
        title.setObjectName("panelTitle")
        title.setWordWrap(True)
        delivery.addWidget(title)
        delivery.addLayout(form)
        delivery.addWidget(self.order_button)
        delivery.addWidget(self.placed)
        delivery.addStretch(1)
        side = QWidget()
        side.setLayout(delivery)
        side.setFixedWidth(440)  # the table keeps the room: it is what the cashier reads
        self.table.setMinimumWidth(560)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Refresh"), self.reload, shortcut="F5"))
        buttons.addWidget(big_button(self.tr("Back") + "\nEsc", self.reject))
        layout.addLayout(buttons)
        self.resize(1160, 680)
        self.reload()

    def reload(self) -> None:
        """Ask the hub (it asks the web shop, 2.5 s at most), off the GUI thread."""
        if self.calls.run(lambda: self.desk.look(self.sku), self._looked):
            self.message.setText(self.tr("Asking every store and the web shop…"))

    def _looked(self, outcome: object) -> None:
        if isinstance(outcome, Exception):
            self.message.setText(self._error_text(outcome))
        else:
            assert isinstance(outcome, StockEverywhere)
            self.show_stock(outcome)

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, CheckoutError):
            return error_text(error)
        log.error("stock everywhere: %r", error, exc_info=error)
        return self.tr("Something went wrong: {0}").format(error)

    def show_stock(self, found: StockEverywhere) -> None:
        here = self.till.ctx.seller.store_id
        stores = sorted(found.stores, key=lambda s: (s.store_id != here, s.store_id))
        rows: list[tuple[str, str, str, str, bool]] = [
            (f"{s.store_name or s.store_id}" + (self.tr(" (this store)") if s.store_id == here
                                                 else ""),
             _pieces(s.on_hand_milli), "", _pieces(s.on_hand_milli), s.store_id == here)
            for s in stores]
        rows += [(self.tr("Web shop: {0}").format(w.name), str(w.stocked), str(w.reserved),
                  str(w.available), False) for w in found.web]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for row, (*cells, mine) in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if mine:
                    item.setFont(bold)
                self.table.setItem(row, col, item)
        self.message.setText(self.tr("Web shop: {0}").format(found.web_error)
                             if found.web_error else "")

    def order(self) -> None:
        """The web shop makes the order through the hub (seconds): off the GUI thread."""
        customer = Customer(**{k: e.text() for k, e in self.fields.items()})
        quantity = self.quantity.value()
        if not self.calls.run(lambda: self.desk.order_home_delivery(self.sku, quantity, customer),
                              self._ordered):
            return
        self.order_button.setEnabled(False)
        self.message.setText(self.tr("Placing the order with the web shop…"))

    def _ordered(self, outcome: object) -> None:
        self.order_button.setEnabled(True)
        if isinstance(outcome, Exception):
            self.message.setText(self._error_text(outcome))
            return
        self.placed.setText(self.tr("Web order #{0} placed: the customer gets it at home.")
                            .format(getattr(outcome, "display_id", "?")))
        self.message.setText("")
        self.reload()

    def done(self, result: int) -> None:  # closed: a call still running answers nobody
        self.calls.close()
        super().done(result)


def open_stock_everywhere(parent: QWidget, till: Till, sku: str, name: str
                          ) -> StockEverywhereView:
    view = StockEverywhereView(till, sku, name, parent)
    view.open()
    return view
