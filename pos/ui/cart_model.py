"""The cart as a Qt table model. Rebuilt from the immutable cart after every change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos.app.format import Formatter
from pos.core.totals import LineAmounts, Totals

Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    COLUMNS = 4  # item, quantity, unit price, amount

    def __init__(self, formatter: Formatter) -> None:
        super().__init__()
        self.fmt = formatter
        self.rows: tuple[LineAmounts, ...] = ()

    def set_totals(self, totals: Totals) -> None:
        old, new = len(self.rows), len(totals.lines)
        if new == old + 1 and self.rows == totals.lines[:old]:
            # The common case, one scan: insert one row rather than resetting the view.
            self.beginInsertRows(QModelIndex(), old, old)
            self.rows = totals.lines
            self.endInsertRows()
            return
        if new == old and old:
            self.rows = totals.lines
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self.rows = totals.lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Amount"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        line = row.line
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                name = line.item.name
                notes = []
                if line.override:
                    notes.append(self.tr("price changed: {0}").format(line.override.reason))
                if row.discount.minor:
                    notes.append(self.tr("discount -{0}").format(self.fmt.amount(row.discount)))
                return name + ("\n  " + "; ".join(notes) if notes else "")
            if column == 1:
                return self.fmt.quantity(line.quantity_milli, line.is_weighed)
            if column == 2:
                suffix = "/kg" if line.is_weighed else ""
                return self.fmt.amount(line.unit_price) + suffix
            return self.fmt.amount(row.total)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return line.line_id
        return None
