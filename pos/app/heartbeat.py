"""The till's heartbeat: every 60 s, `POST /v1/terminals/heartbeat` (sync.protocol.Heartbeat)
with the Kassa version, the outbox backlog and its oldest event's age, the devices' states,
the fiscal key's and the till's clock, for IT's fleet page and the hub's /metrics.

One daemon thread, started by the hub link. It only reads (the outbox counters, the printer's
last known state); it never waits on a device, never holds a lock a sale needs, and a hub
that is away costs a log line at most: nothing here can block the till or fail a sale.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from pos.store import outbox, sync_state
from pos.store.db import Database
from pos.store.timeutil import from_utc_text

if TYPE_CHECKING:
    from sync.client import HubClient
    from sync.protocol import Heartbeat, HeartbeatAck

log = logging.getLogger(__name__)
INTERVAL_S = 60.0
FIRST_AFTER_S = 2.0  # soon after start: the fleet page sees a till that just came up
SKEW_WARNING_S = 60.0

# name -> (state "ok" | "warn" | "fail", text); called on the heartbeat's thread.
DeviceSource = Callable[[], dict[str, tuple[str, str]]]


def kassa_version() -> str:
    try:
        return version("kassa")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def printer_report(state: Any) -> tuple[str, str]:
    """A pos.app.printing.PrinterState as the fleet page shows it."""
    if not state.configured:
        return ("ok", "none configured")
    if state.problem is not None:
        return ("fail", state.problem.replace("_", " "))
    if state.status is not None and state.status.paper_near_end:
        return ("warn", "paper low")
    if state.waiting:
        return ("warn", f"{state.waiting} receipts wait for a reprint")
    return ("ok", "ready")


HEALTH = {"ok": "ok", "warning": "warn", "unavailable": "fail"}  # drivers.base.DeviceHealth


def till_devices(printer: Any, device_hub: Any | None) -> DeviceSource:
    """The printer (pos.app.printing.PrintService) and the devices of a pos.app.devices
    DeviceHub (scanner, scale, display, drawer), each as its last known health: no I/O."""
    def report() -> dict[str, tuple[str, str]]:
        devices = {"printer": printer_report(printer.state)}
        for name in sorted(getattr(device_hub, "workers", {})):
            state = device_hub.state(name)
            if state is not None:
                devices[name] = (HEALTH.get(state.health.value, "warn"), state.detail)
        return devices

    return report


def outbox_state(db: Database, register_id: str, now: datetime) -> tuple[int, int | None]:
    """(events not yet acknowledged, age in seconds of the oldest of them)."""
    backlog = outbox.count_pending(db, register_id)
    if backlog <= 0:
        return 0, None
    oldest = sync_state.outbox_from(db, register_id, sync_state.acked_through(db, register_id)
                                    + 1, limit=1)
    if not oldest:
        return backlog, None
    return backlog, max(0, int((now - from_utc_text(oldest[0][3])).total_seconds()))


class HeartbeatSender:
    def __init__(self, client: HubClient, db: Database, register_id: str, *,
                 devices: DeviceSource, fiscal_problem: Callable[[], str | None],
                 interval_s: float = INTERVAL_S,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.client, self.db, self.register_id = client, db, register_id
        self.devices, self.fiscal_problem = devices, fiscal_problem
        self.interval_s, self.now = interval_s, now
        self.last_ack: HeartbeatAck | None = None  # the hub's clock skew, for kassa doctor
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failing = False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kassa-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)

    def build(self) -> Heartbeat:
        from sync.protocol import DeviceReport, Heartbeat

        now = self.now()
        backlog, oldest = outbox_state(self.db, self.register_id, now)
        problem = self.fiscal_problem()
        devices = {name: DeviceReport(state=state, text=text[:200])  # type: ignore[arg-type]
                   for name, (state, text) in self.devices().items()}
        return Heartbeat(kassa_version=kassa_version()[:40], clock=now, outbox_backlog=backlog,
                         outbox_oldest_age_s=oldest, devices=devices,
                         fiscal="ok" if problem is None else "missing_key",
                         fiscal_detail=(problem or "")[:200])

    def send(self) -> HeartbeatAck:
        from sync.client import raise_for
        from sync.protocol import HeartbeatAck

        response = self.client.http.post(
            "/v1/terminals/heartbeat", content=self.build().model_dump_json(),
            headers={"content-type": "application/json"}, timeout=10.0)
        raise_for(response)
        ack = HeartbeatAck.model_validate_json(response.content)
        if abs(ack.clock_skew_s) > SKEW_WARNING_S:
            log.warning("this till's clock is %+.0f s off the hub's", ack.clock_skew_s)
        self.last_ack = ack
        return ack

    def _run(self) -> None:
        wait = FIRST_AFTER_S
        while not self._stop.wait(wait):
            wait = self.interval_s
            try:
                self.send()
                self._failing = False
            except Exception as error:  # offline, refused, a closing database: try next time
                log.log(logging.DEBUG if self._failing else logging.WARNING,
                        "heartbeat not sent: %s", error)
                self._failing = True
