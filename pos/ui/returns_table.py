"""The lines of the sale being returned: what was sold, what came back before, what comes back
now and for how much. Rows are touch-sized; a tap toggles a line (the view decides)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from pos.app.format import Formatter
from pos.app.return_quote import ReturnQuote
from pos.core.money import Money
from pos.store.returns import ReturnableSale

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROW_HEIGHT = 48


class ReturnTable(QTableWidget):
    def __init__(self, fmt: Formatter, currency: str) -> None:
        super().__init__(0, 5)
        self.fmt = fmt
        self.currency = currency
        self.setObjectName("returnTable")
        self.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Sold"), self.tr("Returned before"), self.tr("Back now"),
            self.tr("Refund"),
        ])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the entry line keeps the keyboard
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def selected_row(self) -> int:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def line_no(self, row: int) -> int | None:
        item = self.item(row, 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def step_selection(self, step: int) -> None:
        if self.rowCount():
            self.selectRow(max(0, min(self.rowCount() - 1, self.selected_row() + step)))

    def show_lines(self, original: ReturnableSale | None, quote: ReturnQuote | None) -> None:
        """The original's lines with what is picked (with a receipt), else the quote's."""
        fmt, cur = self.fmt, self.currency
        back = {ln.line_no: ln for ln in quote.lines} if quote else {}
        rows: list[tuple[int, str, str, str, str, str]] = []
        if original is not None:
            for ln in original.record.lines:
                if ln.voided:
                    continue
                weighed = ln.unit == "kg"
                before = original.returned_of(ln.line_no).quantity_milli
                now = back.get(ln.line_no)
                rows.append((ln.line_no, ln.name, fmt.quantity(ln.quantity_milli, weighed),
                             fmt.quantity(before, weighed) if before else "",
                             fmt.quantity(-now.quantity_milli, weighed) if now else "",
                             fmt.amount(Money(-now.total_minor, cur)) if now else ""))
        elif quote is not None:
            for ln in quote.lines:
                weighed = ln.unit == "kg"
                rows.append((ln.line_no, ln.name, "", "",
                             fmt.quantity(-ln.quantity_milli, weighed),
                             fmt.amount(Money(-ln.total_minor, cur))))
        self.setRowCount(len(rows))
        for r, (line_no, *cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(RIGHT)
                else:
                    item.setData(Qt.ItemDataRole.UserRole, line_no)
                self.setItem(r, c, item)
