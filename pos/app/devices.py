"""The till's input and customer-facing devices, each on its own worker thread.

The receipt printer (and the drawer kicked through it) belongs to the print service; this hub
runs the rest from the configured URLs: a serial or HID scanner, the scale, the pole display.
A device that fails is reported UNAVAILABLE and retried by its worker; nothing here blocks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from drivers.base import DeviceHealth, DeviceOffline, ScanEvent, WeightReading
from drivers.registry import open_device
from drivers.scales.stable import wait_for_stable
from drivers.worker import DeviceWorker
from pos.app.config import TillConfig
from pos.app.customer_view import CustomerView, pole_lines
from pos.app.events import Signal

log = logging.getLogger(__name__)

# URLs the UI handles itself rather than a driver.
IN_PROCESS = ("keyboard:", "window:")
WEIGH_TIMEOUT_S = 4.0


@dataclass(frozen=True)
class DeviceState:
    name: str  # "scanner" | "scale" | "display" | "drawer"
    url: str
    health: DeviceHealth
    detail: str


class DeviceHub:
    def __init__(self, config: TillConfig,
                 opener: Callable[[str], Any] = open_device) -> None:
        self.scans: Signal[ScanEvent] = Signal()
        self.states: Signal[DeviceState] = Signal()
        self.workers: dict[str, DeviceWorker] = {}
        self.urls: dict[str, str] = {}
        devices = config.devices
        for name, url, run_once in (
            ("scanner", devices.scanner, lambda scanner: scanner.read(0.2)),
            ("scale", devices.scale, None),
            ("display", devices.display, None),
            ("drawer", _own_drawer(devices.drawer), None),
        ):
            if not url or url in IN_PROCESS:
                continue
            self.urls[name] = url
            self.workers[name] = DeviceWorker(
                name, url, lambda u=url: opener(u), run_once=run_once,
                on_event=self._event, on_health=self._health,
            )

    @property
    def has_drawer(self) -> bool:
        return "drawer" in self.workers

    def kick_drawer(self) -> None:
        """Open a drawer on its own port; a failure is logged and shown by its health."""
        self.workers["drawer"].submit(lambda drawer: drawer.kick()).add_done_callback(
            _log_failure)

    @property
    def has_scale(self) -> bool:
        return "scale" in self.workers

    def start(self) -> None:
        for worker in self.workers.values():
            worker.start()

    def stop(self) -> None:
        for worker in self.workers.values():
            worker.stop(timeout=2.0)

    def state(self, name: str) -> DeviceState | None:
        worker = self.workers.get(name)
        if worker is None:
            return None
        return DeviceState(name, self.urls[name], worker.health, worker.detail)

    def weigh(self, timeout_s: float = WEIGH_TIMEOUT_S) -> Future[WeightReading | None]:
        """A stable, non-zero weight from the scale, or the last reading (or None) if it did
        not settle in time. Runs on the scale's thread; the caller gets a Future."""
        worker = self.workers.get("scale")
        if worker is None:
            failed: Future[WeightReading | None] = Future()
            failed.set_exception(DeviceOffline("no scale configured"))
            return failed
        return worker.submit(
            lambda scale: wait_for_stable(scale, timeout_s, 0.1, time.monotonic, time.sleep))

    def show_customer(self, view: CustomerView) -> None:
        worker = self.workers.get("display")
        if worker is None:
            return
        future = worker.submit(lambda display: display.show(pole_lines(view, display.columns)))
        future.add_done_callback(_log_failure)

    def _event(self, name: str, event: Any) -> None:
        if isinstance(event, ScanEvent):
            self.scans.emit(event)

    def _health(self, name: str, health: DeviceHealth, detail: str) -> None:
        self.states.emit(DeviceState(name, self.urls[name], health, detail))


def _own_drawer(url: str | None) -> str | None:
    """A drawer on its own port; "printer:" drawers are kicked by the print service."""
    return url if url and not url.startswith("printer:") else None


def _log_failure(future: Future[Any]) -> None:
    error = future.exception()
    if error is not None:
        log.info("customer display not updated: %s", error)
