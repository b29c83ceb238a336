"""Reading Medusa and the hub's connector tables in the contract tests."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import httpx
from sqlalchemy import func, select

from hub.db import Database
from hub.medusa.tables import medusa_cursor, medusa_events
from hub.medusa.webhook import signature
from hub.models import feed_sequencer


def variant(medusa: httpx.Client, sku: str) -> dict[str, Any] | None:
    answer = medusa.get("/admin/product-variants", params={
        "sku": sku, "fields": "id,sku,title,barcode,ean,product_id,prices.amount,"
                              "prices.currency_code,product.status,product.title"})
    answer.raise_for_status()
    found = answer.json()["variants"]
    return found[0] if found else None


def products_with_sku(medusa: httpx.Client, sku: str) -> int:
    answer = medusa.get("/admin/product-variants", params={"sku": sku, "fields": "id"})
    answer.raise_for_status()
    return int(answer.json()["count"])


def level(medusa: httpx.Client, sku: str, location_id: str) -> dict[str, Any] | None:
    answer = medusa.get("/admin/inventory-items", params={
        "sku": sku, "fields": "id,sku,*location_levels"})
    answer.raise_for_status()
    for item in answer.json()["inventory_items"]:
        for found in item.get("location_levels") or ():
            if found["location_id"] == location_id:
                return dict(found) | {"inventory_item_id": item["id"]}
    return None


def stocked(medusa: httpx.Client, sku: str, location_id: str) -> float | None:
    found = level(medusa, sku, location_id)
    return None if found is None else float(found["stocked_quantity"])


def pushed_up_to_head(db: Database) -> bool:
    with db.reader.connect() as conn:
        head = conn.execute(select(feed_sequencer.c.position)).scalar_one()
        cursor = conn.execute(select(medusa_cursor.c.position)
                              .where(medusa_cursor.c.id == 1)).scalar()
    return cursor is not None and cursor >= head


def events(db: Database, name: str | None = None, last: int = 1000) -> list[dict[str, Any]]:
    """The newest `last` events the hub took (of that name), newest first."""
    query = select(medusa_events).order_by(medusa_events.c.received_at.desc()).limit(last)
    if name is not None:
        query = query.where(medusa_events.c.name == name)
    with db.reader.connect() as conn:
        return [dict(row._mapping) | {"body": json.loads(row.payload)}
                for row in conn.execute(query)]


def count_events(db: Database) -> int:
    with db.reader.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(medusa_events)).scalar_one())


def signed_post(url: str, secret: str, event: dict[str, Any], *,
                timestamp_ms: int | None = None, tamper: bytes | None = None
                ) -> httpx.Response:
    """Post `event` as the forwarder does (signed with `secret`); `tamper` replaces the body
    after signing."""
    body = json.dumps(event).encode()
    stamp = str(timestamp_ms if timestamp_ms is not None else int(time.time() * 1000))
    headers = {"content-type": "application/json", "x-kassa-timestamp": stamp,
               "x-kassa-event-id": str(event.get("id")),
               "x-kassa-signature": signature(secret, stamp, body)}
    return httpx.post(url, content=tamper if tamper is not None else body, headers=headers,
                      timeout=10)


def new_event_id() -> str:
    return os.urandom(16).hex()
