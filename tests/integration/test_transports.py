"""Serial, file (and USB) transports against real peers: a pty pair, a FIFO, a temp file.

The serial tests open the slave side through pyserial exactly as a USB-serial adapter would be
opened; the test drives the master side (drivers.sim.pty_port). Unplugging closes the master,
which is what the kernel does to a tty whose adapter was pulled.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.base import (
    Cut,
    DeviceHealth,
    DeviceOffline,
    PaperOut,
    PrintJob,
    ProtocolError,
    TextLine,
    UnverifiedPrinterStatus,
)
from drivers.printers.escpos import EscposPrinter
from drivers.sim.escpos_parser import EscposParser, SimReceipt
from drivers.sim.pty_port import PtyPort
from drivers.sim.serial_printer import SerialSimulatedPrinter
from drivers.transports import transport_from_url
from drivers.transports.file import FileTransport
from drivers.transports.serial import SerialTransport
from drivers.transports.usb import UsbTransport

JOB = PrintJob((TextLine("Kassa Butikk", bold=True), TextLine("Brød        29,90"), Cut()))


@pytest.fixture
def port(tmp_path: Path) -> Iterator[PtyPort]:
    with PtyPort(tmp_path) as p:
        yield p


@pytest.fixture
def link(port: PtyPort) -> Iterator[SerialTransport]:
    t = SerialTransport(port.path, 38400, timeout=0.3)
    t.open()
    yield t
    t.close()


# --- serial --------------------------------------------------------------------------------------


def test_serial_bytes_both_ways(port: PtyPort, link: SerialTransport) -> None:
    payload = bytes(range(256)) * 4  # every byte value: raw mode, no CR/LF or XON mangling
    link.write(payload)
    assert port.read_exactly(len(payload)) == payload
    port.write(b"\x12\x16\x12")
    assert link.read(3) == b"\x12\x16\x12"


def test_serial_read_times_out_with_advice(port: PtyPort, link: SerialTransport) -> None:
    port.write(b"\x12")
    start = time.monotonic()
    with pytest.raises(DeviceOffline, match=r"no answer within 0.3 s \(got 1 of 3"):
        link.read(3)
    assert 0.25 <= time.monotonic() - start < 2
    assert link.is_open  # a silent device is not a broken port


def test_serial_read_some_returns_what_there_is(port: PtyPort, link: SerialTransport) -> None:
    assert link.read_some(64, 0.05) == b""
    port.write(b"4006381333931\r")
    time.sleep(0.05)
    assert link.read_some(64, 0.5) == b"4006381333931\r"


def test_discard_input_drops_stale_bytes(port: PtyPort, link: SerialTransport) -> None:
    port.write(b"late answer")
    time.sleep(0.05)
    link.discard_input()
    port.write(b"new")
    assert link.read(3) == b"new"


def test_unplugged_port_raises_device_offline_and_comes_back(
    port: PtyPort, link: SerialTransport
) -> None:
    port.unplug()
    with pytest.raises(DeviceOffline, match=r"port .*ttySIM0: device disconnected"):
        link.read_some(8, 0.5)
    assert not link.is_open
    with pytest.raises(DeviceOffline, match=r"no such port .*ttySIM0"):
        link.open()
    port.replug()
    link.open()
    link.write(b"again")
    assert port.read_exactly(5) == b"again"


def test_write_to_unplugged_port(port: PtyPort, link: SerialTransport) -> None:
    port.unplug()
    with pytest.raises(DeviceOffline, match="write failed"):
        link.write(b"x")
    assert not link.is_open


def test_port_used_by_another_program_is_busy(port: PtyPort, link: SerialTransport) -> None:
    other = SerialTransport(port.path, 38400)
    with pytest.raises(DeviceOffline, match=r"port .*ttySIM0 is busy \(used by another program"):
        other.open()


def test_missing_port_says_so(tmp_path: Path) -> None:
    with pytest.raises(DeviceOffline, match=r"no such port /dev/ttyNOPE9 \(device unplugged"):
        SerialTransport("/dev/ttyNOPE9").open()


def test_serial_url_parameters() -> None:
    url = "escpos+serial:///dev/ttyUSB0?baudrate=38400&parity=e&stopbits=2&rtscts=1&profile=P"
    t, rest = transport_from_url(url)
    assert isinstance(t, SerialTransport)
    assert (t.port, t.baudrate, t.parity, t.stopbits, t.rtscts, t.xonxoff) == (
        "/dev/ttyUSB0",
        38400,
        "E",
        2,
        True,
        False,
    )
    assert rest == {"profile": "P"}
    t, _ = transport_from_url("serial://COM3?timeout=0.5")
    assert isinstance(t, SerialTransport) and (t.port, t.timeout) == ("COM3", 0.5)
    with pytest.raises(ValueError, match="rtscts"):
        transport_from_url("serial:///dev/ttyS0?rtscts=maybe")


# --- file ----------------------------------------------------------------------------------------


def test_file_transport_appends_and_cannot_read(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    target.write_bytes(b"")
    with FileTransport(str(target)) as t:
        t.write(b"one ")
        t.write(b"two")
        t.discard_input()
        with pytest.raises(ProtocolError, match="write-only"):
            t.read(1)
    assert target.read_bytes() == b"one two"


def test_missing_device_file_is_offline_and_never_created(tmp_path: Path) -> None:
    target = tmp_path / "usb" / "lp0"
    with pytest.raises(DeviceOffline, match=r"no such device .*lp0 \(printer unplugged"):
        FileTransport(str(target)).open()
    assert not target.exists()


def test_fifo_without_reader_is_offline(tmp_path: Path) -> None:
    fifo = tmp_path / "printer.fifo"
    os.mkfifo(fifo)
    with pytest.raises(DeviceOffline, match="nobody is reading"):
        FileTransport(str(fifo)).open()


def test_fifo_bytes_arrive_and_a_stalled_reader_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "printer.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        t = FileTransport(str(fifo), timeout=0.3)
        t.open()
        t.write(b"receipt")
        assert os.read(reader, 100) == b"receipt"
        # Nobody reads any more (a printer out of paper): the pipe fills, we give up in time.
        start = time.monotonic()
        with pytest.raises(DeviceOffline, match=r"took no data for 0.3 s"):
            t.write(b"x" * (4 << 20))
        assert 0.25 <= time.monotonic() - start < 2
        assert not t.is_open
    finally:
        os.close(reader)
    with pytest.raises(DeviceOffline, match="nobody is reading"):
        t.open()


def test_fifo_reader_going_away_is_offline(tmp_path: Path) -> None:
    fifo = tmp_path / "printer.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    t = FileTransport(str(fifo))
    t.open()
    os.close(reader)
    with pytest.raises(DeviceOffline, match="closed by the other side"):
        t.write(b"x")


# --- the ESC/POS printer over them ---------------------------------------------------------------


def parse(data: bytes) -> list[SimReceipt]:
    receipts: list[SimReceipt] = []
    parser = EscposParser(lambda n: b"\x12", receipts.append, lambda *a: None)
    assert parser.feed(data) == b""  # nothing asked: a write-only link gets no questions
    return receipts


def test_escpos_over_file_prints_with_status_unknown(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    target.write_bytes(b"")
    printer = EscposPrinter.from_url(f"escpos+file://{target}?columns=32")
    status = printer.status()
    assert isinstance(status, UnverifiedPrinterStatus)
    assert status.ready and status.health is DeviceHealth.WARNING
    printer.print_job(JOB)
    printer.open_drawer(pin=5)
    printer.close()
    data = target.read_bytes()
    assert [r.text for r in parse(data)] == ["Kassa Butikk\nBrød        29,90"]
    assert data.endswith(b"\x1bp\x01\x32\x32")  # ESC p: the drawer kick, not the real-time one


def test_escpos_over_missing_file_is_offline(tmp_path: Path) -> None:
    printer = EscposPrinter.from_url(f"escpos+file://{tmp_path}/nope")
    with pytest.raises(DeviceOffline, match="no such device"):
        printer.status()
    with pytest.raises(DeviceOffline):
        printer.print_job(JOB)


@pytest.fixture
def serial_sim(tmp_path: Path) -> Iterator[SerialSimulatedPrinter]:
    with SerialSimulatedPrinter(PtyPort(tmp_path, "ttyPRN")) as sim:
        yield sim


def test_escpos_over_serial_prints_asks_status_and_survives_unplug(
    serial_sim: SerialSimulatedPrinter,
) -> None:
    printer = EscposPrinter.from_url(serial_sim.url)
    assert isinstance(printer.transport, SerialTransport)
    assert printer.status().health is DeviceHealth.OK
    printer.print_job(JOB)
    assert serial_sim.wait_for_receipts(1) == ["Kassa Butikk\nBrød        29,90"]

    serial_sim.paper_out = True
    with pytest.raises(PaperOut):
        printer.print_job(JOB)
    serial_sim.paper_out = False

    serial_sim.unplug()
    with pytest.raises(DeviceOffline, match="ttyPRN"):
        printer.print_job(JOB)
    serial_sim.replug()
    printer.print_job(JOB)  # reconnects by itself
    assert len(serial_sim.wait_for_receipts(2)) == 2
    printer.close()


def test_threads_do_not_leak_from_serial_sim(tmp_path: Path) -> None:
    before = threading.active_count()
    with SerialSimulatedPrinter(PtyPort(tmp_path, "ttyX")) as sim:
        sim.replug()
    time.sleep(0.1)
    assert threading.active_count() <= before


# --- usb (pyusb's own code over a backend of ours: libusb is not installed here) ------------------


@pytest.fixture
def usb_printer() -> Iterator[tuple[Any, Any, list[SimReceipt]]]:
    from drivers.sim.usb_backend import FakeUsbBackend, FakeUsbDevice

    receipts: list[SimReceipt] = []
    status = {"paper_out": False}

    def answer(n: int) -> bytes:
        return bytes([0x12 | (0x60 if status["paper_out"] and n == 4 else 0)])

    parser = EscposParser(answer, receipts.append, lambda *a: None)
    dev = FakeUsbDevice(0x04B8, 0x0E28, on_write=parser.feed, kernel_driver=True)
    yield dev, FakeUsbBackend(FakeUsbDevice(0x1234, 0x5678), dev), receipts


def usb_transport(backend: Any, **kw: Any) -> UsbTransport:
    return UsbTransport(0x04B8, 0x0E28, backend=backend, timeout=0.2, **kw)


def test_usb_module_imports_without_pyusb_loaded() -> None:
    code = "import sys, drivers.transports.usb; assert 'usb' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_usb_printer_detaches_usblp_prints_and_answers_status(usb_printer: Any) -> None:
    dev, backend, receipts = usb_printer
    t = usb_transport(backend)
    printer = EscposPrinter(t, columns=32)
    assert printer.status().health is DeviceHealth.OK
    assert (dev.detached, dev.claims, dev.configured) == (1, 1, True)
    printer.print_job(JOB)
    assert [r.text for r in receipts] == ["Kassa Butikk\nBrød        29,90"]
    # A job longer than one transfer takes (the fake takes 512 bytes at a time) arrives whole.
    big = PrintJob((*(TextLine(f"{i:02d} " + "x" * 29) for i in range(40)), Cut()))
    printer.print_job(big)
    assert receipts[1].text.splitlines() == [f"{i:02d} " + "x" * 29 for i in range(40)]
    printer.close()


def test_usb_read_keeps_the_rest_of_a_packet(usb_printer: Any) -> None:
    dev, backend, _ = usb_printer
    with usb_transport(backend) as t:
        dev.answer(b"abcdef")
        assert t.read(2) == b"ab"
        assert t.read(4) == b"cdef"
        with pytest.raises(DeviceOffline, match=r"USB 04b8:0e28: no read within 0.2 s"):
            t.read(1)
        dev.answer(b"stale")
        t.discard_input()
        dev.answer(b"new")
        assert t.read(3) == b"new"


def test_usb_unplugged_not_found_busy_and_stalled(usb_printer: Any) -> None:
    dev, backend, _ = usb_printer
    t = usb_transport(backend)
    t.open()
    dev.unplugged = True
    with pytest.raises(DeviceOffline, match=r"USB 04b8:0e28: device disconnected"):
        t.write(b"x")
    assert not t.is_open
    with pytest.raises(DeviceOffline, match=r"no USB device 04b8:0e28 \(unplugged"):
        t.open()
    dev.unplugged, dev.busy = False, True
    with pytest.raises(DeviceOffline, match=r"USB 04b8:0e28 is busy \(claimed by another"):
        t.open()
    dev.busy, dev.stalled = False, True
    t.open()
    with pytest.raises(DeviceOffline, match=r"no write within 0.2 s"):
        t.write(b"x")


def test_usb_endpoints_from_url_and_missing_bulk_in(usb_printer: Any) -> None:
    from drivers.sim.usb_backend import FakeUsbBackend, FakeUsbDevice

    t, rest = transport_from_url("escpos+usb://04b8:0E28?out_ep=0x01&in_ep=130&columns=42")
    assert isinstance(t, UsbTransport)
    assert (t.vendor, t.product, t.out_ep_address, t.in_ep_address) == (0x04B8, 0x0E28, 1, 0x82)
    assert rest == {"columns": "42"}
    # A write-only printer interface (no bulk IN): status unknown, still prints.
    dev = FakeUsbDevice(0x0416, 0x5011, endpoints=(0x03,))
    printer = EscposPrinter(UsbTransport(0x0416, 0x5011, backend=FakeUsbBackend(dev)))
    assert printer.status() == UnverifiedPrinterStatus()
    printer.print_job(JOB)
    assert dev.written.endswith(b"\x1dVB\x00")  # GS V 66 0: the cut
