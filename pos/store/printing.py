"""Print jobs that survive a restart: a receipt waits here until the printer takes it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from pos.store.db import Database
from pos.store.errors import NotFound
from pos.store.timeutil import to_utc_text, utc_now

PrintKind = Literal["receipt", "copy", "report"]
PrintStatus = Literal["pending", "printed", "failed"]


@dataclass(frozen=True, slots=True)
class PrintJobView:
    id: int
    sale_id: str | None
    kind: PrintKind
    status: PrintStatus
    error: str | None
    document: dict[str, Any]
    created_at: str
    printed_at: str | None


def enqueue(
    db: Database, kind: PrintKind, document: dict[str, Any], *, sale_id: str | None = None
) -> int:
    with db.write() as con:
        cur = con.execute(
            "INSERT INTO print_jobs (sale_id, kind, status, document_json, created_at) "
            "VALUES (?,?,'pending',?,?)",
            (sale_id, kind, json.dumps(document, ensure_ascii=False), to_utc_text(utc_now())),
        )
        return int(cur.lastrowid or 0)


def _set(db: Database, job_id: int, sql: str, args: tuple[Any, ...]) -> None:
    with db.write() as con:
        if con.execute(sql, (*args, job_id)).rowcount != 1:
            raise NotFound(f"no print job {job_id}")


def mark_printed(db: Database, job_id: int) -> None:
    _set(
        db,
        job_id,
        "UPDATE print_jobs SET status='printed', error=NULL, printed_at=? WHERE id=?",
        (to_utc_text(utc_now()),),
    )


def mark_failed(db: Database, job_id: int, error: str) -> None:
    _set(db, job_id, "UPDATE print_jobs SET status='failed', error=? WHERE id=?", (error,))


def pending_jobs(db: Database) -> list[PrintJobView]:
    """Jobs not yet printed (pending or failed), oldest first: what a reprint offers."""
    with db.read() as con:
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM print_jobs WHERE status IN ('pending', 'failed') ORDER BY id"
        ).fetchall()
    return [_job(r) for r in rows]


_COLUMNS = "id, sale_id, kind, status, error, document_json, created_at, printed_at"


def _job(row: tuple[Any, ...]) -> PrintJobView:
    return PrintJobView(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], row[7])


def get_job(db: Database, job_id: int) -> PrintJobView:
    with db.read() as con:
        row = con.execute(f"SELECT {_COLUMNS} FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        raise NotFound(f"no print job {job_id}")
    return _job(row)


def count_waiting(db: Database) -> int:
    """Jobs that failed and wait for the cashier to print them again."""
    with db.read() as con:
        return int(
            con.execute("SELECT COUNT(*) FROM print_jobs WHERE status = 'failed'").fetchone()[0]
        )


def last_receipt_job(db: Database) -> PrintJobView | None:
    """The newest original sales receipt: what a copy is made from."""
    with db.read() as con:
        row = con.execute(
            f"SELECT {_COLUMNS} FROM print_jobs WHERE kind = 'receipt' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return None if row is None else _job(row)
