"""The reconciliation poll: the safety net for an event Medusa never delivered (the local event
bus drops events while the hub is away; the Redis bus gives up after its last attempt).

One pass (`run_once`, every `reconcile_s` seconds on the connector's thread, or from a test):
1. every web order Medusa updated since the last pass (less an overlap for clock skew and late
   commits) goes through `inbound.apply_order`, the webhook's own path: stored, and the stock
   Medusa moved in our stores put in the ledger, exactly once (hub.medusa.web_stock);
2. then Medusa's stocked quantity at each store's location is compared with the hub's balance,
   if the pusher has brought Medusa up to the feed and the feed did not move meanwhile. A
   difference is logged and counted in medusa_mismatches, never written over on either side:
   which one is right (a count in the store, a change made in Medusa's admin) is a person's
   call. A web fulfilment in the instant between steps 1 and 2 can show once (`seen` = 1) and
   is gone at the next pass.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from hub import feed
from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa import inbound, mapping
from hub.medusa.client import MedusaClient
from hub.medusa.tables import medusa_cursor, medusa_mismatches, medusa_stock_moves
from hub.models import stock_balances

log = logging.getLogger(__name__)
MARK_ROW = 2  # medusa_cursor row 2: the poll's mark, epoch ms (row 1 is the pusher's cursor)
OVERLAP_MS = 120_000
FIRST_LOOK_BACK_MS = 24 * 3600_000


@dataclass
class Pass:
    orders: int = 0  # orders Medusa updated since the last pass, all re-applied
    moved: int = 0  # of them, orders whose stock moves the ledger did not have yet
    compared: int = 0  # (store, sku) levels compared; 0 when the comparison was skipped
    mismatches: int = 0


class Reconciler:
    def __init__(self, db: Database, client: MedusaClient) -> None:
        self.db, self.client = db, client
        self.totals = Pass()  # since the process started (the metric)

    def run_once(self) -> Pass:
        started_ms = int(time.time() * 1000)
        with self.db.reader.connect() as conn:
            mark = conn.execute(select(medusa_cursor.c.position)
                                .where(medusa_cursor.c.id == MARK_ROW)).scalar()
        since_ms = (mark - OVERLAP_MS) if mark is not None else started_ms - FIRST_LOOK_BACK_MS
        since = datetime.fromtimestamp(since_ms / 1000, UTC).isoformat()
        done = Pass()
        stores = self.client.stores()
        for order in self.client.orders_updated_since(since):
            done.orders += 1
            before = self.recorded(str(order["id"]))
            inbound.apply_order(self.db, self.client, order)
            if before != self.recorded(str(order["id"])):
                done.moved += 1
                log.warning("reconciliation: web order %s had stock moves the hub missed "
                            "(an event lost); applied now", order["id"])
        self._compare(stores, done)
        self._save_mark(started_ms)
        for name in ("orders", "moved", "compared", "mismatches"):
            setattr(self.totals, name, getattr(self.totals, name) + getattr(done, name))
        return done

    def recorded(self, order_id: str) -> dict[str, int]:
        """What the ledger has of this order's stock moves (to tell a pass that caught one)."""
        moves = medusa_stock_moves
        with self.db.reader.connect() as conn:
            rows = conn.execute(select(moves.c.source_id, moves.c.sku, moves.c.applied_milli)
                                .where(moves.c.order_id == order_id))
            return {f"{r.source_id}:{r.sku}": int(r.applied_milli) for r in rows}

    def _compare(self, stores: dict[str, str], done: Pass) -> None:
        with self.db.reader.connect() as conn:
            _, head = feed.bounds(conn)
            cursor = conn.execute(select(medusa_cursor.c.position)
                                  .where(medusa_cursor.c.id == 1)).scalar()
            hub = {(r.store_id, r.sku): int(r.on_hand_milli) for r in conn.execute(
                select(stock_balances.c.store_id, stock_balances.c.sku,
                       stock_balances.c.on_hand_milli)
                .where(stock_balances.c.store_id.in_(sorted(set(stores.values())))))}
        if cursor is None or cursor < head:
            log.info("reconciliation: the pusher is behind the feed; levels compared next time")
            return
        levels = self.client.location_levels()
        with self.db.reader.connect() as conn:
            if feed.bounds(conn)[1] != head:  # the hub moved meanwhile: compare next time
                return
        now = utcnow()
        with self.db.writer.begin() as conn:
            for location, sku, stocked in levels:
                store = stores.get(location)
                if store is None:
                    continue
                done.compared += 1
                medusa_milli = round(stocked * 1000)
                hub_milli = hub.get((store, sku), 0)
                if medusa_milli == hub_milli:
                    continue
                done.mismatches += 1
                log.warning("reconciliation: %s %s: Medusa has %s, the hub %s; left as it is",
                            store, sku, stocked, mapping.quantity(hub_milli))
                values = {"medusa_value": str(stocked), "hub_value":
                          str(mapping.quantity(hub_milli)), "last_seen": now}
                stmt = upsert(conn, medusa_mismatches).values(
                    kind="stock", key=f"{store}:{sku}", seen=1, first_seen=now, **values)
                conn.execute(stmt.on_conflict_do_update(
                    index_elements=[medusa_mismatches.c.kind, medusa_mismatches.c.key],
                    set_=values | {"seen": medusa_mismatches.c.seen + 1}))

    def _save_mark(self, position: int) -> None:
        values = {"position": position, "updated_at": utcnow()}
        with self.db.writer.begin() as conn:
            if conn.execute(medusa_cursor.update().where(medusa_cursor.c.id == MARK_ROW)
                            .values(**values)).rowcount == 0:
                conn.execute(medusa_cursor.insert().values(id=MARK_ROW, **values))
