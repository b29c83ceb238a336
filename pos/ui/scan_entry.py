"""The one entry line: a keyboard-wedge scanner and the cashier both type here.

Each key press is timed; on Enter the wedge classifier says whether a scanner produced the
burst (fast, even keys) or a person typed it. Search-as-you-type waits for a short pause, so a
scanner's burst, which ends in Enter well within it, never triggers a search.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from pos.core.wedge import Scanned, WedgeClassifier

SEARCH_PAUSE_MS = 90


class ScanEntry(QLineEdit):
    scanned = Signal(str)  # from a scanner
    submitted = Signal(str)  # typed by a person and confirmed with Enter
    search_requested = Signal(str)  # typing paused: search for this text
    navigate = Signal(int)  # arrow up (-1) / down (+1): move in the list beside

    def __init__(self, classifier: WedgeClassifier) -> None:
        super().__init__()
        self.classifier = classifier
        self.setObjectName("scanEntry")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(lambda: self.search_requested.emit(self.text().strip()))
        self.textEdited.connect(lambda _text: self._pause.start())
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        now_ms = time.monotonic_ns() // 1_000_000
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.navigate.emit(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            result = self.classifier.feed("\n", now_ms)
            text = self.text().strip()
            self._pause.stop()
            self.clear()
            if isinstance(result, Scanned):
                self.scanned.emit(text)
            else:
                self.submitted.emit(text)
            return True
        if key == Qt.Key.Key_Backspace:
            self.classifier.feed("\b", now_ms)
        elif event.text() and event.text().isprintable():
            self.classifier.feed(event.text(), now_ms)
        return False
