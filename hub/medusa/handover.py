"""Hand-overs recorded at the tills, brought to Medusa afterwards: the fulfilment from the
pickup store's location, then mark-as-delivered (../shared/notes/medusa-v2.md §2.6).

A thread of the connector, woken by a hand-over (and every few seconds). Medusa away: the row
stays `handed_over`, tried again with a growing pause (to 30 s); a refusal is kept in
`push_error` for a person and tried again at the slow pace. Each step is safe to repeat: an
existing fulfilment at the store is reused, and a delivered one is not marked again.

The store's stock moves once, and not here: the order is re-read and goes through
inbound.apply_order, whose web_stock records the fulfilment's move in the ledger exactly once
(the `order.fulfillment_created` event Medusa sends meanwhile finds it done).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from hub.db import Database, utcnow
from hub.medusa import inbound, pickup_medusa, pickups
from hub.medusa.client import MedusaClient, MedusaRefused, MedusaUnavailable
from hub.medusa.pickup_tables import medusa_pickups
from hub.medusa.worker import Worker

log = logging.getLogger(__name__)
IDLE_S = 5.0  # the safety pass: flagged orders re-checked, stuck hand-overs retried
MAX_PAUSE_S = 30.0


class HandoverPusher:
    def __init__(self, db: Database, client: MedusaClient,
                 committed: Callable[[], None]) -> None:
        self.db, self.client, self.committed = db, client, committed
        self.worker = Worker("kassa-medusa-handover", self._step, first_pause_s=IDLE_S,
                             on_stop=client.close)
        self.start, self.stop, self.wake = self.worker.start, self.worker.stop, self.worker.wake
        self._last_recheck = 0.0

    def _step(self) -> float:
        """One pass; the pause before the next (doubling to MAX_PAUSE_S while Medusa is away)."""
        # Woken by each event: flagged orders only every IDLE_S (Medusa calls each).
        due = time.monotonic() - self._last_recheck >= IDLE_S
        try:
            self.run_once(recheck_flagged=due)
        except MedusaUnavailable as error:
            pause = min(MAX_PAUSE_S, self.worker.pause * 2)
            log.warning("hand-over to Medusa: unavailable, again in %.0f s: %s", pause, error)
            return pause
        if due:
            self._last_recheck = time.monotonic()
        return IDLE_S

    def run_once(self, *, recheck_flagged: bool = True) -> int:
        """Check the reservations of new pickup orders, push every hand-over not yet in
        Medusa, then re-check flagged orders; how many hand-overs Medusa now has delivered."""
        if pickups.recheck(self.db, self.client, flagged=False):
            self.committed()
        with self.db.reader.connect() as conn:
            rows = conn.execute(select(medusa_pickups).where(
                medusa_pickups.c.status == "handed_over")
                .order_by(medusa_pickups.c.handed_over_at).limit(100)).all()
        done = 0
        for row in rows:
            try:
                self._push(row)
                done += 1
            except MedusaRefused as error:
                log.error("hand-over of %s refused by Medusa: %s", row.order_id, error)
                self._failed(row.order_id, str(error))
            except MedusaUnavailable as error:
                self._failed(row.order_id, str(error))
                raise
        if recheck_flagged and pickups.recheck(self.db, self.client, flagged=True):
            self.committed()
        if done:
            self.committed()
        return done

    def _push(self, row: Any) -> None:
        order_id, location = row.order_id, row.location_id
        order = pickup_medusa.read_order(self.client, order_id)
        items = [(i["line_item_id"], int(i["quantity"]))
                 for i in json.loads(row.items)]
        fulfilment = pickup_medusa.fulfil(self.client, order, location, items,
                                          str(row.handed_over_by))
        delivered = any(f.get("id") == fulfilment and f.get("delivered_at")
                        for f in order.get("fulfillments") or ())
        if not delivered:
            pickup_medusa.mark_delivered(self.client, order_id, fulfilment)
        # The stock move, exactly once, by the one path every order takes (web_stock).
        inbound.apply_order(self.db, self.client, self.client.order(order_id))
        now = utcnow()
        with self.db.writer.begin() as conn:
            conn.execute(medusa_pickups.update().where(medusa_pickups.c.order_id == order_id)
                         .values(status="delivered", fulfillment_id=fulfilment,
                                 delivered_at=now, push_error=None, updated_at=now,
                                 attempts=medusa_pickups.c.attempts + 1))
        log.info("pickup %s handed over: fulfilled from %s and delivered in Medusa (%s)",
                 order_id, location, fulfilment)

    def _failed(self, order_id: str, error: str) -> None:
        with self.db.writer.begin() as conn:
            conn.execute(medusa_pickups.update().where(medusa_pickups.c.order_id == order_id)
                         .values(push_error=error[:1000], updated_at=utcnow(),
                                 attempts=medusa_pickups.c.attempts + 1))
