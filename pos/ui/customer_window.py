"""The customer's screen: a second window (on a second monitor when there is one) with the
item just scanned, the lines so far, the total, and the change at the end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.customer_view import CustomerView


class CustomerWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("customerWindow")
        self.setWindowTitle(self.tr("Kassa – customer display"))
        self.headline = QLabel()
        self.headline.setObjectName("customerHeadline")
        self.amount = QLabel()
        self.amount.setObjectName("customerAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lines = QTableWidget(0, 2)
        self.lines.setObjectName("customerLines")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.horizontalHeader().setVisible(False)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setShowGrid(False)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.total = QLabel()
        self.total.setObjectName("customerTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.shown: tuple[tuple[str, str], ...] = ()
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        for widget, stretch in ((self.headline, 0), (self.amount, 0), (self.lines, 1),
                                (self.total, 0)):
            layout.addWidget(widget, stretch)

    def show_view(self, view: CustomerView) -> None:
        self.headline.setText(view.headline)
        self.amount.setText(view.amount)
        self.total.setText(view.total)
        # Usually one line more than last time: add only what changed, not every row per scan.
        shown = self.shown
        first_change = next((i for i, (a, b) in enumerate(zip(shown, view.lines, strict=False))
                             if a != b), min(len(shown), len(view.lines)))
        self.lines.setRowCount(len(view.lines))
        for row in range(first_change, len(view.lines)):
            name, amount = view.lines[row]
            price = QTableWidgetItem(amount)
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(row, 0, QTableWidgetItem(name))
            self.lines.setItem(row, 1, price)
        self.shown = view.lines
        if first_change < len(view.lines):
            self.lines.scrollToBottom()

    def place(self) -> None:
        """Full screen on the second monitor if there is one, else a window beside the till."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(640, 480)
            self.show()
