"""The receipt printer as the cashier feels it: from "pay" to paper moving, and bytes per receipt.

pay_to_first_receipt_byte  A typical 20-item receipt (the shape of pos.app.receipt_layout:
    header, 20 item lines, totals, payment, VAT table, receipt barcode, cut) is handed to the
    printer's DeviceWorker as the till does on pay (``worker.submit(lambda p:
    p.print_job(job))``, clock started just before submit), through EscposPrinter (render with
    python-escpos, DLE EOT 1/2/4 status round trip, one write) over a kept-open TCP connection
    to the SimulatedPrinter. The clock stops when the simulator's parser is handed the first
    chunk holding printable bytes (taken before it parses that chunk). The simulator runs in
    this process (its own threads). 200 receipts, interleaved one for one with the baseline:
    a bare socket that connects, sends the same status query, reads the 3 answer bytes, sends
    the same job bytes (rendered beforehand) and closes -- the floor for "ask, then print" on
    this machine, paying a TCP connect that the driver does not.
receipt_bytes_20_lines  len(render_job(job)) for the same receipt (profile "default", CP858),
    against the plain text of its lines (one byte per character plus LF). The goal is that the
    command layer sends text as text: a raster image of the same receipt at 203 dpi would be
    some 40x the text (576 dots / 8 per row x 24 rows per line), so "<= 3x" means no raster.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

from common import Result, benchmark, ns_to_ms, percentile, result

import drivers.sim.escpos_printer as sim_module
from drivers.base import Barcode, Cut, Feed, PrintJob, TextLine
from drivers.printers.escpos import EscposPrinter
from drivers.printers.escpos_commands import STATUS_QUERY, render_job
from drivers.sim.escpos_parser import EscposParser
from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.worker import Backoff, DeviceWorker, printer_health

RECEIPTS = 200
COLUMNS = 42
ITEMS = (
    ("Lettmelk 1 l", 2, 2190),
    ("Grovbrød Bakeri", 1, 4490),
    ("Norvegia 1 kg", 1, 12990),
    ("Bananer", 6, 450),
    ("Kaffe Evergood 250 g", 2, 7490),
    ("Blåbærsyltetøy 400 g", 1, 3990),
    ("Smør Tine 250 g", 1, 3590),
    ("Egg 12 stk", 1, 5490),
    ("Kyllingfilet 700 g", 1, 10990),
    ("Pasta Barilla 500 g", 3, 2490),
)


def nok(minor: int) -> str:
    return f"{minor // 100},{minor % 100:02d}"


def two(left: str, right: str) -> str:
    return f"{left[: COLUMNS - len(right) - 1]:<{COLUMNS - len(right)}}{right}"


def typical_receipt(number: int = 123) -> PrintJob:
    """20 item lines in the layout's shape (one line per item, quantity inline)."""
    lines: list[Any] = [
        TextLine("Kassa Dagligvare AS", bold=True, double=True, align="center"),
        TextLine("Butikk Grünerløkka", align="center"),
        TextLine("Thorvald Meyers gate 50, 0555 Oslo", align="center"),
        TextLine("Org.nr 912 345 678 MVA", align="center"),
        TextLine(two("Kasse 1", "23.11.2026 14:42")),
        TextLine(two(f"Kvittering {number}", "Kasserer Kari")),
        TextLine("-" * COLUMNS),
    ]
    total = 0
    for i in range(20):
        name, qty, price = ITEMS[i % len(ITEMS)]
        amount = qty * price
        total += amount
        label = f"{name} {qty} x {nok(price)}" if qty > 1 else name
        lines.append(TextLine(two(label, nok(amount))))
    lines += [
        TextLine("-" * COLUMNS),
        TextLine(two("TOTAL", nok(total)), bold=True),
        TextLine(two("Kort", nok(total))),
        TextLine(""),
        TextLine(f"{'Sats':<10}{'Grunnlag':>16}{'MVA':>16}"),
        TextLine(f"{'MVA 15%':<10}{nok(total * 100 // 115):>16}{nok(total * 15 // 115):>16}"),
        Feed(1),
        Barcode(f"R-0001-{number:06d}"),
        TextLine("Takk for handelen!", align="center"),
        Feed(3),
        Cut(),
    ]
    return PrintJob(tuple(lines))


class _Stamp:
    """When the simulator first saw printable bytes of the current receipt."""

    armed = False
    at_ns = 0
    lock = threading.Lock()

    @classmethod
    def arm(cls) -> None:
        with cls.lock:
            cls.armed, cls.at_ns = True, 0


class _TimedParser(EscposParser):
    def feed(self, data: bytes) -> bytes:
        now = time.perf_counter_ns()
        before = self.print_bytes
        answer = super().feed(data)
        if self.print_bytes > before:
            with _Stamp.lock:
                if _Stamp.armed:
                    _Stamp.armed, _Stamp.at_ns = False, now
        return answer


def _wait_stamp(timeout: float = 5.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _Stamp.lock:
            if not _Stamp.armed:
                return _Stamp.at_ns
        time.sleep(0.0002)
    raise TimeoutError("the simulator never saw the receipt")


def _bare(host: str, port: int, job_bytes: bytes) -> int:
    _Stamp.arm()
    start = time.perf_counter_ns()
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.sendall(STATUS_QUERY)
        got = b""
        while len(got) < 3:
            chunk = sock.recv(3 - len(got))
            if not chunk:
                raise ConnectionError("simulator closed the connection")
            got += chunk
        sock.sendall(job_bytes)
        return _wait_stamp() - start


@benchmark("pay_to_first_receipt_byte", goal="<= 100 ms", unit="ms")
def pay_to_first_receipt_byte(quick: bool) -> list[Result]:
    sim_module.EscposParser = _TimedParser  # type: ignore[misc]  # stamp the first print byte
    try:
        with SimulatedPrinter(columns=COLUMNS) as sim:
            printer = EscposPrinter.from_url(sim.url)
            ready = threading.Event()
            worker = DeviceWorker(
                "printer",
                sim.url,
                lambda: (printer.open(), printer)[1],
                on_health=lambda *a: ready.set(),
                poll=printer_health,
                poll_interval=60,  # no status polls competing with the measured jobs
                backoff=Backoff(initial=0.05, maximum=0.5),
            )
            worker.start()
            try:
                if not ready.wait(5):
                    raise TimeoutError("printer worker never opened")
                jobs = [typical_receipt(i) for i in range(RECEIPTS)]
                for job in jobs[:10]:  # warm-up: code paths, python-escpos caches
                    worker.submit(lambda p, j=job: p.print_job(j)).result(5)
                    _bare(sim.host, sim.port, render_job(job, printer.profile, printer.codepage))
                till, bare = [], []
                for job in jobs:
                    _Stamp.arm()
                    start = time.perf_counter_ns()
                    worker.submit(lambda p, j=job: p.print_job(j)).result(5)
                    till.append(_wait_stamp() - start)
                    rendered = render_job(job, printer.profile, printer.codepage)
                    bare.append(_bare(sim.host, sim.port, rendered))
                printed = len(sim.wait_for_receipts(2 * (RECEIPTS + 10), timeout=10))
            finally:
                worker.stop(2)
    finally:
        sim_module.EscposParser = EscposParser  # type: ignore[misc]
    if printed != 2 * (RECEIPTS + 10):
        raise RuntimeError(f"{printed} receipts printed, expected {2 * (RECEIPTS + 10)}")
    sizes = {"receipts": RECEIPTS, "item_lines": 20, "job_bytes": len(rendered)}
    base = "bare TCP connect + status query + send of the same bytes"
    return [
        result(
            f"pay_to_first_receipt_byte_p{p}_ms",
            ns_to_ms(percentile(p, till)),
            n=len(till),
            baseline=ns_to_ms(percentile(p, bare)),
            baseline_name=f"{base}, p{p}",
            sizes=sizes,
            notes="DeviceWorker.submit -> EscposPrinter.print_job over TCP; simulator in-process",
        )
        for p in (99, 50)
    ]


@benchmark("receipt_bytes", goal="<= 3x (no raster where text does)", unit="bytes")
def receipt_bytes(quick: bool) -> Result:
    job = typical_receipt()
    printer = EscposPrinter.from_url("escpos+tcp://127.0.0.1")  # never opened: profile only
    data = render_job(job, printer.profile, printer.codepage)
    text = sum(len(i.text) + 1 for i in job.items if isinstance(i, TextLine))
    return result(
        "receipt_bytes_20_lines",
        len(data),
        n=1,
        baseline=text,
        baseline_name="plain text of the same lines (1 byte per character + LF)",
        sizes={"item_lines": 20, "text_lines": sum(isinstance(i, TextLine) for i in job.items)},
        notes=f"profile {printer.profile}, code page {printer.codepage}",
    )
