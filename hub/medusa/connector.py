"""The Medusa connector in a running hub: `install(app, hub)` (one line in hub/app.py) adds the
webhook receiver and, for the application's lifetime, the pusher thread. Nothing happens unless
the hub is configured for Medusa (HubConfig.medusa, from KASSA_MEDUSA_*)."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI
from sqlalchemy import select

from hub.db import Database, aware, utcnow
from hub.medusa import inbound, pickup_routes, webhook
from hub.medusa.client import MedusaClient, MedusaUnavailable
from hub.medusa.config import MedusaSettings
from hub.medusa.handover import HandoverPusher
from hub.medusa.pusher import Pusher
from hub.medusa.reconcile import Reconciler
from hub.medusa.tables import medusa_events

if TYPE_CHECKING:
    from hub.state import Hub

log = logging.getLogger(__name__)
SWEEP_S = 5.0  # how often events left `received` (Medusa was away) are tried again


class Connector:
    def __init__(self, db: Database, settings: MedusaSettings,
                 committed: Callable[[], None] = lambda: None) -> None:
        # committed: wakes the hub's feed broadcaster after a connector write committed feed
        # rows (a web stock move, a pickup order), as an upload does: the tills get it at once.
        self.db, self.settings, self.committed = db, settings, committed
        self.pusher = Pusher(db, settings)
        self.reader = MedusaClient(settings)  # re-reads for incoming events
        self._stop = threading.Event()
        self._sweeper = threading.Thread(target=self._sweep_forever, daemon=True,
                                         name="kassa-medusa-sweep")
        self.reconciler = Reconciler(db, MedusaClient(settings))  # its own client: own thread
        self._poller = threading.Thread(target=self._reconcile_forever, daemon=True,
                                        name="kassa-medusa-reconcile")
        self.handover = HandoverPusher(db, MedusaClient(settings), committed)  # click & collect

    def start(self) -> None:
        self.pusher.start()
        self._sweeper.start()
        self.handover.start()
        if self.settings.reconcile_s > 0:
            self._poller.start()

    def stop(self) -> None:
        self._stop.set()
        self.pusher.stop()
        self._sweeper.join(timeout=10)
        self.handover.stop()
        if self._poller.is_alive():
            self._poller.join(timeout=30)
        self.reader.close()
        self.reconciler.client.close()

    def process(self, event_id: str) -> None:
        """After the webhook's answer: re-read and apply (a failure leaves it for the sweep)."""
        try:
            inbound.process(self.db, self.reader, event_id)
            self.committed()  # cheap when it wrote no feed rows: one read of nothing new
            self.handover.wake()  # a new pickup order's reservation is checked there
        except MedusaUnavailable as error:
            log.warning("Medusa event %s: re-read failed, trying again later: %s",
                        event_id, error)
        except Exception:
            log.exception("Medusa event %s: processing failed; it stays received", event_id)

    def _sweep_forever(self) -> None:
        while not self._stop.wait(SWEEP_S):
            cutoff = utcnow().timestamp() - SWEEP_S
            with self.db.reader.connect() as conn:
                rows = conn.execute(select(medusa_events.c.event_id, medusa_events.c.received_at)
                                    .where(medusa_events.c.status == "received")
                                    .order_by(medusa_events.c.received_at).limit(500)).all()
            for event_id, received_at in rows:
                if aware(received_at).timestamp() < cutoff and not self._stop.is_set():
                    self.process(event_id)

    def _reconcile_forever(self) -> None:
        while not self._stop.wait(self.settings.reconcile_s):
            try:
                self.reconciler.run_once()
                self.committed()
            except MedusaUnavailable as error:
                log.warning("reconciliation poll: Medusa unavailable, next time: %s", error)
            except Exception:  # a bug must not end the thread
                log.exception("reconciliation poll failed; trying again next period")


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    connector: Connector = app.state.medusa
    connector.start()
    started = time.monotonic()
    try:
        yield
    finally:
        connector.stop()
        log.info("Medusa connector stopped after %.0f s", time.monotonic() - started)


def install(app: FastAPI, hub: Hub) -> None:
    """Add the receiver and the pusher to `app` when the hub is configured for Medusa."""
    settings = hub.config.medusa
    if settings is None:
        return
    app.state.medusa = Connector(hub.db, settings, hub.committed)
    router = APIRouter(lifespan=_lifespan)  # the pusher runs while the application does
    router.include_router(webhook.router)
    router.include_router(pickup_routes.router)
    app.include_router(router)
