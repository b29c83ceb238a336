"""A store sale returned in another store: the till that takes it back does not have the sale,
so it asks the hub, which has every till's uploads (the inbox) and, through sale_returns, every
return of that sale that has reached it. The till prices the return from the original and
refuses more than is left, counting these returns and its own not yet uploaded.

A receipt barcode names the register and the number, not the store: the hub finds the sale
among its stores (one indexed probe per store: ix_inbox_receipt leads with the store)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Connection, select

from hub.auth import Terminal, terminal
from hub.errors import HubError
from hub.medusa.return_tables import sale_returns
from hub.models import applied_sales, inbox
from hub.models import stores as stores_table
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody, Ident, SaleCommitted
from sync.web_protocol import ReturnableSaleV1

router = APIRouter(tags=["returns anywhere"])
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorBody} for c in (401, 403, 404, 409, 422)}


def _sale(conn: Connection, query: object) -> SaleCommitted | None:
    payload = conn.execute(query).scalar()  # type: ignore[call-overload]
    return None if payload is None else SaleCommitted.model_validate(json.loads(payload))


@router.get("/v1/sales/returnable", responses=ERRORS)
def returnable_sale(register: Ident | None = None,
                    transaction_no: int | None = Query(default=None, ge=0, le=2**62),
                    store: Ident | None = None, sale_id: uuid.UUID | None = None,
                    _term: Terminal = Depends(terminal),
                    hub: Hub = Depends(get_hub)) -> ReturnableSaleV1:
    applied = select(inbox.c.payload).where(inbox.c.status == "applied")
    with hub.db.reader.connect() as conn:
        if sale_id is not None:
            found = [_sale(conn, applied.join(
                applied_sales, applied_sales.c.inbox_id == inbox.c.id).where(
                applied_sales.c.sale_id == str(sale_id)))]
        elif register and transaction_no is not None:
            stores = [store] if store else list(conn.execute(
                select(stores_table.c.store_id)).scalars())
            found = [_sale(conn, applied.where(
                inbox.c.store_id == s, inbox.c.register_id == register,
                inbox.c.transaction_no == transaction_no).order_by(inbox.c.id.desc()).limit(1))
                for s in stores]
        else:
            raise HubError(422, "invalid", "give sale_id, or register and transaction_no")
        sales = [s for s in found if s is not None and not s.training]
        if not sales:
            raise HubError(404, "not_found", "no such sale on the hub")
        if len(sales) > 1:
            raise HubError(409, "ambiguous", "that register and number exist in "
                           f"{len(sales)} stores: name the store")
        sale = sales[0]
        if sale.kind != "sale":
            raise HubError(409, "not_returnable", f"transaction {sale.transaction_no} is a "
                           f"{sale.kind}, not a sale")
        returns = [SaleCommitted.model_validate(json.loads(p)) for p in conn.execute(
            select(inbox.c.payload).join(sale_returns, sale_returns.c.inbox_id == inbox.c.id)
            .where(sale_returns.c.original_sale_id == str(sale.sale_id))
            .order_by(inbox.c.id)).scalars()]
        name = conn.execute(select(stores_table.c.name).where(
            stores_table.c.store_id == sale.store_id)).scalar() or ""
    return ReturnableSaleV1(sale=sale, store_name=name, returns=tuple(returns))
