"""Touch-sized building blocks: big buttons with a shortcut hint, and a numeric keypad."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

TOUCH_HEIGHT = 64  # px; Apple and Google both ask for >= 44-48 px, a till is used standing up
KEY_HEIGHT = 48  # keypad keys: five rows must fit beside the notes on a 800 px high screen


def big_button(text: str, on_click: Callable[[], None], *, shortcut: str = "",
               role: str = "", parent: QWidget | None = None) -> QPushButton:
    """A button at least TOUCH_HEIGHT high; its shortcut is shown on it and works anywhere."""
    label = f"{text}\n{shortcut}" if shortcut else text
    button = QPushButton(label, parent)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the entry line keeps the keyboard
    if role:
        button.setProperty("role", role)
    button.clicked.connect(on_click)
    if shortcut:
        # A QShortcut rather than button.setShortcut: the latter "animates" the click and fires
        # it 100 ms later, which the cashier would feel. Parented to the button, it is live only
        # while the button is visible and acts only while it is enabled.
        key = QShortcut(QKeySequence(shortcut), button)
        key.activated.connect(lambda: button.isEnabled() and button.click())
    return button


class Keypad(QWidget):
    """Digits for line edits, so every number can be keyed by touch too. The keys take no
    focus, so they type into whichever of `also` (or `target`) has the keyboard focus."""

    KEYS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "00", ",")

    def __init__(self, target: QLineEdit, parent: QWidget | None = None,
                 also: tuple[QLineEdit, ...] = ()) -> None:
        super().__init__(parent)
        self.fields = (target, *also)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, key in enumerate(self.KEYS):
            button = big_button(key, lambda k=key: self.field().insert(k))
            button.setProperty("role", "key")
            button.setMinimumHeight(KEY_HEIGHT)
            grid.addWidget(button, index // 3, index % 3)
        back = big_button("⌫", lambda: self.field().backspace())
        back.setProperty("role", "key")
        back.setMinimumHeight(KEY_HEIGHT)
        grid.addWidget(back, 4, 0, 1, 3)

    def field(self) -> QLineEdit:
        focused = QApplication.focusWidget()
        return focused if focused in self.fields else self.fields[0]  # type: ignore[return-value]
