"""Finding the loyalty customer (Ctrl+K): type or scan a loyalty card, a phone number, an
e-mail address or a name; the hub answers (off the GUI thread), or offline the till's own
cache. F2 signs up a new member (pos.ui.customer_signup)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.loyalty import CustomerInfo
from pos.ui.background import Background
from pos.ui.customer_signup import SignUpDialog
from pos.ui.keypad import big_button


class CustomerDialog(QDialog):
    """Type or scan: a loyalty card, a phone number, an e-mail address or a name."""

    def __init__(self, parent: QWidget, loyalty) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.loyalty = loyalty
        self.chosen: CustomerInfo | None = None
        self.notice = ""  # what the sale screen says after a sign-up
        self.calls = Background(self)  # the hub's answers, off the GUI thread
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Customer"))
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr(
            "Scan the loyalty card, or type a phone number, an e-mail address or a name"))
        title.setObjectName("panelTitle")
        title.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("dialogValue")
        self.query.returnPressed.connect(self.search)
        self.results = QListWidget()
        self.results.itemActivated.connect(lambda _item: self.accept_current())
        self.note = QLabel()
        self.note.setObjectName("dueDetail")
        self.note.setWordWrap(True)
        for widget in (title, self.query, self.results, self.note):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject, shortcut="Esc"))
        buttons.addWidget(big_button(self.tr("No customer"), self.detach))
        buttons.addWidget(big_button(self.tr("New member"), self.sign_up, shortcut="F2"))
        buttons.addWidget(big_button(self.tr("Attach"), self.accept_current, role="primary"))
        layout.addLayout(buttons)
        self.query.setFocus()

    def search(self) -> None:
        text = self.query.text().strip()
        if self.results.count() and self.results.currentItem() is not None and \
                self.results.property("query") == text:
            self.accept_current()  # Enter again: take the highlighted one
            return
        if not text or not self.calls.run(lambda: self.loyalty.find(text),
                                          lambda outcome: self._found(text, outcome)):
            return  # one search at a time: the hub answers (or times out) first
        self.note.setText(self.tr("Searching…"))

    def _found(self, text: str, outcome: object) -> None:
        """The hub's answer (or, offline, the till's cache), back on the GUI thread."""
        if isinstance(outcome, Exception):
            self.note.setText(self.tr("Something went wrong: {0}").format(outcome))
            return
        found, live = outcome  # type: ignore[misc]
        self.results.clear()
        self.results.setProperty("query", text)
        for info in found:
            item = QListWidgetItem(self.tr("{0} · {1} · {2} points").format(
                info.name, info.phone or info.loyalty_card or "", info.points))
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        if not live:
            self.note.setText(self.tr(
                "Hub offline: showing customers known to this till; balances may be old."))
        elif not found:
            self.note.setText(self.tr("No customer found."))
        else:
            self.note.setText("")

    def accept_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.search()
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def sign_up(self) -> None:
        """A new member (she may be one already: the hub says, and that one is attached)."""
        dialog = SignUpDialog(self, self.loyalty, self.query.text())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.customer is not None:
            self.chosen, self.notice = dialog.customer, dialog.notice
            self.accept()
            return
        self.query.setFocus()

    def done(self, result: int) -> None:  # closed: a search still asked answers nobody
        self.calls.close()
        super().done(result)

    def detach(self) -> None:
        self.chosen = None
        self.accept()
