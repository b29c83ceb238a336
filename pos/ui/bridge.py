"""The Qt adapter for app events: whatever thread emits, the GUI thread receives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from pos.app.events import Signal as AppSignal

T = TypeVar("T")


class Bridge(QObject):
    """Re-emits an app signal as a queued Qt signal, so slots always run on the GUI thread."""

    fired = Signal(object)

    def __init__(self, source: AppSignal[Any], slot: Callable[[Any], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fired.connect(slot, Qt.ConnectionType.QueuedConnection)
        source.connect(self.fired.emit)
