"""Stock Medusa moved in a store enters the hub's ledger, exactly once, and is not pushed back.

Medusa changes a store location's stocked quantity itself: a web order fulfilled from the store
takes it out, a return received there puts it back (so does a cancelled fulfilment). The hub
reads the order (re-read by id for an event, listed by the reconciliation poll: one code path,
`apply`) and works out, per (fulfilment or return, sku), the quantity Medusa moved.
medusa_stock_moves holds what the ledger already has for each; the ledger gets the difference,
in one transaction with that row, locked. A replayed event or a later poll finds no
difference: exactly once, by state rather than by remembering every message.

No echo: the pusher sends Medusa the hub's balance *less* these moves (`pushable`), which is
the quantity Medusa's stock route keeps as its basis (`kassa_hub_quantity`). A web move
changes the balance and the moves by the same amount, so the quantity pushed, and the delta
Medusa applies, stay unchanged; the tills see the move through the feed like any other.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, func, select, tuple_

from hub import feed, ledger
from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa.tables import medusa_stock_moves
from hub.models import stock_balances

# What `moves_of` reads of an order (added to the order re-read, client.ORDER_FIELDS). A return
# item's quantities are BigNumbers, and Medusa 2.21 drops them when named beside `item_id`
# (even with their raw_ fields): `returns.items.*` is what returns both.
ORDER_STOCK_FIELDS = (
    "fulfillments.id,fulfillments.location_id,fulfillments.canceled_at,"
    "fulfillments.items.sku,fulfillments.items.quantity,fulfillments.items.line_item_id,"
    "returns.id,returns.location_id,returns.status,returns.items.*")

Key = tuple[str, str]  # (Medusa source id: ful_... or return_..., sku)


def moves_of(order: dict[str, Any], stores: dict[str, str]) -> dict[Key, tuple[str, int]]:
    """What Medusa has moved in the hub's stores for this order, as it stands now:
    (source, sku) -> (store, milli). `stores`: Medusa location id -> hub store id; a location
    that is no store of ours (a web warehouse) moves nothing in the hub."""
    sku_of = {item.get("id"): item.get("variant_sku") for item in order.get("items") or ()}
    moves: dict[Key, tuple[str, int]] = {}

    def add(source: str, location: Any, sku: Any, milli: int) -> None:
        store = stores.get(str(location))
        if store is None or not sku:
            return
        before = moves.get((source, str(sku)), (store, 0))[1]
        moves[(source, str(sku))] = (store, before + milli)

    for ful in order.get("fulfillments") or ():
        for item in ful.get("items") or ():
            sku = item.get("sku") or sku_of.get(item.get("line_item_id"))
            # Cancelled: Medusa has put it back, so what it moved is now nothing.
            out = 0 if ful.get("canceled_at") else _milli(item.get("quantity"))
            add(str(ful["id"]), ful.get("location_id"), sku, -out)
    for ret in order.get("returns") or ():
        for item in ret.get("items") or ():
            add(str(ret["id"]), ret.get("location_id"), sku_of.get(item.get("item_id")),
                _milli(item.get("received_quantity")))
    return moves


def apply(db: Database, order: dict[str, Any], stores: dict[str, str]) -> dict[str, int]:
    """Bring the ledger up to what Medusa moved for `order`; the ledger deltas written, by
    "store:sku" (empty when the ledger already had it all)."""
    moves = moves_of(order, stores)
    if not moves:
        return {}
    keys = sorted(moves)
    now = utcnow()
    with db.writer.begin() as conn:
        conn.execute(upsert(conn, medusa_stock_moves).values([
            {"source_id": source, "sku": sku, "store_id": moves[(source, sku)][0],
             "order_id": str(order["id"]), "applied_milli": 0, "updated_at": now}
            for source, sku in keys]).on_conflict_do_nothing())
        rows = conn.execute(select(medusa_stock_moves).where(
            tuple_(medusa_stock_moves.c.source_id, medusa_stock_moves.c.sku).in_(keys))
            .order_by(medusa_stock_moves.c.source_id, medusa_stock_moves.c.sku)
            .with_for_update()).all()  # a concurrent event for the same source waits here
        deltas: dict[tuple[str, str], dict[str, int]] = {}  # (store, reason) -> sku -> milli
        for row in rows:
            difference = moves[(row.source_id, row.sku)][1] - int(row.applied_milli)
            if not difference:
                continue
            conn.execute(medusa_stock_moves.update().where(
                medusa_stock_moves.c.source_id == row.source_id,
                medusa_stock_moves.c.sku == row.sku).values(
                applied_milli=row.applied_milli + difference, updated_at=now))
            reason = ledger.WEB_FULFILMENT if row.source_id.startswith("ful_") \
                else ledger.WEB_RETURN
            deltas.setdefault((row.store_id, reason), {})[row.sku] = difference
        pending: feed.Pending = []
        for (store_id, reason), by_sku in sorted(deltas.items()):
            ledger.move_stock(conn, store_id, by_sku, reason=reason, now=now, pending=pending)
        feed.append(conn, pending)  # the tills of that store see it like a sale's change
    return {f"{store}:{sku}": milli for (store, _), by_sku in deltas.items()
            for sku, milli in by_sku.items()}


def pushable(conn: Connection, keys: set[tuple[str, str]] | None = None
             ) -> dict[tuple[str, str], int]:
    """(store, sku) -> the hub's balance less what Medusa moved itself: the quantity to push.
    One statement, so the balance and the moves are read in one snapshot (a web move writes
    both in one transaction)."""
    moves = medusa_stock_moves.c
    moved = (select(moves.store_id, moves.sku, func.sum(moves.applied_milli).label("milli"))
             .group_by(moves.store_id, moves.sku).subquery())
    balances = stock_balances.c
    query = select(balances.store_id, balances.sku,
                   (balances.on_hand_milli - func.coalesce(moved.c.milli, 0)).label("milli")
                   ).outerjoin(moved, and_(moved.c.store_id == balances.store_id,
                                           moved.c.sku == balances.sku))
    if keys is not None:
        if not keys:
            return {}
        query = query.where(tuple_(balances.store_id, balances.sku).in_(sorted(keys)))
    return {(row.store_id, row.sku): int(row.milli) for row in conn.execute(query)}


def _milli(quantity: Any) -> int:
    """Medusa's units (a number, or a BigNumber's string) to the hub's thousandths."""
    if quantity is None:
        return 0
    return int((Decimal(str(quantity)) * 1000).to_integral_value())
