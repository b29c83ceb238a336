"""Same price everywhere (issue 9), against a real Medusa: the price lists defined once in the
hub, pushed by the connector, give on the web (the Store API's calculated price) exactly what
the till computes (pos.core.pricing on the frames the till receives from the hub's feed), for
an anonymous shopper and for a logged-in gold member, with one campaign running now and one
that ended, member prices above and below the campaign's, and a member price above the base."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from hub.db import Database
from hub.medusa import customer_groups
from hub.medusa.tables import medusa_products
from hub.price_tables import medusa_price_lists
from hub.server import ThreadedHub
from pos.core.pricing import ListPrice, unit_price
from tests.hub.sales import Till
from tests.medusa.conftest import wait_for
from tests.medusa.helpers import pushed_up_to_head
from tests.medusa.test_events import Shopper

pytestmark = pytest.mark.medusa
TAG = os.urandom(3).hex()
SKUS = [f"PR-{TAG}-{n}" for n in range(1, 6)]
BASE = dict(zip(SKUS, (89900, 49900, 19900, 29900, 9990), strict=True))
NOW = datetime.now(UTC)


def _lists() -> list[dict[str, Any]]:
    a, b, c, d, e = SKUS
    return [
        {"list_id": f"gold-{TAG}", "title": "Gull-medlemspris", "kind": "member",
         "tier": "gold", "prices": [{"sku": a, "price_minor": 74900},  # campaign lower
                                    {"sku": b, "price_minor": 45000},  # below the campaign
                                    {"sku": d, "price_minor": 39900}]},  # above the base
        {"list_id": f"members-{TAG}", "title": "Medlemspris", "kind": "member",
         "prices": [{"sku": c, "price_minor": 17900}]},
        {"list_id": f"now-{TAG}", "title": "Black Week", "kind": "campaign",
         "starts_at": (NOW - timedelta(days=1)).isoformat(),
         "ends_at": (NOW + timedelta(days=7)).isoformat(),
         "prices": [{"sku": a, "price_minor": 69900}, {"sku": b, "price_minor": 47000}]},
        {"list_id": f"past-{TAG}", "title": "Sommersalg", "kind": "campaign",
         "starts_at": (NOW - timedelta(days=90)).isoformat(),
         "ends_at": (NOW - timedelta(days=60)).isoformat(),
         "prices": [{"sku": c, "price_minor": 9900}, {"sku": e, "price_minor": 4990}]},
    ]


def _till_prices(till: Till, tier: str | None) -> dict[str, int]:
    """The till's rule on what the till got from the hub's feed (chain topic)."""
    base: dict[str, int] = {}
    lists: dict[str, dict[str, Any]] = {}  # list id -> the last frame of it
    with till.client as http:
        after = 0
        while True:
            page = http.get("/v1/feed/poll", params={"topics": "chain", "after": after,
                                                     "timeout": 0}).json()
            for change in page["changes"]:
                data = change["data"]
                if change["type"] == "product" and data["sku"] in BASE:
                    base[data["sku"]] = data["price_minor"]
                elif change["type"] == "price_list" and data["list_id"].endswith(TAG):
                    lists[data["list_id"]] = data
            if not page["changes"]:
                break
            after = page["next_after"]
    offers: dict[str, list[ListPrice]] = {}
    for data in lists.values():
        for p in data["prices"] if data["active"] else ():
            offers.setdefault(p["sku"], []).append(_offer(data, p["price_minor"]))
    return {sku: unit_price(base[sku], offers.get(sku, []), datetime.now(UTC), tier)
            for sku in SKUS}


def _offer(data: dict[str, Any], price: int) -> ListPrice:
    def when(text: str | None) -> datetime | None:
        return datetime.fromisoformat(text) if text else None

    return ListPrice(kind=data["kind"], price_minor=price, tier=data["tier"],
                     starts_at=when(data["starts_at"]), ends_at=when(data["ends_at"]))


def _web_prices(medusa_up: dict[str, Any], product_ids: list[str],
                token: str | None = None) -> dict[str, tuple[int, str | None]]:
    """Medusa's calculated price per sku (øre) and the kind of list that gave it."""
    headers = {"x-publishable-api-key": medusa_up["publishable_key"]}
    if token:
        headers["authorization"] = f"Bearer {token}"
    answer = httpx.get(f"{medusa_up['url']}/store/products", headers=headers, timeout=30,
                       params={"region_id": medusa_up["region_id"], "id[]": product_ids,
                               "limit": 50, "fields": "id,variants.sku,"
                               "*variants.calculated_price"})
    assert answer.status_code == 200, answer.text
    found = {}
    for product in answer.json()["products"]:
        for v in product["variants"]:
            price = v["calculated_price"]
            minor = int(Decimal(str(price["calculated_amount"])) * 100)
            found[v["sku"]] = (minor, price["calculated_price"]["price_list_type"])
    return found


def test_the_till_and_the_web_shop_give_the_same_price(
        hub: ThreadedHub, hub_db: Database, medusa: httpx.Client,
        medusa_up: dict[str, Any]) -> None:
    hub.import_catalog([{"sku": sku, "name": f"Pris {sku}", "price_minor": price,
                         "vat_code": "standard"} for sku, price in BASE.items()])
    email = f"gull-{TAG}@example.no"
    kari = Shopper(medusa_up, email)  # her web account, then the till signs her up as gold
    till = Till.enrol(hub, "S1", f"R-prices-{TAG}")  # type: ignore[arg-type]
    with till.client as http:
        made = http.post("/v1/customers", json={"name": "Kari Gull", "email": email,
                                                "home_store_id": "S1"})
    assert made.status_code in (200, 201), made.text  # 200: her web sign-up came first
    assert hub.admin.put(f"/v1/admin/customers/{made.json()['customer_id']}/tier",
                         json={"tier": "gold"}).status_code == 200
    answer = hub.admin.post("/v1/admin/price-lists", json=_lists())
    assert answer.status_code == 200, answer.text
    wait_for(lambda: pushed_up_to_head(hub_db), timeout=60, what="Medusa up to the feed")
    with hub_db.reader.connect() as conn:
        parts = conn.execute(select(medusa_price_lists.c.list_id, medusa_price_lists.c.part)
                             .where(medusa_price_lists.c.list_id.like(f"%{TAG}"))).all()
        ids = list(conn.execute(select(medusa_products.c.product_id)
                                .where(medusa_products.c.sku.in_(SKUS))).scalars())
        gold = customer_groups.group_id(conn, "gold")
    assert len(parts) == 6 and len(ids) == 5  # 2 member lists, 2 campaigns of two each
    medusa_id = kari.http.get("/store/customers/me", params={"fields": "id"}, headers={
        "authorization": f"Bearer {kari.token}"}).json()["customer"]["id"]
    wait_for(lambda: gold in {g["id"] for g in medusa.get(
        f"/admin/customers/{medusa_id}", params={"fields": "id,*groups"}
    ).json()["customer"]["groups"] or ()}, timeout=30, what="Kari in the gold group")

    a, b, c, d, e = SKUS
    anonymous = _till_prices(till, None)
    member = _till_prices(till, "gold")
    assert anonymous == {a: 69900, b: 47000, c: 19900, d: 29900, e: 9990}
    assert member == {a: 69900, b: 45000, c: 17900, d: 29900, e: 9990}
    web_anonymous = _web_prices(medusa_up, ids)
    web_member = _web_prices(medusa_up, ids, kari.token)
    print(f"\nanonymous: till {anonymous}\n           web  {web_anonymous}"
          f"\ngold:      till {member}\n           web  {web_member}")
    assert {sku: p for sku, (p, _kind) in web_anonymous.items()} == anonymous
    assert {sku: p for sku, (p, _kind) in web_member.items()} == member
    assert web_anonymous[a][1] == "sale" and web_member[b][1] == "override"

    # Changes follow on both sides. A lower base price: the gold override of `a` (74900)
    # must follow it down in Medusa (the pusher re-pushes the member lists of a changed sku).
    hub.import_catalog([{"sku": a, "name": f"Pris {a}", "price_minor": 64900,
                         "vat_code": "standard"}])
    wait_for(lambda: pushed_up_to_head(hub_db), timeout=60, what="Medusa up to the feed")
    _same(till, medusa_up, ids, kari.token,
          anonymous={a: 64900, b: 47000, c: 19900, d: 29900, e: 9990},
          member={a: 64900, b: 45000, c: 17900, d: 29900, e: 9990})
    # A member list changed (one price lower, two skus dropped) and the campaign withdrawn.
    changed = _lists()
    changed[0]["prices"] = [{"sku": b, "price_minor": 44000}]
    changed[2]["active"] = False
    assert hub.admin.post("/v1/admin/price-lists", json=changed).json()["updated"] == 2
    wait_for(lambda: pushed_up_to_head(hub_db), timeout=60, what="Medusa up to the feed")
    _same(till, medusa_up, ids, kari.token,
          anonymous={a: 64900, b: 49900, c: 19900, d: 29900, e: 9990},
          member={a: 64900, b: 44000, c: 17900, d: 29900, e: 9990})


def _same(till: Till, medusa_up: dict[str, Any], ids: list[str], token: str, *,
          anonymous: dict[str, int], member: dict[str, int]) -> None:
    assert _till_prices(till, None) == anonymous
    assert _till_prices(till, "gold") == member
    assert {s: p for s, (p, _k) in _web_prices(medusa_up, ids).items()} == anonymous
    assert {s: p for s, (p, _k) in _web_prices(medusa_up, ids, token).items()} == member
