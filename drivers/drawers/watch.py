"""A pure "drawer left open" watcher: readings in, alerts out, no clock and no I/O.

The drawer's worker polls ``is_open()`` and feeds each answer with its (monotonic) timestamp;
the watcher says when the drawer opened, when it closed, and - once per opening - when it has
been open longer than ``limit`` seconds. ``overdue(now)`` answers the same between readings, so
a status light can turn amber on a timer without asking the device again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

AlertKind = Literal["opened", "closed", "left_open"]


@dataclass(frozen=True, slots=True)
class DrawerAlert:
    kind: AlertKind
    at: float  # timestamp of the reading that raised it
    open_for: float  # seconds the drawer had been open at that moment (0 for "opened")


class LeftOpenWatch:
    def __init__(self, limit: float) -> None:
        if limit <= 0:
            raise ValueError("limit must be positive")
        self.limit = limit
        self._opened_at: float | None = None  # start of the current open run
        self._warned = False
        self._last: float | None = None

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def open_for(self, now: float) -> float:
        """Seconds the drawer has been open at ``now`` (0.0 while closed)."""
        return 0.0 if self._opened_at is None else max(0.0, now - self._opened_at)

    def overdue(self, now: float) -> bool:
        """True while the drawer has been open for ``limit`` seconds or more."""
        return self._opened_at is not None and now - self._opened_at >= self.limit

    def observe(self, is_open: bool, at: float) -> list[DrawerAlert]:
        """Feed one sensor reading. Readings older than the last one are ignored (a late answer
        from a slow worker must not reopen a closed drawer)."""
        if self._last is not None and at < self._last:
            return []
        self._last = at
        alerts: list[DrawerAlert] = []
        if is_open and self._opened_at is None:
            self._opened_at, self._warned = at, False
            alerts.append(DrawerAlert("opened", at, 0.0))
        elif not is_open and self._opened_at is not None:
            alerts.append(DrawerAlert("closed", at, at - self._opened_at))
            self._opened_at = None
            return alerts
        if self._opened_at is not None and not self._warned and self.overdue(at):
            self._warned = True  # once per opening: the till shows it until the drawer closes
            alerts.append(DrawerAlert("left_open", at, at - self._opened_at))
        return alerts
