"""The hub's price lists at the till (issue 9): kept from `price_list` frames and the
snapshot, read per sku when a line is priced (the rule itself: pos.core.pricing).

Plain dicts in (the wire's JSON, validated by sync.protocol before it gets here). A list is
replaced whole; an inactive one is dropped.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from pos.core.pricing import ListPrice
from pos.store.db import Database
from pos.store.timeutil import from_utc_text, to_utc_text


def _utc(text: str | None) -> str | None:
    """The wire's ISO time (any offset) as the till's UTC text, which sorts and compares."""
    return to_utc_text(from_utc_text(text)) if text else None


def apply_price_list_in(con: sqlite3.Connection, data: dict[str, Any]) -> None:
    list_id = data["list_id"]
    con.execute("DELETE FROM price_list_prices WHERE list_id = ?", (list_id,))
    con.execute("DELETE FROM price_lists WHERE list_id = ?", (list_id,))
    if not data.get("active", True):
        return
    con.execute(
        "INSERT INTO price_lists (list_id, kind, tier, starts_at, ends_at) VALUES (?,?,?,?,?)",
        (list_id, data["kind"], data.get("tier"), _utc(data.get("starts_at")),
         _utc(data.get("ends_at"))))
    con.executemany(
        "INSERT INTO price_list_prices (sku, list_id, price_minor) VALUES (?,?,?)",
        [(p["sku"], list_id, int(p["price_minor"])) for p in data.get("prices") or ()])


def clear_in(con: sqlite3.Connection) -> None:
    """Before a snapshot: the snapshot carries every active list."""
    con.execute("DELETE FROM price_list_prices")
    con.execute("DELETE FROM price_lists")


def offers(db: Database, sku: str) -> list[ListPrice]:
    """Every list price of `sku`, with what decides whether it applies (one index descent)."""
    rows = db.fast_reader().execute(
        "SELECT l.kind, p.price_minor, l.tier, l.starts_at, l.ends_at "
        "FROM price_list_prices p JOIN price_lists l ON l.list_id = p.list_id "
        "WHERE p.sku = ?", (sku,)).fetchall()
    return [ListPrice(kind="member" if kind == "member" else "campaign", price_minor=price,
                      tier=tier, starts_at=from_utc_text(start) if start else None,
                      ends_at=from_utc_text(end) if end else None)
            for kind, price, tier, start, end in rows]
