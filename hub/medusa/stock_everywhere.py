"""Stock everywhere, and an order for home delivery, for a till (issue 9).

`GET /v1/stock/{sku}/everywhere`: the stores' balances from the hub's ledger, and the web shop's
stock locations live from Medusa (stocked, reserved by web orders, available). Medusa slow or
away: the stores still answer, with the reason the web part is missing (a cashier is waiting:
one call, a short timeout, no retries).

`POST /v1/home-deliveries`: an item the store lacks, ordered for the customer's home: a Medusa
draft order (the web channel, the region of the store's currency, a home-delivery shipping
option) converted to an order, so it is reserved and fulfilled like any web order; its number
goes back to the till. Medusa reserves it at any location with stock: the hub moves the
reservation to the location the shipping option ships from, as for click & collect.
Verified against 2.21.2: a draft order's custom shipping amount is taken
net of tax (is_tax_inclusive is ignored), so the option's VAT-inclusive price is sent net of
the region's 25 % MVA. The customer pays through the web shop (the order is pending payment).
Idempotent by the till's request id (home_deliveries)."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy import select

from hub import lookups
from hub.auth import Terminal, terminal
from hub.db import utcnow
from hub.errors import HubError
from hub.medusa import pickup_medusa
from hub.medusa.client import MedusaClient, MedusaRefused, MedusaUnavailable
from hub.medusa.mapping import amount, minor
from hub.medusa.return_tables import home_deliveries
from hub.medusa.tables import medusa_products
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody, Ident
from sync.web_protocol import HomeDeliveryOrder, HomeDeliveryRequest, StockEverywhere, WebLevel

log = logging.getLogger(__name__)
router = APIRouter(tags=["stock everywhere"])
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorBody} for c in (401, 403, 404, 409, 422, 503)}
LIVE_TIMEOUT_S = 2.5
MVA_PERCENT = Decimal(25)


def _client(http: Request) -> MedusaClient | None:
    return getattr(http.app.state, "web_shop_client", None)


def web_levels(client: MedusaClient, sku: str) -> tuple[WebLevel, ...]:
    items = client.call("GET", "/admin/inventory-items", params={
        "sku": sku, "fields": "id,sku,*location_levels"}, timeout=LIVE_TIMEOUT_S)
    places = client.call("GET", "/admin/stock-locations", params={
        "fields": "id,name,metadata", "limit": 1000}, timeout=LIVE_TIMEOUT_S)
    names = {p["id"]: (p.get("name") or p["id"], (p.get("metadata") or {}).get("kassa_store_id"))
             for p in places["stock_locations"]}
    out = []
    for item in items["inventory_items"]:
        for level in item.get("location_levels") or ():
            name, store = names.get(level["location_id"], (level["location_id"], None))
            stocked, reserved = int(level["stocked_quantity"]), int(level["reserved_quantity"])
            out.append(WebLevel(location_id=level["location_id"], name=name, store_id=store,
                                stocked=stocked, reserved=reserved,
                                available=stocked - reserved))
    return tuple(sorted(out, key=lambda w: w.name))


@router.get("/v1/stock/{sku}/everywhere", responses=ERRORS)
def stock_everywhere(http: Request, sku: Ident = Path(), term: Terminal = Depends(terminal),
                     hub: Hub = Depends(get_hub)) -> StockEverywhere:
    stores = lookups.stock_levels(sku, term, hub).stores
    client = _client(http)
    if client is None:
        return StockEverywhere(sku=sku, stores=stores, web_error="no web shop configured")
    try:
        return StockEverywhere(sku=sku, stores=stores, web=web_levels(client, sku))
    except (MedusaUnavailable, MedusaRefused) as error:
        return StockEverywhere(sku=sku, stores=stores,
                               web_error=f"the web shop did not answer: {error}"[:300])


def _home_option(client: MedusaClient) -> tuple[str, Decimal, str | None]:
    """A shipping (not pickup) option that is not a return option, its NOK price, and the
    stock location it ships from (its fulfilment set's)."""
    options = client.get("/admin/shipping-options", fields=(
        "id,name,prices.*,rules.*,service_zone.fulfillment_set.type"), limit=100)
    for option in options["shipping_options"]:
        kind = ((option.get("service_zone") or {}).get("fulfillment_set") or {}).get("type")
        is_return = any(r.get("attribute") == "is_return" and r.get("value") == "true"
                        for r in option.get("rules") or ())
        if kind == "shipping" and not is_return:
            price = next((Decimal(str(p["amount"])) for p in option.get("prices") or ()
                          if p.get("currency_code") == "nok"), Decimal(0))
            location = pickup_medusa.pickup_options(client, "shipping").get(str(option["id"]))
            return str(option["id"]), price, location
    raise MedusaRefused(409, "the web shop has no home-delivery shipping option")


def _reserve_where_it_ships(client: MedusaClient, order_id: str) -> None:
    """Medusa reserves a new order where it likes (the click & collect trap again): put the
    reservation at the location the home delivery ships from, where that has the stock (it
    stays where Medusa put it otherwise: reserved somewhere is still reserved)."""
    _, _, location = _home_option(client)
    if location is None:
        return
    settled = pickup_medusa.settle(client, pickup_medusa.read_order(client, order_id), location,
                                   client.stores())
    if settled.flag:
        log.warning("home delivery %s: left where Medusa reserved it: %s", order_id,
                    settled.flag)


def _draft_body(client: MedusaClient, variant_id: str, order: HomeDeliveryRequest,
                store_id: str) -> dict[str, Any]:
    region = client.get("/admin/regions", currency_code="nok", fields="id")["regions"][0]
    channels = client.get("/admin/sales-channels", fields="id,metadata", limit=100)
    web = next(c["id"] for c in channels["sales_channels"]
               if (c.get("metadata") or {}).get("kassa_channel") == "web")
    option_id, price, _ = _home_option(client)
    net_minor = int((price * 100 * 100 / (100 + MVA_PERCENT)).to_integral_value())
    address = {"first_name": order.first_name, "last_name": order.last_name,
               "address_1": order.address_1, "postal_code": order.postal_code,
               "city": order.city, "country_code": "no", "phone": order.phone}
    return {"email": order.email, "region_id": region["id"], "sales_channel_id": web,
            "items": [{"variant_id": variant_id, "quantity": order.quantity}],
            "shipping_address": address, "billing_address": address,
            "shipping_methods": [{"shipping_option_id": option_id, "name": "Hjemlevering",
                                  "amount": amount(net_minor)}],
            "metadata": {"kassa_request_id": str(order.request_id), "kassa_store_id": store_id}}


@router.post("/v1/home-deliveries", status_code=201, responses=ERRORS)
def order_home_delivery(order: HomeDeliveryRequest, http: Request,
                        term: Terminal = Depends(terminal),
                        hub: Hub = Depends(get_hub)) -> HomeDeliveryOrder:
    client = _client(http)
    if client is None:
        raise HubError(409, "no_web_shop", "this hub has no web shop configured")
    request_id = str(order.request_id)
    with hub.db.reader.connect() as conn:
        done = conn.execute(select(home_deliveries).where(
            home_deliveries.c.request_id == request_id)).first()
        variant = conn.execute(select(medusa_products.c.variant_id).where(
            medusa_products.c.sku == order.sku)).scalar()
    if variant is None:
        raise HubError(404, "not_found", f"{order.sku} is not in the web shop")
    try:
        draft_id = done.draft_order_id if done is not None else None
        if draft_id is None:
            draft = client.call("POST", "/admin/draft-orders", params={"fields": "id"},
                                json=_draft_body(client, variant, order, term.store_id))
            draft_id = str(draft["draft_order"]["id"])
            with hub.db.writer.begin() as conn:
                conn.execute(home_deliveries.insert().values(
                    request_id=request_id, store_id=term.store_id,
                    register_id=term.register_id, sku=order.sku, quantity=order.quantity,
                    email=order.email, draft_order_id=draft_id, created_at=utcnow()))
        made = client.get(f"/admin/orders/{draft_id}", fields="id,display_id,status,total")
        placed = made["order"]
        if placed["status"] == "draft":
            placed = client.call("POST", f"/admin/draft-orders/{draft_id}/convert-to-order",
                                 params={"fields": "id,display_id,status,total"},
                                 json={})["order"]
        _reserve_where_it_ships(client, str(placed["id"]))  # a repeat finds it settled
    except MedusaUnavailable as error:
        raise HubError(503, "unavailable", f"the web shop did not answer: {error}") from None
    except MedusaRefused as error:
        raise HubError(409, "refused", f"the web shop refused the order: {error}") from None
    total = minor(placed["total"])
    with hub.db.writer.begin() as conn:
        conn.execute(home_deliveries.update().where(home_deliveries.c.request_id == request_id)
                     .values(order_id=placed["id"], display_id=placed["display_id"]))
    return HomeDeliveryOrder(request_id=order.request_id, order_id=str(placed["id"]),
                             display_id=int(placed["display_id"]), total_minor=total,
                             currency="NOK")
