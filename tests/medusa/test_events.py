"""Medusa's events reach the hub through our forwarding subscriber, signed; a web order placed
through the Store API is re-read by id and stored; forged, stale and replayed webhooks are
refused; an event about something the hub does not know is recorded, not a crash."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from hub.db import Database
from hub.medusa.tables import medusa_customers, medusa_events, medusa_orders
from hub.models import customers
from hub.server import ThreadedHub
from tests.medusa.conftest import wait_for
from tests.medusa.helpers import count_events, new_event_id, signed_post, stocked, variant

GENSER = {"sku": "M-2001", "name": "Regnjakke", "price_minor": 129900, "vat_code": "standard",
          "barcodes": ["7038010066601"]}

pytestmark = pytest.mark.medusa


class Shopper:
    """A web customer on the Store API (publishable key), logged in."""

    def __init__(self, medusa_up: dict[str, Any], email: str) -> None:
        self.up, self.email = medusa_up, email
        self.http = httpx.Client(base_url=medusa_up["url"], timeout=30, headers={
            "x-publishable-api-key": medusa_up["publishable_key"]})
        password = os.urandom(9).hex()
        token = self._post("/auth/customer/emailpass/register",
                           {"email": email, "password": password})["token"]
        self._post("/store/customers", {"email": email, "first_name": "Kari",
                                        "last_name": "Nordmann"}, token)
        self.token = self._post("/auth/customer/emailpass",
                                {"email": email, "password": password})["token"]

    def _post(self, path: str, body: dict[str, Any], token: str | None = None) -> Any:
        token = token or getattr(self, "token", None)
        headers = {"authorization": f"Bearer {token}"} if token else {}
        answer = self.http.post(path, json=body, headers=headers)
        assert answer.status_code < 300, f"{path}: {answer.status_code} {answer.text[:500]}"
        return answer.json()

    def buy(self, items: list[tuple[str, int]], pickup_store: str) -> tuple[dict[str, Any], float]:
        """Click & collect checkout of (variant id, quantity); the order and the moment
        (perf_counter) its checkout answered."""
        cart = self._post("/store/carts", {"region_id": self.up["region_id"],
                                           "sales_channel_id": self.up["sales_channels"]["web"],
                                           **({} if self.token else {"email": self.email})})
        cart_id = cart["cart"]["id"]
        for variant_id, quantity in items:
            self._post(f"/store/carts/{cart_id}/line-items",
                       {"variant_id": variant_id, "quantity": quantity})
        self._post(f"/store/carts/{cart_id}", {"shipping_address": {
            "first_name": "Kari", "last_name": "Nordmann", "address_1": "Karl Johans gate 1",
            "city": "Oslo", "postal_code": "0154", "country_code": "no"}})
        self._post(f"/store/carts/{cart_id}/shipping-methods",
                   {"option_id": self.up["shipping_options"][pickup_store]})
        collection = self._post("/store/payment-collections", {"cart_id": cart_id})
        self._post(f"/store/payment-collections/{collection['payment_collection']['id']}"
                   "/payment-sessions", {"provider_id": "pp_system_default"})
        done = self._post(f"/store/carts/{cart_id}/complete", {})
        answered = time.perf_counter()
        assert done["type"] == "order", done
        return done["order"], answered


class Guest(Shopper):
    """A shopper who checks out with her e-mail only: no web account."""

    def __init__(self, medusa_up: dict[str, Any], email: str) -> None:
        self.up, self.email, self.token = medusa_up, email, None
        self.http = httpx.Client(base_url=medusa_up["url"], timeout=30, headers={
            "x-publishable-api-key": medusa_up["publishable_key"]})


def _order_row(db: Database, order_id: str) -> Any:
    with db.reader.connect() as conn:
        return conn.execute(select(medusa_orders).where(
            medusa_orders.c.order_id == order_id)).first()


def _event(db: Database, event_id: str) -> Any:
    with db.reader.connect() as conn:
        return conn.execute(select(medusa_events).where(
            medusa_events.c.event_id == event_id)).first()


@pytest.fixture(scope="module")
def jakke(hub: ThreadedHub, medusa: httpx.Client, medusa_up: dict[str, Any]) -> dict[str, Any]:
    hub.import_catalog([GENSER])
    hub.set_stock({("S1", "M-2001"): 10_000})
    oslo = medusa_up["stock_locations"]["S1"]
    wait_for(lambda: stocked(medusa, "M-2001", oslo) == 10, what="M-2001 stocked in Oslo")
    return wait_for(lambda: variant(medusa, "M-2001"))


def test_web_order_reaches_the_hub_signed_and_re_read(hub_db: Database, jakke: dict[str, Any],
                                                      medusa_up: dict[str, Any]) -> None:
    shopper = Shopper(medusa_up, f"kari-{os.urandom(4).hex()}@example.no")
    order, answered = shopper.buy([(jakke["id"], 2)], pickup_store="S1")
    row = wait_for(lambda: (r := _order_row(hub_db, order["id"])) and r, timeout=20,
                   what="the web order in the hub")
    seen_after = time.perf_counter() - answered
    assert json.loads(row.items) == [{"sku": "M-2001", "quantity": 2,
                                      "unit_price_minor": 129900}]
    assert row.total_minor == 259800 and row.currency == "NOK" and row.problem is None
    assert row.shipping_option_id == medusa_up["shipping_options"]["S1"]
    assert row.display_id == order["display_id"]
    print(f"\norder.placed: checkout answered -> order stored in the hub: "
          f"{seen_after * 1000:.0f} ms (load {os.getloadavg()[0]:.1f})")
    # Her web sign-up reached the hub too: no hub customer had her e-mail, so she is one now
    # (no home store, no card, the basic tier), linked to her web account.
    link = wait_for(lambda: _linked(hub_db, row.customer_id), what="her hub customer")
    with hub_db.reader.connect() as conn:
        customer = conn.execute(select(customers).where(
            customers.c.customer_id == link)).one()
    assert (customer.name, customer.email, customer.home_store_id, customer.loyalty_card,
            customer.tier) == ("Kari Nordmann", shopper.email, None, None, "basic")


def _linked(db: Database, medusa_customer_id: str) -> str | None:
    with db.reader.connect() as conn:
        return conn.execute(select(medusa_customers.c.hub_customer_id).where(
            medusa_customers.c.medusa_customer_id == medusa_customer_id)).scalar()


def test_a_guest_checkout_makes_no_hub_customer(hub_db: Database, jakke: dict[str, Any],
                                                medusa_up: dict[str, Any]) -> None:
    """A guest's e-mail on an order is no sign-up: her checkout record stays unlinked, with
    the reason, until a customer of that e-mail comes (the till's sign-up links it then)."""
    email = f"gjest-{os.urandom(4).hex()}@example.no"
    order, _ = Guest(medusa_up, email).buy([(jakke["id"], 1)], pickup_store="S1")
    row = wait_for(lambda: (r := _order_row(hub_db, order["id"])) and r, timeout=20,
                   what="the guest's order in the hub")
    with hub_db.reader.connect() as conn:
        link = conn.execute(select(medusa_customers).where(
            medusa_customers.c.medusa_customer_id == row.customer_id)).first()
        made = conn.execute(select(customers.c.customer_id).where(
            customers.c.email == email)).all()
    assert made == [] and (link is None or link.hub_customer_id is None)


def test_a_web_order_of_a_product_the_hub_does_not_know_is_recorded(
        hub_db: Database, jakke: dict[str, Any], medusa: httpx.Client,
        medusa_up: dict[str, Any]) -> None:
    made = medusa.post("/admin/products?fields=id,*variants", json={
        "title": "Bare på nett", "status": "published",
        "shipping_profile_id": medusa_up["shipping_profile_id"],
        "options": [{"title": "Variant", "values": ["Standard"]}],
        "sales_channels": [{"id": medusa_up["sales_channels"]["web"]}],
        "variants": [{"title": "Standard", "sku": "WEB-ONLY-1", "manage_inventory": False,
                      "options": {"Variant": "Standard"},
                      "prices": [{"currency_code": "nok", "amount": 199}]}]})
    assert made.status_code == 200, made.text
    web_only = made.json()["product"]["variants"][0]["id"]
    shopper = Shopper(medusa_up, f"ola-{os.urandom(4).hex()}@example.no")
    order, _ = shopper.buy([(jakke["id"], 1), (web_only, 1)], pickup_store="S1")
    row = wait_for(lambda: (r := _order_row(hub_db, order["id"])) and r, timeout=20)
    assert row.problem == "unknown sku: WEB-ONLY-1"
    assert sorted(i["sku"] for i in json.loads(row.items)) == ["M-2001", "WEB-ONLY-1"]


def test_forged_stale_and_replayed_webhooks_are_refused(hub: ThreadedHub, hub_db: Database,
                                                        medusa_up: dict[str, Any]) -> None:
    url = f"{hub.url}/v1/medusa/events"
    secret = medusa_up["webhook_secret"]
    before = count_events(hub_db)
    event = {"id": new_event_id(), "event": "customer.updated", "data": {"id": "cus_nobody"},
             "metadata": {}}

    forged = signed_post(url, "not-the-secret-" * 4, event)
    assert forged.status_code == 401 and forged.json()["error"] == "bad_signature"
    tampered = signed_post(url, secret, event, tamper=json.dumps(
        event | {"data": {"id": "cus_someone_else"}}).encode())
    assert tampered.status_code == 401 and tampered.json()["error"] == "bad_signature"
    stale = signed_post(url, secret, event, timestamp_ms=int(time.time() * 1000) - 600_000)
    assert stale.status_code == 401 and stale.json()["error"] == "stale"
    unsigned = httpx.post(url, json=event, timeout=10)
    assert unsigned.status_code == 401
    assert count_events(hub_db) == before  # nothing refused was stored

    first = signed_post(url, secret, event)
    assert first.status_code == 202, first.text
    replayed = signed_post(url, secret, event)  # the same event again, freshly signed
    assert replayed.status_code == 409 and replayed.json()["error"] == "duplicate"
    assert count_events(hub_db) == before + 1

    # An unknown customer (Medusa answers 404 to the re-read): recorded with the reason.
    stored = wait_for(lambda: (e := _event(hub_db, event["id"])) and e.status != "received"
                      and e, what="the event processed")
    assert stored.status == "recorded" and "404" in stored.reason


def test_a_retried_delivery_of_a_real_event_is_taken_once(hub: ThreadedHub, hub_db: Database,
                                                          medusa_up: dict[str, Any]) -> None:
    """The forwarder's own event id is stable: a retry of an order.placed it already
    delivered is refused as a duplicate, and the subscriber treats 409 as delivered."""
    with hub_db.reader.connect() as conn:
        placed = conn.execute(select(medusa_events).where(
            medusa_events.c.name == "order.placed").limit(1)).first()
    if placed is None:
        pytest.fail("no order.placed was received (the web order test runs first)")
    again = signed_post(f"{hub.url}/v1/medusa/events", medusa_up["webhook_secret"],
                        json.loads(placed.payload))
    assert again.status_code == 409
