"""Admin calls: catalog import (CSV or JSON), stock counts, feed pruning."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Query, Request
from sqlalchemy import Connection

from hub import feed, ledger
from hub.auth import admin
from hub.catalog import import_rows, parse_csv, parse_json
from hub.db import utcnow
from hub.enrol import ensure_store
from hub.errors import HubError
from hub.state import Hub, get_hub
from sync.protocol import CatalogRow, ErrorBody, ImportResult, StockSetResult, StockSetting

router = APIRouter(tags=["admin"], dependencies=[Depends(admin)])
ERRORS = {c: {"model": ErrorBody} for c in (401, 413, 415, 422)}
CATALOG_BODY = {
    "content": {
        "application/json": {"schema": {"type": "array", "maxItems": 100000,
                                        "items": CatalogRow.model_json_schema()}},
        "text/csv": {"schema": {"type": "string"}},
    },
    "required": True,
}


def import_catalog(hub: Hub, body: bytes, content_type: str) -> ImportResult:
    if "json" in content_type:
        rows, errors = parse_json(body)
    elif "csv" in content_type or content_type.startswith("text/plain"):
        try:
            rows, errors = parse_csv(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, csv_error()) as error:
            raise HubError(422, "invalid", f"unreadable CSV: {error}") from None
    else:
        raise HubError(415, "unsupported_media_type", "send application/json or text/csv")
    if errors:  # all or nothing: a half-imported price list is worse than none
        raise HubError(422, "invalid", "; ".join(errors[:20]))
    pending: feed.Pending = []
    with hub.db.writer.begin() as conn:
        result = import_rows(conn, rows, hub.config.currency, pending)
        feed.append(conn, pending)
    hub.committed()
    return result


def csv_error() -> type[Exception]:
    import csv

    return csv.Error


@router.post("/v1/admin/catalog", openapi_extra={"requestBody": CATALOG_BODY},
             responses=ERRORS)
async def post_catalog(request: Request, hub: Hub = Depends(get_hub)) -> ImportResult:
    import asyncio

    body = await request.body()
    content_type = request.headers.get("content-type", "").lower()
    return await asyncio.to_thread(import_catalog, hub, body, content_type)


def set_stock(conn: Connection, settings: list[StockSetting], pending: feed.Pending) -> int:
    changed, now = 0, utcnow()
    for store_id in sorted({s.store_id for s in settings}):
        ensure_store(conn, store_id)
        wanted = {s.sku: s.on_hand_milli for s in settings if s.store_id == store_id}
        have = ledger.stock_on_hand(conn, store_id, list(wanted))
        deltas = {sku: qty - have.get(sku, 0) for sku, qty in wanted.items()}
        changed += len(ledger.move_stock(conn, store_id, deltas, reason="count", now=now,
                                         pending=pending))
    return changed


@router.post("/v1/admin/stock", responses=ERRORS)
def post_stock(settings: list[StockSetting] = Body(max_length=100_000),
               hub: Hub = Depends(get_hub)) -> StockSetResult:
    pending: feed.Pending = []
    with hub.db.writer.begin() as conn:
        changed = set_stock(conn, settings, pending)
        feed.append(conn, pending)
    hub.committed()
    return StockSetResult(changed=changed, unchanged=len(settings) - changed)


@router.post("/v1/admin/feed/prune", responses=ERRORS)
def prune_feed(through: int | None = Query(default=None, ge=0, le=2**62),
               older_than_days: float | None = Query(default=None, ge=0, le=3650),
               hub: Hub = Depends(get_hub)) -> dict[str, int]:
    """Drop feed rows (through a position, or older than some days); tills whose cursor is
    below the new floor get a reset."""
    days = hub.config.retention_days if older_than_days is None else older_than_days
    with hub.db.writer.begin() as conn:
        floor = feed.prune(conn, older_than_days=days, through=through)
    return {"pruned_through": floor}
