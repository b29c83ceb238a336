"""The cart as a Qt table model, rebuilt from the immutable cart after every change.

Each line's texts are formatted once, when the cart changes, not in data(): Qt asks data()
for every visible cell on every layout and paint, and Babel formatting there was most of the
cost of a scan. A scan that appends a line inserts one row instead of resetting the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos.app.format import Formatter
from pos.core.totals import LineAmounts, Totals

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Row:
    line_id: int
    cells: tuple[str, str, str, str]  # item, quantity, unit price, amount


class CartModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, formatter: Formatter) -> None:
        super().__init__()
        self.fmt = formatter
        self.rows: tuple[Row, ...] = ()

    def row_of(self, amounts: LineAmounts) -> Row:
        line = amounts.line
        notes = []
        if line.override:
            notes.append(self.tr("price changed: {0}").format(line.override.reason))
        if amounts.discount.minor:
            notes.append(self.tr("discount -{0}").format(self.fmt.amount(amounts.discount)))
        name = line.item.name + ("\n  " + "; ".join(notes) if notes else "")
        price = self.fmt.amount(line.unit_price) + ("/kg" if line.is_weighed else "")
        quantity = self.fmt.quantity(line.quantity_milli, line.is_weighed)
        return Row(line.line_id, (name, quantity, price, self.fmt.amount(amounts.total)))

    def set_totals(self, totals: Totals) -> None:
        rows = tuple(self.row_of(a) for a in totals.lines)
        old, new = len(self.rows), len(rows)
        if new == old + 1 and rows[:old] == self.rows:
            self.beginInsertRows(QModelIndex(), old, old)
            self.rows = rows
            self.endInsertRows()
        elif new == old:
            changed = [i for i in range(new) if rows[i] != self.rows[i]]
            self.rows = rows
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0),
                                      self.index(changed[-1], self.COLUMNS - 1))
        else:
            self.beginResetModel()
            self.rows = rows
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
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()].cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].line_id
        return None
