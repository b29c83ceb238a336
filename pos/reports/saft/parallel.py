"""The last transactions of a big register rendered by a second process while this one renders
the register's events and its first transactions.

A year of a busy register is a million journal entries (each hash-checked) and a million
transactions, and the till has two cores. This process writes the events and the first
transactions straight into the document; the worker renders the rest (its share, so that both
finish together) into a scratch file beside the export, which is then copied onto the end of
the document (in the kernel: copy_file_range). The worker reads the same key span
(pos.reports.saft.selection) in its own read transaction: the tables are append-only, so the
span means the same rows in both snapshots.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from pos.reports.saft.events import PER_SALE
from pos.reports.saft.selection import RegisterSelection
from pos.reports.saft.transactions import clock_before, write_transactions

# Below this many journal entries a second process costs more than it saves (~0.5 s to start).
PARALLEL_FROM = 50_000
# CPU per row on the development VM (tests/bench/bench_fiscal.py, 200,000 rows): an event
# ~8-9 µs (its hash link checked), a transaction with three lines ~34-36 µs.
EVENT_COST, TRANSACTION_COST = 9, 36


def worker_share(events: int, transactions: int) -> float:
    """The fraction of the transactions (the last ones) the worker renders, so that both
    processes finish together: (T + E) / 2T for estimated costs E and T, at most all."""
    t, e = TRANSACTION_COST * transactions, EVENT_COST * events
    return 0.0 if t == 0 else min(1.0, (t + e) / (2 * t))


def transactions_to_file(db_path: str, reg: RegisterSelection, zone: str,
                         emp_ids: dict[int, str], bounds: tuple[str, str], first_key: int,
                         out: str) -> tuple[list[str], int]:
    """Runs in the worker: the register's transactions from first_key on, into `out`;
    returns (warnings, transactions written)."""
    con = sqlite3.connect(f"{Path(db_path).as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        con.execute("BEGIN")
        with open(out, "w", encoding="utf-8", newline="") as handle:
            done = write_transactions(
                con, reg, bounds, ZoneInfo(zone), emp_ids, per_sale_counts(con, reg),
                handle.write, keys=(first_key, reg.sales.last or 0),
                after=clock_before(con, reg, bounds, first_key))
    finally:
        con.close()
    return done.warnings, done.written


def per_sale_counts(con: sqlite3.Connection, reg: RegisterSelection) -> dict[str, dict[str, int]]:
    """Copy, provisional and delivery receipts per sale (what write_events counts on its way),
    for the transactions rendered while the worker is still on the events."""
    counts: dict[str, dict[str, int]] = {code: {} for code in PER_SALE}
    if reg.journal.first is None or reg.journal.last is None:
        return counts
    marks = ",".join("?" * len(PER_SALE))
    for code, payload in con.execute(
        f"SELECT event_code, payload FROM journal WHERE entry_key BETWEEN ? AND ? "
        f"AND event_code IN ({marks})",
        (reg.journal.first, reg.journal.last, *PER_SALE),
    ):
        sale_id = json.loads(payload).get("sale_id")
        if sale_id:
            counts[code][sale_id] = counts[code].get(sale_id, 0) + 1
    return counts
