"""Medusa's Admin API, as the hub uses it: a secret API key (HTTP Basic, the key as the user
name), JSON, a timeout on every call. Two kinds of failure, because the pusher treats them
differently: `MedusaUnavailable` (no answer, a timeout, 5xx, 429: try again later, lose nothing)
and `MedusaRefused` (any other 4xx: this request will never work; record it, go on)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
import stamina

from hub.medusa.config import MedusaSettings
from hub.medusa.web_stock import ORDER_STOCK_FIELDS

PRODUCT_FIELDS = "id,handle,variants.id,variants.sku"
ORDER_FIELDS = ("id,display_id,status,email,customer_id,sales_channel_id,total,currency_code,"
                "fulfillment_status,payment_status,items.id,items.variant_sku,items.quantity,"
                "items.unit_price,items.title,shipping_methods.shipping_option_id,"
                "shipping_methods.name,shipping_address.first_name,shipping_address.last_name,"
                "updated_at," + ORDER_STOCK_FIELDS)
CUSTOMER_FIELDS = "id,email,phone,first_name,last_name,has_account,metadata"  # + wish list


class MedusaUnavailable(Exception):
    """Medusa did not answer, or answered 5xx/429: the same request may work later."""


class MedusaRefused(Exception):
    """A 4xx other than 429: Medusa will not take this request as it is."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status, self.message = status, message


@dataclass(frozen=True)
class Topology:
    """What the hub maps onto: its stores' stock locations (by metadata.kassa_store_id), the
    sales channels products are published in (metadata.kassa_channel), the shipping profile."""

    locations: dict[str, str]
    sales_channel_ids: list[str]
    shipping_profile_id: str | None


class MedusaClient:
    def __init__(self, settings: MedusaSettings) -> None:
        self.http = httpx.Client(base_url=settings.url, auth=(settings.api_key, ""),
                                 timeout=settings.timeout_s)
        self.batch_timeout = max(settings.timeout_s, settings.batch_timeout_s)
        self._stores: tuple[float, dict[str, str]] | None = None

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as error:  # refused, reset, timed out
            raise MedusaUnavailable(f"{method} {path}: {error!r}") from error
        if response.status_code >= 500 or response.status_code == 429:
            raise MedusaUnavailable(f"{method} {path}: {response.status_code} "
                                    f"{response.text[:300]}")
        if response.status_code >= 400:
            try:
                message = str(response.json().get("message", response.text))
            except ValueError:
                message = response.text
            raise MedusaRefused(response.status_code, message[:500])
        return dict(response.json())

    @stamina.retry(on=MedusaUnavailable, attempts=3, timeout=15)
    def get(self, path: str, **params: Any) -> dict[str, Any]:
        """A read: safe to repeat, so a blip is retried here (stamina, 3 attempts)."""
        return self.call("GET", path, params=params)

    def topology(self) -> Topology:
        locations = self.get("/admin/stock-locations", fields="id,metadata", limit=1000)
        channels = self.get("/admin/sales-channels", fields="id,metadata", limit=1000)
        profiles = self.get("/admin/shipping-profiles", type="default", fields="id")
        return Topology(
            locations={str(loc["metadata"]["kassa_store_id"]): loc["id"]
                       for loc in locations["stock_locations"]
                       if (loc.get("metadata") or {}).get("kassa_store_id")},
            sales_channel_ids=[sc["id"] for sc in channels["sales_channels"]
                               if (sc.get("metadata") or {}).get("kassa_channel")],
            shipping_profile_id=next((p["id"] for p in profiles["shipping_profiles"]), None))

    def create_products(self, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """All or nothing (Medusa's batch is one workflow): the created products."""
        answer = self.call("POST", "/admin/products/batch", params={"fields": PRODUCT_FIELDS},
                           json={"create": bodies}, timeout=self.batch_timeout)
        return list(answer["created"])

    def update_products(self, bodies: list[dict[str, Any]]) -> None:
        self.call("POST", "/admin/products/batch", params={"fields": "id"},
                  json={"update": bodies}, timeout=self.batch_timeout)

    def products_by_handle(self, handles: list[str]) -> list[dict[str, Any]]:
        answer = self.get("/admin/products", **{"handle[]": handles, "fields": PRODUCT_FIELDS,
                                                "limit": len(handles)})
        return list(answer["products"])

    def push_stock(self, adjustments: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Our route (medusa/src/api/admin/kassa/stock): idempotent, so safe to repeat."""
        answer = self.call("POST", "/admin/kassa/stock", json={"adjustments": adjustments})
        return list(answer["results"])

    def order(self, order_id: str) -> dict[str, Any]:
        return dict(self.get(f"/admin/orders/{order_id}", fields=ORDER_FIELDS)["order"])

    def stores(self) -> dict[str, str]:
        """Medusa location id -> hub store id, re-read at most once a minute."""
        now = time.monotonic()
        if self._stores is None or now - self._stores[0] > 60.0:
            self._stores = (now, {loc: store for store, loc in self.topology().locations.items()})
        return self._stores[1]

    def orders_updated_since(self, since_iso: str, page: int = 100) -> list[dict[str, Any]]:
        """Every order updated at or after `since_iso` (the reconciliation poll), oldest first."""
        found: list[dict[str, Any]] = []
        while True:
            answer = self.get("/admin/orders", **{
                "updated_at[$gte]": since_iso, "fields": ORDER_FIELDS, "order": "updated_at",
                "limit": page, "offset": len(found)})
            found += answer["orders"]
            if not answer["orders"] or len(found) >= int(answer.get("count", 0)):
                return found

    def location_levels(self, page: int = 500) -> list[tuple[str, str, float]]:
        """(location id, sku, stocked quantity) of every inventory level."""
        levels: list[tuple[str, str, float]] = []
        offset = 0
        while True:
            answer = self.get("/admin/inventory-items", fields="id,sku,*location_levels",
                              limit=page, offset=offset)
            items = answer["inventory_items"]
            levels += [(str(level["location_id"]), str(item["sku"]),
                        float(level["stocked_quantity"]))
                       for item in items if item.get("sku")
                       for level in item.get("location_levels") or ()]
            offset += len(items)
            if not items or offset >= int(answer.get("count", 0)):
                return levels

    def customer(self, customer_id: str) -> dict[str, Any]:
        return dict(self.get(f"/admin/customers/{customer_id}",
                             fields=CUSTOMER_FIELDS)["customer"])
