"""DeviceWorker with real devices: the simulated ESC/POS printer over TCP going offline and
coming back, and a serial device on a pty that is unplugged and plugged in again."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from drivers.base import Cut, DeviceHealth, DeviceOffline, PaperOut, PrintJob, TextLine
from drivers.printers.escpos import EscposPrinter
from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.sim.pty_port import PtyPort
from drivers.transports.serial import SerialTransport
from drivers.worker import Backoff, DeviceWorker, printer_health

FAST = Backoff(initial=0.02, maximum=0.1)
JOB = PrintJob((TextLine("Takk for handelen"), Cut()))


class Recorder:
    """Collects on_event / on_health calls (from the worker thread) and waits for them."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.events: list[Any] = []
        self.health: list[tuple[DeviceHealth, str]] = []
        self.threads: set[str] = set()

    def on_event(self, name: str, event: Any) -> None:
        with self.cond:
            self.events.append(event)
            self.threads.add(threading.current_thread().name)
            self.cond.notify_all()

    def on_health(self, name: str, health: DeviceHealth, detail: str) -> None:
        with self.cond:
            self.health.append((health, detail))
            self.cond.notify_all()

    def wait(self, predicate: Callable[[Recorder], bool], timeout: float = 5.0) -> None:
        with self.cond:
            assert self.cond.wait_for(lambda: predicate(self), timeout), (
                self.health,
                self.events,
            )

    def states(self) -> list[DeviceHealth]:
        with self.cond:
            return [h for h, _ in self.health]


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def sim() -> Iterator[SimulatedPrinter]:
    with SimulatedPrinter() as s:
        yield s


def opened(factory: Callable[[], Any]) -> Callable[[], Any]:
    def open_it() -> Any:
        device = factory()
        device.open()
        return device

    return open_it


def printer_worker(sim: SimulatedPrinter, rec: Recorder, **kw: Any) -> DeviceWorker:
    return DeviceWorker(
        "printer",
        sim.url,
        opened(lambda: EscposPrinter.from_url(sim.url)),
        on_event=rec.on_event,
        on_health=rec.on_health,
        poll=printer_health,
        poll_interval=0.05,
        backoff=FAST,
        **kw,
    )


# --- the printer over TCP ------------------------------------------------------------------------


def test_printer_goes_offline_and_comes_back(sim: SimulatedPrinter, rec: Recorder) -> None:
    w = printer_worker(sim, rec)
    w.start()
    try:
        rec.wait(lambda r: r.states() == [DeviceHealth.OK])
        w.submit(lambda p: p.print_job(JOB)).result(5)
        assert sim.wait_for_receipts(1) == ["Takk for handelen"]

        sim.offline = True
        rec.wait(lambda r: DeviceHealth.UNAVAILABLE in r.states())
        assert w.health is DeviceHealth.UNAVAILABLE
        late = w.submit(lambda p: p.print_job(JOB))  # must fail now, never print later
        with pytest.raises(DeviceOffline, match="printer is unavailable"):
            late.result(0.5)

        sim.offline = False
        rec.wait(lambda r: r.states()[-1] is DeviceHealth.OK)
        w.submit(lambda p: p.print_job(JOB)).result(5)
        assert len(sim.wait_for_receipts(2)) == 2
        assert len(sim.receipts) == 2  # the refused job did not come out
        assert w.opens >= 2
    finally:
        assert w.stop(2)
    states = rec.states()
    assert states[0] is DeviceHealth.OK and states[-1] is DeviceHealth.OK
    assert DeviceHealth.UNAVAILABLE in states


def test_submit_runs_on_the_device_thread_and_errors_reach_the_caller(
    sim: SimulatedPrinter, rec: Recorder
) -> None:
    w = printer_worker(sim, rec)
    w.start()
    try:
        name: Future[str] = w.submit(lambda p: threading.current_thread().name)
        assert name.result(5) == "device-printer"
        assert threading.current_thread().name != "device-printer"

        sim.paper_out = True
        with pytest.raises(PaperOut):
            w.submit(lambda p: p.print_job(JOB)).result(5)
        rec.wait(lambda r: r.health[-1] == (DeviceHealth.UNAVAILABLE, "paper out"))
        opens = w.opens
        sim.paper_out = False
        rec.wait(lambda r: r.health[-1] == (DeviceHealth.OK, "ready"))
        assert w.opens == opens  # paper out is the printer's state, not a broken link
        w.submit(lambda p: p.print_job(JOB)).result(5)
        assert sim.wait_for_receipts(1)
    finally:
        assert w.stop(2)


def test_for_url_builds_through_the_registry(sim: SimulatedPrinter, rec: Recorder) -> None:
    w = DeviceWorker.for_url("printer", sim.url, on_health=rec.on_health, poll=printer_health)
    w.start()
    try:
        rec.wait(lambda r: r.states() == [DeviceHealth.OK])
        w.submit(lambda p: p.print_job(JOB)).result(5)
        assert sim.wait_for_receipts(1)
    finally:
        assert w.stop(2)
    # stop() closed the printer: the simulator sees its connection end
    assert sim.wait_for(lambda s: not s._clients, timeout=2)


# --- a serial device on a pty --------------------------------------------------------------------


def lines_of() -> Callable[[SerialTransport], str | None]:
    """run_once for a CR-terminated line device (a scanner in its simplest setting)."""
    buf = bytearray()

    def run_once(t: SerialTransport) -> str | None:
        if b"\r" not in buf:
            buf.extend(t.read_some(256, 0.05))
        line, sep, rest = bytes(buf).partition(b"\r")
        if not sep:
            return None
        buf[:] = rest
        return line.decode()

    return run_once


@pytest.fixture
def port(tmp_path: Path) -> Iterator[PtyPort]:
    with PtyPort(tmp_path, "ttyACM0") as p:
        yield p


def serial_worker(
    port: PtyPort,
    rec: Recorder,
    run_once: Callable[[SerialTransport], str | None] | None = None,
    on_event: Callable[[str, Any], None] | None = None,
) -> DeviceWorker:
    return DeviceWorker(
        "scanner",
        f"serial://{port.path}",
        opened(lambda: SerialTransport(port.path, 9600, timeout=0.5)),
        run_once or lines_of(),
        on_event or rec.on_event,
        rec.on_health,
        backoff=FAST,
    )


def test_serial_events_in_order_across_unplug(port: PtyPort, rec: Recorder) -> None:
    w = serial_worker(port, rec)
    w.start()
    try:
        rec.wait(lambda r: r.states() == [DeviceHealth.OK])
        for i in range(100):
            port.write(f"{i:013d}\r".encode())
        rec.wait(lambda r: len(r.events) == 100)
        assert rec.events == [f"{i:013d}" for i in range(100)]
        assert rec.threads == {"device-scanner"}

        port.unplug()
        rec.wait(lambda r: DeviceHealth.UNAVAILABLE in r.states())
        assert "disconnected" in rec.health[1][1] or "no such port" in rec.health[1][1]
        time.sleep(0.2)  # several reopen attempts fail meanwhile
        port.replug()
        rec.wait(lambda r: r.states()[-1] is DeviceHealth.OK)
        port.write(b"4006381333931\r")
        rec.wait(lambda r: len(r.events) == 101)
        assert rec.events[-1] == "4006381333931"
    finally:
        assert w.stop(2)
    # closed on stop: the port can be opened exclusively again
    SerialTransport(port.path).open()


def test_device_that_never_opens_blocks_nothing(tmp_path: Path, rec: Recorder) -> None:
    missing = str(tmp_path / "ttyUSB9")
    w = DeviceWorker(
        "scale",
        f"serial://{missing}",
        opened(lambda: SerialTransport(missing)),
        lambda t: None,
        rec.on_event,
        rec.on_health,
        backoff=Backoff(initial=30, maximum=60),  # retries far apart: stop must not wait
    )
    start = time.monotonic()
    w.start()
    assert time.monotonic() - start < 0.1
    rec.wait(lambda r: r.states() == [DeviceHealth.UNAVAILABLE])
    assert rec.health[0][1].startswith(f"no such port {missing}")
    with pytest.raises(DeviceOffline, match="no such port"):
        w.submit(lambda t: None).result(0.1)
    start = time.monotonic()
    assert w.stop(2)
    assert time.monotonic() - start < 0.5
    assert not w.running


def test_backoff_grows_and_is_capped(tmp_path: Path) -> None:
    attempts: list[float] = []

    def fail() -> Any:
        attempts.append(time.monotonic())
        raise DeviceOffline("switched off")

    backoff = Backoff(initial=0.02, maximum=0.08, jitter=0)
    w = DeviceWorker("x", "x:", fail, backoff=backoff)
    w.start()
    deadline = time.monotonic() + 5
    while len(attempts) < 6 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert w.stop(2)
    gaps = [b - a for a, b in itertools.pairwise(attempts)][:5]
    expected = [0.02, 0.04, 0.08, 0.08, 0.08]
    assert all(g >= e * 0.9 for g, e in zip(gaps, expected, strict=True)), gaps
    assert all(g < e + 0.15 for g, e in zip(gaps, expected, strict=True)), gaps


def test_stop_fails_waiting_calls_and_events_stop(port: PtyPort, rec: Recorder) -> None:
    entered, release = threading.Event(), threading.Event()
    ran: list[int] = []

    def blocking_read(t: SerialTransport) -> str | None:
        entered.set()
        release.wait(5)  # a driver in the middle of its read timeout
        return "late scan"

    w = serial_worker(port, rec, run_once=blocking_read)
    w.start()
    assert entered.wait(5)
    pending = w.submit(lambda t: ran.append(1))
    assert not w.stop(0.1)  # still inside the driver's read
    with pytest.raises(DeviceOffline, match="stopped"):
        pending.result(0.1)
    release.set()
    w._thread.join(2)  # type: ignore[union-attr]
    assert not w.running
    assert ran == []


def test_a_broken_listener_does_not_take_the_device_down(port: PtyPort) -> None:
    seen: list[str] = []

    def bad_listener(name: str, event: Any) -> None:
        seen.append(event)
        raise RuntimeError("listener bug")

    rec = Recorder()
    w = serial_worker(port, rec, on_event=bad_listener)
    w.start()
    try:
        rec.wait(lambda r: r.states() == [DeviceHealth.OK])  # pyserial's open() flushes input
        port.write(b"1\r2\r")
        deadline = time.monotonic() + 5
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert seen == ["1", "2"]
        assert w.health is DeviceHealth.OK
    finally:
        assert w.stop(2)
