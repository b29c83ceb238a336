"""Same price everywhere at the till (issue 9): price lists imported in a real hub reach the
till through the feed (and a new till through its snapshot), and the checkout prices each line
by pos.core.pricing: the campaign while it runs, the member price once a loyalty customer is
on the sale, the lowest applicable price."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hub.testing import HubProcess, running_hub
from pos.store import customers, prices
from tests.sync.tills import credential_of, drained, make_till, seed_hub, sell, wait_for

MILK, BREAD, COFFEE, PASTE = "7038010000010", "7038010000027", "7038010000041", "7038010000065"
NOW = datetime.now(UTC)
LISTS = [
    {"list_id": "now", "title": "Kampanje nå", "kind": "campaign",
     "starts_at": (NOW - timedelta(days=1)).isoformat(),
     "ends_at": (NOW + timedelta(days=1)).isoformat(),
     "prices": [{"sku": "K1", "price_minor": 6990}]},
    {"list_id": "past", "title": "Kampanje før", "kind": "campaign",
     "starts_at": (NOW - timedelta(days=9)).isoformat(),
     "ends_at": (NOW - timedelta(days=2)).isoformat(),
     "prices": [{"sku": "M1", "price_minor": 1990}]},
    {"list_id": "gold", "title": "Gull", "kind": "member", "tier": "gold",
     "prices": [{"sku": "K1", "price_minor": 7990}, {"sku": "T1", "price_minor": 2490}]},
    {"list_id": "members", "title": "Medlem", "kind": "member",
     "prices": [{"sku": "B1", "price_minor": 3490}]},
]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        yield hub


def _prices(till) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {ln.item.sku: ln.unit_price.minor for ln in till.checkout.cart.active_lines}


def test_the_till_prices_by_the_hubs_lists(hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    with hub.client(credential_of(till)) as http:
        made = http.post("/v1/customers", json={"name": "Lisa Berg", "phone": "41112222",
                                                "home_store_id": "S1"})
        assert made.status_code == 201, made.text
    lisa = made.json()["customer_id"]
    hub.admin.put(f"/v1/admin/customers/{lisa}/tier", json={"tier": "gold"})
    assert hub.admin.post("/v1/admin/price-lists", json=LISTS).status_code == 200
    wait_for(lambda: len(prices.offers(till.ctx.db, "K1")) == 2, what="the lists at the till")
    wait_for(lambda: (c := customers.get(till.ctx.db, lisa)) and c.tier == "gold",
             what="Lisa's tier at the till")
    checkout = till.checkout
    for code in (MILK, BREAD, COFFEE, PASTE):
        checkout.scan(code)
    # anonymous: the running campaign only; the past one is over
    assert _prices(till) == {"M1": 2490, "B1": 3990, "K1": 6990, "T1": 2990}
    checkout.attach_customer(lisa)  # gold: member prices, the campaign still lower on K1
    assert _prices(till) == {"M1": 2490, "B1": 3490, "K1": 6990, "T1": 2490}
    checkout.scan(PASTE)  # a second scan adds to the repriced line
    assert [ln.quantity_milli for ln in checkout.cart.active_lines if ln.item.sku == "T1"] \
        == [2000]
    checkout.attach_customer(None)
    assert _prices(till) == {"M1": 2490, "B1": 3990, "K1": 6990, "T1": 2990}
    checkout.attach_customer(lisa)
    assert checkout.totals.total.minor == 2490 + 3490 + 6990 + 2 * 2490
    for line in checkout.cart.active_lines[:-1]:  # keep the toothpaste, pay for it
        checkout.void_line(line.line_id)
    sell(till, customer_id=lisa)  # the sale goes through at the member price
    assert hub.admin.get("/v1/admin/price-lists").status_code == 200
    wait_for(lambda: drained(till), what="the sale uploaded")
    # withdrawn in the hub: gone at the till
    hub.admin.post("/v1/admin/price-lists", json=[LISTS[2] | {"active": False}])
    wait_for(lambda: len(prices.offers(till.ctx.db, "K1")) == 1, what="the list withdrawn")
    till.checkout.scan(PASTE)
    till.checkout.attach_customer(lisa)
    assert _prices(till) == {"T1": 2990}
    # a till enrolled now gets the active lists in its snapshot
    other = make_till(hub, tmp_path / "b", register="R2")
    wait_for(lambda: len(prices.offers(other.ctx.db, "K1")) == 1, what="the snapshot's lists")
    assert [o.price_minor for o in prices.offers(other.ctx.db, "B1")] == [3490]
