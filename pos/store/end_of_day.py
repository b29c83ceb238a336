"""The guided end of day's step state, one row per register and business day.

Each finished step is written at once, so a till that dies half way resumes at the first
step not done; `done` rows make a second run of the same day impossible.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.store.db import Database
from pos.store.timeutil import to_utc_text


@dataclass(frozen=True, slots=True)
class EndOfDayState:
    register_id: str
    business_date: str
    status: str  # "running" | "done"
    started_at: str
    started_by: int | None
    steps: dict[str, dict[str, Any]]  # step -> {"status": ..., "note": ..., ...}
    finished_at: str | None


_COLUMNS = "register_id, business_date, status, started_at, started_by, steps_json, finished_at"


def _state(row: tuple[Any, ...]) -> EndOfDayState:
    return EndOfDayState(
        register_id=row[0],
        business_date=row[1],
        status=row[2],
        started_at=row[3],
        started_by=row[4],
        steps=json.loads(row[5]),
        finished_at=row[6],
    )


def get_run(db: Database, register_id: str, business_date: str) -> EndOfDayState | None:
    with db.read() as con:
        row = con.execute(
            f"SELECT {_COLUMNS} FROM end_of_day_runs WHERE register_id = ? AND business_date = ?",
            (register_id, business_date),
        ).fetchone()
    return _state(row) if row else None


def start_run(
    db: Database, register_id: str, business_date: str, started_by: int | None, at: datetime
) -> EndOfDayState:
    """The day's run: the existing one (resumed) or a new one."""
    with db.write() as con:
        con.execute(
            "INSERT OR IGNORE INTO end_of_day_runs (register_id, business_date, status, "
            "started_at, started_by, steps_json) VALUES (?, ?, 'running', ?, ?, '{}')",
            (register_id, business_date, to_utc_text(at), started_by),
        )
    state = get_run(db, register_id, business_date)
    assert state is not None
    return state


def save_step(
    db: Database, register_id: str, business_date: str, step: str, result: dict[str, Any]
) -> EndOfDayState:
    with db.write() as con:
        row = con.execute(
            "SELECT steps_json FROM end_of_day_runs WHERE register_id = ? AND business_date = ?",
            (register_id, business_date),
        ).fetchone()
        steps = json.loads(row[0]) if row else {}
        steps[step] = result
        con.execute(
            "UPDATE end_of_day_runs SET steps_json = ? WHERE register_id = ? "
            "AND business_date = ?",
            (json.dumps(steps, sort_keys=True), register_id, business_date),
        )
    state = get_run(db, register_id, business_date)
    assert state is not None
    return state


def finish_run(db: Database, register_id: str, business_date: str, at: datetime) -> None:
    with db.write() as con:
        con.execute(
            "UPDATE end_of_day_runs SET status = 'done', finished_at = ? WHERE register_id = ? "
            "AND business_date = ?",
            (to_utc_text(at), register_id, business_date),
        )
