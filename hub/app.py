"""The hub's ASGI application.

FastAPI (on Starlette, served by uvicorn): the request and response bodies are the pydantic
models of sync.protocol, so validation, the OpenAPI document and the wire contract are one
thing, and schemathesis can test the API against that document. Blocking database work runs
in the thread pool (plain `def` endpoints); the feed is async and fanned out per process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI

from hub import (
    admin,
    customer_overview,
    days,
    enrol,
    errors,
    feed,
    feed_routes,
    fleet,
    heartbeat,
    lookups,
    loyalty,
    metrics,
    price_lists,
    snapshot,
    tiers,
    upload,
)
from hub import health as probes
from hub.broadcaster import Broadcaster
from hub.config import HubConfig
from hub.db import migrate, open_database, utcnow
from hub.medusa import anywhere as medusa_anywhere
from hub.medusa import connector as medusa_connector
from hub.state import Hub
from sync.protocol import ErrorBody

log = logging.getLogger(__name__)


def create_app(config: HubConfig, *, run_migrations: bool = True) -> FastAPI:
    db = open_database(config.db_url)
    if run_migrations:
        migrate(db)
    hub = Hub(config=config, db=db, broadcaster=Broadcaster(db, config))

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await hub.broadcaster.start()
        pruner = asyncio.create_task(_prune_forever(hub))
        sampler = asyncio.create_task(metrics.sample_forever(hub))  # /metrics gauges
        try:
            yield
        finally:
            pruner.cancel()
            sampler.cancel()
            await hub.broadcaster.stop()
            db.dispose()

    app = FastAPI(title="Kassa hub", version="1", lifespan=lifespan,
                  description="The central commerce hub: see sync/README.md.")
    app.state.hub = hub
    errors.install(app)
    # Every refusal is an ErrorBody (hub.errors), 422 included: say so in the document.
    refusals: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorBody} for code in (401, 413, 422, 503)}
    for module in (enrol, upload, feed_routes, snapshot, lookups, loyalty, admin, days,
                   price_lists):  # price_lists: member and campaign prices (issue 9)
        app.include_router(module.router, responses=refusals)
    medusa_connector.install(app, hub)  # the web shop (issue 9), when KASSA_MEDUSA_* are set
    medusa_anywhere.install(app, hub, refusals)  # returns anywhere, stock everywhere
    for router in (customer_overview.router, customer_overview.admin_router):  # one customer
        app.include_router(router, responses=refusals)
    # Production (issue 8): heartbeat, /healthz, /readyz, /metrics, the fleet page for IT.
    app.include_router(heartbeat.router, responses=refusals)
    app.include_router(probes.router)
    app.include_router(fleet.router)
    metrics.install(app, hub)

    @app.get("/v1/health", tags=["health"])
    def health() -> dict[str, int | str]:
        with db.reader.connect() as conn:
            _pruned, head = feed.bounds(conn)
        return {"status": "ok", "position": head, "clients": hub.broadcaster.clients}

    app.add_middleware(errors.BodyLimit, limit=config.max_body,
                       admin_limit=config.max_admin_body)
    return app


async def _prune_forever(hub: Hub) -> None:
    """Once an hour: drop feed rows older than the configured days (retention), and check the
    tiers of silver and gold customers again (hub.tiers: last year's purchases age out)."""
    while True:
        await asyncio.sleep(3600)
        try:
            def prune() -> None:
                with hub.db.writer.begin() as conn:
                    feed.prune(conn, older_than_days=hub.config.retention_days)

            await asyncio.to_thread(prune)
        except Exception:
            log.exception("feed retention failed; trying again in an hour")
        try:
            await asyncio.to_thread(recheck_tiers, hub)
        except Exception:
            log.exception("the tiers' hourly check failed; trying again in an hour")


def recheck_tiers(hub: Hub) -> dict[str, str]:
    """The tiers' pass (hub.tiers.recheck), its frames fanned out; what changed."""
    pending: feed.Pending = []
    with hub.db.writer.begin() as conn:
        changed = tiers.recheck(conn, hub.config.tiers, utcnow(), pending)
        feed.append(conn, pending)
    if changed:
        hub.committed()
    return changed
