"""GET /v1/snapshot: the catalog, the store's stock and its customers as NDJSON, streamed from
one read transaction (REPEATABLE READ on PostgreSQL, one WAL snapshot on SQLite), so the
position in the header is exactly the feed position the records are consistent with."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse
from sqlalchemy import Connection, func, select

from hub import feed
from hub.auth import Terminal, terminal
from hub.catalog import product_changes
from hub.db import aware
from hub.models import customers, products, stock_balances
from hub.price_lists import list_changes
from hub.state import Hub, get_hub
from sync.protocol import (
    CustomerChange,
    ErrorBody,
    SnapshotEnd,
    SnapshotHeader,
    SnapshotRecord,
    StockChange,
)

router = APIRouter(tags=["snapshot"])


def _customers_query(store_id: str):
    return select(customers).where(customers.c.home_store_id == store_id) \
        .order_by(customers.c.customer_id)


def _lines(hub: Hub, store_id: str) -> Iterator[bytes]:
    with hub.db.reader.connect() as conn:
        if hub.db.is_postgres:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield from _records(conn, store_id)


def _records(conn: Connection, store_id: str) -> Iterator[bytes]:
    _pruned, position = feed.bounds(conn)
    counts = {
        "product": conn.execute(select(func.count()).select_from(products)).scalar_one(),
        "stock": conn.execute(select(func.count()).select_from(stock_balances)
                              .where(stock_balances.c.store_id == store_id)).scalar_one(),
        "customer": conn.execute(select(func.count()).select_from(
            _customers_query(store_id).subquery())).scalar_one(),
    }
    yield _line(SnapshotHeader(position=position, store_id=store_id, counts=counts))
    for change in product_changes(conn):
        yield _line(SnapshotRecord(type="product", data=change.model_dump(mode="json")))
    rows = conn.execute(
        select(stock_balances).where(stock_balances.c.store_id == store_id)
        .order_by(stock_balances.c.sku).execution_options(yield_per=2000))
    for row in rows:
        change = StockChange(sku=row.sku, store_id=store_id, on_hand_milli=row.on_hand_milli,
                             as_of=aware(row.updated_at), negative=row.on_hand_milli < 0)
        yield _line(SnapshotRecord(type="stock", data=change.model_dump(mode="json")))
    for row in conn.execute(_customers_query(store_id)):
        change = CustomerChange(customer_id=row.customer_id, name=row.name, phone=row.phone,
                                email=row.email, loyalty_card=row.loyalty_card,
                                home_store_id=row.home_store_id, tier=row.tier)
        yield _line(SnapshotRecord(type="customer", data=change.model_dump(mode="json")))
    for price_list in list_changes(conn):  # member and campaign prices (issue 9)
        if price_list.active:
            yield _line(SnapshotRecord(type="price_list",
                                       data=price_list.model_dump(mode="json")))
    yield _line(SnapshotEnd(position=position))


def _line(model: object) -> bytes:
    return model.model_dump_json().encode() + b"\n"  # type: ignore[attr-defined]


@router.get("/v1/snapshot", responses={
    200: {"content": {"application/x-ndjson": {}}}, 401: {"model": ErrorBody}})
def snapshot(term: Terminal = Depends(terminal), hub: Hub = Depends(get_hub)) -> StreamingResponse:
    return StreamingResponse(_lines(hub, term.store_id), media_type="application/x-ndjson")
