"""The web returns' pusher: a thread that takes each pending web return to Medusa
(hub.medusa.return_steps), woken when a till's return is accepted and sweeping every few
seconds for the rest. Medusa unavailable: the return stays pending and is tried again with a
growing pause (up to 60 s), nothing lost; Medusa refusing it: `failed` with Medusa's reason,
for a person (the store has taken the goods back and the till has refunded: never undone).

A lease (lease_until) makes one hub process push a given return at a time."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select

from hub.db import Database, utcnow
from hub.medusa import return_steps
from hub.medusa.client import MedusaClient, MedusaRefused, MedusaUnavailable
from hub.medusa.config import MedusaSettings
from hub.medusa.return_tables import web_returns
from hub.medusa.worker import Worker

log = logging.getLogger(__name__)
SWEEP_S = 2.0
LEASE = timedelta(seconds=120)


def backoff_s(attempts: int) -> float:
    return float(min(2 ** attempts, 60))


class ReturnPusher:
    def __init__(self, db: Database, settings: MedusaSettings) -> None:
        self.db = db
        self.client = MedusaClient(settings)
        self.worker = Worker("kassa-medusa-returns", self._step, first_pause_s=SWEEP_S,
                             on_stop=self.client.close, join_s=30.0)
        self.start, self.stop, self.wake = self.worker.start, self.worker.stop, self.worker.wake

    def _step(self) -> float:
        self.run_once()  # Medusa away: each return keeps its own backoff (lease_until)
        return SWEEP_S

    def run_once(self) -> int:
        """Push every pending return that is due; how many reached `done`."""
        now = utcnow()
        with self.db.reader.connect() as conn:
            rows = conn.execute(select(web_returns).where(
                web_returns.c.status == "pending",
                or_(web_returns.c.lease_until.is_(None), web_returns.c.lease_until < now))
                .order_by(web_returns.c.created_at).limit(100)).all()
        done = 0
        for row in rows:
            if self.worker.stopping:
                break
            if self._lease(row):
                done += self._push(row)
        return done

    def _lease(self, row: Any) -> bool:
        now = utcnow()
        with self.db.writer.begin() as conn:
            taken = conn.execute(web_returns.update().where(
                web_returns.c.return_id == row.return_id, web_returns.c.status == "pending",
                or_(web_returns.c.lease_until.is_(None), web_returns.c.lease_until < now))
                .values(lease_until=now + LEASE)).rowcount
        return taken == 1

    def _save(self, return_id: str, **values: Any) -> None:
        with self.db.writer.begin() as conn:
            conn.execute(web_returns.update().where(web_returns.c.return_id == return_id)
                         .values(**values))

    def _push(self, row: Any) -> int:
        return_id = str(row.return_id)

        def save(step: str, medusa_id: str | None) -> None:
            self._save(return_id, step=step, medusa_return_id=medusa_id)

        try:
            location = self.client.topology().locations.get(str(row.store_id))
            if location is None:
                raise MedusaRefused(404, f"store {row.store_id} has no stock location in Medusa")
            return_steps.push(self.db, self.client, row, location, save)
        except MedusaUnavailable as error:
            attempts = int(row.attempts) + 1
            log.warning("web return %s: Medusa unavailable (attempt %d): %s", return_id,
                        attempts, error)
            self._save(return_id, attempts=attempts, last_error=str(error)[:1000],
                       lease_until=utcnow() + timedelta(seconds=backoff_s(attempts)))
            return 0
        except MedusaRefused as error:
            log.error("web return %s: Medusa refused it: %s", return_id, error)
            self._save(return_id, status="failed", attempts=int(row.attempts) + 1,
                       last_error=str(error)[:1000], lease_until=None)
            return 0
        self._save(return_id, status="done", step="done", done_at=utcnow(), lease_until=None,
                   attempts=int(row.attempts) + 1, last_error=None)
        log.info("web return %s: in Medusa (order %s)", return_id, row.order_id)
        return 1
