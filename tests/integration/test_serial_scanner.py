"""The serial scanner driver against the simulated scanner on a real pty pair."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from drivers.base import DeviceOffline, ScanEvent, Scanner
from drivers.scanners.serial_scanner import SerialScanner
from drivers.sim.serial_scanner import SimulatedSerialScanner


@pytest.fixture
def sim() -> Iterator[SimulatedSerialScanner]:
    with SimulatedSerialScanner(aim=True) as s:
        yield s


@pytest.fixture
def scanner(sim: SimulatedSerialScanner) -> Iterator[SerialScanner]:
    sc = SerialScanner.from_url(sim.url)
    sc.open()
    yield sc
    sc.close()


def test_is_a_scanner_and_reads_a_scan_with_its_symbology(
    sim: SimulatedSerialScanner, scanner: SerialScanner
) -> None:
    assert isinstance(scanner, Scanner)
    sim.scan("4006381333931", "E0")
    assert scanner.read(2) == ScanEvent("4006381333931", "E0", sim.url)


def test_gs1_data_with_group_separators_and_a_qr_url(
    sim: SimulatedSerialScanner, scanner: SerialScanner
) -> None:
    sim.scan("0104006381333931\x1d10ABC\x1d17261231", "C1")
    sim.scan("https://id.gs1.org/01/07038010000089/10/ABC?17=261231", "Q1")
    first, second = scanner.read(2), scanner.read(2)
    assert first is not None and first.data == "0104006381333931\x1d10ABC\x1d17261231"
    assert second is not None and second.symbology == "Q1"


def test_read_times_out_with_none(scanner: SerialScanner) -> None:
    started = time.monotonic()
    assert scanner.read(0.2) is None
    assert 0.15 <= time.monotonic() - started < 1.0


def test_garbage_is_dropped_and_the_next_scan_arrives(
    sim: SimulatedSerialScanner, scanner: SerialScanner
) -> None:
    sim.garbage(b"\x00\xff\x13\x80\x1b")
    sim.scan("12345670", "E4")
    assert scanner.read(2) == ScanEvent("12345670", "E4", sim.url)
    assert scanner.parser.dropped["garbage"] >= 1


def test_partial_frame_is_dropped_after_silence(
    sim: SimulatedSerialScanner, scanner: SerialScanner
) -> None:
    sim.partial("400638", "E0")
    assert scanner.read(0.5) is None  # the worker keeps reading: it hears the silence
    assert scanner.parser.dropped["partial"] == 1
    sim.scan("4006381333931", "E0")
    assert scanner.read(2) == ScanEvent("4006381333931", "E0", sim.url)


def test_wrong_suffix_is_dropped_and_the_next_scan_arrives(
    sim: SimulatedSerialScanner, scanner: SerialScanner
) -> None:
    sim.wrong_suffix("999", "A0")
    sim.scan("XYZ", "A0")
    assert scanner.read(2) == ScanEvent("XYZ", "A0", sim.url)
    assert scanner.parser.dropped["wrong_terminator"] == 1


def test_crlf_scanner_and_prefix_suffix_bytes() -> None:
    with SimulatedSerialScanner(suffix="CRLF", prefix_bytes=b"\x02", suffix_bytes=b"\x03") as sim:
        sc = SerialScanner.from_url(sim.url)
        with sc:
            sim.scan("A1", "E0")
            sim.scan("B2")
            assert [sc.read(2), sc.read(2)] == [
                ScanEvent("A1", "E0", sim.url),
                ScanEvent("B2", None, sim.url),
            ]
            assert not sc.parser.dropped


def test_unplug_raises_device_offline_then_replug_recovers(
    sim: SimulatedSerialScanner,
) -> None:
    sc = SerialScanner.from_url(sim.url)
    sc.open()
    sim.partial("4006")
    assert sc.read(0.05) is None and sc.parser.pending  # half a frame in, then the cable goes
    sim.unplug()
    with pytest.raises(DeviceOffline):
        sc.read(1)
    with pytest.raises(DeviceOffline, match="no such port"):  # reopening fails while away
        sc.read(0.1)
    assert sc.parser.dropped["partial"] == 1  # the cut-off frame never completes later
    sim.replug()
    assert sc.read(0.1) is None  # the same scanner object reopens the port by itself
    sim.scan("ABC", "A0")
    assert sc.read(2) == ScanEvent("ABC", "A0", sim.url)
    sc.close()


def test_open_on_a_missing_port_is_device_offline() -> None:
    sc = SerialScanner.from_url("serial:///dev/does-not-exist-kassa?baudrate=9600")
    with pytest.raises(DeviceOffline, match="no such port"):
        sc.open()


@pytest.mark.parametrize(
    "url",
    [
        "serial:///dev/ttyACM0?suffix=TAB",
        "serial:///dev/ttyACM0?aim=maybe",
        "serial:///dev/ttyACM0?colour=blue",
        "serial://?baudrate=9600",
        "tcp://host:1",
    ],
)
def test_bad_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        SerialScanner.from_url(url)


def test_url_settings_reach_the_parser_and_port() -> None:
    sc = SerialScanner.from_url(
        "serial:///dev/ttyACM0?baudrate=115200&suffix=crlf&aim=1&prefix=02&suffix_bytes=03"
        "&gap_ms=50&max_length=64"
    )
    assert sc.parser.suffix == "CRLF" and sc.parser.aim == "on"
    assert (sc.parser.prefix_bytes, sc.parser.suffix_bytes) == (b"\x02", b"\x03")
    assert (sc.parser.gap, sc.parser.max_length) == (0.05, 64)
    assert getattr(sc.source, "baudrate", None) == 115200


def test_close_from_another_thread_ends_a_waiting_read(sim: SimulatedSerialScanner) -> None:
    sc = SerialScanner.from_url(sim.url)
    sc.open()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            sc.read(30)
        except DeviceOffline as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    sc.close()
    thread.join(timeout=2)
    assert not thread.is_alive()
    assert time.monotonic() - started < 0.5
    assert errors and "closed" in str(errors[0])
    with pytest.raises(DeviceOffline, match="closed"):
        sc.read(0)
    sc.open()  # and it can be opened again
    sim.scan("AGAIN", "A0")
    assert sc.read(2) == ScanEvent("AGAIN", "A0", sim.url)
    sc.close()


def test_read_without_open_opens_lazily(sim: SimulatedSerialScanner) -> None:
    sc = SerialScanner.from_url(sim.url)
    sim.scan("STALE", "A0")  # before the port is opened: pyserial discards it on open
    try:
        assert sc.read(0.1) is None
        sim.scan("LAZY", "A0")
        assert sc.read(2) == ScanEvent("LAZY", "A0", sim.url)
    finally:
        sc.close()
