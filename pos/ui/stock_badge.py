"""Stock on hand in this store for the item just scanned (or selected), kept live by the feed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from pos.app.stock_view import StockView
from pos.app.till import Till
from pos.ui.bridge import Bridge


def _light(label: QLabel, level: str) -> None:
    label.setProperty("level", level)
    label.style().unpolish(label)
    label.style().polish(label)


class StockBadge(QLabel):
    def __init__(self, till: Till) -> None:
        super().__init__()
        self.setObjectName("stockBadge")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fmt = till.ctx.formatter
        self.view = StockView(till.ctx.db, till.ctx.register_id)
        self.sku: str | None = None
        self.name = ""
        self.weighed = False
        hub = getattr(till, "hub", None)
        self.setVisible(hub is not None)  # a till without a hub knows no stock
        if hub is not None:
            self._bridge = Bridge(hub.stock_changed, self.changed, self)
            # A sale just committed here: its lines are now this till's own unconfirmed sales.
            self._sold = Bridge(till.ctx.committed, lambda _sale: self.refresh(), self)

    def show_item(self, sku: str | None, name: str = "", weighed: bool = False) -> None:
        self.sku, self.name, self.weighed = sku, name, weighed
        self.refresh()

    def follow_selection(self, sale) -> None:  # type: ignore[no-untyped-def]
        """Show the line the cashier selects in the cart (arrow keys), not only the last."""

        def selected(*_args: object) -> None:
            line_id = sale.selected_line_id()
            checkout = sale.till.checkout
            if line_id is None or checkout is None:
                return
            line = next((ln for ln in checkout.cart.lines if ln.line_id == line_id), None)
            if line is not None:
                self.show_line(line)

        sale.table.selectionModel().selectionChanged.connect(selected)

    def show_line(self, line) -> None:  # type: ignore[no-untyped-def]
        """A cart line (pos.core.cart.Line) or None."""
        if line is None:
            self.show_item(None)
        else:
            self.show_item(line.item.sku, line.item.name, line.is_weighed)

    def changed(self, skus: tuple[str, ...]) -> None:
        if self.sku is not None and ("*" in skus or self.sku in skus):
            self.refresh()

    def refresh(self) -> None:
        if self.sku is None:
            self.setText("")
            self.setToolTip("")
            return
        on_hand = self.view.on_hand(self.sku)
        if not on_hand.known:
            self.setText(self.tr("Stock: not known yet"))
            self.setToolTip(self.name)
            _light(self, "warning")
            self.setMinimumWidth(self.sizeHint().width())
            return
        quantity = self.fmt.quantity(on_hand.on_hand_milli, self.weighed)
        self.setText(self.tr("In stock: {0}").format(quantity))
        level = "ok" if on_hand.on_hand_milli > 0 else "warning"
        if on_hand.on_hand_milli < 0:
            self.setText(self.tr("In stock: {0} (count needed)").format(quantity))
            level = "error"
        _light(self, level)
        self.setMinimumWidth(self.sizeHint().width())  # beside the message: never clipped
        self.setToolTip(self.tr("{0}: hub {1}, sold here and not yet confirmed {2}").format(
            self.name, self.fmt.quantity(on_hand.hub_milli or 0, self.weighed),
            self.fmt.quantity(on_hand.own_unconfirmed_milli, self.weighed)))
