"""The sale screen's keys for issue 9's "anywhere" features, installed on the main window:
Ctrl+E stock everywhere for the selected line (else the last one), Ctrl+Shift+W the return of
a web order. Only while the sale screen is showing (a cashier is logged in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut

from pos.ui.stock_everywhere import open_stock_everywhere
from pos.ui.web_return_view import open_web_return

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow

STOCK_KEY = "Ctrl+E"  # E: everywhere
WEB_RETURN_KEY = "Ctrl+Shift+W"


def _selling(window: MainWindow) -> bool:
    return window.sale is not None and window.pages.currentWidget() is window.sale


def stock_everywhere(window: MainWindow) -> None:
    if not _selling(window) or window.sale is None or window.till.checkout is None:
        return
    lines = [ln for ln in window.till.checkout.cart.lines if not getattr(ln, "voided", False)]
    chosen = window.sale.selected_line_id()
    line = next((ln for ln in lines if ln.line_id == chosen), lines[-1] if lines else None)
    if line is None:
        window.sale.say(QCoreApplication.translate(
            "StockEverywhere", "Scan the item first, then Ctrl+E."), error=True)
        return
    open_stock_everywhere(window, window.till, line.item.sku, line.item.name)


def web_return(window: MainWindow) -> None:
    if _selling(window):
        open_web_return(window, window.till)


def install(window: MainWindow) -> None:
    for key, slot in ((STOCK_KEY, stock_everywhere), (WEB_RETURN_KEY, web_return)):
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.activated.connect(lambda s=slot: s(window))
