"""One hub call at a time, off the GUI thread: the till keeps drawing, scanning and answering
keys while the hub (a short time-out, but seconds on a bad line) thinks.

`Background.run(work, then)` calls `work()` on a worker thread and `then(outcome)` back on the
GUI thread, where outcome is what `work` returned or the exception it raised. While a call runs,
`busy` is true and a second `run` is refused (a second Enter must not send a second request).
A view closed before the answer comes drops it: `then` is not called on a dead view.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class Background(QObject):
    _answered = Signal(object, object)  # (then, outcome): queued to the GUI thread

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.busy = False
        self._closed = False
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self._close)

    def run(self, work: Callable[[], Any], then: Callable[[Any], None],
            name: str = "kassa-hub-call") -> bool:
        """Start `work` unless a call is already running; False when refused."""
        if self.busy or self._closed:
            return False
        self.busy = True

        def call() -> None:
            try:
                outcome: Any = work()
            except Exception as error:  # handed to `then`, which says it to the cashier
                outcome = error
            try:
                self._answered.emit(then, outcome)
            except RuntimeError:  # the view and this object are gone: nobody to tell
                log.debug("a hub answer came after its view closed: dropped")

        threading.Thread(target=call, name=name, daemon=True).start()
        return True

    def close(self) -> None:
        """The view is closing: a call still running answers to nobody."""
        self._closed = True

    def _close(self, *_args: object) -> None:
        self._closed = True

    def _deliver(self, then: Callable[[Any], None], outcome: Any) -> None:
        self.busy = False
        if not self._closed:
            then(outcome)
