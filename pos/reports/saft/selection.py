"""What an export covers: a period of store-local days, one register or all, as key ranges.

Sales and journal entries are rowid tables keyed register_no << 36 | number (pos.store.keys),
with no index on time (an index is one more page to fsync per sale). So the export finds each
register's period once, by one scan of its key range, as [first key, last key] plus a count,
and then reads children (lines, payments, VAT) by key range: no per-sale lookups.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pos.store.keys import NUMBER_BITS
from pos.store.timeutil import to_utc_text


@dataclass(frozen=True, slots=True)
class Period:
    first_day: date
    last_day: date  # inclusive
    timezone: str

    def utc_bounds(self) -> tuple[str, str]:
        """[start, end) in the database's UTC text: local midnight to the midnight after."""
        zone = ZoneInfo(self.timezone)
        start = datetime.combine(self.first_day, time(), zone)
        end = datetime.combine(self.last_day + timedelta(days=1), time(), zone)
        return to_utc_text(start.astimezone(UTC)), to_utc_text(end.astimezone(UTC))


@dataclass(frozen=True, slots=True)
class KeySpan:
    first: int | None  # None: nothing of this register in the period
    last: int | None
    count: int


@dataclass(frozen=True, slots=True)
class RegisterSelection:
    register_id: str
    register_no: int
    sales: KeySpan
    journal: KeySpan

    @property
    def key_lo(self) -> int:
        return self.register_no << NUMBER_BITS

    @property
    def key_hi(self) -> int:
        return ((self.register_no + 1) << NUMBER_BITS) - 1


def _span(con: sqlite3.Connection, table: str, key: str, column: str, lo: int, hi: int,
          bounds: tuple[str, str]) -> KeySpan:
    first, last, count = con.execute(
        f"SELECT min({key}), max({key}), count(*) FROM {table} "
        f"WHERE {key} BETWEEN ? AND ? AND {column} >= ? AND {column} < ?",
        (lo, hi, *bounds),
    ).fetchone()
    return KeySpan(first, last, count)


def select_registers(con: sqlite3.Connection, period: Period,
                     register_id: str | None = None) -> list[RegisterSelection]:
    """The registers of this file (or the one asked for), each with its period's key spans."""
    bounds = period.utc_bounds()
    rows = con.execute("SELECT no, register_id FROM registers ORDER BY no").fetchall()
    chosen = []
    for no, rid in rows:
        if register_id is not None and rid != register_id:
            continue
        lo, hi = no << NUMBER_BITS, ((no + 1) << NUMBER_BITS) - 1
        chosen.append(RegisterSelection(
            rid, no,
            _span(con, "sales", "sale_key", "closed_at", lo, hi, bounds),
            _span(con, "journal", "entry_key", "at", lo, hi, bounds),
        ))
    return chosen
