"""Z reports: one per register and business day, numbered consecutively, append-only.

`store_z` writes the row and its journal entry (13009, the whole report in the payload) in one
transaction, and checks there, under the write lock, what makes a Z a Z: the day has none yet,
the number follows the last one, and the transaction range starts right after the last Z's
(so no transaction is ever on two Z reports, and none falls between two).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.store.db import Database
from pos.store.errors import StoreError
from pos.store.journal import append_event_in
from pos.store.keys import in_register, number_key, number_of, register_no
from pos.store.timeutil import to_utc_text


class ZReportError(StoreError):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True, slots=True)
class ZRow:
    register_id: str
    z_no: int
    business_date: str
    created_at: str
    first_transaction_no: int | None
    last_transaction_no: int | None
    employee_id: int | None
    report_json: str

    @property
    def report(self) -> dict[str, Any]:
        return json.loads(self.report_json)  # type: ignore[no-any-return]


_COLUMNS = (
    "register_id, z_no, business_date, created_at, first_transaction_no, last_transaction_no, "
    "employee_id, report_json"
)


def last_z(db: Database, register_id: str) -> ZRow | None:
    with db.read() as con:
        row = con.execute(
            f"SELECT {_COLUMNS} FROM z_reports WHERE " + in_register("z_key")
            + " ORDER BY z_key DESC LIMIT 1",
            (register_id,),
        ).fetchone()  # fmt: skip
    return ZRow(*row) if row else None


def z_for_day(db: Database, register_id: str, business_date: str) -> ZRow | None:
    with db.read() as con:
        row = con.execute(
            f"SELECT {_COLUMNS} FROM z_reports WHERE register_id = ? AND business_date = ?",
            (register_id, business_date),
        ).fetchone()
    return ZRow(*row) if row else None


def list_z(db: Database, register_id: str, limit: int = 100) -> list[ZRow]:
    with db.read() as con:
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM z_reports WHERE register_id = ? ORDER BY z_key DESC LIMIT ?",
            (register_id, limit),
        ).fetchall()
    return [ZRow(*r) for r in rows]


def store_z(
    db: Database,
    *,
    register_id: str,
    z_no: int,
    business_date: str,
    first_transaction_no: int | None,
    last_transaction_no: int | None,
    employee_id: int | None,
    report_json: str,
    at: datetime,
    event_code: str,
    event: str,
) -> ZRow:
    """Store a computed Z report and journal it in full; refuses a second Z for the day
    (`z_already_run`), a number out of sequence or a range that does not follow the last Z
    (`z_stale`: something ran in between; compute again)."""
    with db.write() as con:
        day = con.execute(
            "SELECT z_no, created_at FROM z_reports WHERE register_id = ? AND business_date = ?",
            (register_id, business_date),
        ).fetchone()
        if day is not None:
            raise ZReportError(
                "z_already_run", f"Z {day[0]} for {business_date} was run at {day[1]}"
            )
        last = con.execute(
            "SELECT max(z_key) FROM z_reports WHERE " + in_register("z_key"), (register_id,)
        ).fetchone()
        last_no = number_of(last[0])
        covered = _previous_covered(con, register_id)
        if z_no != last_no + 1:
            raise ZReportError("z_stale", f"Z number {z_no}, expected {last_no + 1}")
        if first_transaction_no is not None and first_transaction_no != covered + 1:
            raise ZReportError(
                "z_stale", f"starts at {first_transaction_no}, expected {covered + 1}"
            )
        at_text = to_utc_text(at)
        con.execute(
            "INSERT INTO z_reports (z_key, register_id, z_no, business_date, created_at, "
            "first_transaction_no, last_transaction_no, employee_id, report_json) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (number_key(register_no(con, register_id), z_no), register_id, z_no, business_date,
             at_text, first_transaction_no, last_transaction_no, employee_id, report_json),
        )  # fmt: skip
        append_event_in(
            con, register_id, event_code, event, employee_id,
            {"z_no": z_no, "business_date": business_date, "report": json.loads(report_json)},
            at=at,
        )  # fmt: skip
    return ZRow(register_id, z_no, business_date, at_text, first_transaction_no,
                last_transaction_no, employee_id, report_json)  # fmt: skip


def _previous_covered(con: Any, register_id: str) -> int:
    """The highest transaction any Z of the register covered (a day without sales stores
    NULLs, so the last row alone does not say)."""
    row = con.execute(
        "SELECT max(last_transaction_no) FROM z_reports WHERE register_id = ?", (register_id,)
    ).fetchone()
    return int(row[0] or 0)


def covered_through(db: Database, register_id: str) -> int:
    """The last transaction number already on a Z report (0: none yet)."""
    with db.read() as con:
        return _previous_covered(con, register_id)
