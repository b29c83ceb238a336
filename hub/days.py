"""A register's end of day on the hub: `day.closed` events stored in `store_days`, and read back.

The till's end of day (pos.app.end_of_day) queues one `day.closed` per register and business
date with its Z summed (sync.protocol.DayClosed). The upload applies it in the batch's
transaction (hub.apply_sale routes the type here): validated, then stored once per register
and date. The same day again (a till that re-enrolled resends its outbox under a new epoch)
is a no-op; a different Z for a day already closed is rejected with the reason, and the first
one stays: a Z is never replaced.

GET /v1/stores/{store}/days?from=&to= lists them: the admin token sees every store, a till's
credential its own store only (403 for another).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from fastapi import APIRouter, Depends, Path, Query
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
)

from hub.auth import admin, bearer, terminal
from hub.db import aware
from hub.errors import HubError
from hub.models import ID, NOW, metadata
from hub.state import Hub, get_hub
from sync.protocol import DAY_CLOSED, DayClosed, DayTenderV1, DayTotalsV1, ErrorBody, Ident

TYPE = DAY_CLOSED
MAX_DAYS = 366  # one read covers at most a year

store_days = Table(
    "store_days", metadata,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
           autoincrement=True),
    Column("store_id", ID, nullable=False),
    Column("register_id", ID, nullable=False),
    Column("business_date", Date, nullable=False),
    Column("z_no", Integer, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("closed_at", NOW, nullable=False),
    Column("first_transaction_no", BigInteger, nullable=True),
    Column("last_transaction_no", BigInteger, nullable=True),
    Column("tenders", Text, nullable=False),  # JSON list of DayTenderV1
    Column("totals", Text, nullable=False),  # JSON of DayTotalsV1
    Column("epoch", Integer, nullable=False),  # the upload that brought it
    Column("seq", BigInteger, nullable=False),
    Column("received_at", NOW, nullable=False),
    UniqueConstraint("store_id", "register_id", "business_date", name="uq_store_days_day"),
)


class _Event(Protocol):
    """What this module needs of hub.apply_sale.Item (not imported: that module imports us)."""

    event: Any
    reason: str | None


def apply_days(conn: Connection, store_id: str, register_id: str, epoch: int,
               items: Sequence[_Event], now: datetime) -> None:
    """Store each `day.closed` of the batch, or set its rejection reason (before the inbox row
    is written, so the inbox records the same outcome)."""
    for item in items:
        if item.event.type != TYPE:
            continue
        try:
            day = DayClosed.model_validate(item.event.payload)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            item.reason = f"invalid_payload: {where}: {first.get('msg', '')}"[:500]
            continue
        item.reason = _store(conn, store_id, register_id, epoch, item.event.seq, day, now)


def _store(conn: Connection, store_id: str, register_id: str, epoch: int, seq: int,
           day: DayClosed, now: datetime) -> str | None:
    if (day.store_id, day.register_id) != (store_id, register_id):
        return f"wrong_terminal: the day names {day.store_id}/{day.register_id}"
    row = _row(day)
    have = conn.execute(select(store_days).where(
        store_days.c.store_id == store_id, store_days.c.register_id == register_id,
        store_days.c.business_date == day.business_date)).first()
    if have is not None:
        kept = {k: getattr(have, k) for k in row}
        kept["closed_at"] = aware(kept["closed_at"])
        if kept == row:
            return None  # the same day again: stored once, nothing to do
        return (f"conflicting_day: register {register_id} already closed {day.business_date} "
                f"with Z {have.z_no} (received {aware(have.received_at).isoformat()}); "
                f"this Z {day.z_no} is not stored")
    conn.execute(insert(store_days).values(**row, store_id=store_id, register_id=register_id,
                                           epoch=epoch, seq=seq, received_at=now))
    return None


def _row(day: DayClosed) -> dict[str, Any]:
    return {"business_date": day.business_date, "z_no": day.z_no, "currency": day.currency,
            "closed_at": day.closed_at, "first_transaction_no": day.first_transaction_no,
            "last_transaction_no": day.last_transaction_no,
            "tenders": json.dumps([t.model_dump() for t in day.tenders], sort_keys=True),
            "totals": day.totals.model_dump_json()}


# -- reading ---------------------------------------------------------------------------------


class StoreDay(BaseModel):
    """One register's closed day as the hub stored it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    store_id: str
    register_id: str
    business_date: date
    z_no: int
    currency: str
    closed_at: datetime
    first_transaction_no: int | None
    last_transaction_no: int | None
    tenders: tuple[DayTenderV1, ...]
    totals: DayTotalsV1
    received_at: datetime


class StoreDays(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    store_id: str
    days: tuple[StoreDay, ...]


router = APIRouter(tags=["days"])
ERRORS: dict[int | str, dict[str, Any]] = {c: {"model": ErrorBody} for c in (401, 403, 422)}


def caller_store(auth: HTTPAuthorizationCredentials | None = Depends(bearer),
                 hub: Hub = Depends(get_hub)) -> str | None:
    """None for the admin token (every store); a till's store for its credential."""
    try:
        admin(auth, hub)
        return None
    except HubError:
        return terminal(None, auth, hub).store_id  # type: ignore[arg-type]


@router.get("/v1/stores/{store_id}/days", responses=ERRORS)
def get_days(store_id: Ident = Path(),
             date_from: date = Query(alias="from"), date_to: date = Query(alias="to"),
             own_store: str | None = Depends(caller_store),
             hub: Hub = Depends(get_hub)) -> StoreDays:
    """The closed days of a store from `from` to `to` (business dates, inclusive), by date and
    register."""
    if own_store is not None and own_store != store_id:
        raise HubError(403, "forbidden", f"this till belongs to store {own_store}")
    if date_to < date_from:
        raise HubError(422, "invalid", "`to` is before `from`")
    if (date_to - date_from).days >= MAX_DAYS:
        raise HubError(422, "invalid", f"at most {MAX_DAYS} days at a time")
    with hub.db.reader.connect() as conn:
        rows = conn.execute(select(store_days).where(
            store_days.c.store_id == store_id,
            store_days.c.business_date.between(date_from, date_to),
        ).order_by(store_days.c.business_date, store_days.c.register_id)).all()
    return StoreDays(store_id=store_id, days=tuple(
        StoreDay(store_id=r.store_id, register_id=r.register_id, business_date=r.business_date,
                 z_no=r.z_no, currency=r.currency, closed_at=aware(r.closed_at),
                 first_transaction_no=r.first_transaction_no,
                 last_transaction_no=r.last_transaction_no,
                 tenders=tuple(DayTenderV1(**t) for t in json.loads(r.tenders)),
                 totals=DayTotalsV1.model_validate_json(r.totals),
                 received_at=aware(r.received_at))
        for r in rows))
