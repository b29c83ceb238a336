"""The till as the cashier feels it: scan to line, search as you type, cold start, memory.

All run the real Qt window (QT_QPA_PLATFORM=offscreen) on a till database holding bench_store's
synthetic catalog (1,000,000 products; 100,000 under --quick). It is built once (in a child
process) into <bench root>/cache/till-catalog-N.sqlite3 (<bench root> = KASSA_BENCH_DIR or the
user cache dir, + /bench) with a bench cashier, and reused while its product count and the hash
of pos/store/migrations still match. Each benchmark works on its own copy, so its sales never
reach the cache. The receipt printer is the ESC/POS simulator in a process of its own
(`python -m drivers.sim.escpos_printer --port 0`), so it does not compete for the till's GIL.

scan_to_line  Log in by keys; then per scan the 13 digits go into ScanEntry as key events
              (QCoreApplication.sendEvent, press + release: what a keyboard wedge produces,
              untimed), the clock starts, Enter is sent the same way (event filter,
              WedgeClassifier -> `scanned`, SaleView.on_code, lookup, cart, CartModel) and it
              stops in a slot on CartModel rowsInserted / dataChanged / modelReset once the row
              is there. Random GTINs of unit-priced products (weighed ones open the weight
              dialog). Every 40-60 lines the sale is paid in cash through SaleView (untimed),
              so its receipt prints while the next customer is scanned; the first scan of a
              sale also starts it. 50 warm-up scans are not counted. Baseline: one 60 Hz
              frame. Also: p50, the time until Enter's handling returns (SaleView.refresh
              included: *_to_handled_ms), the time until the event loop has laid out and repainted
              (QEventLoop.processEvents after Enter), the bare catalog.lookup_barcode p99 on
              the same codes, the in-process RSS after 200 scans (till_rss_after_200_scans_mb)
              and till_refcount_leak_per_scan (see "PySide6 6.12 on Python < 3.12" below).
search        SaleView.on_search(prefix) until it returns with ProductPanel filled (store
              search LIMIT 30 plus the list widget), over 2-6 letter prefixes of words of
              random product names. Baseline: the bare catalog.search p99 on the same queries,
              interleaved, so the ratio is the UI's overhead.
cold_start    Spawn `python -m pos.cli till --config FILE --ready-file F --exit-when-ready`
              (data_dir: a copy of the catalog database; printer: the simulator's URL) and
              take the CLOCK_MONOTONIC timestamp the till writes to F once its main window has
              been shown and painted (pos.ui.app.ReadyFile); the same for a bare PySide6
              script showing an empty 1280x800 window (baseline). Value: the median of the
              runs, interleaved, after one untimed warm-up of each (the OS file cache is warm:
              "cold" means a new process). till_rss_mb: RSS (psutil) of one more `kassa till`
              process left running once ready (catalog database open, no scans); baseline the
              bare window process.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import Result, bench_dir, benchmark, ns_to_ms, percentile, result

ROOT = Path(__file__).resolve().parents[2]
FRAME_MS = 1000 / 60
WINDOW_SIZE = (1280, 800)
CATALOG = {False: 1_000_000, True: 100_000}  # by quick
SCANS = {False: 10_000, True: 1_000}
SEARCHES = {False: 3_000, True: 500}
STARTS = {False: 7, True: 2}  # timed starts of each kind, after one warm-up round
WARMUP_SCANS = 50
# Drain the event loop (layout + repaint) after every scan; under --quick after every 10th only
# (repaints coalesce): a repaint costs ~35 ms here, and 1,000 of them would blow the minute.
PAINT_EVERY = {False: 1, True: 10}
RSS_AFTER_SCANS = 200
LINES_PER_SALE = (40, 60)
STAFF = ("1", "Bench Kassererske", "cashier", "1234")
READY_TIMEOUT_S = 60


# -- the catalog database, built once ---------------------------------------------------------


def cache_dir(scratch: Path) -> Path:
    """<bench root>/cache, next to the per-run scratch directories of common.bench_dir()."""
    path = scratch.parent / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def catalog_database(n: int, scratch: Path) -> tuple[Path, dict[str, Any]]:
    """The cached till database with the n-product synthetic catalog and one cashier; built
    (about a minute for 1M) when missing, or when its product count or the schema it was
    migrated with (a hash of pos/store/migrations) no longer matches."""
    path = cache_dir(scratch) / f"till-catalog-{n}.sqlite3"
    stamp = path.with_name(path.name + ".schema")
    schema = _schema_hash()
    info = {"catalog_products": n, "catalog_cache": str(path), "catalog_built_s": None}
    if _cached_ok(path, n) and stamp.exists() and stamp.read_text() == schema:
        return path, info
    stamp.unlink(missing_ok=True)
    building = path.with_name(path.name + ".building")
    started = time.perf_counter()
    # In a child process, so the import's 256 MiB page cache does not stay in this one's RSS.
    subprocess.run([sys.executable, "-c", BUILD_CHILD, str(n), str(building)], cwd=ROOT,
                   env=_env(), check=True)
    os.replace(building, path)
    stamp.write_text(schema)
    info["catalog_built_s"] = round(time.perf_counter() - started, 1)
    return path, info


BUILD_CHILD = """\
import sys
from pathlib import Path
from tests.bench.bench_till import build_catalog_file
build_catalog_file(int(sys.argv[1]), Path(sys.argv[2]))
"""


def build_catalog_file(n: int, path: Path) -> None:
    """bench_store's synthetic catalog plus the bench cashier, as one self-contained file."""
    from pos.store import users
    from pos.store.db import open_database
    from tests.bench.bench_store import build_bench_catalog

    build_bench_catalog(path, n)
    db = open_database(path)
    try:
        employee_no, name, role, pin = STAFF
        users.create_user(db, employee_no, name, role, pin)
    finally:
        db.close()
    con = sqlite3.connect(path, isolation_level=None)
    try:  # no -wal beside it to forget when copying
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def _schema_hash() -> str:
    import hashlib

    from pos.store.migrations import MIGRATIONS_DIR

    digest = hashlib.sha256()
    for file in sorted(MIGRATIONS_DIR.rglob("*.py")):
        digest.update(file.relative_to(MIGRATIONS_DIR).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _cached_ok(path: Path, n: int) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            (count,) = con.execute("SELECT COUNT(*) FROM products").fetchone()
            (staff,) = con.execute("SELECT COUNT(*) FROM users").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, TypeError):
        return False
    return count == n and staff >= 1


def working_copy(cached: Path, directory: Path) -> Path:
    """A copy of the cached database as <directory>/till.db, where a till config points."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "till.db"
    shutil.copyfile(cached, target)
    with target.open("rb+") as handle:  # written back now, not during the timing
        os.fsync(handle.fileno())
    return target


# -- the simulated printer, in its own process ---------------------------------------------------


@contextlib.contextmanager
def simulated_printer(directory: Path) -> Iterator[str]:
    """Start `python -m drivers.sim.escpos_printer` on a free port; yield its URL."""
    log = directory / "printer.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "drivers.sim.escpos_printer", "--port", "0"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=_env(),
        )
    try:
        deadline = time.monotonic() + 20
        while True:
            text = log.read_text(encoding="utf-8")
            if "listening on " in text:
                yield text.split("listening on ", 1)[1].split()[0]
                return
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"simulated printer did not start: {text[-500:]}")
            time.sleep(0.02)
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        if proc.poll() is None:
            proc.kill()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    paths = (str(ROOT), str(ROOT / "tests" / "bench"), env.get("PYTHONPATH"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return env


CONFIG_TOML = """\
[till]
company_name = "Kassa Bench AS"
company_org_no = "923609016"
store_id = "bench"
register_id = "1"
store_name = "Benkebutikken"
data_dir = "{data_dir}"

[devices]
printer = "{printer}"
drawer = "printer:?pin=2"
scanner = "keyboard:"

[fiscal]
private_key = "{data_dir}/bench-signing-key.pem"
demo_key = true
"""


def write_config(directory: Path, data_dir: Path, printer_url: str) -> Path:
    path = directory / "till.toml"
    path.write_text(CONFIG_TOML.format(data_dir=data_dir, printer=printer_url), encoding="utf-8")
    return path


# -- an in-process till with its window -------------------------------------------------------


@dataclass
class Session:
    app: Any
    till: Any
    window: Any

    @property
    def view(self) -> Any:
        return self.window.sale

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        self.window.close()
        self.window.deleteLater()  # and run it now: its status bar timer reads the database
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.till.shutdown()
        self.till.ctx.db.close()


@contextlib.contextmanager
def till_window(config_path: Path) -> Iterator[Session]:
    """The real MainWindow on the configured till, shown offscreen, cashier logged in by keys."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from pos.app.bootstrap import build_till
    from pos.app.config import load_config
    from pos.ui.app import make_application
    from pos.ui.main_window import MainWindow

    till = build_till(load_config(config_path))
    till.start()
    app = make_application(till.ctx.locale)
    window = MainWindow(till)
    window.resize(*WINDOW_SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    session = Session(app, till, window)
    try:
        employee_no, _name, _role, pin = STAFF
        type_text(window.login.employee, employee_no)
        send_key(window.login.employee, Qt.Key.Key_Return, "\r")
        type_text(window.login.pin, pin)
        send_key(window.login.pin, Qt.Key.Key_Return, "\r")
        app.processEvents()
        if window.sale is None:
            raise RuntimeError(f"login failed: {window.login.error.text()!r}")
        yield session
    finally:
        session.close()


def random_unit_gtins(db_path: Path, count: int, seed: int) -> list[str]:
    """`count` GTINs of random products sold by the unit (repeats allowed, as in a shop)."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        (top,) = con.execute("SELECT MAX(id) FROM products").fetchone()
        codes: list[str] = []
        while len(codes) < count:
            ids = [rng.randint(1, top) for _ in range(min(900, 2 * (count - len(codes))))]
            rows = con.execute(
                "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id WHERE "
                f"p.sold_by = 'unit' AND p.active = 1 AND p.id IN ({','.join('?' * len(ids))})",
                ids,
            ).fetchall()
            codes.extend(code for (code,) in rows)
        rng.shuffle(codes)
        return codes[:count]
    finally:
        con.close()


def name_prefixes(db_path: Path, count: int, seed: int) -> list[str]:
    """2-6 letter prefixes of words in the names of random products in the catalog."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        (top,) = con.execute("SELECT MAX(id) FROM products").fetchone()
        ids = [rng.randint(1, top) for _ in range(min(count, 900))]
        names = [n for (n,) in con.execute(
            f"SELECT name FROM products WHERE id IN ({','.join('?' * len(ids))})", ids)]
    finally:
        con.close()
    words = [w for name in names for w in name.split() if w.isalpha() and len(w) >= 2]
    prefixes = []
    for _ in range(count):
        word = rng.choice(words)
        prefixes.append(word[: rng.randint(2, min(6, len(word)))].lower())
    return prefixes


def rss_mb(pid: int | None = None) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 1e6


# -- PySide6 6.12 on Python < 3.12 ---------------------------------------------------------------
#
# With PySide6 6.12.0 on CPython 3.11 (this venv) every call of a void Qt method from Python
# (setText, update, QTimer.start, processEvents, QTest.keyClick, ...) drops a reference to None,
# and every Signal.emit() one to True. Python 3.12+ makes None/True immortal, so it is harmless
# there; on 3.11 the interpreter aborts ("none_dealloc"/"bool_dealloc") once the count reaches
# zero (a demo till fed scans under app.exec() died before its 1000th; PySide6 6.11.3 on 3.11
# does not leak). The bench measures how many references one scan
# loses (till_refcount_leak_per_scan) and, to be able to time 10,000 scans at all, gives these
# three objects a large extra count first (ballast). It sends keys with QCoreApplication.sendEvent
# and drains events with QEventLoop.processEvents, neither of which leaks, so what it measures
# is the till's own loss.

IMMORTAL = sys.version_info >= (3, 12)
BALLAST = 1 << 40


def refcount_ballast() -> None:
    """Add BALLAST references to None, True and False (CPython < 3.12 only; never removed)."""
    if IMMORTAL:
        return
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += BALLAST


def refcounts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def send_key(widget: Any, key: Any, text: str = "") -> None:
    """A key press and release as the window system delivers them (event filters see them)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     text))


def type_text(widget: Any, text: str) -> None:
    from PySide6.QtCore import Qt

    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_unknown
        send_key(widget, key, char)


# -- 1. scan to line ----------------------------------------------------------------------------


@benchmark("scan_to_line", goal="<= 16 ms", unit="ms")
def scan_to_line(quick: bool) -> list[Result]:
    from PySide6.QtCore import QEventLoop, Qt

    from pos.core.money import Money
    from pos.store.catalog import lookup_barcode

    n = SCANS[quick]
    refcount_ballast()
    scratch = bench_dir()
    try:
        cached, sizes = catalog_database(CATALOG[quick], scratch)
        codes = random_unit_gtins(cached, n + WARMUP_SCANS, seed=20261123)
        with simulated_printer(scratch) as printer_url:
            data = scratch / "data"
            working_copy(cached, data)
            config = write_config(scratch, data, printer_url)
            with till_window(config) as session:
                view = session.view
                entry, model = view.entry, view.model
                events = QEventLoop()
                stamp: list[int | None] = [None]
                before = [0]  # rows before this scan (0 when it starts the next sale)
                how = {"rowsInserted": 0, "dataChanged": 0, "modelReset": 0}

                def row_there(signal: str) -> None:
                    # A new row, or an existing line's quantity (a repeat scan); the reset to
                    # an empty cart when the scan starts the next sale does not count.
                    rows = model.rowCount()
                    grown = rows > before[0] or (signal == "dataChanged" and rows)
                    if stamp[0] is None and grown:
                        stamp[0] = time.perf_counter_ns()
                        how[signal] += 1

                for signal in how:  # endResetModel: the rows are there when modelReset fires
                    getattr(model, signal).connect(lambda *_a, s=signal: row_there(s))
                delivered = {"scanned": 0, "submitted": 0}
                for signal in delivered:
                    getattr(entry, signal).connect(
                        lambda _text, s=signal: delivered.__setitem__(s, delivered[s] + 1))

                rng = random.Random(7)
                to_line: list[int] = []
                to_painted: list[int] = []
                to_handled: list[int] = []
                lines, sale_size, sales, rss_after = 0, rng.randint(*LINES_PER_SALE), 0, None
                lost: list[tuple[int, ...]] = []  # per timed scan: None, True, False
                for index, code in enumerate(codes):
                    if lines >= sale_size:  # the customer pays; the receipt prints meanwhile
                        view.start_payment()
                        view.pay_cash(Money(view.checkout.settlement.cash_due.minor,
                                            view.currency))
                        if view.checkout.completed is None:
                            raise RuntimeError("the cash payment did not complete the sale")
                        events.processEvents()
                        lines, sale_size, sales = 0, rng.randint(*LINES_PER_SALE), sales + 1
                    before[0] = model.rowCount() if view.checkout.completed is None else 0
                    refs_before = refcounts()
                    type_text(entry, code)  # the wedge's burst of digits
                    stamp[0] = None
                    started = time.perf_counter_ns()
                    send_key(entry, Qt.Key.Key_Return, "\r")
                    handled = time.perf_counter_ns()  # on_code returned (refresh included)
                    paint = index % PAINT_EVERY[quick] == 0 or lines + 1 >= sale_size
                    if paint:
                        events.processEvents()  # layout and repaint of the new row
                    painted = time.perf_counter_ns()
                    refs_after = refcounts()
                    if stamp[0] is None or model.rowCount() < max(before[0], 1):
                        raise RuntimeError(f"scan {code} did not reach the cart: "
                                           f"{view.message.text()!r}")
                    lines += 1
                    if index >= WARMUP_SCANS:
                        to_line.append(stamp[0] - started)
                        to_handled.append(handled - started)
                        if paint:
                            to_painted.append(painted - started)
                        lost.append(tuple(b - a for a, b in zip(refs_after, refs_before,
                                                                 strict=True)))
                        if len(to_line) == RSS_AFTER_SCANS:
                            rss_after = rss_mb()
                db = session.till.ctx.db
                lookups = []
                for code in codes[WARMUP_SCANS:]:
                    t0 = time.perf_counter_ns()
                    lookup_barcode(db, code)
                    lookups.append(time.perf_counter_ns() - t0)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sizes.update(scans=n, warmup_scans=WARMUP_SCANS, lines_per_sale="40-60", sales_paid=sales,
                 delivered_as_scan=delivered["scanned"], delivered_as_typed=delivered["submitted"],
                 model_signal=how, painted_every=PAINT_EVERY[quick], loadavg_1m=_load())
    notes = ("Enter sent through ScanEntry's key handling (QCoreApplication.sendEvent of key "
             "events) until CartModel rowsInserted/dataChanged/modelReset with the row there; "
             "the 13 digits are sent the same way, untimed, just before")
    extra = {
        "p50_ms": round(ns_to_ms(percentile(50, to_line)), 3),
        "max_ms": round(ns_to_ms(max(to_line)), 3),
        "p99_to_handled_ms": round(ns_to_ms(percentile(99, to_handled)), 3),
        "p50_to_handled_ms": round(ns_to_ms(percentile(50, to_handled)), 3),
        "p99_to_painted_ms": round(ns_to_ms(percentile(99, to_painted)), 3),
        "p50_to_painted_ms": round(ns_to_ms(percentile(50, to_painted)), 3),
        "lookup_p99_ms": round(ns_to_ms(percentile(99, lookups)), 4),
    }
    out = [
        result("scan_to_line_p99_ms", ns_to_ms(percentile(99, to_line)), n=len(to_line),
               baseline=FRAME_MS, baseline_name="one 60 Hz frame", sizes=sizes, notes=notes),
        result("scan_to_line_p50_ms", ns_to_ms(percentile(50, to_line)), n=len(to_line),
               baseline=FRAME_MS, baseline_name="one 60 Hz frame", sizes=sizes, notes=notes),
    ]
    out[0].update(extra)
    if rss_after is not None:
        out.append(result(
            "till_rss_after_200_scans_mb", rss_after, n=1, goal="<= 300 MB", unit="MB",
            sizes=sizes, notes="RSS of the bench process itself (run.py + the in-process till "
            "with the catalog database open) after 200 timed scans"))
    median_lost = [statistics.median(scan[i] for scan in lost) for i in range(3)]
    leak = result(
        "till_refcount_leak_per_scan", max(median_lost), n=len(lost), goal="<= 0",
        unit="refs", sizes={
            "python": sys.version.split()[0], "pyside6": _pyside_version(),
            "none": median_lost[0], "true": median_lost[1], "false": median_lost[2],
            "none_total": sum(scan[0] for scan in lost)},
        notes=("median references to None/True/False one scan (keys, Enter, repaint) drops; "
               "on CPython < 3.12 the till aborts (none_dealloc) once None's count reaches "
               "zero; the bench adds ballast to survive" if not IMMORTAL else
               "CPython >= 3.12: None/True/False are immortal, their counts do not move"),
    )
    out.append(leak)
    return out


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)


# -- 2. search as you type -------------------------------------------------------------------


@benchmark("search", goal="<= 30 ms", unit="ms")
def search(quick: bool) -> Result:
    from PySide6.QtCore import QEventLoop

    from pos.store.catalog import search as store_search

    n = SEARCHES[quick]
    refcount_ballast()
    scratch = bench_dir()
    try:
        cached, sizes = catalog_database(CATALOG[quick], scratch)
        queries = name_prefixes(cached, n + 50, seed=99)
        with simulated_printer(scratch) as printer_url:
            data = scratch / "data"
            working_copy(cached, data)
            config = write_config(scratch, data, printer_url)
            with till_window(config) as session:
                view, events = session.view, QEventLoop()
                db, panel = session.till.ctx.db, view.products
                limit = 30  # what TillContext.search asks for
                ui: list[int] = []
                bare: list[int] = []
                hits = empty = 0
                for index, text in enumerate(queries):
                    t0 = time.perf_counter_ns()
                    found = store_search(db, text, limit=limit)
                    t1 = time.perf_counter_ns()
                    view.on_search(text)
                    t2 = time.perf_counter_ns()
                    if not panel.showing_results:
                        raise RuntimeError(f"search {text!r} did not show results")
                    if panel.results.count() != len(found):
                        raise RuntimeError(f"{text!r}: panel {panel.results.count()} rows, "
                                           f"store {len(found)}")
                    events.processEvents()  # repaint, untimed
                    if index >= 50:
                        bare.append(t1 - t0)
                        ui.append(t2 - t1)
                        hits += len(found)
                        empty += not found
                view.products.show_quick_keys()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sizes.update(searches=n, limit=limit, prefix_letters="2-6", loadavg_1m=_load())
    record = result(
        "search_p99_ms", ns_to_ms(percentile(99, ui)), n=len(ui),
        baseline=ns_to_ms(percentile(99, bare)),
        baseline_name="bare catalog.search p99, same queries (no UI)", sizes=sizes,
        notes="SaleView.on_search(prefix) until it returns with ProductPanel filled",
    )
    record.update(
        p50_ms=round(ns_to_ms(percentile(50, ui)), 3),
        max_ms=round(ns_to_ms(max(ui)), 3),
        baseline_p50_ms=round(ns_to_ms(percentile(50, bare)), 3),
        mean_hits=round(hits / len(ui), 1),
        no_match=empty,
    )
    return record


# -- 3. cold start ---------------------------------------------------------------------------

BARE_WINDOW = """\
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(int(sys.argv[3]), int(sys.argv[4]))


def ready():
    with open(sys.argv[1], "a", encoding="utf-8") as handle:
        handle.write(f"ready {time.monotonic_ns()} {os.getpid()}\\n")
    if sys.argv[2] == "exit":
        app.quit()


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, ready)
        return False


painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""


def start_once(command: list[str], ready_file: Path, *, stay: bool) -> tuple[float, float | None]:
    """Spawn `command` (which writes "ready <monotonic_ns> <pid>" to ready_file); return the
    milliseconds from just before the spawn to that timestamp, and its RSS in MB if `stay`
    (then it is terminated; otherwise it is expected to exit by itself, with status 0)."""
    ready_file.unlink(missing_ok=True)
    errors = ready_file.with_suffix(".stderr")
    with errors.open("w", encoding="utf-8") as err:
        started = time.monotonic_ns()
        proc = subprocess.Popen(command, cwd=ready_file.parent, env=_env(),
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        line = ""
        while not line.endswith("\n"):
            if ready_file.exists():
                line = ready_file.read_text(encoding="utf-8")
            if not line and (proc.poll() is not None or time.monotonic() > deadline):
                raise RuntimeError(f"{command[1:]} never got ready (status {proc.poll()}): "
                                   f"{errors.read_text(encoding='utf-8')[-800:]}")
            time.sleep(0.002)
        ready_ns = int(line.split()[1])
        rss = rss_mb(proc.pid) if stay else None
        if not stay and proc.wait(timeout=30) != 0:
            raise RuntimeError(f"{command[1:]} exited with {proc.returncode}: "
                               f"{errors.read_text(encoding='utf-8')[-800:]}")
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return (ready_ns - started) / 1e6, rss


@benchmark("cold_start", goal="<= 1.5 s", unit="ms")
def cold_start(quick: bool) -> list[Result]:
    runs = STARTS[quick]
    scratch = bench_dir()
    try:
        cached, sizes = catalog_database(CATALOG[quick], scratch)
        demo_dir = scratch / "demo"
        demo_db_mb = demo_database(demo_dir).stat().st_size / 1e6
        with simulated_printer(scratch) as printer_url:
            data = scratch / "data"
            db_mb = working_copy(cached, data).stat().st_size / 1e6
            ready = scratch / "ready.txt"
            commands = {
                "catalog": till_command(write_config(scratch, data, printer_url), ready),
                "demo": till_command(write_config(demo_dir, demo_dir, printer_url), ready),
                "bare": bare_command(ready, "exit"),
            }
            times: dict[str, list[float]] = {kind: [] for kind in commands}
            for round_no in range(runs + 1):  # interleaved, so drift hits all alike
                for kind, command in commands.items():
                    ms = start_once([*command, "--exit-when-ready"] if kind != "bare"
                                    else command, ready, stay=False)[0]
                    if round_no:  # the first round warms the OS file cache
                        times[kind].append(ms)
            _ms, till_rss = start_once(commands["catalog"], ready, stay=True)
            _ms, bare_rss = start_once(bare_command(ready, "stay"), ready, stay=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sizes.update(starts=runs, warmup_starts=1, db_mb=round(db_mb, 1),
                 window=f"{WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}", loadavg_1m=_load())
    bare = statistics.median(times["bare"])
    bare_name = "bare PySide6 process showing an empty window, median"
    how = ("`python -m pos.cli till --config FILE --ready-file F --exit-when-ready`, simulated "
           "printer; spawn to the main window's first paint (login screen, ready for input); "
           "median of the runs")
    out = []
    for kind, name, what in (
        ("catalog", "cold_start_ms", f"data_dir: a copy of the {CATALOG[quick]:,}-product "
                                     "catalog database"),
        ("demo", "cold_start_demo_ms", "data_dir: a freshly demo-seeded database "
                                       f"({demo_db_mb:.1f} MB; pos.app.demo.start_demo)"),
    ):
        line = result(name, statistics.median(times[kind]), n=runs, baseline=bare,
                      baseline_name=bare_name, sizes=sizes, notes=f"{how}; {what}")
        line.update(runs_ms=[round(v, 1) for v in times[kind]],
                    baseline_runs_ms=[round(v, 1) for v in times["bare"]])
        out.append(line)
    out.append(result(
        "till_rss_mb", till_rss or 0.0, n=1, goal="<= 300 MB", unit="MB",
        baseline=bare_rss, baseline_name="RSS of the bare PySide6 window process",
        sizes=sizes, notes="a separate `kassa till` process once ready, the catalog database "
        "open, no scans (see till_rss_after_200_scans_mb for the in-process figure)",
    ))
    return out


def till_command(config: Path, ready: Path) -> list[str]:
    return [sys.executable, "-m", "pos.cli", "till", "--config", str(config),
            "--ready-file", str(ready)]


def bare_command(ready: Path, mode: str) -> list[str]:
    """The baseline process; mode "exit" quits once painted, "stay" waits to be terminated."""
    width, height = WINDOW_SIZE
    return [sys.executable, "-c", BARE_WINDOW, str(ready), mode, str(width), str(height)]


def demo_database(directory: Path) -> Path:
    """A demo-seeded till database (sample catalog, demo staff) as <directory>/till.db."""
    from pos.app.demo import start_demo

    demo = start_demo(directory)
    demo.till.ctx.db.close()
    demo.stop()
    return directory / "till.db"


def _load() -> float:
    return round(os.getloadavg()[0], 2)
