"""The customer card (Ctrl+I): tier and points, the wish list from the web shop (items in stock
in this store highlighted; a touch, or its number key, adds one to the sale), open web orders,
and recent purchases in every channel. Drawing only: pos.app.customer_overview fetches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.app.customer_overview import OverviewResult
from pos.app.format import Formatter
from pos.core.money import Money
from pos.ui.keypad import TOUCH_HEIGHT, big_button

if TYPE_CHECKING:  # the protocol's models are built on import: not at the till's start
    from sync.protocol import WebOrder, WishItem

MAX_WISHES = 9  # one digit key each
STYLE = """
QLabel#cardTier { background: #8a6d1d; color: white; border-radius: 6px; padding: 4px 10px;
                  font-weight: 600; }
QLabel#cardTier[tier="basic"] { background: #5b6b7a; }
QLabel#cardTier[tier="silver"] { background: #7d8a96; }
QLabel#cardOffline { background: #fff4d6; border: 2px solid #e0b84c; border-radius: 8px;
                     padding: 10px; font-size: 18px; }
QPushButton#wish { text-align: left; padding: 6px 14px; font-size: 17px; }
QPushButton#wish[stock="in"] { background: #d9f5e3; border: 3px solid #2e9d5b; }
QPushButton#wish[stock="out"] { background: #f4f5f7; color: #55606b; }
QPushButton#wish[stock="gone"] { background: #f4f5f7; color: #8a939c; border-style: dashed; }
QListWidget { font-size: 17px; }
QListWidget::item { padding: 8px 6px; }
"""


class CustomerCard(QDialog):
    def __init__(self, parent: QWidget, fmt: Formatter, currency: str, result: OverviewResult,
                 on_wish: Callable[[WishItem], None], on_refresh: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("customerCard")
        self.setWindowTitle(self.tr("Customer card"))
        self.setStyleSheet(STYLE)
        self.resize(1180, 720)
        self.fmt, self.currency, self.on_wish = fmt, currency, on_wish
        self.wish_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.tier = QLabel()
        self.tier.setObjectName("cardTier")
        head.addWidget(self.title, 1)
        head.addWidget(self.tier)
        layout.addLayout(head)
        self.offline = QLabel()
        self.offline.setObjectName("cardOffline")
        self.offline.setWordWrap(True)
        layout.addWidget(self.offline)
        columns = QHBoxLayout()
        self.wishes = QGridLayout()
        self.wish_note = QLabel()
        self.wish_note.setObjectName("dueDetail")
        self.wish_note.setWordWrap(True)
        self.orders, self.purchases = QListWidget(), QListWidget()
        for list_widget in (self.orders, self.purchases):
            list_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Two short lines per entry, cut with "…" if need be (the whole text is its tool
            # tip): wrapped items get a stale height in Qt, and a till never scrolls sideways.
            list_widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            list_widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for title, body, stretch in ((self.tr("Wish list (web shop)"), self.wishes, 5),
                                     (self.tr("Open web orders"), self.orders, 4),
                                     (self.tr("Recent purchases, all channels"),
                                      self.purchases, 4)):
            column = QVBoxLayout()
            heading = QLabel(title)
            heading.setObjectName("panelTitle")
            column.addWidget(heading)
            if isinstance(body, QGridLayout):
                column.addLayout(body)
                column.addWidget(self.wish_note)
                column.addStretch(1)
            else:
                column.addWidget(body, 1)
            columns.addLayout(column, stretch)
        layout.addLayout(columns, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Refresh"), on_refresh, shortcut="F5"))
        buttons.addWidget(big_button(self.tr("Close"), self.accept, shortcut="Esc",
                                     role="primary"))
        layout.addLayout(buttons)
        for digit in range(1, MAX_WISHES + 1):  # the number keys add the wish of that number
            key = QShortcut(QKeySequence(str(digit)), self)
            key.activated.connect(lambda n=digit: self.press_wish(n))
        self.show_result(result)

    def press_wish(self, number: int) -> None:
        if 0 < number <= len(self.wish_buttons) and self.wish_buttons[number - 1].isEnabled():
            self.wish_buttons[number - 1].click()

    def show_result(self, result: OverviewResult) -> None:
        card = result.overview
        self.offline.setVisible(card is None)
        self.offline.setText(self.tr("Asking the hub…") if result.loading else self.tr(
            "Hub offline: the wish list, web orders and purchases cannot be shown now. "
            "The sale goes on; points are counted when the hub is back."))
        self._clear_wishes()
        self.orders.clear()
        self.purchases.clear()
        if card is None:
            self.title.setText(result.customer_id)
            self.tier.setVisible(False)
            return
        customer = card.customer
        points = customer.balance_points - customer.reserved_points
        self.title.setText(self.tr("{0} · {1} points").format(customer.name, points))
        self.tier.setVisible(True)
        self.tier.setText(self.tr("Tier: {0}").format(customer.tier.capitalize()))
        self.tier.setProperty("tier", customer.tier)
        self.tier.style().unpolish(self.tier)
        self.tier.style().polish(self.tier)
        for number, wish in enumerate(card.wishlist[:MAX_WISHES], start=1):
            self._add_wish(number, wish)
        if not card.wishlist:
            self.wish_note.setText(self.tr("No wish list on the web shop.") if card.web_accounts
                                   else self.tr("No web shop account linked."))
        else:
            shown = min(len(card.wishlist), MAX_WISHES)
            self.wish_note.setText(self.tr(
                "Green: in stock in this store. Touch, or press its number, to add it.")
                + ("" if shown == len(card.wishlist) else " " + self.tr(
                    "{0} more on the web.").format(len(card.wishlist) - shown)))
        for order in card.open_web_orders:
            self._add_line(self.orders, self._order_text(order))
        if not card.open_web_orders:
            self.orders.addItem(self.tr("No open web orders."))
        for purchase in card.purchases:
            where = purchase.place if purchase.channel == "store" else self.tr("Web shop")
            self._add_line(self.purchases, self.tr("{0} · {1}\n{2} · {3}").format(
                self.fmt.datetime(purchase.at), where,
                self.fmt.money(Money(purchase.total_minor, purchase.currency)),
                ", ".join(purchase.items)))
        if not card.purchases:
            self.purchases.addItem(self.tr("No purchases yet."))

    def _order_text(self, order: WebOrder) -> str:
        state = {"not_fulfilled": self.tr("being prepared"),
                 "fulfilled": self.tr("ready for pickup / packed"),
                 "partially_fulfilled": self.tr("partly packed")}.get(
            order.fulfillment_status or "", order.fulfillment_status or order.status)
        items = ", ".join(f"{i.quantity} × {i.name or i.sku}" for i in order.items)
        return self.tr("#{0} · {1}\n{2} · {3}").format(
            order.display_id or order.order_id, state,
            self.fmt.money(Money(order.total_minor, order.currency)), items)

    @staticmethod
    def _add_line(target: QListWidget, text: str) -> None:
        target.addItem(text)
        target.item(target.count() - 1).setToolTip(text)

    def _add_wish(self, number: int, wish: WishItem) -> None:
        if wish.name is None:
            text, stock = self.tr("{0}  {1}\nno longer sold").format(number, wish.sku), "gone"
        else:
            price = self.fmt.money(Money(wish.price_minor or 0, self.currency))
            if wish.in_stock:
                here = self.tr("{0} in stock here").format(wish.on_hand_milli // 1000)
            elif not wish.active:
                here = self.tr("no longer sold")
            else:
                here = self.tr("not in stock here")
            text = f"{number}  {wish.name}\n{price} · {here}"
            stock = "in" if wish.in_stock else "out"
        button = QPushButton(text)
        button.setObjectName("wish")
        button.setProperty("stock", stock)
        button.setMinimumHeight(TOUCH_HEIGHT)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setEnabled(stock != "gone")
        button.clicked.connect(lambda: self.on_wish(wish))
        self.wishes.addWidget(button, number - 1, 0)
        self.wish_buttons.append(button)

    def _clear_wishes(self) -> None:
        for button in self.wish_buttons:
            self.wishes.removeWidget(button)
            button.deleteLater()
        self.wish_buttons = []
