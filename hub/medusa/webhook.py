"""POST /v1/medusa/events: Medusa's events, as sent by our forwarding subscriber
(medusa/src/subscribers/kassa-hub-forwarder.ts).

Checked before anything is stored: the signature (x-kassa-signature = "v1=" + hex HMAC-SHA256 of
"<x-kassa-timestamp>.<body>" with the shared secret, compared in constant time), then the
timestamp (milliseconds, within `max_skew_s` of our clock: an old capture replayed is refused),
then the event id (a replay within that window, or the subscriber's retry after a lost answer,
is 409 `duplicate`, which the subscriber takes as delivered). The answer is 202 as soon as the
event is stored; the re-read from Medusa happens after the answer (hub.medusa.inbound), so the
subscriber is never held up by the hub calling Medusa back.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from sqlalchemy.engine import Connection

from hub.db import Database, utcnow
from hub.errors import HubError
from hub.ledger import upsert
from hub.medusa.tables import medusa_events
from sync.protocol import ErrorBody

log = logging.getLogger(__name__)
REFUSALS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 409, 413, 422)}


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


def verify(secret: str, headers: Any, body: bytes, max_skew_s: float,
           now_ms: int | None = None) -> int:
    """The event's timestamp (ms), or HubError 401 saying what was wrong."""
    timestamp = headers.get("x-kassa-timestamp", "")
    given = headers.get("x-kassa-signature", "")
    if not hmac.compare_digest(given.encode(), signature(secret, timestamp, body).encode()):
        raise HubError(401, "bad_signature", "the signature does not match the body")
    try:
        sent = int(timestamp)
    except ValueError:
        raise HubError(401, "bad_timestamp", "x-kassa-timestamp: milliseconds") from None
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    if abs(now_ms - sent) > max_skew_s * 1000:
        raise HubError(401, "stale", f"sent {(now_ms - sent) / 1000:.0f} s from now: "
                                     "too old or too far ahead (a replay?)")
    return sent


def parse(body: bytes) -> dict[str, Any]:
    try:
        event = json.loads(body)
    except ValueError:
        raise HubError(422, "invalid", "not JSON") from None
    if not (isinstance(event, dict) and isinstance(event.get("id"), str)
            and 8 <= len(event["id"]) <= 64 and isinstance(event.get("event"), str)
            and isinstance(event.get("data"), dict)):
        raise HubError(422, "invalid", "expected {id (8-64 chars), event, data}")
    return event


def store(conn: Connection, event: dict[str, Any], body: bytes, sent_ms: int) -> bool:
    """Keep the event unless we already have its id; True when it is new."""
    stmt = upsert(conn, medusa_events).values(
        event_id=event["id"], name=event["event"][:100], status="received",
        payload=body.decode(), sent_at_ms=sent_ms, received_at=utcnow())
    # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT here.
    stmt = stmt.on_conflict_do_nothing().returning(medusa_events.c.event_id)
    return conn.execute(stmt).first() is not None


router = APIRouter(tags=["medusa"])


@router.post("/v1/medusa/events", status_code=202, responses=REFUSALS)
async def receive(request: Request, background: BackgroundTasks) -> dict[str, str]:
    connector = request.app.state.medusa
    body = await request.body()
    try:
        sent = verify(connector.settings.webhook_secret, request.headers, body,
                      connector.settings.max_skew_s)
        event = parse(body)
    except HubError as error:
        log.warning("Medusa webhook refused (%s): %s from %s", error.error, error.detail,
                    request.client.host if request.client else "?")
        raise
    db: Database = connector.db

    def keep() -> bool:
        with db.writer.begin() as conn:
            return store(conn, event, body, sent)

    if not await asyncio.to_thread(keep):
        log.info("Medusa webhook %s (%s): a duplicate, refused", event["id"], event["event"])
        raise HubError(409, "duplicate", f"event {event['id']} was already received")
    background.add_task(connector.process, event["id"])
    return {"status": "accepted", "id": event["id"]}
