"""Price lists in the hub (issue 9, "same price everywhere"): member and campaign prices,
defined once here, imported whole (`POST /v1/admin/price-lists`, JSON) and staged as
`price_list` frames on the `chain` topic in the import's transaction, so every till prices a
line by the same lists (pos.core.pricing) and the Medusa pusher follows the same frames.

A list is sent whole (absolute, like a product): a repeated import of the same list writes
nothing; `active: false` withdraws it everywhere. The import is all or nothing.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator, Sequence
from datetime import UTC

from fastapi import APIRouter, Depends, Request
from pydantic import ValidationError
from sqlalchemy import Connection, delete, insert, select, update

from hub import feed
from hub.auth import admin
from hub.db import aware, utcnow
from hub.errors import HubError
from hub.price_tables import price_list_prices, price_lists
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody, ImportResult, ListedPrice, PriceListChange

router = APIRouter(tags=["admin"], dependencies=[Depends(admin)])
ERRORS = {c: {"model": ErrorBody} for c in (401, 413, 422)}
BODY = {"content": {"application/json": {"schema": {
    "type": "array", "maxItems": 1000, "items": PriceListChange.model_json_schema()}}},
    "required": True}


def problems(change: PriceListChange) -> list[str]:
    """What makes a list meaningless under the rule (pos.core.pricing)."""
    found = []
    if change.kind == "member" and (change.starts_at or change.ends_at):
        found.append("a member list has no dates (make a campaign instead)")
    if change.kind == "campaign" and change.tier is not None:
        found.append("a campaign is for everyone: no tier")
    if change.starts_at and change.ends_at and change.ends_at <= change.starts_at:
        found.append("ends_at must be after starts_at")
    if any(d is not None and not 1970 <= d.year <= 2999
           for d in (change.starts_at, change.ends_at)):
        found.append("dates must be between 1970 and 2999")
    if len({p.sku for p in change.prices}) != len(change.prices):
        found.append("a sku is listed twice")
    return found


def parse(body: bytes) -> tuple[list[PriceListChange], list[str]]:
    try:
        items = json.loads(body)
    except ValueError as error:
        return [], [f"not JSON: {error}"]
    if isinstance(items, dict) and isinstance(items.get("price_lists"), list):
        items = items["price_lists"]
    if not isinstance(items, list):
        return [], ['expected a JSON list of price lists (or {"price_lists": [...]})']
    lists, errors = [], []
    for index, item in enumerate(items):
        try:
            change = PriceListChange.model_validate(item)
        except ValidationError as error:
            first = error.errors()[0]
            loc = ".".join(str(p) for p in first.get("loc", ()))
            errors.append(f"item {index}: {loc}: {first.get('msg', '')}")
            continue
        errors += [f"item {index} ({change.list_id}): {p}" for p in problems(change)]
        lists.append(change)
    return lists, errors


def list_changes(conn: Connection, list_ids: Sequence[str] | None = None
                 ) -> Iterator[PriceListChange]:
    """The hub's lists as the feed carries them, prices in sku order."""
    query = select(price_lists).order_by(price_lists.c.list_id)
    prices = select(price_list_prices).order_by(price_list_prices.c.list_id,
                                                price_list_prices.c.sku)
    if list_ids is not None:
        query = query.where(price_lists.c.list_id.in_(list_ids))
        prices = prices.where(price_list_prices.c.list_id.in_(list_ids))
    by_list: dict[str, list[ListedPrice]] = {}
    for row in conn.execute(prices):
        by_list.setdefault(row.list_id, []).append(
            ListedPrice(sku=row.sku, price_minor=row.price_minor))
    for row in conn.execute(query):
        yield PriceListChange(
            list_id=row.list_id, title=row.title, kind=row.kind, tier=row.tier,
            starts_at=aware(row.starts_at) if row.starts_at else None,
            ends_at=aware(row.ends_at) if row.ends_at else None, active=row.active,
            prices=tuple(by_list.get(row.list_id, ())))


def _normal(change: PriceListChange) -> PriceListChange:
    """Times in UTC, prices in sku order: as list_changes reads them back."""
    return change.model_copy(update={
        "prices": tuple(sorted(change.prices, key=lambda p: p.sku)),
        "starts_at": change.starts_at and change.starts_at.astimezone(UTC),
        "ends_at": change.ends_at and change.ends_at.astimezone(UTC)})


def import_lists(conn: Connection, lists: Sequence[PriceListChange],
                 pending: feed.Pending) -> ImportResult:
    wanted = {c.list_id: _normal(c) for c in lists}  # the last one of a list id wins
    before = {c.list_id: c for c in list_changes(conn, list(wanted))}
    changes = [c for c in wanted.values() if before.get(c.list_id) != c]
    now = utcnow()
    for change in changes:
        values = change.model_dump(exclude={"prices", "list_id"}) | {"updated_at": now}
        if change.list_id in before:
            conn.execute(update(price_lists).where(price_lists.c.list_id == change.list_id)
                         .values(**values))
            conn.execute(delete(price_list_prices)
                         .where(price_list_prices.c.list_id == change.list_id))
        else:
            conn.execute(insert(price_lists).values(list_id=change.list_id, **values))
        if change.prices:
            conn.execute(insert(price_list_prices), [
                {"list_id": change.list_id, "sku": p.sku, "price_minor": p.price_minor}
                for p in change.prices])
        feed.stage(pending, "chain", "price_list", change)
    created = sum(1 for c in changes if c.list_id not in before)
    return ImportResult(created=created, updated=len(changes) - created,
                        unchanged=len(wanted) - len(changes))


def post(hub: Hub, body: bytes) -> ImportResult:
    lists, errors = parse(body)
    if errors:  # all or nothing, like the catalog
        raise HubError(422, "invalid", "; ".join(errors[:20]))
    pending: feed.Pending = []
    with hub.db.writer.begin() as conn:
        result = import_lists(conn, lists, pending)
        feed.append(conn, pending)
    hub.committed()
    return result


@router.post("/v1/admin/price-lists", openapi_extra={"requestBody": BODY}, responses=ERRORS)
async def post_price_lists(request: Request, hub: Hub = Depends(get_hub)) -> ImportResult:
    return await asyncio.to_thread(post, hub, await request.body())


@router.get("/v1/admin/price-lists", responses=ERRORS)
def get_price_lists(hub: Hub = Depends(get_hub)) -> list[PriceListChange]:
    with hub.db.reader.connect() as conn:
        return list(list_changes(conn))
