"""The stock and loyalty ledgers: append a movement and update its balance projection in the
caller's transaction, and stage the feed change carrying the balance after it (absolute)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from hub import feed
from hub.models import loyalty_accounts, loyalty_entries, stock_balances, stock_movements
from sync.protocol import LoyaltyChange, Source, StockChange


def upsert(conn: Connection, table: Table) -> Any:
    """INSERT ... ON CONFLICT of this connection's dialect (both have RETURNING)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table)


def move_stock(conn: Connection, store_id: str, deltas: Mapping[str, int], *, reason: str,
               now: datetime, pending: feed.Pending, inbox_id: int | None = None,
               src: Source | None = None) -> dict[str, int]:
    """Add `deltas` (sku -> milli) to the store's stock; the balances after, by sku."""
    deltas = {sku: d for sku, d in deltas.items() if d}
    if not deltas:
        return {}
    conn.execute(insert(stock_movements), [
        {"store_id": store_id, "sku": sku, "delta_milli": delta, "reason": reason,
         "inbox_id": inbox_id, "created_at": now} for sku, delta in sorted(deltas.items())])
    after = add_to_balances(conn, store_id, deltas, now)
    stage_stock(pending, store_id, after, now, src)
    return after


def add_to_balances(conn: Connection, store_id: str, deltas: Mapping[str, int],
                    now: datetime) -> dict[str, int]:
    """One upsert for all skus (sorted, so concurrent writers lock rows in the same order);
    the balances after it."""
    stmt = upsert(conn, stock_balances)
    stmt = stmt.on_conflict_do_update(
        index_elements=[stock_balances.c.store_id, stock_balances.c.sku],
        set_={"on_hand_milli": stock_balances.c.on_hand_milli + stmt.excluded.on_hand_milli,
              "updated_at": stmt.excluded.updated_at},
    ).returning(stock_balances.c.sku, stock_balances.c.on_hand_milli)
    rows = conn.execute(stmt, [
        {"store_id": store_id, "sku": sku, "on_hand_milli": delta, "updated_at": now}
        for sku, delta in sorted(deltas.items())]).all()
    return {row.sku: int(row.on_hand_milli) for row in rows}


def stage_stock(pending: feed.Pending, store_id: str, after: Mapping[str, int], now: datetime,
                src: Source | None) -> None:
    for sku, on_hand in sorted(after.items()):
        change = StockChange(sku=sku, store_id=store_id, on_hand_milli=on_hand, as_of=now,
                             src=src, negative=on_hand < 0)
        feed.stage(pending, f"store:{store_id}", "stock", change)


def loyalty_entry(conn: Connection, customer_id: str, points: int, *, kind: str,
                  now: datetime, pending: feed.Pending, topics: set[str],
                  inbox_id: int | None = None, reservation_id: str | None = None,
                  src: Source | None = None) -> int:
    """Append one loyalty entry and update the balance; the balance after."""
    conn.execute(insert(loyalty_entries).values(
        customer_id=customer_id, points=points, kind=kind, inbox_id=inbox_id,
        reservation_id=reservation_id, created_at=now))
    stmt = upsert(conn, loyalty_accounts)
    stmt = stmt.on_conflict_do_update(
        index_elements=[loyalty_accounts.c.customer_id],
        set_={"balance_points": loyalty_accounts.c.balance_points + stmt.excluded.balance_points,
              "updated_at": stmt.excluded.updated_at},
    ).returning(loyalty_accounts.c.balance_points)
    balance = int(conn.execute(stmt.values(
        customer_id=customer_id, balance_points=points, updated_at=now)).scalar_one())
    change = LoyaltyChange(customer_id=customer_id, balance_points=balance, as_of=now, src=src)
    for topic in sorted(topics):
        feed.stage(pending, topic, "loyalty", change)
    return balance


def stock_on_hand(conn: Connection, store_id: str, skus: list[str]) -> dict[str, int]:
    rows = conn.execute(select(stock_balances.c.sku, stock_balances.c.on_hand_milli).where(
        stock_balances.c.store_id == store_id, stock_balances.c.sku.in_(skus)))
    return {row.sku: int(row.on_hand_milli) for row in rows}
