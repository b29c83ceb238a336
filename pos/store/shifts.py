"""Shifts and cash movements on the till database.

Every change writes its journal entry in the same transaction (a shift without its journal
line, or the reverse, cannot happen). Rules that need the write lock live here: one open shift
per register and owner; a shift closes once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pos.store.db import Database
from pos.store.errors import StoreError
from pos.store.journal import JournalNote, append_event_in
from pos.store.keys import in_register, number_of
from pos.store.timeutil import to_utc_text

MovementKind = Literal["drop", "pay_in", "pay_out", "no_sale"]


class ShiftError(StoreError):
    """A shift rule was broken; `code` names which (the app turns it into a message)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True, slots=True)
class ShiftView:
    id: int
    register_id: str
    owner: str
    employee_id: int | None
    business_date: str
    status: str
    opened_at: str
    opened_by: int | None
    opening_float_minor: int
    opening_count: dict[int, int]
    first_transaction_no: int
    last_transaction_no: int | None
    closed_at: str | None
    closed_by: int | None
    approved_by: int | None
    count: dict[str, Any] | None
    expected: dict[str, int] | None
    variance_minor: int | None
    variance_reason: str | None
    flagged_at: str | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True, slots=True)
class MovementView:
    id: int
    shift_id: int
    kind: MovementKind
    amount_minor: int
    reason: str
    employee_id: int | None
    approved_by: int | None
    at: str


_COLUMNS = (
    "id, register_id, owner, employee_id, business_date, status, opened_at, opened_by, "
    "opening_float_minor, opening_count_json, first_transaction_no, last_transaction_no, "
    "closed_at, closed_by, approved_by, count_json, expected_json, variance_minor, "
    "variance_reason, flagged_at"
)


def _shift(row: tuple[Any, ...]) -> ShiftView:
    return ShiftView(
        id=row[0],
        register_id=row[1],
        owner=row[2],
        employee_id=row[3],
        business_date=row[4],
        status=row[5],
        opened_at=row[6],
        opened_by=row[7],
        opening_float_minor=row[8],
        opening_count={int(k): v for k, v in json.loads(row[9]).items()},
        first_transaction_no=row[10],
        last_transaction_no=row[11],
        closed_at=row[12],
        closed_by=row[13],
        approved_by=row[14],
        count=json.loads(row[15]) if row[15] else None,
        expected=json.loads(row[16]) if row[16] else None,
        variance_minor=row[17],
        variance_reason=row[18],
        flagged_at=row[19],
    )


def _journal(con: sqlite3.Connection, register_id: str, note: JournalNote, at: datetime) -> int:
    return append_event_in(
        con, register_id, note.event_code, note.event, note.employee_id, note.payload, at=at
    )


def last_transaction_no(con: sqlite3.Connection, register_id: str) -> int:
    row = con.execute(
        "SELECT max(sale_key) FROM sales WHERE " + in_register("sale_key"), (register_id,)
    ).fetchone()
    return number_of(row[0])


def open_shift(
    db: Database,
    *,
    register_id: str,
    owner: str,
    employee_id: int | None,
    business_date: str,
    opened_by: int | None,
    opening_count: Mapping[int, int],
    opening_float_minor: int,
    at: datetime,
    note: JournalNote,
) -> ShiftView:
    """Open a shift; refused (`shift_already_open`) while the owner has one open."""
    with db.write() as con:
        row = con.execute(
            "SELECT id FROM shifts WHERE register_id = ? AND status = 'open' AND owner = ?",
            (register_id, owner),
        ).fetchone()
        if row is not None:
            raise ShiftError("shift_already_open", f"shift {row[0]} of {owner} is open")
        first = last_transaction_no(con, register_id) + 1
        shift_id = con.execute(
            "INSERT INTO shifts (register_id, owner, employee_id, business_date, status, "
            "opened_at, opened_by, opening_float_minor, opening_count_json, "
            "first_transaction_no) VALUES (?,?,?,?,'open',?,?,?,?,?)",
            (register_id, owner, employee_id, business_date, to_utc_text(at), opened_by,
             opening_float_minor, json.dumps({str(k): v for k, v in opening_count.items()}),
             first),
        ).lastrowid  # fmt: skip
        _journal(con, register_id, note, at)
        return _get(con, int(shift_id or 0))


def _get(con: sqlite3.Connection, shift_id: int) -> ShiftView:
    row = con.execute(f"SELECT {_COLUMNS} FROM shifts WHERE id = ?", (shift_id,)).fetchone()
    if row is None:
        raise ShiftError("no_such_shift", str(shift_id))
    return _shift(row)


def get_shift(db: Database, shift_id: int) -> ShiftView:
    with db.read() as con:
        return _get(con, shift_id)


def open_shift_of(db: Database, register_id: str, owner: str) -> ShiftView | None:
    with db.read() as con:
        row = con.execute(
            f"SELECT {_COLUMNS} FROM shifts WHERE register_id = ? AND status = 'open' "
            "AND owner = ?",
            (register_id, owner),
        ).fetchone()
    return _shift(row) if row else None


def open_shifts(db: Database, register_id: str) -> list[ShiftView]:
    with db.read() as con:
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM shifts WHERE register_id = ? AND status = 'open' ORDER BY id",
            (register_id,),
        ).fetchall()
    return [_shift(r) for r in rows]


def shifts_since(db: Database, register_id: str, after_utc: str | None) -> list[ShiftView]:
    """Shifts opened after a moment (the last Z), open or closed."""
    with db.read() as con:
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM shifts WHERE register_id = ? AND opened_at > ? ORDER BY id",
            (register_id, after_utc or ""),
        ).fetchall()
    return [_shift(r) for r in rows]


def add_movement(
    db: Database,
    *,
    shift_id: int,
    kind: MovementKind,
    amount_minor: int,
    reason: str,
    employee_id: int | None,
    approved_by: int | None,
    at: datetime,
    note: JournalNote,
) -> MovementView:
    """A drop, pay-in, pay-out or no-sale opening on an open shift, journaled with it."""
    if amount_minor < 0:
        raise ShiftError("negative_amount", str(amount_minor))
    with db.write() as con:
        shift = _get(con, shift_id)
        if not shift.is_open:
            raise ShiftError("shift_closed", f"shift {shift_id} is closed")
        entry_no = _journal(con, shift.register_id, note, at)
        at_text = to_utc_text(at)
        movement_id = con.execute(
            "INSERT INTO cash_movements (shift_id, register_id, kind, amount_minor, reason, "
            "employee_id, approved_by, at, journal_entry_no) VALUES (?,?,?,?,?,?,?,?,?)",
            (shift_id, shift.register_id, kind, amount_minor, reason, employee_id, approved_by,
             at_text, entry_no),
        ).lastrowid  # fmt: skip
    return MovementView(
        int(movement_id or 0), shift_id, kind, amount_minor, reason, employee_id, approved_by,
        at_text,
    )  # fmt: skip


def movements(db: Database, shift_id: int) -> list[MovementView]:
    with db.read() as con:
        rows = con.execute(
            "SELECT id, shift_id, kind, amount_minor, reason, employee_id, approved_by, at "
            "FROM cash_movements WHERE shift_id = ? ORDER BY id",
            (shift_id,),
        ).fetchall()
    return [MovementView(*r) for r in rows]


def close_shift(
    db: Database,
    *,
    shift_id: int,
    closed_by: int | None,
    approved_by: int | None,
    count: Mapping[str, Any],
    expected: Mapping[str, int],
    variance_minor: int,
    variance_reason: str | None,
    last_transaction_no: int,
    at: datetime,
    note: JournalNote,
) -> ShiftView:
    """Close an open shift with its blind count; a second close is refused (`shift_closed`)."""
    with db.write() as con:
        updated = con.execute(
            "UPDATE shifts SET status = 'closed', closed_at = ?, closed_by = ?, approved_by = ?, "
            "count_json = ?, expected_json = ?, variance_minor = ?, variance_reason = ?, "
            "last_transaction_no = ? WHERE id = ? AND status = 'open'",
            (to_utc_text(at), closed_by, approved_by, json.dumps(dict(count)),
             json.dumps(dict(expected)), variance_minor, variance_reason, last_transaction_no,
             shift_id),
        ).rowcount  # fmt: skip
        if updated == 0:
            shift = _get(con, shift_id)  # raises no_such_shift
            raise ShiftError("shift_closed", f"shift {shift.id} was closed at {shift.closed_at}")
        shift = _get(con, shift_id)
        _journal(con, shift.register_id, note, at)
        return shift


def flag_open_shifts(db: Database, register_id: str, at: datetime, note: JournalNote) -> list[int]:
    """Mark the shifts still open at the end of the day (never closes them); journaled."""
    with db.write() as con:
        ids = [
            r[0]
            for r in con.execute(
                "SELECT id FROM shifts WHERE register_id = ? AND status = 'open' "
                "AND flagged_at IS NULL",
                (register_id,),
            )
        ]
        if ids:
            con.executemany(
                "UPDATE shifts SET flagged_at = ? WHERE id = ?",
                [(to_utc_text(at), i) for i in ids],
            )
            _journal(con, register_id, JournalNote(
                note.event_code, note.event, note.employee_id, {**note.payload, "shifts": ids}
            ), at)  # fmt: skip
    return ids
