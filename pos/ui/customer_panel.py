"""The loyalty customer of the sale: find by card, phone, e-mail or name, the live balance and
tier, points earned, paying with points (only when the hub can reserve them), and her customer
card (pos.ui.customer_card: wish list, web orders, purchases in every channel), fetched in the
background as soon as she is attached, so the sale never waits for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.customer_overview import LOADING, CustomerOverviews, OverviewResult
from pos.app.loyalty import POINT_VALUE_MINOR, CustomerInfo
from pos.core.tender import TenderKind
from pos.ui.bridge import Bridge
from pos.ui.customer_card import CustomerCard
from pos.ui.customer_search import CustomerDialog
from pos.ui.keypad import big_button

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView
    from sync.protocol import WishItem


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
        self.card_button = big_button(self.tr("Customer card"), self.open_card,
                                      shortcut="Ctrl+I")
        self.card_button.setObjectName("customerCardButton")
        for button in (self.find_button, self.card_button, self.points_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.points_button.setVisible(False)
        self.card_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.find_button)
        layout.addWidget(self.card_button)
        layout.addWidget(self.points_button)
        hub = getattr(self.till, "hub", None)
        self.setVisible(hub is not None)  # loyalty lives on the hub
        self.cards = CustomerOverviews(self.till.ctx, hub)
        self.card: OverviewResult | None = None  # the attached customer's, once it came
        self.card_dialog: CustomerCard | None = None
        if hub is not None:
            self._bridge = Bridge(hub.customers_changed, self.changed, self)
            self._sold = Bridge(self.till.ctx.committed, lambda _sale: self.refresh(), self)
            self._cards = Bridge(self.cards.ready, self.card_arrived, self)
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
            if info is not None and info.tier != "basic":
                text += " · " + info.tier.capitalize()
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
            text += self._card_summary(customer_id)
            self.label.setText(text)
            self.label.setProperty("attached", True)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        paying = checkout is not None and checkout.settlement is not None \
            and checkout.completed is None
        self.points_button.setVisible(paying and customer_id is not None)
        self.card_button.setVisible(customer_id is not None)

    def attach(self, info: CustomerInfo | None) -> None:
        try:
            self.checkout.attach_customer(info.customer_id if info else None)
        except CheckoutError as error:
            self.sale.fail(error)
            return
        self.info = info
        self.card = None
        if info is not None:
            self.cards.request(info.customer_id)  # in the background: the sale goes on
        else:
            self.cards.forget()
        self.refresh()

    # -- the customer card (wish list, web orders, purchases) -------------------------------

    def _card_summary(self, customer_id: str) -> str:
        card = self.card if self.card and self.card.customer_id == customer_id else None
        if card is None:
            return ""
        if card.overview is None:
            return " · " + self.tr("hub offline: no customer card now, the sale goes on")
        parts = []
        if card.overview.open_web_orders:
            parts.append(self.tr("{0} open web orders").format(
                len(card.overview.open_web_orders)))
        if card.overview.wishlist:
            parts.append(self.tr("wish list {0} ({1} in stock here)").format(
                len(card.overview.wishlist), card.wishes_in_stock))
        return (" · " + " · ".join(parts) + " · Ctrl+I") if parts else ""

    def card_arrived(self, result: OverviewResult) -> None:
        attached = self.checkout.customer_id if self.checkout else None
        if result.customer_id != attached:
            return
        self.card = result
        if self.card_dialog is not None:
            self.card_dialog.show_result(result)
        self.refresh()

    def open_card(self) -> None:
        checkout = self.checkout
        if checkout is None or checkout.customer_id is None:
            return
        result = self.card if self.card and self.card.customer_id == checkout.customer_id \
            else OverviewResult(checkout.customer_id, None, LOADING)
        self.card_dialog = CustomerCard(self, self.till.ctx.formatter, self.sale.currency,
                                        result, self.add_wish, self.reload_card)
        self.card_dialog.finished.connect(self._card_closed)
        self.card_dialog.open()  # window-modal; the answer may still come in while it shows
        if result.overview is None:  # not yet, or offline then: ask (again)
            self.reload_card()

    def _card_closed(self) -> None:
        if self.card_dialog is not None:
            self.card_dialog.deleteLater()
        self.card_dialog = None
        self.sale.entry.setFocus()

    def reload_card(self) -> None:
        if self.checkout is not None and self.checkout.customer_id is not None:
            self.cards.request(self.checkout.customer_id)

    def add_wish(self, wish: WishItem) -> None:
        """One touch: the wished item into the sale (weighed goods ask for the weight)."""
        try:
            product = self.cards.product_for(wish)
        except CheckoutError:
            self.sale.say(self.tr("{0} cannot be sold here: not in this till's catalog.")
                          .format(wish.name or wish.sku), error=True)
            return
        self.sale.pick(product)

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
            if dialog.notice:
                self.sale.say(dialog.notice)
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
