"""The right-hand panel: quick keys by department, or search results while the cashier types."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.app.format import Formatter
from pos.core.money import Money
from pos.store.records import ProductView
from pos.ui.keypad import big_button

QUICK_KEYS_PER_PAGE = 12
DEPARTMENT_TABS = 12


def fit(text: str, width: int) -> str:
    """Wrap a name onto at most two lines for a button (buttons do not wrap by themselves)."""
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def shrinkable(widget: QWidget) -> None:
    """Let the grid decide the width, not the longest product name."""
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)


class ProductPanel(QStackedWidget):
    def __init__(self, formatter: Formatter, currency: str,
                 departments: list[tuple[str, list[ProductView]]],
                 on_pick: Callable[[ProductView], None]) -> None:
        super().__init__()
        self.fmt = formatter
        self.currency = currency
        self.on_pick = on_pick
        self.departments = departments

        # Departments down the left, that department's quick keys in two columns beside them.
        self.quick = QWidget()
        quick_layout = QHBoxLayout(self.quick)
        quick_layout.setContentsMargins(0, 0, 0, 0)
        tabs = QVBoxLayout()
        tabs.setSpacing(4)
        self.tabs: list[QPushButton] = []
        for index, (name, _products) in enumerate(departments[:DEPARTMENT_TABS]):
            tab = big_button(fit(name, 14), lambda i=index: self.show_department(i))
            tab.setProperty("role", "tab")
            tab.setCheckable(True)
            tab.setMinimumHeight(44)
            shrinkable(tab)
            tabs.addWidget(tab)
            self.tabs.append(tab)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for side, stretch in ((tabs, 2), (self.grid_host, 5)):
            if isinstance(side, QWidget):
                quick_layout.addWidget(side, stretch)
            else:
                quick_layout.addLayout(side, stretch)

        self.results_page = QWidget()
        results_layout = QVBoxLayout(self.results_page)
        self.results_title = QLabel()
        self.results_title.setObjectName("panelTitle")
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        results_layout.addWidget(self.results_title)
        results_layout.addWidget(self.results, 1)

        self.addWidget(self.quick)
        self.addWidget(self.results_page)
        if departments:
            self.show_department(0)

    def price_text(self, product: ProductView) -> str:
        price = self.fmt.money(Money(product.price_minor, self.currency))
        return price + ("/kg" if product.sold_by == "weight" else "")

    def show_department(self, index: int) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for n, tab in enumerate(self.tabs):
            tab.setChecked(n == index)
        for n, product in enumerate(self.departments[index][1][:QUICK_KEYS_PER_PAGE]):
            key = big_button(f"{fit(product.name, 18)}\n{self.price_text(product)}",
                             lambda p=product: self.on_pick(p))
            key.setProperty("role", "quick")
            shrinkable(key)
            self.grid.addWidget(key, n // 2, n % 2)
        self.setCurrentWidget(self.quick)

    def show_results(self, text: str, products: list[ProductView]) -> None:
        self.results.clear()
        for product in products:
            item = QListWidgetItem(f"{product.name}    {self.price_text(product)}")
            item.setData(Qt.ItemDataRole.UserRole, product)
            self.results.addItem(item)
        if products:
            self.results.setCurrentRow(0)
            self.results_title.setText(self.tr("{0} matches for “{1}”").format(len(products), text))
        else:
            self.results_title.setText(self.tr("No product matches “{0}”").format(text))
        self.setCurrentWidget(self.results_page)

    def show_quick_keys(self) -> None:
        self.results.clear()
        self.setCurrentWidget(self.quick)

    @property
    def showing_results(self) -> bool:
        return self.currentWidget() is self.results_page

    def move(self, step: int) -> None:
        if self.showing_results and self.results.count():
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)

    def current(self) -> ProductView | None:
        item = self.results.currentItem() if self.showing_results else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _activated(self, item: QListWidgetItem) -> None:
        self.on_pick(item.data(Qt.ItemDataRole.UserRole))
