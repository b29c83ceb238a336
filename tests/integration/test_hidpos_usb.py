"""HidPosScanner through pyusb's real core (usb.core.find, Device, descriptors, claim, read)
against drivers.sim.hidpos_scanner, a pyusb backend that behaves like a HID POS scanner on the
bus. libusb is not installed here, so this is as far down as a test can go without hardware."""

from __future__ import annotations

import threading
import time

import pytest

from drivers.base import DeviceOffline, ScanEvent, Scanner
from drivers.scanners.hidpos import HidPosScanner
from drivers.sim.hidpos_scanner import SimulatedHidPosScanner

VID, PID = 0x05E0, 0x1200


@pytest.fixture
def backend() -> SimulatedHidPosScanner:
    return SimulatedHidPosScanner()


def test_reads_a_multi_report_barcode(backend: SimulatedHidPosScanner) -> None:
    scanner = HidPosScanner.from_url("hidpos+usb://05e0:1200", backend=backend)
    assert isinstance(scanner, Scanner)
    data = "https://id.gs1.org/01/07038010000089/10/ABC?17=261231&3103=000500"
    backend.scan(data, "Q1")
    backend.scan("123", "E0")
    with scanner:
        assert backend.claimed == {0} and not backend.kernel_driver  # usbhid detached
        assert scanner.read(1) == ScanEvent(data, "Q1", "hidpos+usb://05e0:1200")
        assert scanner.read(1) == ScanEvent("123", "E0", "hidpos+usb://05e0:1200")
        assert scanner.read(0.1) is None
    assert backend.claimed == set()


def test_garbage_report_then_good_one(backend: SimulatedHidPosScanner) -> None:
    backend.garbage(b"\x02\xff" + b"\x00" * 62)
    backend.scan("OK", "A0")
    with HidPosScanner(VID, PID, backend=backend) as scanner:
        assert scanner.read(1) == ScanEvent("OK", "A0", "hidpos+usb://05e0:1200")
        assert scanner.parser.dropped["garbage"] == 1


def test_cut_off_barcode_is_dropped_after_silence(backend: SimulatedHidPosScanner) -> None:
    backend.partial("X" * 100, "Q1")
    with HidPosScanner(VID, PID, backend=backend, gap=0.05) as scanner:
        assert scanner.read(0.3) is None
        assert scanner.parser.dropped["partial"] == 1


def test_unplug_is_device_offline_and_replug_recovers(backend: SimulatedHidPosScanner) -> None:
    scanner = HidPosScanner(VID, PID, backend=backend)
    scanner.open()
    backend.unplug()
    with pytest.raises(DeviceOffline, match="went away"):
        scanner.read(1)
    with pytest.raises(DeviceOffline, match="unplugged"):
        scanner.read(0.1)
    backend.replug()
    backend.scan("BACK")
    assert scanner.read(1) == ScanEvent("BACK", None, "hidpos+usb://05e0:1200")
    scanner.close()


def test_device_without_a_hid_interface_is_refused() -> None:
    with pytest.raises(DeviceOffline, match="no HID interface"):
        HidPosScanner(VID, PID, backend=SimulatedHidPosScanner(interface_class=0xFF)).open()


def test_missing_device() -> None:
    with pytest.raises(DeviceOffline, match="no USB device 05e0:9999"):
        HidPosScanner(VID, 0x9999, backend=SimulatedHidPosScanner()).open()


@pytest.mark.parametrize(
    "url",
    ["hidpos+usb://05e0", "hidpos+usb://zz:12", "hidpos+usb://05e0:1200?x=1", "usb://05e0:1200"],
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(ValueError):
        HidPosScanner.from_url(url)


def test_url_parameters() -> None:
    s = HidPosScanner.from_url("hidpos+usb://0C2E:0B8F?interface=1&gap_ms=50&max_length=64")
    assert (s.vendor, s.product, s.interface) == (0x0C2E, 0x0B8F, 1)
    assert (s.parser.gap, s.parser.max_length) == (0.05, 64)


def test_without_libusb_open_is_device_offline() -> None:
    # No backend given: pyusb looks for libusb, which this machine lacks (on a machine with
    # libusb and no such device the message differs, but it is DeviceOffline either way).
    with pytest.raises(DeviceOffline):
        HidPosScanner(VID, PID).open()


def test_close_from_another_thread_ends_a_waiting_read(backend: SimulatedHidPosScanner) -> None:
    scanner = HidPosScanner(VID, PID, backend=backend)
    scanner.open()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            scanner.read(30)
        except DeviceOffline as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    scanner.close()
    thread.join(timeout=2)
    assert not thread.is_alive() and time.monotonic() - started < 0.5
    assert errors and "closed" in str(errors[0])
    assert backend.claimed == set()
    scanner.open()
    backend.scan("AGAIN")
    assert scanner.read(1) == ScanEvent("AGAIN", None, "hidpos+usb://05e0:1200")
    scanner.close()
