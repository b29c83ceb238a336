"""EscposPrinter against the simulated printer, over real TCP on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from drivers.base import (
    Barcode,
    CoverOpen,
    Cut,
    DeviceBusy,
    DeviceHealth,
    DeviceOffline,
    Feed,
    PaperOut,
    PrinterStatus,
    PrintJob,
    QrCode,
    ReceiptPrinter,
    TextLine,
)
from drivers.printers.escpos import EscposPrinter
from drivers.sim.escpos_printer import DrawerKick, SimulatedPrinter
from drivers.transports.tcp import TcpTransport

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "printer"

NORDIC = PrintJob(
    (
        TextLine("Kassa Butikk Øst", bold=True, double=True, align="center"),
        TextLine("Storgata 1, 0155 Oslo", align="center"),
        Feed(1),
        TextLine("Blåbærsyltetøy                       39,90"),
        TextLine("ÆØÅ äö ÄÖ smørbrød                   12,50"),
        TextLine("TOTAL                          € 52,40", bold=True),
        Feed(1),
        Barcode("R-0001-000123"),
        QrCode("https://kassa.example/r/0001-000123"),
        Cut(),
    )
)
NORDIC_TEXT = (
    "Kassa Butikk Øst\n"
    "Storgata 1, 0155 Oslo\n"
    "\n"
    "Blåbærsyltetøy                       39,90\n"
    "ÆØÅ äö ÄÖ smørbrød                   12,50\n"
    "TOTAL                          € 52,40\n"
)


def receipt(*lines: str) -> PrintJob:
    return PrintJob((*(TextLine(t) for t in lines), Cut()))


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatedPrinter]:
    with SimulatedPrinter(out_dir=tmp_path / "png") as s:
        yield s


@pytest.fixture
def printer(sim: SimulatedPrinter) -> Iterator[EscposPrinter]:
    p = EscposPrinter.from_url(sim.url + "&profile=TM-T20II")
    p.open()
    yield p
    p.close()


def test_it_is_a_receipt_printer(printer: EscposPrinter) -> None:
    assert isinstance(printer, ReceiptPrinter)
    assert printer.columns == 42


@pytest.mark.parametrize("profile", ["TM-T20II", "TM-T88V", "default"])
def test_nordic_letters_and_euro_arrive_exactly(sim: SimulatedPrinter, profile: str) -> None:
    with EscposPrinter.from_url(f"{sim.url}&profile={profile}") as p:
        p.print_job(NORDIC)
    assert sim.wait_for_receipts(1) == [NORDIC_TEXT]


def test_style_barcode_and_qr_survive(sim: SimulatedPrinter, printer: EscposPrinter) -> None:
    printer.print_job(NORDIC)
    sim.wait_for_receipts(1)
    (doc,) = sim.documents
    head = doc.lines[0]
    assert head.align == "center"
    assert [(s.text, s.bold, s.width, s.height) for s in head.segments] == [
        ("Kassa Butikk Øst", True, 2, 2)
    ]
    assert [s.bold for s in doc.lines[1].segments] == [False]
    assert doc.lines[1].align == "center" and doc.lines[3].align == "left"
    assert doc.barcodes == [("CODE128", "R-0001-000123")]
    assert doc.qr_codes == ["https://kassa.example/r/0001-000123"]


def test_cut_splits_receipts(sim: SimulatedPrinter, printer: EscposPrinter) -> None:
    printer.print_job(receipt("first"))
    printer.print_job(PrintJob((TextLine("second"), Cut(), TextLine("third"), Cut())))
    assert sim.wait_for_receipts(3) == ["first", "second", "third"]
    assert sim.uncut == []


def test_receipts_from_two_threads_never_interleave(sim: SimulatedPrinter) -> None:
    p = EscposPrinter.from_url(sim.url)
    jobs = [receipt(*(f"{name} line {i}" for i in range(30))) for name in ("A", "B")]
    threads = [threading.Thread(target=p.print_job, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = sorted(sim.wait_for_receipts(2))
    assert got == ["\n".join(f"{n} line {i}" for i in range(30)) for n in ("A", "B")]
    p.close()


@pytest.mark.parametrize("pin", [2, 5])
def test_drawer_kicked_after_the_receipt_on_the_right_pin(
    sim: SimulatedPrinter, printer: EscposPrinter, pin: int
) -> None:
    printer.print_job(PrintJob(receipt("cash sale").items, open_drawer=True, drawer_pin=pin))
    assert sim.wait_for(lambda s: s.drawer_kicks == 1)
    assert sim.kick_log == [DrawerKick(pin=pin, pulse_ms=100, realtime=False)]
    assert printer.status().drawer_open  # the sim's drawer sprang open
    sim.drawer_open = False
    assert not printer.status().drawer_open


def test_open_drawer_alone_with_a_custom_pulse(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    printer.open_drawer(pin=5, pulse_ms=200)
    assert sim.wait_for(lambda s: s.drawer_kicks == 1)
    assert sim.kick_log == [DrawerKick(pin=5, pulse_ms=200, realtime=False)]
    assert sim.receipts == [] and sim.uncut == []


def test_open_drawer_while_out_of_paper_uses_the_real_time_pulse(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    sim.paper_out = True
    printer.open_drawer(pin=2, pulse_ms=100)
    assert sim.wait_for(lambda s: s.drawer_kicks == 1)
    assert sim.kick_log == [DrawerKick(pin=2, pulse_ms=100, realtime=True)]
    assert sim.print_bytes == 0  # nothing queued behind the paper


@pytest.mark.parametrize(
    ("fault", "error", "expected"),
    [
        ("paper_out", PaperOut, PrinterStatus(online=True, paper_out=True)),
        ("cover_open", CoverOpen, PrinterStatus(online=True, cover_open=True)),
        ("error", DeviceOffline, PrinterStatus(online=False)),
    ],
)
def test_a_fault_refuses_the_job_before_a_byte_is_sent(
    sim: SimulatedPrinter,
    printer: EscposPrinter,
    fault: str,
    error: type[Exception],
    expected: PrinterStatus,
) -> None:
    setattr(sim, fault, True)
    assert printer.status() == expected
    assert printer.status().health is DeviceHealth.UNAVAILABLE
    with pytest.raises(error):
        printer.print_job(PrintJob(NORDIC.items, open_drawer=True))
    assert sim.wait_for(lambda s: s.status_queries >= 9)  # it did ask, three times
    assert sim.print_bytes == 0
    assert sim.receipts == [] and sim.uncut == [] and sim.drawer_kicks == 0
    setattr(sim, fault, False)  # the cashier fixes it; the same printer object carries on
    printer.print_job(receipt("after the fix"))
    assert sim.wait_for_receipts(1) == ["after the fix"]


def test_paper_near_end_warns_but_prints(sim: SimulatedPrinter, printer: EscposPrinter) -> None:
    sim.paper_near_end = True
    status = printer.status()
    assert status == PrinterStatus(online=True, paper_near_end=True)
    assert status.health is DeviceHealth.WARNING
    printer.print_job(receipt("still printing"))
    assert sim.wait_for_receipts(1) == ["still printing"]


def test_offline_printer_fails_fast_and_recovers_by_itself(
    sim: SimulatedPrinter, printer: EscposPrinter
) -> None:
    printer.status()
    sim.offline = True
    started = time.monotonic()
    with pytest.raises(DeviceOffline):
        printer.status()
    with pytest.raises(DeviceOffline):
        printer.print_job(receipt("lost?"))
    assert time.monotonic() - started < 1.0
    sim.offline = False
    assert printer.status().ready  # reconnected without anyone calling open()
    printer.print_job(receipt("back"))
    assert sim.wait_for_receipts(1) == ["back"]


def test_hung_printer_times_out(sim: SimulatedPrinter) -> None:
    sim.unresponsive = True
    p = EscposPrinter.from_url(sim.url.replace("timeout=2", "timeout=0.3"))
    started = time.monotonic()
    with pytest.raises(DeviceOffline):
        p.print_job(receipt("never"))
    assert 0.25 <= time.monotonic() - started < 1.5
    assert sim.receipts == []
    p.close()


def test_a_second_caller_gets_device_busy_instead_of_waiting(sim: SimulatedPrinter) -> None:
    sim.unresponsive = True  # the first caller will sit in its status read for 1 s
    p = EscposPrinter(TcpTransport("127.0.0.1", sim.port, timeout=1.0), busy_timeout=0.1)
    outcome: list[BaseException] = []

    def hold() -> None:
        try:
            p.status()
        except DeviceOffline as exc:
            outcome.append(exc)

    first = threading.Thread(target=hold)
    first.start()
    time.sleep(0.2)
    with pytest.raises(DeviceBusy):
        p.status()
    first.join()
    assert len(outcome) == 1  # the first caller timed out as DeviceOffline
    sim.unresponsive = False
    assert p.status().ready  # the lock was released and the link re-made
    p.close()


def test_nobody_listening_is_offline_at_once() -> None:
    with socket.socket() as s:  # a port that was free a moment ago
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    p = EscposPrinter.from_url(f"escpos+tcp://127.0.0.1:{port}?timeout=2")
    started = time.monotonic()
    with pytest.raises(DeviceOffline):
        p.open()
    with pytest.raises(DeviceOffline):
        p.status()
    assert time.monotonic() - started < 1.0


def test_each_receipt_becomes_a_png(sim: SimulatedPrinter, printer: EscposPrinter) -> None:
    printer.print_job(NORDIC)
    printer.print_job(receipt("two"))
    sim.wait_for_receipts(2)
    assert [p.name for p in sim.png_paths] == ["receipt-0001.png", "receipt-0002.png"]
    with Image.open(sim.png_paths[0]) as img:
        img.verify()
    with Image.open(sim.png_paths[0]) as img:
        assert img.format == "PNG"
        assert img.width >= 42 * 8 and img.height > 200
        assert img.getextrema() == (0, 255)  # ink on paper
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # for people to look at
    shutil.copy(sim.png_paths[0], ARTIFACTS / "nordic-receipt.png")


@pytest.fixture(scope="module")
def shared_sim() -> Iterator[SimulatedPrinter]:
    with SimulatedPrinter() as s:
        yield s


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(garbage=st.binary(min_size=1, max_size=2000))
def test_simulator_survives_garbage(shared_sim: SimulatedPrinter, garbage: bytes) -> None:
    with socket.create_connection(("127.0.0.1", shared_sim.port), timeout=2) as raw:
        raw.sendall(garbage)
    # Whatever that did to its connection, the printer still serves the next one.
    with EscposPrinter.from_url(shared_sim.url) as p:
        shared_sim.paper_out = shared_sim.cover_open = False
        assert p.status().ready


def test_simulator_prints_after_garbage(shared_sim: SimulatedPrinter) -> None:
    with socket.create_connection(("127.0.0.1", shared_sim.port), timeout=2) as raw:
        raw.sendall(bytes(range(256)) * 8)
    before = len(shared_sim.receipts)
    with EscposPrinter.from_url(shared_sim.url) as p:
        p.print_job(receipt("ok"))
    assert shared_sim.wait_for_receipts(before + 1)[-1] == "ok"


def test_standalone_simulator(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "drivers.sim.escpos_printer", "--port", "0", "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(15, proc.kill)  # a hang fails the test instead of the run
    watchdog.start()
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip().rsplit(" ", 1)[-1]
        assert url.startswith("escpos+tcp://127.0.0.1:")
        with EscposPrinter.from_url(url) as p:
            p.print_job(receipt("hei på deg"))
        assert "hei på deg" in "".join(proc.stdout.readline() for _ in range(2))
        deadline = time.monotonic() + 5
        while not list(tmp_path.glob("*.png")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [p.name for p in tmp_path.glob("*.png")] == ["receipt-0001.png"]
    finally:
        watchdog.cancel()
        proc.terminate()
        proc.wait(timeout=5)
