"""The pickup screen (click & collect at the till): the store's open pickup orders, live,
flagged ones marked; scan or type the order number, check the items (scan each, or confirm
them), hand over. Opened by F5 from the sale screen (pos.ui.pickup_desk).

The logic is pos.app.pickups; this is its screen. The list comes from the hub and is kept live
by the feed; offline the screen says so, and a hand-over waits for the hub (never on trust).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.pickups import Handing, PickupOffline, PickupOrder, ScanNote
from pos.ui.background import Background
from pos.ui.keypad import TOUCH_HEIGHT, big_button

if TYPE_CHECKING:
    from pos.ui.pickup_desk import PickupDesk

PLAIN_ROW = "font-size: 20px; padding: 8px;"
FLAGGED_ROW = ("font-size: 20px; padding: 8px; background: #fde2e1; color: #82071e; "
               "border-left: 8px solid #cf222e;")


class PickupDialog(QDialog):
    def __init__(self, desk: PickupDesk, parent: QWidget) -> None:
        super().__init__(parent)
        self.desk = desk
        self.handing: Handing | None = None
        self.calls = Background(self)  # the hand-over: the hub answers off the GUI thread
        self.setObjectName("pickupDialog")
        self.setWindowTitle(self.tr("Click & collect"))
        self.resize(1100, 700)
        self.title = QLabel()
        self.title.setObjectName("pickupTitle")
        self.title.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.notice = QLabel()
        self.notice.setObjectName("pickupNotice")
        self.notice.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setObjectName("pickupEntry")
        self.entry.setMinimumHeight(TOUCH_HEIGHT)
        self.entry.setStyleSheet("font-size: 22px;")
        self.entry.returnPressed.connect(self.entered)

        self.list = QListWidget()
        self.list.setObjectName("pickupList")
        self.list.setSpacing(2)
        self.list.itemActivated.connect(self._picked)
        self.list.itemClicked.connect(self._picked)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines = QTableWidget(0, 3)
        self.lines.setObjectName("pickupLines")
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Ordered"),
                                              self.tr("Checked")])
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.verticalHeader().setVisible(False)
        self.lines.verticalHeader().setDefaultSectionSize(56)
        self.lines.setStyleSheet("font-size: 20px;")
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.lines)

        self.refresh_button = big_button(self.tr("Refresh"), self.desk.refresh, shortcut="F5")
        self.confirm_button = big_button(self.tr("All checked"), self.confirm_all,
                                         shortcut="F3")
        self.hand_button = big_button(self.tr("Hand over"), self.hand_over, shortcut="F12",
                                      role="pay")
        self.hand_button.setObjectName("handOverButton")
        self.back_button = big_button(self.tr("Back"), self.back, shortcut="Esc")
        buttons = QHBoxLayout()
        for button in (self.back_button, self.refresh_button, self.confirm_button,
                       self.hand_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.entry)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        desk.changed.connect(self.show_state)
        self.show_state()
        self.entry.setFocus()

    # -- state -> screen ----------------------------------------------------------------------

    def show_state(self) -> None:
        if self.handing is None:
            self._show_list()
        else:
            self._show_order(self.handing)

    def _show_list(self) -> None:
        orders = self.desk.board.orders()
        self.title.setText(self.tr("Click & collect: {0} waiting").format(len(orders)))
        self.entry.setPlaceholderText(self.tr("Scan or type the order number, then Enter"))
        self.list.clear()
        for order in orders:
            text = self.tr("{0}   {1}   {2} pcs").format(order.number, order.customer_name,
                                                         order.pieces)
            if order.flag:
                text += "\n⚠ " + order.flag
            # A label per row: the list's style sheet would hide an item's own background.
            label = QLabel(text)
            label.setObjectName("pickupRow")
            label.setStyleSheet(FLAGGED_ROW if order.flag else PLAIN_ROW)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, order.order_id)
            item.setSizeHint(QSize(0, TOUCH_HEIGHT + (40 if order.flag else 12)))
            self.list.addItem(item)
            self.list.setItemWidget(item, label)
        problem = self.desk.problem
        if problem:
            self._say(self.tr("Offline: the hub cannot be reached ({0}). The list may be out "
                              "of date; a hand-over needs the hub.").format(problem), error=True)
        elif not orders:
            self._say(self.tr("No pickup orders waiting for this store."))
        else:
            self._say("")
        self.pages.setCurrentWidget(self.list)
        self.confirm_button.setVisible(False)
        self.hand_button.setVisible(False)
        self.refresh_button.setVisible(True)
        self.back_button.setText(self.tr("Close") + "\nEsc")

    def _show_order(self, handing: Handing) -> None:
        order = handing.order
        self.title.setText(self.tr("Order {0} · {1}").format(order.number, order.customer_name))
        self.entry.setPlaceholderText(self.tr("Scan each item (or All checked, F3)"))
        self.lines.setRowCount(len(handing.lines))
        for row, line in enumerate(handing.lines):
            cells = (line.name, str(line.quantity),
                     ("✔ " if line.done else "") + str(line.checked))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if line.done:
                    cell.setBackground(QColor("#dafbe1"))
                self.lines.setItem(row, column, cell)
        self.pages.setCurrentWidget(self.lines)
        self.confirm_button.setVisible(True)
        self.confirm_button.setEnabled(not handing.complete)
        self.hand_button.setVisible(True)
        self.hand_button.setEnabled(handing.complete)
        self.refresh_button.setVisible(False)
        self.back_button.setText(self.tr("Back") + "\nEsc")
        if order.flag and not self.notice.text():
            self._say("⚠ " + order.flag, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("font-size: 20px; color: %s;" % ("#a40e26" if error
                                                                   else "#1a1a1a"))

    # -- actions ------------------------------------------------------------------------------

    def entered(self) -> None:
        text = self.entry.text().strip()
        self.entry.clear()
        if not text:
            return
        if self.handing is not None:
            note = self.handing.scan(text)
            self._say(self._scan_text(note), error=note.kind in ("unknown_code",
                                                                 "not_in_order"))
            self.show_state()
            return
        order = self.desk.board.find(text)
        if order is None:
            self._say(self.tr("No open pickup order {0} for this store.").format(text),
                      error=True)
            return
        self.open_order(order)

    def _scan_text(self, note: ScanNote) -> str:
        if note.kind == "checked":
            return self.tr("{0}: {1} of {2}").format(note.name, note.checked, note.quantity)
        if note.kind == "all_checked":
            return self.tr("{0}: all already checked").format(note.name)
        if note.kind == "not_in_order":
            return self.tr("{0} is not in this order").format(note.name)
        return self.tr("Unknown code {0}").format(note.name)

    def _picked(self, item: QListWidgetItem) -> None:
        wanted = item.data(Qt.ItemDataRole.UserRole)
        order = next((o for o in self.desk.board.orders() if o.order_id == wanted), None)
        if order is not None:
            self.open_order(order)

    def open_order(self, order: PickupOrder) -> None:
        self.handing = Handing(order, self.desk.till.ctx.lookup)
        self._say("")
        self.show_state()
        self.entry.setFocus()

    def confirm_all(self) -> None:
        if self.handing is not None:
            self.handing.confirm_all()
            self._say(self.tr("All items checked."))
            self.show_state()

    def hand_over(self) -> None:
        """The hub records it (off the GUI thread: the counter stays live meanwhile)."""
        if self.handing is None or not self.handing.complete:
            return
        handing = self.handing
        if not self.calls.run(lambda: self.desk.board.hand_over(handing),
                              lambda outcome: self._handed(handing.order, outcome)):
            return
        self.hand_button.setEnabled(False)
        self._say(self.tr("Handing over {0}…").format(handing.order.number))

    def _handed(self, order: PickupOrder, outcome: object) -> None:
        if isinstance(outcome, PickupOffline):
            self._say(self.tr("Not handed over: the hub cannot be reached ({0}). Keep the "
                              "goods and try again.").format(outcome), error=True)
        elif isinstance(outcome, Exception):  # refused (the hub's words), or a fault
            self._say(self.tr("Not handed over: {0}").format(outcome), error=True)
        else:
            self.handing = None
            self.show_state()
            self._say(self.tr("Order {0} handed over to {1}.").format(order.number,
                                                                      order.customer_name))
            return
        if self.handing is not None:
            self.show_state()

    def done(self, result: int) -> None:  # closed: a hand-over still asked answers nobody
        self.calls.close()
        super().done(result)

    def back(self) -> None:
        if self.handing is None:
            self.reject()
            return
        self.handing = None
        self._say("")
        self.show_state()
