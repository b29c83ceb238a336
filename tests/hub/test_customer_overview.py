"""One customer at the till (issue 9): GET /v1/customers/{id}/overview answers from the hub's
own tables: loyalty, store sales with the store's name, web orders (open ones apart), and the
wish list the connector cached from her web account, with this store's stock; a wish-list
product the hub no longer has is shown as such. PUT /v1/admin/customers/{id}/tier sets the
tier and puts a customer frame on the feed (which the Medusa pusher follows). The web side is
written into the connector's tables directly here, as hub.medusa.inbound would; the real
Medusa round trip is tests/medusa/test_customers.py."""

from __future__ import annotations

import json
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from hub.db import Database, open_database
from hub.medusa.customer_tables import medusa_wishlists
from hub.medusa.tables import medusa_customers, medusa_orders, medusa_products
from hub.testing import HubProcess
from sync.protocol import CustomerOverview
from tests.hub.conftest import head
from tests.hub.sales import Till
from tests.hub.test_lookups import new_customer


@pytest.fixture(scope="module")
def db(hub: HubProcess) -> Iterator[Database]:
    database = open_database(hub.db_url, pool_size=2)
    yield database
    database.dispose()


def _web_side(db: Database, hub_customer_id: str, email: str) -> str:
    """A linked web account with a wish list and four web orders (one a guest's, by e-mail)."""
    tag = uuid.uuid4().hex[:8]
    cus, now = f"cus_{tag}", datetime.now(UTC)
    with db.writer.begin() as conn:
        conn.execute(medusa_customers.insert().values(
            medusa_customer_id=cus, email=email, phone=None, hub_customer_id=hub_customer_id,
            updated_at=now))
        conn.execute(medusa_products.delete().where(medusa_products.c.sku == "100003"))
        conn.execute(medusa_products.insert().values(
            sku="100003", product_id=f"prod_{tag}", variant_id=f"variant_{tag}", pushed_at=now))
        conn.execute(medusa_wishlists.insert().values(
            medusa_customer_id=cus, updated_at=now, items=json.dumps([
                {"sku": "100004", "variant_id": None, "added_at": "2026-11-01"},
                {"sku": "100009", "variant_id": None, "added_at": None},
                {"sku": None, "variant_id": f"variant_{tag}", "added_at": None},  # = 100003
                {"sku": "GONE-1", "variant_id": None, "added_at": None}])))
        for n, (status, fulfilment, customer, minutes) in enumerate((
                ("pending", "not_fulfilled", cus, 1), ("pending", "fulfilled", cus, 2),
                ("completed", "delivered", cus, 3), ("canceled", "canceled", cus, 4),
                ("pending", "not_fulfilled", None, 5))):  # a guest checkout, her e-mail
            conn.execute(medusa_orders.insert().values(
                order_id=f"order_{tag}_{n}", display_id=1000 + n, email=email.upper(),
                customer_id=customer, status=status, fulfillment_status=fulfilment,
                payment_status="captured", total_minor=129900, currency="NOK",
                items=json.dumps([{"sku": "100004", "quantity": 1, "unit_price_minor": 129900},
                                  {"sku": "WEB-ONLY", "quantity": 2, "unit_price_minor": 0}]),
                shipping_option_id=None, problem=None,
                updated_at=now - timedelta(minutes=minutes)))
    return cus


def test_the_overview_shows_every_channel_and_the_wish_list(hub: HubProcess, db: Database,
                                                           register_id: str):
    oslo = Till.enrol(hub, "S1", register_id)
    bergen = Till.enrol(hub, "S2", register_id)
    email = f"lisa-{uuid.uuid4().hex[:6]}@example.no"
    lisa = new_customer(oslo, name="Lisa Berg", email=email, phone="+4790000001")
    for till, lines in ((oslo, [("100004", 2000)]), (bergen, [("100001", 1000)])):
        assert till.post([till.sell(lines, customer_id=lisa.customer_id)]).status_code == 200
    hub.set_stock({("S1", "100009"): 0, ("S1", "100004"): 7000, ("S2", "100004"): 0})
    _web_side(db, lisa.customer_id, email)
    with oslo.client as http:
        answer = http.get(f"/v1/customers/{lisa.customer_id}/overview")
        assert answer.status_code == 200, answer.text
        seen = CustomerOverview.model_validate(answer.json())
        in_bergen = CustomerOverview.model_validate(
            bergen.client.get(f"/v1/customers/{lisa.customer_id}/overview").json())
        assert http.get("/v1/customers/nobody/overview").status_code == 404
    assert seen.customer.balance_points == 30 and seen.customer.tier == "basic"
    assert seen.web_accounts == 1 and seen.web_as_of is not None
    # Purchases: both stores' sales and the web orders (not the canceled one), newest first.
    channels = [(p.channel, p.reference) for p in seen.purchases]
    assert ("store", f"S1-{register_id}-1") in channels
    assert ("store", f"S2-{register_id}-1") in channels
    assert [c for c, _ in channels] == ["store", "store", "web", "web", "web", "web"]
    assert seen.purchases[2].items == ("Kaffe 500 g", "WEB-ONLY")  # an unknown sku by its sku
    assert [o.display_id for o in seen.open_web_orders] == [1000, 1001, 1004]  # + the guest's
    assert seen.open_web_orders[0].items[1].name is None
    wish = {w.sku: w for w in seen.wishlist}
    assert list(wish) == ["100004", "100009", "100003", "GONE-1"]
    assert wish["100004"].in_stock and wish["100004"].on_hand_milli == 7000
    assert wish["100004"].name == "Kaffe 500 g" and wish["100004"].price_minor == 8990
    assert not wish["100009"].in_stock and wish["100009"].on_hand_milli == 0
    assert wish["100003"].in_stock  # known by its Medusa variant only
    assert wish["GONE-1"].name is None and not wish["GONE-1"].in_stock  # shown, not an error
    # Each till sees its own store's stock.
    assert {w.sku: w.on_hand_milli for w in in_bergen.wishlist}["100004"] == 0


def test_a_customer_without_a_web_account_has_an_empty_web_part(hub: HubProcess,
                                                                register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    per = new_customer(till, name="Per Butikk")  # no e-mail: nothing to match a web account
    with till.client as http:
        seen = CustomerOverview.model_validate(
            http.get(f"/v1/customers/{per.customer_id}/overview").json())
    assert seen.web_accounts == 0 and seen.web_as_of is None
    assert (seen.purchases, seen.open_web_orders, seen.wishlist) == ((), (), ())


def test_the_tier_is_set_by_the_hub_and_goes_out_on_the_feed(hub: HubProcess,
                                                             register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    kari = new_customer(till, name="Kari Gull", email=f"k{uuid.uuid4().hex[:6]}@example.no")
    cursor = head(hub)
    path = f"/v1/admin/customers/{kari.customer_id}/tier"
    assert hub.admin.put(path, json={"tier": "gold"}).json()["tier"] == "gold"
    assert hub.admin.put(path, json={"tier": "Gold!"}).status_code == 422
    assert hub.admin.put("/v1/admin/customers/nobody/tier",
                         json={"tier": "gold"}).status_code == 404
    with till.client as http:
        assert http.put(path, json={"tier": "basic"}).status_code == 401  # a till may not
        assert http.get(f"/v1/customers/{kari.customer_id}").json()["tier"] == "gold"
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": cursor,
                                                 "timeout": 0}).json()
    assert [c["data"]["tier"] for c in page["changes"]
            if c["type"] == "customer" and c["data"]["customer_id"] == kari.customer_id] \
        == ["gold"]


def test_overview_latency(hub: HubProcess, db: Database, register_id: str):
    """Printed, not asserted (benchmarks live in tests/bench): the overview of a customer with
    sales, web orders and a wish list, against the plain customer look-up."""
    till = Till.enrol(hub, "S1", register_id)
    email = f"m{uuid.uuid4().hex[:6]}@example.no"
    mia = new_customer(till, name="Mia Måler", email=email)
    till.post([till.sell([("100004", 1000)], customer_id=mia.customer_id) for _ in range(5)])
    _web_side(db, mia.customer_id, email)
    timings: dict[str, list[float]] = {"overview": [], "customer": []}
    with till.client as http:
        for _ in range(30):
            for name, path in (("overview", f"/v1/customers/{mia.customer_id}/overview"),
                               ("customer", f"/v1/customers/{mia.customer_id}")):
                started = time.perf_counter()
                assert http.get(path).status_code == 200
                timings[name].append((time.perf_counter() - started) * 1000)
    print("\n" + ", ".join(f"{name}: p50 {statistics.median(ms):.1f} ms, "
                           f"max {max(ms):.1f} ms" for name, ms in timings.items()))
