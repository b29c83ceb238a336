"""Cash drawers against real peers: the simulated printer over TCP (kick and DLE EOT sensor),
a pty (a serial drawer's byte trigger), and pyserial's loop:// port (modem lines: a pty has no
CTS/DSR/DTR, so the line logic is checked there and in tests/unit/test_drawer_watch.py)."""

from __future__ import annotations

import contextlib
import os
import select
from collections.abc import Iterator

import pytest

from drivers.base import CashDrawer, DeviceOffline, ProtocolError
from drivers.drawers.printer_drawer import PrinterDrawer
from drivers.drawers.serial_drawer import SerialDrawer
from drivers.drawers.watch import LeftOpenWatch
from drivers.printers.escpos import EscposPrinter
from drivers.sim.escpos_printer import DrawerKick, SimulatedPrinter


@pytest.fixture
def sim() -> Iterator[SimulatedPrinter]:
    with SimulatedPrinter() as s:
        yield s


@pytest.fixture
def printer(sim: SimulatedPrinter) -> Iterator[EscposPrinter]:
    p = EscposPrinter.from_url(sim.url)
    p.open()
    yield p
    p.close()


# --- through the printer -----------------------------------------------------------------------


def test_kick_fires_the_configured_pin_and_pulse(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    drawer = PrinterDrawer.from_url("printer:?pin=5&pulse=120", printer=printer)
    assert isinstance(drawer, CashDrawer)
    drawer.open()
    assert not drawer.is_open()
    drawer.kick()
    assert sim.wait_for(lambda s: s.drawer_kicks == 1)
    assert sim.kick_log == [DrawerKick(pin=5, pulse_ms=120, realtime=False)]
    assert drawer.is_open()  # read back through DLE EOT 1
    sim.drawer_open = False  # the cashier pushes it shut
    assert not drawer.is_open()
    drawer.close()
    assert printer.status().online  # closing the drawer did not close the printer


def test_kick_while_out_of_paper_uses_the_real_time_pulse(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    sim.paper_out = True
    PrinterDrawer(printer, pin=2, pulse_ms=200).kick()
    assert sim.wait_for(lambda s: s.drawer_kicks == 1)
    assert sim.kick_log == [DrawerKick(pin=2, pulse_ms=200, realtime=True)]


def test_open_level_low_drawer_on_a_printer_configured_high() -> None:
    with SimulatedPrinter(drawer_open_high=False) as sim:  # this drawer pulls pin 3 low
        printer = EscposPrinter.from_url(sim.url)
        plain = PrinterDrawer(printer)
        leveled = PrinterDrawer.from_url("printer:?open_level=low", printer=printer)
        assert plain.is_open() and not leveled.is_open()  # closed drawer; only one knows it
        sim.drawer_open = True
        assert not plain.is_open() and leveled.is_open()
        printer.close()


def test_stuck_drawer_makes_the_watcher_warn(sim: SimulatedPrinter, printer: EscposPrinter) -> None:
    drawer = PrinterDrawer(printer)
    watch = LeftOpenWatch(limit=30)
    drawer.kick()
    sim.wait_for(lambda s: s.drawer_kicks == 1)
    # Real sensor readings; the timestamps are the worker's clock, fed in here.
    kinds = [a.kind for t in (0, 10, 20, 29.9, 30, 45) for a in watch.observe(drawer.is_open(), t)]
    assert kinds == ["opened", "left_open"]
    sim.drawer_open = False
    assert [a.kind for a in watch.observe(drawer.is_open(), 60)] == ["closed"]


def test_unreachable_printer_means_the_sensor_is_offline(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    drawer = PrinterDrawer(printer)
    sim.offline = True
    with pytest.raises(DeviceOffline):
        drawer.is_open()
    with pytest.raises(DeviceOffline):
        drawer.kick()


def test_without_sensor_the_drawer_reads_closed(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    drawer = PrinterDrawer.from_url("printer:?sensor=no", printer=printer)
    sim.drawer_open = True
    assert not drawer.has_sensor and not drawer.is_open()


def test_printer_drawer_url_needs_the_printer() -> None:
    with pytest.raises(ValueError, match="printer object"):
        PrinterDrawer.from_url("printer:?pin=2")
    for bad in (
        "printer:?pin=3",
        "printer:?pulse=0",
        "printer:?level=low",
        "printer:?open_level=x",
    ):
        with pytest.raises(ValueError):
            PrinterDrawer.from_url(bad, printer=object())  # type: ignore[arg-type]


# --- on its own serial port --------------------------------------------------------------------


@pytest.fixture
def pty() -> Iterator[tuple[int, str]]:
    master, slave = os.openpty()
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        with contextlib.suppress(OSError):
            os.close(fd)


def read_master(master: int, timeout: float = 1.0) -> bytes:
    ready, _, _ = select.select([master], [], [], timeout)
    return os.read(master, 64) if ready else b""


def test_byte_trigger_arrives_on_the_wire(pty: tuple[int, str]) -> None:
    master, path = pty
    drawer = SerialDrawer.from_url(f"serial-drawer://{path}?trigger=byte&byte=0x07")
    assert isinstance(drawer, CashDrawer)
    drawer.open()
    drawer.kick()
    assert read_master(master) == b"\x07"
    drawer.kick()
    assert read_master(master) == b"\x07"
    assert not drawer.is_open()  # sensor=none
    drawer.close()


def test_a_pty_has_no_modem_lines_and_says_so(pty: tuple[int, str]) -> None:
    _, path = pty
    with pytest.raises(ProtocolError, match="modem control lines"):
        SerialDrawer(path, trigger="dtr", pulse_ms=10).kick()
    with pytest.raises(ProtocolError, match="modem control lines"):
        SerialDrawer(path, sensor="cts").is_open()


def test_unplugged_serial_drawer_is_offline(pty: tuple[int, str]) -> None:
    master, path = pty
    drawer = SerialDrawer(path)
    drawer.open()
    os.close(master)  # the adapter is pulled
    with pytest.raises(DeviceOffline):
        drawer.kick()
    with pytest.raises(DeviceOffline):
        SerialDrawer("/dev/nonexistent-kassa-drawer").kick()


def test_modem_lines_on_pyserial_loopback() -> None:
    # loop:// wires RTS -> CTS and DTR -> DSR: the test plays the drawer switch on RTS.
    drawer = SerialDrawer("loop://", trigger="dtr", sensor="cts", pulse_ms=10)
    drawer.open()
    port = drawer._port
    assert port.dsr is False  # DTR held low from open: opening the port did not fire it
    assert not drawer.is_open()
    port.rts = True
    assert drawer.is_open()
    drawer.kick()
    assert port.dsr is False  # the pulse ended
    drawer.close()
    low = SerialDrawer("loop://", sensor="dsr", open_level="low")
    low.open()
    assert not low.is_open()  # byte trigger leaves DTR asserted (pyserial default): DSR high
    low.close()
