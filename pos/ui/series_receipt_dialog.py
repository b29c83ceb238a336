"""Provisional and delivery receipts of the cart, from the sale screen.

Ctrl+B (or the "Bill / delivery" button beside the entry line) asks which: 1 prints a
provisional receipt (foreløpig kvittering: a bill for a sale not settled yet, a table's bill),
2 a delivery receipt (utleveringskvittering: goods handed over before they are paid for).
Each has its own number series, is marked as not a receipt for the purchase, journaled
(13015 / 13016, so the X and Z count them) and printed on the receipt printer, in one
transaction (pos.app.series_receipts). The cart stays as it is: it is settled, parked or voided
as usual afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos.app.series_receipts import issue_series_receipt
from pos.store.receipt_series import IssuedReceipt, Series
from pos.ui.keypad import big_button

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView

SHORTCUT = "Ctrl+B"
KEYS: dict[Series, str] = {"provisional": "1", "delivery": "2"}


class SeriesReceiptDialog(QDialog):
    """Which receipt: provisional (1) or delivery (2); Esc cancels."""

    def __init__(self, parent: QWidget, total_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Provisional or delivery receipt"))
        self.setObjectName("seriesReceiptDialog")
        self.series: Series | None = None
        self.resize(720, 380)  # the wrapped prompt keeps its lines (nb and sv are longer)
        layout = QVBoxLayout(self)
        prompt = QLabel(self.tr("A receipt of this cart ({0}) that is not a receipt for the "
                           "purchase:").format(total_text))
        prompt.setWordWrap(True)
        prompt.setObjectName("panelTitle")
        layout.addWidget(prompt)
        choices: tuple[tuple[Series, str, str], ...] = (
            ("provisional", self.tr("Provisional receipt"),
             self.tr("A bill for a sale not paid yet; the sale stays open.")),
            ("delivery", self.tr("Delivery receipt"),
             self.tr("Goods handed over before they are paid for.")),
        )
        self.buttons: dict[Series, QPushButton] = {}
        for series, title, hint in choices:
            row = QHBoxLayout()
            button = big_button(title, self.chooser(series), shortcut=KEYS[series],
                                role="primary")
            button.setObjectName(f"{series}ReceiptButton")
            button.setMinimumWidth(260)
            self.buttons[series] = button
            row.addWidget(button)
            note = QLabel(hint)
            note.setWordWrap(True)
            row.addWidget(note, 1)
            layout.addLayout(row)
        layout.addWidget(big_button(self.tr("Cancel"), self.reject, shortcut="Esc"))

    def choose(self, series: Series) -> None:
        self.series = series
        self.accept()

    def chooser(self, series: Series) -> Callable[[], None]:
        return lambda: self.choose(series)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """1 and 2 also when the dialog has the keys but not the window focus (a shortcut
        needs the active window)."""
        chosen = next((s for s, k in KEYS.items() if k == event.text()), None)
        if chosen is not None:
            self.choose(chosen)
            return
        super().keyPressEvent(event)


def button(view: SaleView) -> QPushButton:
    """The touch button for the sale screen; its shortcut works anywhere on it."""
    text = QCoreApplication.translate("SeriesReceipts", "Bill /\ndelivery")

    def clicked() -> None:
        ask_and_print(view)

    made = big_button(text, clicked, shortcut=SHORTCUT)
    made.setObjectName("seriesReceiptButton")
    made.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # as F1's
    return made


def ask_and_print(view: SaleView) -> IssuedReceipt | None:
    """Refuse with a reason (nothing in the cart, the sale already paid), else ask which
    receipt and issue it."""
    checkout = view.checkout
    if checkout.completed is not None:
        view.say(QCoreApplication.translate(
            "SeriesReceipts",
            "This sale is paid: its receipt is the sales receipt (F11 for a copy)."), error=True)
        return None
    totals = checkout.totals
    if not totals.lines:
        view.say(QCoreApplication.translate(
            "SeriesReceipts", "The cart is empty: there is nothing to put on the receipt."),
            error=True)
        return None
    dialog = SeriesReceiptDialog(view, view.fmt.money(totals.total))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.series is None:
        view.entry.setFocus()
        return None
    assert view.till.user is not None
    issued = issue_series_receipt(view.till.ctx, dialog.series, totals, view.till.user,
                                  checkout.sale_id)
    if issued.series == "provisional":
        done = QCoreApplication.translate("SeriesReceipts",
                                          "Provisional receipt {0} sent to the printer.")
    else:
        done = QCoreApplication.translate("SeriesReceipts",
                                          "Delivery receipt {0} sent to the printer.")
    view.say(done.format(issued.number))
    view.entry.setFocus()
    return issued
