"""The till's copy of its store's open click & collect orders (revision 0008_pickups).

Written from the hub's `pickup` frames in the feed's own transaction (with the cursor, so no
frame is lost between the two) and replaced whole when the till asks the hub for the list;
read when the till starts, so a till restarted with the hub away still knows who is coming.
Plain dicts in and out: the wire's JSON (sync.protocol.PickupChange), as the hub sent it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from pos.store.db import Database


def apply_in(con: sqlite3.Connection, data: dict[str, Any]) -> None:
    """One frame: an open order is kept (where it was in the list), any other status drops it."""
    order_id = str(data["order_id"])
    if data.get("status") != "open":
        con.execute("DELETE FROM pickup_orders WHERE order_id = ?", (order_id,))
        return
    con.execute(
        "INSERT INTO pickup_orders (order_id, arrived, data) VALUES "
        "(?, (SELECT COALESCE(MAX(arrived), 0) + 1 FROM pickup_orders), ?) "
        "ON CONFLICT (order_id) DO UPDATE SET data = excluded.data",
        (order_id, json.dumps(data)))


def replace_all(db: Database, orders: Iterable[dict[str, Any]]) -> None:
    """The hub's whole list, in its order."""
    with db.write() as con:
        con.execute("DELETE FROM pickup_orders")
        con.executemany("INSERT INTO pickup_orders (order_id, arrived, data) VALUES (?, ?, ?)",
                        [(str(o["order_id"]), n, json.dumps(o))
                         for n, o in enumerate(orders, start=1)])


def drop(db: Database, order_id: str) -> None:
    """Handed over here: gone before the hub's frame says so."""
    with db.write() as con:
        con.execute("DELETE FROM pickup_orders WHERE order_id = ?", (order_id,))


def open_orders(db: Database) -> list[dict[str, Any]]:
    rows = db.fast_reader().execute("SELECT data FROM pickup_orders ORDER BY arrived")
    return [json.loads(data) for (data,) in rows]
