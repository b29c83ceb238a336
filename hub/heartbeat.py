"""POST /v1/terminals/heartbeat: each till says every minute how it is (version, outbox backlog,
devices, fiscal key, clock); the hub keeps the latest per till for the fleet page and /metrics.

`fleet()` reads the whole fleet in two queries: every enrolled terminal with its heartbeat (or
none yet) and whether it still holds a live credential.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Depends
from sqlalchemy import Connection, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from hub import metrics
from hub.auth import Terminal, terminal
from hub.db import aware, utcnow
from hub.models import credentials, stores, terminal_heartbeats, terminals
from hub.state import Hub, get_hub
from sync.protocol import DeviceReport, ErrorBody, Heartbeat, HeartbeatAck

router = APIRouter(tags=["fleet"])
ERRORS = {c: {"model": ErrorBody} for c in (401, 413, 422, 503)}


@router.post("/v1/terminals/heartbeat", responses=ERRORS)
def post_heartbeat(beat: Heartbeat, term: Terminal = Depends(terminal),
                   hub: Hub = Depends(get_hub)) -> HeartbeatAck:
    now = utcnow()
    skew = (beat.clock - now).total_seconds()
    with hub.db.writer.begin() as conn:
        store(conn, term, beat, now, skew)
    metrics.HEARTBEATS.inc()
    return HeartbeatAck(received_at=now, clock_skew_s=round(skew, 3))


def store(conn: Connection, term: Terminal, beat: Heartbeat, now: datetime, skew: float) -> None:
    """Replace the till's row: one upsert (both dialects have ON CONFLICT DO UPDATE)."""
    values = dict(
        store_id=term.store_id, register_id=term.register_id, epoch=term.epoch,
        kassa_version=beat.kassa_version, received_at=now,
        clock_skew_ms=max(-(2**62), min(2**62, int(skew * 1000))),
        outbox_backlog=beat.outbox_backlog, outbox_oldest_age_s=beat.outbox_oldest_age_s,
        devices=json.dumps({k: v.model_dump() for k, v in beat.devices.items()}),
        fiscal=beat.fiscal, fiscal_detail=beat.fiscal_detail)
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(terminal_heartbeats).values(**values)
    key = ("store_id", "register_id")
    conn.execute(statement.on_conflict_do_update(
        index_elements=list(key),
        set_={k: statement.excluded[k] for k in values if k not in key}))


@dataclass(frozen=True)
class Till:
    """One row of the fleet page."""

    store_id: str
    store_name: str
    register_id: str
    name: str
    enrolled_at: datetime
    active: bool  # holds a credential that is not revoked
    version: str | None = None
    last_seen: datetime | None = None
    clock_skew_s: float | None = None
    backlog: int | None = None
    oldest_age_s: int | None = None
    devices: dict[str, DeviceReport] | None = None
    fiscal: str | None = None
    fiscal_detail: str = ""


def fleet(conn: Connection) -> list[Till]:
    live = (select(credentials.c.store_id, credentials.c.register_id)
            .where(credentials.c.revoked_at.is_(None))
            .group_by(credentials.c.store_id, credentials.c.register_id).subquery())
    hb = terminal_heartbeats.c
    rows = conn.execute(
        select(terminals, stores.c.name.label("store_name"), live.c.store_id.label("live"),
               hb.kassa_version, hb.received_at, hb.clock_skew_ms, hb.outbox_backlog,
               hb.outbox_oldest_age_s, hb.devices, hb.fiscal, hb.fiscal_detail)
        .join(stores, stores.c.store_id == terminals.c.store_id)
        .outerjoin(live, and_(live.c.store_id == terminals.c.store_id,
                              live.c.register_id == terminals.c.register_id))
        .outerjoin(terminal_heartbeats, and_(hb.store_id == terminals.c.store_id,
                                             hb.register_id == terminals.c.register_id))
        .order_by(terminals.c.store_id, terminals.c.register_id)).all()
    return [_till(row) for row in rows]


def _till(row: object) -> Till:
    r = row._mapping  # type: ignore[attr-defined]
    base = dict(store_id=r["store_id"], store_name=r["store_name"],
                register_id=r["register_id"], name=r["name"],
                enrolled_at=aware(r["enrolled_at"]), active=r["live"] is not None)
    if r["received_at"] is None:
        return Till(**base)
    devices = {k: DeviceReport.model_validate(v) for k, v in json.loads(r["devices"]).items()}
    return Till(**base, version=r["kassa_version"], last_seen=aware(r["received_at"]),
                clock_skew_s=r["clock_skew_ms"] / 1000, backlog=r["outbox_backlog"],
                oldest_age_s=r["outbox_oldest_age_s"], devices=devices, fiscal=r["fiscal"],
                fiscal_detail=r["fiscal_detail"])


def revoke_terminal(conn: Connection, store_id: str, register_id: str) -> int:
    """Revoke every live credential of the till; it must enrol again (a new code) to post."""
    done = conn.execute(update(credentials).where(
        credentials.c.store_id == store_id, credentials.c.register_id == register_id,
        credentials.c.revoked_at.is_(None)).values(revoked_at=utcnow()))
    return int(done.rowcount or 0)


def backlog_total(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(
        func.sum(terminal_heartbeats.c.outbox_backlog), 0))).scalar() or 0)
