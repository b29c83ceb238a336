"""Provisional and delivery receipts: numbered per register in series of their own, journaled
(13015 / 13016, with the amount, for the X and Z reports) and queued for printing in one
transaction, so a number is never issued without its journal entry and its print job."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pos.store.db import Database
from pos.store.journal import append_event_in
from pos.store.timeutil import to_utc_text

Series = Literal["provisional", "delivery"]
EVENTS: dict[str, tuple[str, str]] = {  # series -> (PredefinedBasicID-13 code, our event name)
    "provisional": ("13015", "provisional_receipt"),
    "delivery": ("13016", "delivery_receipt"),
}


@dataclass(frozen=True, slots=True)
class IssuedReceipt:
    series: str
    number: int
    journal_entry_no: int
    job_id: int


def issue(
    db: Database,
    register_id: str,
    series: Series,
    *,
    employee_id: int | None,
    sale_id: str | None,
    total_minor: int,
    at: datetime,
    render: Callable[[int], dict[str, Any]],
) -> IssuedReceipt:
    """The next number of the series; `render(number)` gives the print job's document."""
    code, event = EVENTS[series]
    with db.write() as con:
        (number,) = con.execute(
            "INSERT INTO receipt_series (register_id, series, last_no) VALUES (?, ?, 1) "
            "ON CONFLICT (register_id, series) DO UPDATE SET last_no = last_no + 1 "
            "RETURNING last_no",
            (register_id, series),
        ).fetchone()
        entry_no = append_event_in(
            con, register_id, code, event, employee_id,
            {"series_no": number, "sale_id": sale_id, "total_minor": total_minor}, at=at,
        )  # fmt: skip
        job = con.execute(
            "INSERT INTO print_jobs (sale_id, kind, status, document_json, created_at) "
            "VALUES (NULL, 'report', 'pending', ?, ?)",
            (json.dumps(render(number), ensure_ascii=False), to_utc_text(at)),
        )
    return IssuedReceipt(series, number, entry_no, int(job.lastrowid or 0))
