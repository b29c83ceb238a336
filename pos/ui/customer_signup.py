"""A new loyalty member at the till (F2 in the customer dialog): name, phone, e-mail, card.

The hub makes her (pos.app.loyalty.sign_up), off the GUI thread: the till stays live while it
answers. She may be a member already (signed up on the web, or in another store): the hub
answers that customer, and the dialog says so rather than making a second one.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from pos.app.checkout import CheckoutError
from pos.app.events import Signal as AppSignal
from pos.app.loyalty import CustomerInfo
from pos.ui.bridge import Bridge
from pos.ui.keypad import TOUCH_HEIGHT, big_button
from pos.ui.messages import error_text

Outcome = tuple[CustomerInfo, bool] | CheckoutError


def prefill(text: str) -> dict[str, str]:
    """What the cashier typed in the search, put where it belongs in the form."""
    text = text.strip()
    if "@" in text:
        return {"email": text}
    digits = text.replace(" ", "").lstrip("+")
    if digits.isdigit():
        return {"phone": text} if len(digits) <= 11 else {"card": text}
    return {"name": text} if text else {}


class SignUpDialog(QDialog):
    def __init__(self, parent: Any, loyalty: Any, typed: str = "") -> None:
        super().__init__(parent)
        self.loyalty = loyalty
        self.customer: CustomerInfo | None = None
        self.notice = ""  # for the sale screen: who was attached, and whether she is new
        self.setObjectName("signUpDialog")
        self.setWindowTitle(self.tr("New member"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("New loyalty member: a name, and a phone number or an e-mail"))
        title.setObjectName("panelTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(12)
        self.name, self.phone, self.email, self.card = (QLineEdit() for _ in range(4))
        labels = (self.tr("Name"), self.tr("Phone"), self.tr("E-mail"),
                  self.tr("Loyalty card (scan)"))
        self.fields = (self.name, self.phone, self.email, self.card)
        for at, (label, field) in enumerate(zip(labels, self.fields, strict=True)):
            field.setObjectName("dialogValue")
            field.setMinimumHeight(TOUCH_HEIGHT)
            field.returnPressed.connect(lambda at=at: self._next(at))
            caption = QLabel(label)
            caption.setStyleSheet("font-size: 18px;")
            caption.setMinimumHeight(TOUCH_HEIGHT)
            form.addRow(caption, field)
        given = prefill(typed)
        for key, field in zip(("name", "phone", "email", "card"), self.fields, strict=True):
            field.setText(given.get(key, ""))
        layout.addLayout(form)
        self.note = QLabel()
        self.note.setObjectName("dueDetail")
        self.note.setWordWrap(True)
        layout.addWidget(self.note, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject, shortcut="Esc"))
        self.submit = big_button(self.tr("Sign up"), self.send, shortcut="F12", role="primary")
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        self._answered: AppSignal[Outcome] = AppSignal()
        self._bridge = Bridge(self._answered, self._arrived, self)
        self.busy = False
        empty = [f for f in self.fields if not f.text()]
        (empty[0] if empty else self.name).setFocus()

    def _next(self, at: int) -> None:
        """Enter moves down the form; on the card line (a scanner ends with Enter) it sends."""
        if at == len(self.fields) - 1:
            self.send()
        else:
            self.fields[at + 1].setFocus()

    def send(self) -> None:
        if self.busy:
            return  # one sign-up at a time: a second Enter must not make a second request
        values = [f.text() for f in self.fields]
        self.busy = True
        self.submit.setEnabled(False)
        for field in self.fields:
            field.setReadOnly(True)
        self.note.setText(self.tr("Signing up {0}…").format(values[0].strip()))

        def ask() -> None:
            try:
                self._answered.emit(self.loyalty.sign_up(*values))
            except CheckoutError as error:
                self._answered.emit(error)

        threading.Thread(target=ask, name="kassa-sign-up", daemon=True).start()

    def _arrived(self, outcome: Outcome) -> None:
        self.busy = False
        self.submit.setEnabled(True)
        for field in self.fields:
            field.setReadOnly(False)
        if isinstance(outcome, CheckoutError):
            self.note.setText(error_text(outcome.kind, outcome.detail))
            return
        self.customer, new = outcome
        self.notice = (self.tr("Welcome, {0}: a member now, and attached.") if new else
                       self.tr("{0} is a member already: attached.")).format(self.customer.name)
        self.accept()
