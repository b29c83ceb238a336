"""A register's events rendered by a second process while this one renders its transactions.

A year of a busy register is a million journal entries (each hash-checked) and a million
transactions: two independent streams, and the till has two cores. The worker writes its events
to a scratch file beside the export and the transactions go to another; both are then copied
into the document in the schema's order (events first). The worker reads the same key span
(pos.reports.saft.selection) in its own read transaction: the tables are append-only, so the
span means the same rows in both snapshots.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from pos.reports.saft.events import PER_SALE, ReportIds, write_events
from pos.reports.saft.selection import RegisterSelection

# Below this many journal entries a second process costs more than it saves (~0.5 s to start).
PARALLEL_FROM = 50_000


def events_to_file(db_path: str, reg: RegisterSelection, zone: str, emp_ids: dict[int, str],
                   used_report_ids: list[str], out: str) -> tuple[list[str], int, list[str]]:
    """Runs in the worker: returns (warnings, events written, report ids used so far)."""
    con = sqlite3.connect(f"{Path(db_path).as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        con.execute("BEGIN")
        ids = ReportIds()
        ids.used = set(used_report_ids)
        with open(out, "w", encoding="utf-8", newline="") as handle:
            result = write_events(con, reg, ZoneInfo(zone), emp_ids, handle.write, ids)
    finally:
        con.close()
    return result.warnings, result.written, sorted(ids.used)


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
