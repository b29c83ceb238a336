"""Selling by weight with a scale: ask it, wait for a stable reading off the GUI thread, then
add the line. No line is ever added from a reading in motion, at zero or over capacity."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from drivers.base import DeviceError, WeightReading, WeightState
from pos.app.checkout import CheckoutError
from pos.core.cart import CartError
from pos.store.records import ProductView

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


class Weighing(QObject):
    """One weighing in flight; its result arrives on the GUI thread."""

    finished = Signal(object)

    def __init__(self, view: SaleView, product: ProductView) -> None:
        super().__init__(view)
        self.view = view
        self.product = product
        self.finished.connect(self._done, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        assert self.view.till.devices is not None
        self.view.say(self.tr("Weighing {0}: place it on the scale…").format(self.product.name))
        future = self.view.till.devices.weigh()
        future.add_done_callback(self.finished.emit)  # runs on the scale's thread

    def _done(self, future: Future[WeightReading | None]) -> None:
        self.deleteLater()
        try:
            reading = future.result()
        except DeviceError as error:
            self.view.say(self.tr("Scale: {0}").format(error), error=True)
            return
        if reading is None or not reading.sellable:
            self.view.say(self.refusal(reading), error=True)
            return
        try:
            self.view.checkout.add(self.product, reading.grams)
        except (CheckoutError, CartError) as error:
            self.view.fail(error)
            return
        self.view.say(self.tr("{0}: {1}").format(
            self.product.name, self.view.fmt.quantity(reading.grams, weighed=True)))
        self.view.refresh()

    def refusal(self, reading: WeightReading | None) -> str:
        if reading is None:
            return self.tr("The scale did not answer: nothing was added.")
        return {
            WeightState.MOTION: self.tr("The scale did not settle: hold still and try again."),
            WeightState.ZERO: self.tr("Nothing on the scale: nothing was added."),
            WeightState.OVER_CAPACITY: self.tr("Too heavy for the scale."),
            WeightState.UNDER_ZERO: self.tr("The scale reads below zero: zero it first."),
        }.get(reading.state, self.tr("No weight: nothing was added."))


def weigh_or_ask(view: SaleView, product: ProductView) -> None:
    """With a scale: weigh. Without one: the cashier keys the weight."""
    devices = view.till.devices
    if devices is not None and devices.has_scale:
        Weighing(view, product).start()
    else:
        from pos.ui import line_actions

        line_actions.ask_weight(view, product)
