"""What every benchmark shares: registration, timing, percentiles and the result record.

A benchmark is a function in a tests/bench/bench_*.py module, registered with a decorator:

    from common import benchmark, ns_to_ms, percentile, result, sample_ns

    @benchmark("sqlite_fsync_insert", goal="<= 3x", unit="ms")
    def sqlite_fsync_insert(quick: bool) -> list[Result]:
        samples = sample_ns(do_one, n=200 if quick else 2000)
        return [result("sqlite_fsync_insert_p99_ms", ns_to_ms(percentile(99, samples)),
                       n=len(samples), baseline=..., baseline_name="...")]

It receives `quick` (True under --quick: the whole run must finish in under a minute) and
returns one result dict or a list of them (one JSON line each). `result()` takes goal and unit
from the decorator unless given, and computes `ratio` (value / baseline) and `met`. Import as
`from common import ...` (run.py puts tests/bench on sys.path), `from tests.bench.common import
...` or `from .common import ...`: run.py makes them one module.

Goals: "<= 16 ms" compares the value (converted between ns/us/ms/s when units differ);
"<= 2x" or "ratio <= 2" compares the ratio to the baseline measured in the same run; also <,
>=, >; a remark in parentheses at the end is allowed ("<= 30 ms (LIMIT 20)").

A bench module without @benchmark functions but with a main() is run as a script instead
(`python FILE [--quick]`) and its stdout JSON lines are taken as its results; see run.py.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

Result = dict[str, Any]
BenchFunc = Callable[[bool], "Result | list[Result]"]
F = TypeVar("F", bound=Callable[..., Any])

ATTRIBUTE = "__kassa_benchmark__"
# "<= 16 ms", "<= 2x", "ratio <= 2.0", ">= 1000 /s", "<= 30 ms (LIMIT 20)": an optional subject,
# an operator, a number, an optional unit and an optional remark in parentheses.
_GOAL_RE = re.compile(
    r"^\s*(ratio|value)?\s*(<=|<|>=|>)\s*([0-9]+(?:\.[0-9]+)?)\s*([^\s0-9(][^\s(]*)?\s*(\(.*\))?\s*$"
)
_TIME_UNITS_NS = {"ns": 1, "us": 1_000, "µs": 1_000, "ms": 1_000_000, "s": 1_000_000_000}
_RATIO_UNITS = {"x", "×"}
# Keep a result's (not the baseline's) current goal context while its function runs, so result()
# can default goal/unit without the author repeating them.
_current: dict[str, str] = {}


def benchmark(name: str, goal: str, unit: str) -> Callable[[F], F]:
    """Register a function `f(quick: bool) -> result | [results]` as a benchmark.

    `name` is what --only selects; `goal` and `unit` are the defaults for its results (and what
    an error line reports if it raises).
    """
    parse_goal(goal)  # a malformed goal is a bug in the bench file: fail at import

    def mark(func: F) -> F:
        setattr(func, ATTRIBUTE, {"name": name, "goal": goal, "unit": unit})
        return func

    return mark


@contextmanager
def defaults(goal: str, unit: str) -> Iterator[None]:
    """Used by run.py around each benchmark call so result() knows the registered goal/unit."""
    saved = dict(_current)
    _current.update(goal=goal, unit=unit)
    try:
        yield
    finally:
        _current.clear()
        _current.update(saved)


# -- timing -------------------------------------------------------------------------------------


class Timer:
    """`with Timer() as t: ...` then t.ns; perf_counter_ns, monotonic and integer."""

    ns: int = 0

    def __enter__(self) -> Timer:
        self._start = time.perf_counter_ns()
        return self

    def __exit__(self, *exc: object) -> None:
        self.ns = time.perf_counter_ns() - self._start


def sample_ns(
    func: Callable[[], object],
    n: int,
    *,
    warmup: int = 0,
    setup: Callable[[], object] | None = None,
) -> list[int]:
    """Time `func()` n times (after `warmup` untimed calls); `setup()` runs untimed before each."""
    for _ in range(warmup):
        if setup is not None:
            setup()
        func()
    samples = []
    clock = time.perf_counter_ns
    for _ in range(n):
        if setup is not None:
            setup()
        start = clock()
        func()
        samples.append(clock() - start)
    return samples


def percentile(p: float, samples: Sequence[float]) -> float:
    """Nearest-rank percentile: the smallest sample with at least p % of samples at or below.

    p=50 of [1,2,3,4] is 2, p=100 is the maximum, p=0 the minimum. No interpolation, so the
    value is always one that was actually measured.
    """
    if not samples:
        raise ValueError("percentile of no samples")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile out of range: {p}")
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ns_to_ms(ns: float) -> float:
    return ns / 1_000_000


# -- results ------------------------------------------------------------------------------------


def parse_goal(goal: str) -> tuple[str, float, str]:
    """Split a goal into (operator, target, unit); unit "x" means the ratio to the baseline.

    "<= 16 ms" gives ("<=", 16.0, "ms"); "<= 2x" and "ratio <= 2" give ("<=", 2.0, "x");
    "> 500" gives (">", 500.0, "").
    """
    match = _GOAL_RE.match(goal)
    if not match:
        raise ValueError(f"goal must look like '<= 16 ms' or '<= 2x', not {goal!r}")
    unit = "x" if match.group(1) == "ratio" else (match.group(4) or "").strip()
    return match.group(2), float(match.group(3)), unit


def met_goal(goal: str, value: float | None, unit: str, ratio: float | None) -> bool:
    """Whether `value` (in `unit`) or `ratio` meets `goal`; False if it cannot be judged."""
    op, target, goal_unit = parse_goal(goal)
    if goal_unit in _RATIO_UNITS:
        subject = ratio
    elif goal_unit in ("", unit):
        subject = value
    elif goal_unit in _TIME_UNITS_NS and unit in _TIME_UNITS_NS and value is not None:
        subject = value * _TIME_UNITS_NS[unit] / _TIME_UNITS_NS[goal_unit]
    else:
        raise ValueError(f"goal {goal!r} is in {goal_unit!r} but the value is in {unit!r}")
    if subject is None or math.isnan(subject):
        return False
    return {
        "<=": subject <= target,
        "<": subject < target,
        ">=": subject >= target,
        ">": subject > target,
    }[op]


def result(
    name: str,
    value: float,
    *,
    n: int,
    baseline: float | None = None,
    baseline_name: str | None = None,
    goal: str | None = None,
    unit: str | None = None,
    sizes: dict[str, Any] | None = None,
    notes: str | None = None,
) -> Result:
    """One JSON line of the contract: name, value, unit, baseline, baseline_name, ratio, goal,
    met, n (+ sizes, notes). `ratio` is value / baseline; goal/unit default to the decorator's."""
    goal = goal or _current.get("goal")
    unit = unit or _current.get("unit")
    if goal is None or unit is None:
        raise ValueError(f"{name}: result() needs goal and unit outside a registered benchmark")
    ratio = None
    if baseline is not None and baseline != 0:
        ratio = round(value / baseline, 3)
    record: Result = {
        "name": name,
        "value": _round(value),
        "unit": unit,
        "baseline": None if baseline is None else _round(baseline),
        "baseline_name": baseline_name,
        "ratio": ratio,
        "goal": goal,
        "met": met_goal(goal, value, unit, ratio),
        "n": n,
    }
    if sizes:
        record["sizes"] = sizes
    if notes:
        record["notes"] = notes
    return record


CONTRACT_KEYS = ("name", "value", "unit", "baseline", "baseline_name", "ratio", "goal", "met", "n")


def complete(line: Result) -> Result:
    """A result line from a standalone script, with every contract key present: missing ones
    are null, and `met` is judged from `goal` when the script did not say."""
    record: Result = {key: line.get(key) for key in CONTRACT_KEYS}
    record.update((key, value) for key, value in line.items() if key not in record)
    if record["met"] is None:
        try:
            record["met"] = bool(
                record["goal"]
                and met_goal(record["goal"], record["value"], record["unit"] or "", record["ratio"])
            )
        except ValueError:
            record["met"] = False
    return record


def error_result(name: str, goal: str, unit: str, error: BaseException) -> Result:
    """The line for a benchmark that raised: same shape, value null, met false, plus "error"."""
    return {
        "name": name,
        "value": None,
        "unit": unit,
        "baseline": None,
        "baseline_name": None,
        "ratio": None,
        "goal": goal,
        "met": False,
        "n": 0,
        "error": f"{type(error).__name__}: {error}",
    }


def _round(value: float) -> float:
    """Four significant digits: enough to compare runs, not so many they look precise."""
    if value == 0 or math.isnan(value) or math.isinf(value):
        return value
    digits = 3 - math.floor(math.log10(abs(value)))
    return round(value, max(digits, 0))


# -- durable-write baselines (shared with bench_store) ------------------------------------------


def bench_dir() -> Path:
    """A scratch directory on the disk the till would use (not /tmp, which may be tmpfs and make
    fsync free). KASSA_BENCH_DIR overrides it."""
    base = os.environ.get("KASSA_BENCH_DIR")
    if base is None:
        import platformdirs

        base = platformdirs.user_cache_dir("kassa")
    root = Path(base) / "bench"
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="run-", dir=root))


def filesystem_of(path: Path) -> str:
    """The filesystem type holding `path` (Linux /proc/mounts), or "unknown"."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "unknown"
    best, kind = "", "unknown"
    target = str(path.resolve())
    for line in mounts:
        fields = line.split()
        inside = len(fields) >= 3 and (target + "/").startswith(fields[1].rstrip("/") + "/")
        if inside and len(fields[1]) >= len(best):
            best, kind = fields[1], fields[2]
    return kind


def open_durable_sqlite(path: Path) -> sqlite3.Connection:
    """A connection set up the way the till's store is: WAL, synchronous=FULL, autocommit off
    by hand (explicit BEGIN/COMMIT)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    return con


def sqlite_insert_commit_ns(directory: Path, n: int, *, warmup: int = 20) -> list[int]:
    """The raw baseline for a durable sale commit: one small row inserted and committed per
    transaction in a WAL database with synchronous=FULL (one fsync of the WAL per commit)."""
    con = open_durable_sqlite(directory / "baseline.sqlite3")
    try:
        con.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, at INTEGER, body TEXT)")
        body = "x" * 200  # about the size of a sale's outbox payload header

        def one() -> None:
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO t (at, body) VALUES (?, ?)", (time.time_ns(), body))
            con.execute("COMMIT")

        return sample_ns(one, n, warmup=warmup)
    finally:
        con.close()


def file_fsync_ns(directory: Path, n: int, *, warmup: int = 20) -> list[int]:
    """The physical floor: append 256 bytes to a file and fsync it."""
    fd = os.open(directory / "fsync.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    payload = b"k" * 256
    try:

        def one() -> None:
            os.write(fd, payload)
            os.fsync(fd)

        return sample_ns(one, n, warmup=warmup)
    finally:
        os.close(fd)
