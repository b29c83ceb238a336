"""The connector's background threads, one shape: a step run when something wakes it (a
hand-over, a web return taken) or when its pause runs out; the step answers how long to pause
before the next (longer while Medusa is away). A step that fails with a bug is logged and the
thread goes on: nothing a till did may be left behind by one bad row."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Worker:
    def __init__(self, name: str, step: Callable[[], float], *, first_pause_s: float,
                 on_stop: Callable[[], None] = lambda: None, join_s: float = 15.0) -> None:
        self.name, self.step, self.on_stop, self.join_s = name, step, on_stop, join_s
        self.pause = first_pause_s
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=name)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.join_s)
        self.on_stop()

    def wake(self) -> None:
        self._wake.set()

    @property
    def stopping(self) -> bool:
        """For a long step to end early: the hub is shutting down."""
        return self._stop.is_set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.pause)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.pause = self.step()
            except Exception:  # a bug must not end the thread
                log.exception("%s: pass failed; trying again", self.name)
