"""A web order returned in a store, as the till sees it: found by its number (Medusa's
display_id, from medusa_orders), its items checked, the return accepted at once and pushed to
Medusa afterwards (hub.medusa.return_pusher): the till never waits on Medusa.

Refused with a clear message: more of an item than was bought (less what earlier returns took
back), an order already returned in full, a cancelled order. The check and the insert happen
under the order's row lock, so two tills returning the same order at once cannot both pass."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy import Connection, select

from hub.auth import Terminal, terminal
from hub.db import utcnow
from hub.errors import HubError
from hub.medusa.return_tables import web_returns
from hub.medusa.tables import medusa_orders
from hub.models import products
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody
from sync.web_protocol import (
    WebOrderForReturn,
    WebOrderLine,
    WebReturnAccepted,
    WebReturnRequest,
)

router = APIRouter(tags=["returns anywhere"])
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorBody} for c in (401, 403, 404, 409, 422)}


def returned_so_far(conn: Connection, order_id: str) -> Counter[str]:
    """Pieces per sku that earlier web returns of this order took back: every one, a return
    Medusa refused too (the store has the goods and the till has refunded)."""
    counts: Counter[str] = Counter()
    for items in conn.execute(select(web_returns.c["items"]).where(
            web_returns.c.order_id == order_id)).scalars():
        for item in json.loads(items):
            counts[str(item["sku"])] += int(item["quantity"])
    return counts


def _order(conn: Connection, display_id: int, *, lock: bool = False) -> Any:
    query = select(medusa_orders).where(medusa_orders.c.display_id == display_id)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise HubError(404, "not_found", f"no web order #{display_id} on the hub")
    return row


def _bought(row: Any) -> dict[str, tuple[int, int]]:
    """sku -> (pieces bought, unit price in øre) of an order row."""
    out: dict[str, tuple[int, int]] = {}
    for item in json.loads(row.items):
        if item.get("sku"):
            qty, _ = out.get(item["sku"], (0, 0))
            out[item["sku"]] = (qty + int(item["quantity"] or 0), int(item["unit_price_minor"]))
    return out


def order_for_return(conn: Connection, display_id: int) -> WebOrderForReturn:
    row = _order(conn, display_id)
    bought, back = _bought(row), returned_so_far(conn, row.order_id)
    names = {sku: name for sku, name in conn.execute(select(products.c.sku, products.c.name)
                                                       .where(products.c.sku.in_(sorted(bought))))}
    return WebOrderForReturn(
        order_id=row.order_id, display_id=display_id, email=row.email, status=row.status,
        payment_status=row.payment_status, currency=row.currency,
        lines=tuple(WebOrderLine(sku=sku, name=names.get(sku, sku), quantity=qty,
                                 unit_price_minor=price, returned=back[sku])
                    for sku, (qty, price) in sorted(bought.items())))


@router.get("/v1/web-orders/{display_id}", responses=ERRORS)
def get_web_order(display_id: int = Path(ge=1, le=2**62), _term: Terminal = Depends(terminal),
                  hub: Hub = Depends(get_hub)) -> WebOrderForReturn:
    with hub.db.reader.connect() as conn:
        return order_for_return(conn, display_id)


def _refusal(row: Any, request: WebReturnRequest, bought: dict[str, tuple[int, int]],
             back: Counter[str]) -> str | None:
    if row.status in ("canceled", "draft"):
        return f"web order #{row.display_id} is {row.status}: nothing to return"
    if bought and all(back[s] >= q for s, (q, _p) in bought.items()):
        return f"web order #{row.display_id} is already returned in full"
    wanted: Counter[str] = Counter()
    for item in request.items:
        wanted[item.sku] += item.quantity
    for sku, qty in sorted(wanted.items()):
        sold = bought.get(sku, (0, 0))[0]
        if qty > sold - back[sku]:
            left = max(sold - back[sku], 0)
            return (f"web order #{row.display_id}: {sku} bought {sold}, returned {back[sku]} "
                    f"already; at most {left} more")
    return None


def _accepted(row: Any) -> WebReturnAccepted:
    return WebReturnAccepted(return_id=row.return_id, order_id=row.order_id,
                             display_id=row.display_id, refund_minor=row.refund_minor,
                             currency=row.currency, refund_to=row.refund_to, status=row.status)


@router.post("/v1/web-returns", status_code=201, responses=ERRORS)
def accept_web_return(request: WebReturnRequest, http: Request,
                      term: Terminal = Depends(terminal),
                      hub: Hub = Depends(get_hub)) -> WebReturnAccepted:
    return_id = str(request.return_id)
    with hub.db.writer.begin() as conn:
        order = _order(conn, request.display_id, lock=True)
        earlier = conn.execute(select(web_returns, medusa_orders.c.currency).join(
            medusa_orders, medusa_orders.c.order_id == web_returns.c.order_id).where(
            web_returns.c.return_id == return_id)).first()
        if earlier is not None:  # the same request again (a lost answer): the same return
            return _accepted(earlier)
        bought, back = _bought(order), returned_so_far(conn, order.order_id)
        refusal = _refusal(order, request, bought, back)
        if refusal:
            raise HubError(409, "over_return", refusal)
        items = [{"sku": i.sku, "quantity": i.quantity} for i in request.items]
        refund = sum(bought[i.sku][1] * i.quantity for i in request.items)
        conn.execute(web_returns.insert().values(
            return_id=return_id, order_id=order.order_id, display_id=request.display_id,
            store_id=term.store_id, register_id=term.register_id, items=json.dumps(items),
            refund_minor=refund, refund_to=request.refund_to, status="pending", step="new",
            attempts=0, created_at=utcnow()))
    pusher = getattr(http.app.state, "web_return_pusher", None)
    if pusher is not None:  # Medusa configured: push it now rather than at the next sweep
        pusher.wake()
    return WebReturnAccepted(return_id=request.return_id, order_id=order.order_id,
                             display_id=request.display_id, refund_minor=refund,
                             currency=order.currency, refund_to=request.refund_to,
                             status="pending")
