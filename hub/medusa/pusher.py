"""The background pusher: brings Medusa up to the hub's feed (hub.medusa.work), on its own
thread, never on a request's path.

One step: read the work (one read transaction), push products then stock to the Admin API,
then record the new product ids, what Medusa refused, and the cursor (one short write
transaction; never a database lock held across an HTTP call). If Medusa is unavailable the
step fails before the cursor moves, and the next attempt (backing off to `max_backoff_s`)
pushes the same work again: the product upsert and the stock route are both safe to repeat,
so nothing is lost or doubled. A refusal (4xx) is recorded in medusa_push_failures and the
rest goes on: one bad product must not stop the chain's stock.

On PostgreSQL several hub processes may run; a session advisory lock makes one the pusher.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Connection, select, text

from hub.db import Database, utcnow
from hub.medusa.client import MedusaClient, MedusaUnavailable, Topology
from hub.medusa.config import MedusaSettings
from hub.medusa.prices import push as push_prices
from hub.medusa.pushes import Ids, Push
from hub.medusa.tables import medusa_products, medusa_push_failures
from hub.medusa.web_customers import push as push_customers
from hub.medusa.work import read_work, save_cursor

log = logging.getLogger(__name__)
ADVISORY_KEY = 0x4B4D4544  # "KMED": one pusher per database
_NO_TOPOLOGY = Topology(locations={}, sales_channel_ids=[], shipping_profile_id=None)


class Pusher:
    def __init__(self, db: Database, settings: MedusaSettings) -> None:
        self.db, self.settings = db, settings
        self.client = MedusaClient(settings)
        self.topology: Topology | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kassa-medusa-pusher",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=15)
        self.client.close()

    # -- the loop -------------------------------------------------------------------------

    def _run(self) -> None:
        lock = self.db.writer.connect() if self.db.is_postgres else None
        try:
            while lock is not None and not self._stop.is_set():
                if lock.execute(text("SELECT pg_try_advisory_lock(:k)"),
                                {"k": ADVISORY_KEY}).scalar():
                    lock.commit()
                    break
                lock.rollback()
                self._stop.wait(5.0)  # another hub process pushes; take over if it goes
            self._loop()
        finally:
            if lock is not None:
                lock.close()  # ends the session, and with it the advisory lock

    def _loop(self) -> None:
        backoff = self.settings.poll_s
        delay = 0.0
        while not self._stop.wait(delay):
            try:
                delay = 0.0 if self.step() else self.settings.poll_s
                backoff = self.settings.poll_s
            except MedusaUnavailable as error:
                log.warning("Medusa unavailable, pushing again in %.1f s: %s", backoff, error)
                self.topology = None  # it may come back reconfigured
                delay, backoff = backoff, min(backoff * 2, self.settings.max_backoff_s)
            except Exception:  # a bug must not end the thread: log, back off, try again
                log.exception("the Medusa pusher failed; trying again in %.1f s", backoff)
                delay, backoff = backoff, min(backoff * 2, self.settings.max_backoff_s)

    def step(self) -> bool:
        """Push the next batch of work; False when there was none."""
        with self.db.reader.connect() as conn, conn.begin():
            work = read_work(conn)
            if work is None:
                return False
            known = _known(conn, list(work.products))
        push = Push(self.client, self._topology() if work else _NO_TOPOLOGY, work.through,
                    self.settings.batch)
        ids: Ids = {}
        if work:
            ids = push.products(work, known)
            push.stock(work)
            push_customers(self.db, self.client, work.customers.values(), push.fail)
            push_prices(self.db, self.client, work.price_lists,  # after the products
                        {sku: variant for sku, (_p, variant) in ids.items()}, push.fail)
        with self.db.writer.begin() as conn:
            _record(conn, ids, push.failures, work.through)
        if work.full:
            log.info("Medusa: full pass through %d (%d products, %d stock levels)",
                     work.through, len(work.products), len(work.stock))
        return True

    def _topology(self) -> Topology:
        if self.topology is None:
            self.topology = self.client.topology()
        return self.topology


def _known(conn: Connection, skus: list[str]) -> Ids:
    known: Ids = {}
    for start in range(0, len(skus), 500):
        rows = conn.execute(select(medusa_products).where(
            medusa_products.c.sku.in_(skus[start:start + 500])))
        known.update((row.sku, (row.product_id, row.variant_id)) for row in rows)
    return known


def _record(conn: Connection, ids: Ids,
            failures: list[dict[str, Any]], through: int) -> None:
    now = utcnow()
    skus = sorted(ids)
    for start in range(0, len(skus), 500):
        part = skus[start:start + 500]
        conn.execute(medusa_products.delete().where(medusa_products.c.sku.in_(part)))
        conn.execute(medusa_products.insert(), [
            {"sku": sku, "product_id": ids[sku][0], "variant_id": ids[sku][1], "pushed_at": now}
            for sku in part])
    if failures:
        conn.execute(medusa_push_failures.insert(), failures)
    save_cursor(conn, through)
