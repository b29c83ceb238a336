"""The loyalty customer of the sale: find by card or phone, the live balance, points earned,
and paying with points (only when the hub can reserve them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.loyalty import POINT_VALUE_MINOR, CustomerInfo
from pos.core.tender import TenderKind
from pos.ui.bridge import Bridge
from pos.ui.keypad import big_button

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


class CustomerPanel(QWidget):
    def __init__(self, sale: SaleView) -> None:
        super().__init__()
        self.sale = sale
        self.till = sale.till
        self.label = QLabel()
        self.label.setObjectName("customerLabel")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.find_button = big_button(self.tr("Customer"), self.find, shortcut="Ctrl+K")
        self.find_button.setObjectName("customerButton")
        self.points_button = big_button(self.tr("Pay with points"), self.pay_with_points,
                                        shortcut="Ctrl+P")
        self.points_button.setObjectName("pointsButton")
        for button in (self.find_button, self.points_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.points_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.find_button)
        layout.addWidget(self.points_button)
        hub = getattr(self.till, "hub", None)
        self.setVisible(hub is not None)  # loyalty lives on the hub
        if hub is not None:
            self._bridge = Bridge(hub.customers_changed, self.changed, self)
            self._sold = Bridge(self.till.ctx.committed, lambda _sale: self.refresh(), self)
        self.info: CustomerInfo | None = None

    @property
    def checkout(self):  # type: ignore[no-untyped-def]
        return self.till.checkout

    def changed(self, customer_ids: tuple[str, ...]) -> None:
        attached = self.checkout.customer_id if self.checkout else None
        if attached is not None and ("*" in customer_ids or attached in customer_ids):
            self.refresh()

    def refresh(self) -> None:
        checkout = self.checkout
        customer_id = checkout.customer_id if checkout is not None else None
        if customer_id is None:
            self.info = None
            self.label.setText(self.tr("No customer · scan a loyalty card or press Ctrl+K"))
            self.label.setProperty("attached", False)
        else:
            info = self.till.loyalty.info(customer_id) or self.info
            self.info = info
            name = info.name if info else customer_id
            points = info.points if info else 0
            used = 0
            if checkout.completed is None and checkout.settlement is not None:
                used = sum(p.amount.minor for p in checkout.settlement.payments
                           if p.kind is TenderKind.LOYALTY) // POINT_VALUE_MINOR
            text = self.tr("★ {0} · {1} points").format(name, points - used)
            if info is not None and info.pending_points:
                text += " " + self.tr("({0} not yet confirmed)").format(
                    f"{info.pending_points:+d}")
            if used:
                text += " · " + self.tr("{0} used on this sale").format(used)
            earned = self.till.loyalty.points_earned(checkout)
            if earned and checkout.completed is None:
                text += " · " + self.tr("earns {0} on this sale").format(earned)
            elif earned:
                text += " · " + self.tr("earned {0} on this sale").format(earned)
            self.label.setText(text)
            self.label.setProperty("attached", True)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        paying = checkout is not None and checkout.settlement is not None \
            and checkout.completed is None
        self.points_button.setVisible(paying and customer_id is not None)

    def attach(self, info: CustomerInfo | None) -> None:
        try:
            self.checkout.attach_customer(info.customer_id if info else None)
        except CheckoutError as error:
            self.sale.fail(error)
            return
        self.info = info
        self.refresh()

    def try_card(self, code: str) -> bool:
        """A scanned code that is no product: a loyalty card? Then attach its customer."""
        if getattr(self.till, "hub", None) is None or self.checkout is None:
            return False
        found, _live = self.till.loyalty.find(code)
        match = [c for c in found if c.loyalty_card == code]
        if len(match) != 1:
            return False
        self.attach(match[0])
        self.sale.say(self.tr("Customer {0} attached.").format(match[0].name))
        return True

    def find(self) -> None:
        dialog = CustomerDialog(self, self.till.loyalty)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.attach(dialog.chosen)
        self.sale.entry.setFocus()

    def pay_with_points(self) -> None:
        checkout = self.checkout
        try:
            points, completed = self.till.loyalty.pay_with_points(checkout)
        except CheckoutError as error:
            self.sale.fail(error)
            return
        self.sale.say(self.tr("{0} points taken as payment.").format(points))
        if completed is not None:
            self.sale.show_completed(completed)
        else:
            self.sale.payment.show_settlement(checkout.settlement)
            self.sale.show_customer_due()
        self.refresh()


class CustomerDialog(QDialog):
    """Type or scan: a loyalty card, a phone number, an e-mail address or a name."""

    def __init__(self, parent: QWidget, loyalty) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.loyalty = loyalty
        self.chosen: CustomerInfo | None = None
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Customer"))
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Scan the loyalty card, or type a phone number or a name"))
        title.setObjectName("panelTitle")
        title.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("dialogValue")
        self.query.returnPressed.connect(self.search)
        self.results = QListWidget()
        self.results.itemActivated.connect(lambda _item: self.accept_current())
        self.note = QLabel()
        self.note.setObjectName("dueDetail")
        self.note.setWordWrap(True)
        for widget in (title, self.query, self.results, self.note):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject, shortcut="Esc"))
        buttons.addWidget(big_button(self.tr("No customer"), self.detach))
        buttons.addWidget(big_button(self.tr("Attach"), self.accept_current, role="primary"))
        layout.addLayout(buttons)
        self.query.setFocus()

    def search(self) -> None:
        text = self.query.text().strip()
        if self.results.count() and self.results.currentItem() is not None and \
                self.results.property("query") == text:
            self.accept_current()  # Enter again: take the highlighted one
            return
        found, live = self.loyalty.find(text)
        self.results.clear()
        self.results.setProperty("query", text)
        for info in found:
            item = QListWidgetItem(self.tr("{0} · {1} · {2} points").format(
                info.name, info.phone or info.loyalty_card or "", info.points))
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        if not live:
            self.note.setText(self.tr(
                "Hub offline: showing customers known to this till; balances may be old."))
        elif not found:
            self.note.setText(self.tr("No customer found."))
        else:
            self.note.setText("")

    def accept_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.search()
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def detach(self) -> None:
        self.chosen = None
        self.accept()
