"""A tiny synchronous signal: the app emits, the Qt adapter (or a test) listens.

Emitters may run on worker threads (devices); listeners must not assume the GUI thread. The
Qt adapter in pos.ui re-posts each event to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class Signal(Generic[T]):
    def __init__(self) -> None:
        self._listeners: list[Callable[[T], None]] = []
        self._lock = threading.Lock()

    def connect(self, listener: Callable[[T], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def emit(self, value: T) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(value)
            except Exception:  # a broken listener must never break a sale
                log.exception("listener failed for %r", value)
