"""PIN login: pick or type the employee number, type the PIN, Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.till import Till
from pos.store.users import UserView
from pos.ui.keypad import Keypad, big_button
from pos.ui.messages import error_text

TILE_HEIGHT = 96


class LoginView(QWidget):
    def __init__(self, till: Till, on_login: Callable[[UserView], None], hint: str = "") -> None:
        super().__init__()
        self.till = till
        self.on_login = on_login
        seller = till.ctx.seller

        title = QLabel(f"{seller.company_name}\n{seller.store_name} · "
                       + self.tr("Register {0}").format(seller.register_id))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.employee = QLineEdit()
        self.employee.setPlaceholderText(self.tr("Employee number"))
        self.employee.setObjectName("loginEmployee")
        self.pin = QLineEdit()
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setObjectName("loginPin")
        self.employee.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)

        tiles = QGridLayout()
        for index, user in enumerate(till.active_users()[:12]):
            tile = big_button(f"{user.name}\n#{user.employee_no}",
                              lambda u=user: self.pick(u.employee_no))
            tile.setProperty("role", "tile")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            tile.setFixedHeight(TILE_HEIGHT)
            tiles.addWidget(tile, index // 3, index % 3)
        tiles.setRowStretch(tiles.rowCount(), 1)

        form = QVBoxLayout()
        form.addWidget(self.employee)
        form.addWidget(self.pin)
        form.addWidget(Keypad(self.pin, also=(self.employee,)), 1)
        login = big_button(self.tr("Log in"), self.submit, role="primary")
        login.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form.addWidget(login)
        form.addWidget(self.error)

        columns = QHBoxLayout()
        columns.addLayout(tiles, 3)
        columns.addLayout(form, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hintLabel")
            hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(hint_label)
        layout.addLayout(columns, 1)

    def pick(self, employee_no: str) -> None:
        self.employee.setText(employee_no)
        self.pin.clear()
        self.pin.setFocus()

    def reset(self) -> None:
        self.employee.clear()
        self.pin.clear()
        self.error.clear()
        self.employee.setFocus()

    def submit(self) -> None:
        try:
            user = self.till.login(self.employee.text().strip(), self.pin.text())
        except CheckoutError as error:
            self.error.setText(error_text(error.kind))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.pin.clear()
        self.error.clear()
        self.on_login(user)
