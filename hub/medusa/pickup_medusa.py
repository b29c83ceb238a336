"""What the hub asks of Medusa for click & collect (Admin API, through MedusaClient).

The trap (../shared/notes/medusa-v2.md §6.1): a pickup order's reservation goes to any
location of the sales channel that has stock, not to the pickup store. `settle` puts it right:
per line, what is reserved at the pickup store's location is kept; the rest is reserved there
anew (Medusa checks that store's availability itself and refuses when it lacks the stock) and
the reservation elsewhere deleted. Not `POST /admin/reservations/{id}` with a new location_id:
in 2.21.2 that raises the new level's reserved quantity but leaves the old one's as it was
(found here: Bergen stayed reserved 1 after its reservation moved to Oslo, and after the order
was fulfilled). Create-then-delete is safe to repeat: a settle cut short (the delete lost)
finds the pickup store covering the line and deletes the leftover.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from hub.medusa.client import MedusaClient, MedusaRefused

PICKUP_ORDER_FIELDS = ("id,display_id,status,email,total,currency_code,fulfillment_status,"
                       "items.id,items.variant_sku,items.quantity,items.title,"
                       "shipping_methods.shipping_option_id,shipping_address.first_name,"
                       "shipping_address.last_name,fulfillments.id,fulfillments.location_id,"
                       "fulfillments.canceled_at,fulfillments.delivered_at")
OPTIONS_TTL_S = 60.0
_options: dict[str, tuple[float, dict[str, str]]] = {}  # "url kind" -> (read at, map)


def pickup_options(client: MedusaClient, kind: str = "pickup") -> dict[str, str]:
    """Shipping option id -> stock location id, for the fulfilment sets of type `kind`
    (`pickup`; `shipping` for home delivery), re-read at most once a minute."""
    key = f"{client.http.base_url} {kind}"
    cached = _options.get(key)
    if cached is not None and time.monotonic() - cached[0] < OPTIONS_TTL_S:
        return cached[1]
    answer = client.get("/admin/stock-locations", limit=1000, fields=(
        "id,fulfillment_sets.type,fulfillment_sets.service_zones.shipping_options.id"))
    found = {option["id"]: location["id"]
             for location in answer["stock_locations"]
             for fset in location.get("fulfillment_sets") or () if fset.get("type") == kind
             for zone in fset.get("service_zones") or ()
             for option in zone.get("shipping_options") or ()}
    _options[key] = (time.monotonic(), found)
    return found


def pickup_location(client: MedusaClient, order: dict[str, Any]) -> str | None:
    """The stock location the order is to be picked up at; None: not click & collect."""
    options = pickup_options(client)
    for method in order.get("shipping_methods") or ():
        location = options.get(str(method.get("shipping_option_id")))
        if location is not None:
            return location
    return None


def read_order(client: MedusaClient, order_id: str) -> dict[str, Any]:
    return dict(client.get(f"/admin/orders/{order_id}", fields=PICKUP_ORDER_FIELDS)["order"])


@dataclass(frozen=True)
class Settled:
    moved: int  # reservations created at the pickup store
    flag: str | None  # None: every line reserved at the pickup store


def settle(client: MedusaClient, order: dict[str, Any], location: str,
           stores: dict[str, str]) -> Settled:
    """Make every line's reservation sit at `location`, where the store has the stock."""
    lines = {str(item["id"]): item for item in order.get("items") or ()}
    if not lines:
        return Settled(0, None)
    found = client.get("/admin/reservations", **{
        "line_item_id[]": sorted(lines), "limit": 1000,
        "fields": "id,location_id,quantity,inventory_item_id,line_item_id"})["reservations"]
    moved, problems = 0, []
    for line_id, item in sorted(lines.items()):
        mine = [r for r in found if r.get("line_item_id") == line_id]
        here = sum(float(r["quantity"]) for r in mine if r["location_id"] == location)
        elsewhere = [r for r in mine if r["location_id"] != location]
        if not elsewhere:
            continue  # all at the pickup store (or not stock-managed: nothing reserved)
        need = float(item["quantity"]) - here
        if need > 0:
            try:
                client.call("POST", "/admin/reservations", params={"fields": "id"}, json={
                    "line_item_id": line_id, "location_id": location,
                    "inventory_item_id": elsewhere[0]["inventory_item_id"],
                    "quantity": need, "description": "Kassa: click & collect, pickup store"})
                moved += 1
            except MedusaRefused as error:  # not enough at the pickup store
                where = sorted({stores.get(r["location_id"], r["location_id"])
                                for r in elsewhere})
                problems.append(f"{_qty(need)} × {item.get('variant_sku') or item.get('title')}"
                                f" reserved in {', '.join(where)}, not available here "
                                f"({error.message[:120]})")
                continue
        for reservation in elsewhere:
            client.call("DELETE", f"/admin/reservations/{reservation['id']}")
    flag = ("Stock gone: " + "; ".join(problems)) if problems else None
    return Settled(moved, flag)


def fulfil(client: MedusaClient, order: dict[str, Any], location: str,
           items: list[tuple[str, int]], register: str) -> str:
    """The fulfilment from the store's location (an existing one not cancelled is reused: a
    create whose answer was lost is not done twice); its id."""
    for existing in order.get("fulfillments") or ():
        if existing.get("location_id") == location and not existing.get("canceled_at"):
            return str(existing["id"])
    answer = client.call(
        "POST", f"/admin/orders/{order['id']}/fulfillments",
        params={"fields": "id,fulfillments.id,fulfillments.location_id"},
        json={"location_id": location, "metadata": {"kassa_register": register},
              "items": [{"id": line, "quantity": quantity} for line, quantity in items]})
    made = [f for f in answer["order"]["fulfillments"] if f.get("location_id") == location]
    return str(made[-1]["id"])


def mark_delivered(client: MedusaClient, order_id: str, fulfillment_id: str) -> None:
    client.call("POST", f"/admin/orders/{order_id}/fulfillments/{fulfillment_id}"
                "/mark-as-delivered", params={"fields": "id"}, json={})


def _qty(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
