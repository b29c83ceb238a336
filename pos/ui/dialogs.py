"""Small modal dialogs with a keypad: a number (with an optional reason), a choice, a yes/no."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pos.ui.keypad import Keypad, big_button


class NumberDialog(QDialog):
    """Asks for one number; with `reasons`, also for a reason (an editable list)."""

    def __init__(self, parent: QWidget, title: str, prompt: str, *, initial: str = "",
                 reasons: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("numberDialog")
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setObjectName("panelTitle")
        layout.addWidget(label)
        self.value = QLineEdit(initial)
        self.value.setObjectName("dialogValue")
        self.value.selectAll()
        layout.addWidget(self.value)
        self.reason: QComboBox | None = None
        if reasons is not None:
            self.reason = QComboBox()
            self.reason.setEditable(True)
            self.reason.addItems(reasons)
            self.reason.setMinimumHeight(48)
            layout.addWidget(QLabel(self.tr("Reason")))
            layout.addWidget(self.reason)
        layout.addWidget(Keypad(self.value))
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject))
        buttons.addWidget(big_button(self.tr("OK"), self.accept, role="primary"))
        layout.addLayout(buttons)
        self.value.returnPressed.connect(self.accept)
        self.value.setFocus()

    def text(self) -> str:
        return self.value.text().strip()

    def reason_text(self) -> str:
        return self.reason.currentText().strip() if self.reason is not None else ""


class ChoiceDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, choices: list[tuple[str, object]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("choiceList")
        self._values = [value for _label, value in choices]
        self.list.addItems([label for label, _value in choices])
        if choices:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject))
        buttons.addWidget(big_button(self.tr("OK"), self.accept, role="primary"))
        layout.addLayout(buttons)
        self.list.setFocus()

    def value(self) -> object | None:
        row = self.list.currentRow()
        return self._values[row] if 0 <= row < len(self._values) else None


class ConfirmDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, question: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setWordWrap(True)
        label.setObjectName("panelTitle")
        layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("No"), self.reject))
        yes = big_button(self.tr("Yes"), self.accept, role="danger")
        yes.setDefault(True)
        buttons.addWidget(yes)
        layout.addLayout(buttons)


class ApprovalDialog(QDialog):
    """A supervisor steps up to the till and approves with employee number and PIN."""

    def __init__(self, parent: QWidget, title: str, question: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setWordWrap(True)
        label.setObjectName("panelTitle")
        layout.addWidget(label)
        self.employee = QLineEdit()
        self.employee.setPlaceholderText(self.tr("Supervisor's employee number"))
        self.pin = QLineEdit()
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.employee.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.accept)
        layout.addWidget(self.employee)
        layout.addWidget(self.pin)
        layout.addWidget(Keypad(self.pin, also=(self.employee,)))
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject))
        buttons.addWidget(big_button(self.tr("Approve"), self.accept, role="primary"))
        layout.addLayout(buttons)
        self.employee.setFocus()
