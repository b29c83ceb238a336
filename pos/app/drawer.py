"""The cash drawer's sensor, read through the printer's status: every opening and closing is
journaled (SAF-T 13005 / 13006, whoever or whatever opened it), and a drawer left open longer
than the store allows raises a warning the till shows until it is closed."""

from __future__ import annotations

import time
from collections.abc import Callable

from drivers.drawers.watch import DrawerAlert, LeftOpenWatch
from pos.app.events import Signal
from pos.app.journal_codes import Event
from pos.app.printing import PrinterState

DEFAULT_LIMIT_S = 30.0


class DrawerMonitor:
    def __init__(self, journal: Callable[[Event, dict[str, object]], None],
                 limit_s: float = DEFAULT_LIMIT_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.watch = LeftOpenWatch(limit_s)
        self.journal = journal
        self.clock = clock
        self.alerts: Signal[DrawerAlert] = Signal()

    def observe(self, state: PrinterState) -> None:
        """Fed with every printer status (the print service polls it about every 2 s)."""
        if state.status is None or not state.status.online:
            return
        for alert in self.watch.observe(state.status.drawer_open, self.clock()):
            if alert.kind == "opened":
                self.journal(Event.DRAWER_OPENED, {})
            elif alert.kind == "closed":
                self.journal(Event.DRAWER_CLOSED, {"open_s": round(alert.open_for)})
            self.alerts.emit(alert)
