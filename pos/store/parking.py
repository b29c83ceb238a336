"""Parked (suspended) sales: the cart as JSON, journaled 13010 on park and 13011 on resume."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from pos.store.codes import EV_PARK, EV_RESUME
from pos.store.db import Database
from pos.store.errors import NotFound
from pos.store.journal import append_event_in
from pos.store.timeutil import to_utc_text, utc_now


@dataclass(frozen=True, slots=True)
class ParkedSaleView:
    id: str
    register_id: str
    parked_at: str
    employee_id: int | None
    label: str
    cart: dict[str, Any]


def park(
    db: Database,
    register_id: str,
    employee_id: int | None,
    label: str,
    cart: dict[str, Any],
    *,
    parked_id: str | None = None,
) -> str:
    """Store the cart and journal the suspension in one transaction; returns the parked id."""
    parked_id = parked_id or str(uuid.uuid4())
    cart_json = json.dumps(cart, ensure_ascii=False, sort_keys=True)
    with db.write() as con:
        con.execute(
            "INSERT INTO parked_sales (id, register_id, parked_at, employee_id, label, "
            "cart_json) VALUES (?,?,?,?,?,?)",
            (parked_id, register_id, to_utc_text(utc_now()), employee_id, label, cart_json),
        )
        append_event_in(
            con,
            register_id,
            EV_PARK,
            "sale_parked",
            employee_id,
            {"parked_id": parked_id, "label": label},
        )
    return parked_id


def resume(db: Database, parked_id: str, employee_id: int | None) -> ParkedSaleView:
    """Take a parked cart back (the row is removed) and journal the resumption."""
    with db.write() as con:
        row = con.execute(
            "SELECT id, register_id, parked_at, employee_id, label, cart_json "
            "FROM parked_sales WHERE id = ?",
            (parked_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no parked sale {parked_id}")
        con.execute("DELETE FROM parked_sales WHERE id = ?", (parked_id,))
        append_event_in(
            con,
            row[1],
            EV_RESUME,
            "sale_resumed",
            employee_id,
            {"parked_id": parked_id, "label": row[4]},
        )
    return ParkedSaleView(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))


def list_parked(db: Database, register_id: str) -> list[ParkedSaleView]:
    with db.read() as con:
        rows = con.execute(
            "SELECT id, register_id, parked_at, employee_id, label, cart_json "
            "FROM parked_sales WHERE register_id = ? ORDER BY parked_at",
            (register_id,),
        ).fetchall()
    return [ParkedSaleView(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
