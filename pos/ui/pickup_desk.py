"""Click & collect at the till, for the window's lifetime: the store's PickupDesk (the board
from pos.app.pickups, kept live by the feed and refreshed from the hub now and then), the count
of waiting orders in the status bar, and F5 on the sale screen to open the pickup screen
(pos.ui.pickup_view). Two hooks in main_window: `install` and, per sale screen, `key_on`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from pos.app.events import Signal as AppSignal
from pos.app.pickups import PickupBoard, PickupOffline
from pos.ui.bridge import Bridge
from pos.ui.pickup_view import PickupDialog

if TYPE_CHECKING:
    from pos.app.till import Till
    from pos.ui.main_window import MainWindow

REFRESH_MS = 60_000  # a safety net: the feed's frames keep the list live in between


class PickupDesk(QObject):
    """The board for this till's store, for the window's lifetime; the dialog when open."""

    changed = Signal()
    closed = Signal()

    def __init__(self, till: Till, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.board = PickupBoard(getattr(till, "hub", None), till.ctx.db)
        self._bridge = Bridge(self.board.changed, lambda _none: self.changed.emit(), self)
        self.problem: str | None = None  # the last refresh's: offline, not linked
        self.dialog: PickupDialog | None = None
        self._refreshed: AppSignal[str | None] = AppSignal()
        self._refresh_bridge = Bridge(self._refreshed, self._after_refresh, self)

    def refresh(self) -> None:
        """Ask the hub for the list, off the GUI thread (a short timeout when it is away)."""
        def ask() -> None:
            try:
                self.board.refresh()
                self._refreshed.emit(None)
            except PickupOffline as exc:
                self._refreshed.emit(str(exc))

        threading.Thread(target=ask, name="kassa-pickups", daemon=True).start()

    def _after_refresh(self, problem: str | None) -> None:
        self.problem = problem
        self.changed.emit()

    def open(self, window: QWidget) -> PickupDialog:
        """Window-modal, not blocking: the list keeps following the feed while it shows."""
        if self.dialog is None:
            self.dialog = PickupDialog(self, window)
            self.dialog.finished.connect(self._closed)
            self.dialog.open()
        self.refresh()
        return self.dialog

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.closed.emit()


def install(window: MainWindow) -> PickupDesk:
    """The desk for the window's lifetime; `key_on` gives each sale screen its F5."""
    desk = PickupDesk(window.till, window)
    desk.closed.connect(lambda: window.sale is not None and window.sale.entry.setFocus())
    badge = QLabel()  # in the status bar: new pickup orders show up here, live
    badge.setObjectName("pickupBadge")
    badge.setStyleSheet("font-weight: bold; padding: 0 8px;")
    window.status.addPermanentWidget(badge)

    def show_count() -> None:
        orders = desk.board.orders()
        flagged = sum(1 for order in orders if order.flag)
        text = QCoreApplication.translate("PickupDesk", "Click & collect: {0} waiting (F5)"
                                          ).format(len(orders))
        if flagged:
            text += " · " + QCoreApplication.translate("PickupDesk", "{0} flagged"
                                                       ).format(flagged)
        badge.setText(text)
        badge.setVisible(bool(orders))

    desk.changed.connect(show_count)
    show_count()
    if getattr(window.till, "hub", None) is not None:  # the list as the hub has it, now and then
        QTimer.singleShot(2_000, desk.refresh)  # the link starts on a thread of its own
        timer = QTimer(desk)
        timer.timeout.connect(desk.refresh)
        timer.start(REFRESH_MS)
    return desk


def key_on(desk: PickupDesk, window: MainWindow) -> None:
    """F5 opens the desk from this sale screen. The key belongs to the product panel, so it is
    live only while that shows: during payment F5 is the card button's (payment_panel), and
    two live shortcuts on one key would both go dead (Qt: ambiguous)."""
    sale = window.sale
    if sale is None:
        return
    key = QShortcut(QKeySequence("F5"), sale.products)
    key.activated.connect(lambda: desk.open(window))
