"""The stock and loyalty ledgers: append movements and update their balance projections in
the caller's transaction (one upsert for all touched rows), and stage the feed changes carrying
the balances after them (absolute)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, TypeAdapter
from sqlalchemy import Connection, Table, insert, select

from hub import feed
from hub.models import loyalty_accounts, stock_balances, stock_movements
from sync.protocol import Source

_DATETIME = TypeAdapter(AwareDatetime)  # serialised as pydantic does in every model

# Reasons of stock Medusa moved in a store (hub.medusa.web_stock): a web order fulfilled from
# the store's location, a web return received there. Beside the tills' sale | return | count.
WEB_FULFILMENT = "web_fulfilment"
WEB_RETURN = "web_return"


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
    """A `StockChange` per sku, as JSON. Written out here rather than by building the model:
    a batch of 100 sales stages hundreds, and these values come from this transaction, not
    from a request (tests/hub parse every frame back through `StockChange`)."""
    topic = f"store:{store_id}"
    head = f'{{"store_id":{json.dumps(store_id)},"as_of":{_DATETIME.dump_json(now).decode()},' \
           f'"src":{src.model_dump_json() if src is not None else "null"},"sku":'
    for sku, on_hand in sorted(after.items()):
        negative = "true" if on_hand < 0 else "false"
        pending.append((topic, "stock", f'{head}{json.dumps(sku)},"on_hand_milli":{on_hand:d},'
                                        f'"negative":{negative}}}'))


def add_to_loyalty(conn: Connection, deltas: Mapping[str, int],
                   now: datetime) -> dict[str, int]:
    """One upsert for all touched loyalty accounts (sorted: one lock order for every writer);
    the balances after it, by customer."""
    stmt = upsert(conn, loyalty_accounts)
    stmt = stmt.on_conflict_do_update(
        index_elements=[loyalty_accounts.c.customer_id],
        set_={"balance_points": loyalty_accounts.c.balance_points + stmt.excluded.balance_points,
              "updated_at": stmt.excluded.updated_at},
    ).returning(loyalty_accounts.c.customer_id, loyalty_accounts.c.balance_points)
    rows = conn.execute(stmt, [
        {"customer_id": customer_id, "balance_points": delta, "updated_at": now}
        for customer_id, delta in sorted(deltas.items())]).all()
    return {row.customer_id: int(row.balance_points) for row in rows}


def stock_on_hand(conn: Connection, store_id: str, skus: list[str]) -> dict[str, int]:
    rows = conn.execute(select(stock_balances.c.sku, stock_balances.c.on_hand_milli).where(
        stock_balances.c.store_id == store_id, stock_balances.c.sku.in_(skus)))
    return {row.sku: int(row.on_hand_milli) for row in rows}
