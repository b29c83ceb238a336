"""The till's customer overview (issue 9, "one customer"): GET /v1/customers/{id}/overview, and
the loyalty tier an administrator sets as a floor: PUT /v1/admin/customers/{id}/tier (the
tier itself follows her purchases: hub.tiers).

The overview is answered from the hub's own tables only: loyalty (hub.lookups.customer), store
sales and web orders (hub.customer_history), the wish list as the connector last read it from
Medusa. So the till never waits on Medusa; Medusa down, the web part is as of `web_as_of`.
A tier change is a `customer` feed frame like a sign-up: the tills get the tier, and the
Medusa pusher moves her web accounts to the tier's customer group (hub.medusa.web_customers).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path
from sqlalchemy import select

from hub import customer_history as history
from hub import customer_identity, feed, tiers
from hub.auth import Terminal, admin, terminal
from hub.db import utcnow
from hub.errors import HubError
from hub.lookups import customer
from hub.medusa.tables import medusa_customers
from hub.models import customers
from hub.state import Hub, get_hub
from sync.protocol import (
    Customer,
    CustomerOverview,
    ErrorBody,
    Ident,
    TierSetting,
)

router = APIRouter(tags=["look-ups"])
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorBody} for c in (401, 403, 404, 422)}
PURCHASES = 10  # the most recent, every channel together
WEB_ORDERS = 20


@router.get("/v1/customers/{customer_id}/overview", responses=ERRORS)
def overview(customer_id: Ident = Path(), term: Terminal = Depends(terminal),
             hub: Hub = Depends(get_hub)) -> CustomerOverview:
    with hub.db.reader.connect() as conn, conn.begin():  # one snapshot for all of it
        found = customer(conn, customer_id)
        if found is None:
            raise HubError(404, "not_found", f"no customer {customer_id}")
        linked = list(conn.execute(select(medusa_customers.c.medusa_customer_id)
                                   .where(medusa_customers.c.hub_customer_id == customer_id)
                                   .order_by(medusa_customers.c.medusa_customer_id)).scalars())
        orders = history.web_orders(conn, linked, found.email, WEB_ORDERS)
        purchases = history.store_purchases(conn, customer_id, PURCHASES)
        wishes, as_of = history.wishlist(conn, linked, term.store_id)
    purchases += [history.as_purchase(o) for o in orders if o.status != "canceled"]
    purchases.sort(key=lambda p: p.at, reverse=True)
    return CustomerOverview(customer=found, web_accounts=len(linked),
                            purchases=tuple(purchases[:PURCHASES]),
                            open_web_orders=tuple(o for o in orders if history.is_open(o)),
                            wishlist=tuple(wishes), web_as_of=as_of)


admin_router = APIRouter(tags=["admin"], dependencies=[Depends(admin)])


@admin_router.put("/v1/admin/customers/{customer_id}/tier", responses=ERRORS)
def set_tier(setting: TierSetting, customer_id: Ident = Path(),
             hub: Hub = Depends(get_hub)) -> Customer:
    """An administrator's tier: a floor the rule (hub.tiers) never goes below, "basic" none;
    her tier is then the higher of the floor and what her purchases earn."""
    pending: feed.Pending = []
    with hub.db.writer.begin() as conn:
        row = conn.execute(select(customers).where(customers.c.customer_id == customer_id)
                           .with_for_update()).first()
        if row is None:
            raise HubError(404, "not_found", f"no customer {customer_id}")
        floor = None if setting.tier == "basic" else setting.tier
        conn.execute(customers.update().where(customers.c.customer_id == customer_id)
                     .values(tier=setting.tier, tier_floor=floor))
        tiers.settle(conn, hub.config.tiers, [customer_id], utcnow(), pending)  # may lift it
        feed.append(conn, pending)
        if not pending:  # the rule left the tier as set: say so to her tills and the web
            customer_identity.publish(conn, customer_id)
        updated = customer(conn, customer_id)
    hub.committed()
    assert updated is not None
    return updated
