"""Prometheus metrics at GET /metrics (prometheus_client), for the chain's monitoring.

Three kinds:
- counted as they happen, in this process: events applied/rejected/duplicate (`ingested`, called
  by the upload), the upload's latency (`IngestTimer`, an ASGI middleware), commit-to-fan-out
  latency of stock and loyalty changes (`broadcast`, called by the broadcaster), heartbeats;
- sampled from this process every few seconds: connected feed clients, the broadcaster's
  position, the deepest client queue (the hub does not know a client's own cursor; the frames
  still queued for the slowest client stand for how far behind it is);
- read from the database at scrape time (hub.fleet_metrics; the same in every process): the
  feed's head, each till's outbox backlog, last heartbeat and clock skew as the till reported
  them, enrolments.

With several worker processes (`kassa hub serve --workers N`) set PROMETHEUS_MULTIPROC_DIR to
an empty directory (the CLI does it): counters and histograms are then summed over the
workers, and feed lag across processes is `head - broadcast_position` (the gauge keeps the
lowest worker's).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from hub.state import Hub
    from sync.protocol import EventResult, FeedChange

LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
EVENTS = Counter("kassa_hub_events", "Till events received, by outcome", ["status"])
INGEST_SECONDS = Histogram("kassa_hub_ingest_batch_seconds",
                           "One upload request (a batch of up to 100 events), end to end",
                           ["outcome"], buckets=LATENCY)
BROADCAST_SECONDS = Histogram("kassa_hub_feed_broadcast_seconds",
                              "A stock or loyalty change: its commit to its fan-out here",
                              buckets=LATENCY)
HEARTBEATS = Counter("kassa_hub_heartbeats", "Heartbeats received from tills")
CLIENTS = Gauge("kassa_hub_feed_clients", "Tills and channels connected to the feed (SSE and "
                "long poll)", multiprocess_mode="livesum")
POSITION = Gauge("kassa_hub_feed_broadcast_position", "The last feed position fanned out",
                 multiprocess_mode="livemin")
QUEUED = Gauge("kassa_hub_feed_slowest_client_queued_frames",
               "Frames waiting for the slowest connected client", multiprocess_mode="livemax")
UPLOAD_PATH = ("/v1/stores/", "/events")


def ingested(results: Iterable[EventResult]) -> None:
    """Called once per upload with the per-event results (applied, duplicate, rejected)."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    for status, n in counts.items():
        EVENTS.labels(status).inc(n)


def broadcast(changes: Iterable[FeedChange]) -> None:
    """Called by the broadcaster after fanning changes out; `as_of` is their commit time."""
    now = time.time()
    for change in changes:
        as_of = (change.data or {}).get("as_of")
        if isinstance(as_of, str):
            try:
                BROADCAST_SECONDS.observe(max(0.0, now - datetime.fromisoformat(as_of).timestamp()))
            except ValueError:
                continue


def sample(hub: Hub) -> None:
    """This process's fan-out state into the gauges (cheap: no I/O)."""
    broadcaster = hub.broadcaster
    CLIENTS.set(broadcaster.clients)
    POSITION.set(broadcaster.last)
    # Read-only look at the broadcaster's subscriptions (hub.broadcaster keeps them by topic).
    subs = {s for group in getattr(broadcaster, "_by_topic", {}).values() for s in group}
    QUEUED.set(max((s.queue.qsize() for s in subs), default=0))


async def sample_forever(hub: Hub, every_s: float = 5.0) -> None:
    while True:
        sample(hub)
        await asyncio.sleep(every_s)


class IngestTimer:
    """Times every upload request (validation, the transaction, the answer)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if (scope["type"] != "http" or scope.get("method") != "POST"
                or not (path.startswith(UPLOAD_PATH[0]) and path.endswith(UPLOAD_PATH[1]))):
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            outcome = "ok" if status < 400 else "refused" if status < 500 else "error"
            INGEST_SECONDS.labels(outcome).observe(time.perf_counter() - started)


def exposition(fleet_registry: CollectorRegistry) -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        process = CollectorRegistry()
        multiprocess.MultiProcessCollector(process)
    else:
        process = REGISTRY
    return generate_latest(process) + generate_latest(fleet_registry)


def install(app: Any, hub: Hub) -> None:
    from hub.fleet_metrics import FleetCollector

    """GET /metrics (no credential: serve it on an internal port or filter it at the proxy)
    and the upload timer."""
    fleet_registry = CollectorRegistry(auto_describe=False)
    fleet_registry.register(FleetCollector(hub))  # hub.fleet_metrics

    @app.get("/metrics", include_in_schema=False)
    async def metrics(_request: Request) -> Response:
        sample(hub)  # on the event loop, where the broadcaster's queues live
        body = await asyncio.to_thread(exposition, fleet_registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    app.add_middleware(IngestTimer)
