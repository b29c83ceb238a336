"""Stock Medusa moves in a store enters the hub's ledger once and is not pushed back: a web
order fulfilled from Oslo moves the hub's Oslo balance once, the till subscribed to S1 gets the
change through the feed, and Medusa's level is not decremented a second time by the pusher; a
replayed fulfilment event changes nothing; a lost one is caught by one reconciliation pass; a
level that disagrees is counted, not overwritten."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from hub.db import Database
from hub.ledger import stock_on_hand
from hub.medusa.connector import Connector
from hub.medusa.tables import medusa_events, medusa_mismatches
from hub.models import feed_sequencer, stock_movements
from hub.server import ThreadedHub
from tests.hub.sales import Till
from tests.medusa.conftest import wait_for
from tests.medusa.helpers import level, new_event_id, pushed_up_to_head, signed_post, stocked
from tests.medusa.test_events import Shopper

SKU = "M-4001"
OTHER = "M-4002"
PRODUCTS = [{"sku": SKU, "name": "Turstøvler", "price_minor": 149900, "vat_code": "standard",
             "barcodes": ["7038010077701"]},
            {"sku": OTHER, "name": "Ullsokker", "price_minor": 19900, "vat_code": "standard",
             "barcodes": ["7038010077718"]}]

pytestmark = pytest.mark.medusa


def _connector(hub: ThreadedHub) -> Connector:
    return hub.server.config.app.state.medusa  # type: ignore[no-any-return]


def _balance(db: Database, sku: str = SKU) -> int | None:
    with db.reader.connect() as conn:
        return stock_on_hand(conn, "S1", [sku]).get(sku)


def _web_movements(db: Database) -> list[tuple[str, int]]:
    with db.reader.connect() as conn:
        return [(r.reason, int(r.delta_milli)) for r in conn.execute(
            select(stock_movements).where(stock_movements.c.store_id == "S1",
                                          stock_movements.c.sku == SKU,
                                          stock_movements.c.reason.like("web_%"))
            .order_by(stock_movements.c.id))]


def _head(db: Database) -> int:
    with db.reader.connect() as conn:
        return int(conn.execute(select(feed_sequencer.c.position)).scalar_one())


def _fulfil(medusa: httpx.Client, order: dict[str, Any], location: str) -> str:
    answer = medusa.post(f"/admin/orders/{order['id']}/fulfillments",
                         params={"fields": "id,*fulfillments"},
                         json={"location_id": location, "items": [
                             {"id": item["id"], "quantity": item["quantity"]}
                             for item in order["items"]]})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["order"]["fulfillments"][-1]["id"])


def _settled(db: Database, medusa: httpx.Client, location: str, want: int) -> bool:
    """The pusher has caught up with the feed and Medusa's level is `want`."""
    return pushed_up_to_head(db) and stocked(medusa, SKU, location) == want


@pytest.fixture(scope="module")
def boots(hub: ThreadedHub, medusa: httpx.Client, medusa_up: dict[str, Any]) -> dict[str, Any]:
    hub.import_catalog(PRODUCTS)
    hub.set_stock({("S1", SKU): 10_000, ("S1", OTHER): 5_000})
    oslo = medusa_up["stock_locations"]["S1"]
    wait_for(lambda: stocked(medusa, SKU, oslo) == 10 and stocked(medusa, OTHER, oslo) == 5,
             what="the boots and socks stocked in Oslo")
    found = wait_for(lambda: medusa.get("/admin/product-variants", params={
        "sku": SKU, "fields": "id"}).json()["variants"])
    return {"variant_id": found[0]["id"], "oslo": oslo}


def test_a_web_order_fulfilled_in_oslo_moves_the_hub_once_and_is_not_pushed_back(
        hub: ThreadedHub, hub_db: Database, medusa: httpx.Client, medusa_up: dict[str, Any],
        boots: dict[str, Any]) -> None:
    oslo = boots["oslo"]
    till = Till.enrol(hub, "S1", "R-web-stock-1")  # type: ignore[arg-type]
    after = _head(hub_db)
    order, _ = Shopper(medusa_up, f"siri-{os.urandom(4).hex()}@example.no").buy(
        [(boots["variant_id"], 2)], pickup_store="S1")
    started = time.perf_counter()
    fulfilment = _fulfil(medusa, order, oslo)
    wait_for(lambda: _balance(hub_db) == 8_000, what="the hub's Oslo balance at 8")
    print(f"\nfulfilment in Medusa -> hub ledger: {(time.perf_counter() - started) * 1000:.0f} ms"
          f" (load {os.getloadavg()[0]:.1f})")
    assert _web_movements(hub_db) == [("web_fulfilment", -2_000)]

    # The till subscribed to S1 gets the new balance through the normal feed.
    with till.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": after,
                                                 "timeout": 5}).json()
    seen = [c["data"]["on_hand_milli"] for c in page["changes"]
            if c["type"] == "stock" and c["data"]["sku"] == SKU]
    assert seen and seen[-1] == 8_000

    # No echo: the pusher has pushed that feed change, and Medusa's level is 8, not 6; the
    # route's basis is the hub's quantity less web moves (still 10).
    wait_for(lambda: _settled(hub_db, medusa, oslo, 8), what="Medusa at 8, pusher caught up")
    time.sleep(1.0)
    found = level(medusa, SKU, oslo)
    assert found is not None and float(found["stocked_quantity"]) == 8
    assert found["metadata"]["kassa_hub_quantity"] == 10

    # A replayed fulfilment event (a new id, as a lost answer's retry by a new emission would
    # have) is re-read and changes nothing; the original event id again is refused (409).
    url = f"{hub.url}/v1/medusa/events"
    secret = medusa_up["webhook_secret"]
    replay = {"id": new_event_id(), "event": "order.fulfillment_created",
              "data": {"order_id": order["id"], "fulfillment_id": fulfilment}, "metadata": {}}
    assert signed_post(url, secret, replay).status_code == 202
    wait_for(lambda: _status(hub_db, replay["id"]) == "applied", what="the replay processed")
    original = next(e for e in _events(hub_db, "order.fulfillment_created")
                    if e["data"].get("fulfillment_id") == fulfilment)
    assert signed_post(url, secret, original).status_code == 409
    assert _web_movements(hub_db) == [("web_fulfilment", -2_000)]
    assert _balance(hub_db) == 8_000 and stocked(medusa, SKU, oslo) == 8

    # A reconciliation pass finds nothing missing and no disagreement on this level.
    done = _connector(hub).reconciler.run_once()
    assert done.orders >= 1 and done.moved == 0 and done.compared >= 2
    assert _mismatch(hub_db, f"S1:{SKU}") is None
    assert _web_movements(hub_db) == [("web_fulfilment", -2_000)]


def test_a_lost_fulfilment_event_is_caught_by_one_reconciliation_pass(
        hub: ThreadedHub, hub_db: Database, medusa: httpx.Client, medusa_up: dict[str, Any],
        boots: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    oslo = boots["oslo"]
    connector = _connector(hub)
    connector.reconciler.run_once()  # the mark: orders before this are done
    before, moves_before = _balance(hub_db), _web_movements(hub_db)
    assert before is not None
    order, _ = Shopper(medusa_up, f"per-{os.urandom(4).hex()}@example.no").buy(
        [(boots["variant_id"], 1)], pickup_store="S1")
    wait_for(lambda: any(e["data"].get("id") == order["id"]
                         for e in _events(hub_db, "order.placed")), what="order.placed")

    # The receiver drops every order event from here on: taken (202) but never applied.
    def drop(event_id: str) -> None:
        with hub_db.writer.begin() as conn:
            conn.execute(medusa_events.update().where(medusa_events.c.event_id == event_id)
                         .values(status="recorded", reason="dropped by the test"))
    monkeypatch.setattr(connector, "process", drop)
    _fulfil(medusa, order, oslo)
    wait_for(lambda: any(e["data"].get("order_id") == order["id"]
                         for e in _events(hub_db, "order.fulfillment_created")),
             what="the fulfilment event, dropped")
    wait_for(lambda: _settled(hub_db, medusa, oslo, before // 1000 - 1), what="Medusa at -1")
    assert _balance(hub_db) == before  # the hub missed it
    monkeypatch.undo()

    done = connector.reconciler.run_once()
    assert done.moved == 1, done
    assert _balance(hub_db) == before - 1_000
    assert _web_movements(hub_db) == [*moves_before, ("web_fulfilment", -1_000)]
    wait_for(lambda: _settled(hub_db, medusa, oslo, before // 1000 - 1), what="no echo")
    again = connector.reconciler.run_once()  # a second pass: nothing more
    assert again.moved == 0 and _balance(hub_db) == before - 1_000
    assert _mismatch(hub_db, f"S1:{SKU}") is None


def test_a_web_return_received_in_oslo_and_a_cancelled_fulfilment_come_back_once(
        hub: ThreadedHub, hub_db: Database, medusa: httpx.Client, medusa_up: dict[str, Any],
        boots: dict[str, Any]) -> None:
    oslo = boots["oslo"]
    shopper = Shopper(medusa_up, f"liv-{os.urandom(4).hex()}@example.no")
    order, _ = shopper.buy([(boots["variant_id"], 2)], pickup_store="S1")
    before, moves_before = _balance(hub_db), _web_movements(hub_db)
    assert before is not None
    _fulfil(medusa, order, oslo)
    wait_for(lambda: _balance(hub_db) == before - 2_000, what="the fulfilment in the hub")

    # One of the two brought back to the Oslo store: Medusa restocks Oslo, the hub too, once.
    line = order["items"][0]["id"]
    made = _admin(medusa, "/admin/returns", {"order_id": order["id"], "location_id": oslo})
    ret = made["return"]["id"]
    _admin(medusa, f"/admin/returns/{ret}/request-items", {"items": [{"id": line, "quantity": 1}]})
    _admin(medusa, f"/admin/returns/{ret}/request", {})
    _admin(medusa, f"/admin/returns/{ret}/receive", {})
    _admin(medusa, f"/admin/returns/{ret}/receive-items", {"items": [{"id": line, "quantity": 1}]})
    _admin(medusa, f"/admin/returns/{ret}/receive/confirm", {})
    wait_for(lambda: _balance(hub_db) == before - 1_000, what="the return in the hub")
    wait_for(lambda: _settled(hub_db, medusa, oslo, before // 1000 - 1), what="Medusa -2 +1")
    assert _web_movements(hub_db) == [*moves_before, ("web_fulfilment", -2_000),
                                      ("web_return", 1_000)]

    # A fulfilment cancelled in Medusa puts the stock back there, and in the hub, once.
    second, _ = shopper.buy([(boots["variant_id"], 1)], pickup_store="S1")
    fulfilment = _fulfil(medusa, second, oslo)
    wait_for(lambda: _balance(hub_db) == before - 2_000, what="the second fulfilment")
    _admin(medusa, f"/admin/orders/{second['id']}/fulfillments/{fulfilment}/cancel", {})
    wait_for(lambda: _balance(hub_db) == before - 1_000, what="the cancellation in the hub")
    wait_for(lambda: _settled(hub_db, medusa, oslo, before // 1000 - 1), what="Medusa back")
    assert _web_movements(hub_db)[-2:] == [("web_fulfilment", -1_000), ("web_fulfilment", 1_000)]
    assert _connector(hub).reconciler.run_once().moved == 0
    assert _balance(hub_db) == before - 1_000


def test_a_level_that_disagrees_is_counted_not_overwritten(
        hub: ThreadedHub, hub_db: Database, medusa: httpx.Client,
        boots: dict[str, Any]) -> None:
    oslo = boots["oslo"]
    found = level(medusa, OTHER, oslo)
    assert found is not None
    medusa.post(f"/admin/inventory-items/{found['inventory_item_id']}/location-levels/{oslo}",
                json={"stocked_quantity": 100}).raise_for_status()  # by hand in Medusa's admin
    wait_for(lambda: pushed_up_to_head(hub_db))
    connector = _connector(hub)
    first = connector.reconciler.run_once()
    second = connector.reconciler.run_once()
    assert first.mismatches >= 1 and second.mismatches >= 1
    row = _mismatch(hub_db, f"S1:{OTHER}")
    assert row is not None and row.seen == 2
    assert (float(row.medusa_value), float(row.hub_value)) == (100, 5)
    assert _balance(hub_db, OTHER) == 5_000 and stocked(medusa, OTHER, oslo) == 100


def _status(db: Database, event_id: str) -> str | None:
    with db.reader.connect() as conn:
        return conn.execute(select(medusa_events.c.status).where(
            medusa_events.c.event_id == event_id)).scalar()


def _events(db: Database, name: str) -> list[dict[str, Any]]:
    with db.reader.connect() as conn:
        return [json.loads(row.payload) for row in conn.execute(
            select(medusa_events.c.payload).where(medusa_events.c.name == name))]


def _mismatch(db: Database, key: str) -> Any:
    with db.reader.connect() as conn:
        return conn.execute(select(medusa_mismatches).where(
            medusa_mismatches.c.kind == "stock", medusa_mismatches.c.key == key)).first()



def _admin(medusa: httpx.Client, path: str, body: dict[str, Any]) -> Any:
    answer = medusa.post(path, json=body)
    assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text[:500]}"
    return answer.json()
