"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call (and to
True on every signal emit) until the interpreter aborts with "none_dealloc": a till would die
after a few thousand scans. This guards the pinned Qt against that class of bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class Emitter(QObject):
    fired = Signal(object)


def test_void_qt_calls_and_signals_do_not_leak_none_or_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    emitter = Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(20_000):
        label.setText("x")
        emitter.fired.emit(n)
    received.clear()
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
