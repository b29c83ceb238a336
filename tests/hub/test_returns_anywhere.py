"""Returns anywhere at the hub: a store sale found by a till of another store with every
return of it the hub has; a web order found by its number, its return taken at once and
checked (more than was bought, an order already returned), the till's return transaction of
it moving no stock (Medusa restocks); stock everywhere without a web shop."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from hub.db import Database, open_database, utcnow
from hub.ledger import stock_on_hand
from hub.medusa.return_tables import web_returns
from hub.medusa.tables import medusa_orders
from hub.testing import HubProcess
from tests.hub.sales import Till, envelope, sale_payload

SKU = "100004"


@pytest.fixture
def db(hub: HubProcess) -> Iterator[Database]:
    database = open_database(hub.db_url, pool_size=1)
    yield database
    database.dispose()


def _on_hand(db: Database, store: str) -> int:
    with db.reader.connect() as conn:
        return stock_on_hand(conn, store, [SKU]).get(SKU, 0)


def _return_of(till: Till, sale: dict[str, Any], qty: int, return_id: str | None = None
               ) -> dict[str, Any]:
    seq = len(till.outbox) + 1
    body = sale_payload(till.store_id, till.register_id, seq, [(SKU, -qty)], kind="return")
    body["lines"][0]["line_no"] = sale["payload"]["lines"][0]["line_no"]
    body["original_sale_id"] = sale["payload"]["sale_id"]
    if return_id:
        body["sale_id"] = return_id
    event = envelope(seq, body)
    till.outbox[seq] = event
    return event


def test_a_store_sale_is_found_from_another_store_with_its_returns(
        hub: HubProcess, db: Database, register_id: str) -> None:
    oslo = Till.enrol(hub, "S1", register_id)
    bergen = Till.enrol(hub, "S2", f"{register_id}-b")
    sale = oslo.sell([(SKU, 3000)])
    assert oslo.post([sale]).json()["results"][0]["status"] == "applied"
    first = _return_of(oslo, sale, 1000)  # one back in Oslo already
    assert oslo.post([first]).json()["results"][0]["status"] == "applied"
    number = sale["payload"]["transaction_no"]
    with bergen.client as http:
        found = http.get("/v1/sales/returnable", params={
            "register": register_id, "transaction_no": number})
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["sale"]["sale_id"] == sale["payload"]["sale_id"]
        assert body["store_name"] != "" or body["sale"]["store_id"] == "S1"
        assert [r["sale_id"] for r in body["returns"]] == [first["payload"]["sale_id"]]
        assert http.get("/v1/sales/returnable", params={
            "register": register_id, "transaction_no": 999_999}).status_code == 404
        by_id = http.get("/v1/sales/returnable",
                         params={"sale_id": sale["payload"]["sale_id"]}).json()
        assert by_id["sale"]["transaction_no"] == number
        refused = http.get("/v1/sales/returnable", params={
            "register": register_id, "transaction_no": first["payload"]["transaction_no"]})
        assert refused.status_code == 409 and refused.json()["error"] == "not_returnable"
    # Bergen takes one back: Bergen's stock goes up, and the hub lists two returns now.
    before = _on_hand(db, "S2")
    second = _return_of(bergen, sale, 1000)
    assert bergen.post([second]).json()["results"][0]["status"] == "applied"
    assert _on_hand(db, "S2") == before + 1000
    with bergen.client as http:
        body = http.get("/v1/sales/returnable", params={
            "sale_id": sale["payload"]["sale_id"]}).json()
    assert len(body["returns"]) == 2


def _claim(till: Till, sale: dict[str, Any], milli: int, return_id: str) -> Any:
    line_no = sale["payload"]["lines"][0]["line_no"]
    with till.client as http:
        return http.post(f"/v1/sales/{sale['payload']['sale_id']}/return-claims", json={
            "return_id": return_id, "lines": [{"line_no": line_no, "quantity_milli": milli}]})


def test_return_claims_let_one_store_through_and_lapse(
        hub: HubProcess, db: Database, register_id: str) -> None:
    """Three sold; Oslo's own return of one reached the hub; Bergen claims one, then Trondheim
    asks for two: refused, naming Bergen; Bergen's repeat is the same claim; once Bergen's
    return is uploaded it counts as a return, not twice; a lapsed claim holds nothing."""
    from hub.return_claims import return_claims

    oslo = Till.enrol(hub, "S1", register_id)
    bergen = Till.enrol(hub, "S2", f"{register_id}-b")
    third = Till.enrol(hub, "S1", f"{register_id}-c")
    sale = oslo.sell([(SKU, 3000)])
    assert oslo.post([sale]).json()["results"][0]["status"] == "applied"
    assert oslo.post([_return_of(oslo, sale, 1000)]).json()["results"][0]["status"] == "applied"
    bergen_id = str(uuid.uuid4())
    assert _claim(bergen, sale, 1000, bergen_id).status_code == 200
    refused = _claim(third, sale, 2000, str(uuid.uuid4()))
    assert refused.status_code == 409 and refused.json()["error"] == "already_returned"
    assert "2 of 3" in refused.json()["detail"] and "store S2" in refused.json()["detail"]
    assert _claim(bergen, sale, 1000, bergen_id).status_code == 200  # a repeat: the same
    back = _return_of(bergen, sale, 1000, return_id=bergen_id)
    assert bergen.post([back]).json()["results"][0]["status"] == "applied"
    assert _claim(third, sale, 1000, str(uuid.uuid4())).status_code == 200  # the last one
    late_id = str(uuid.uuid4())
    assert _claim(third, sale, 1000, late_id).status_code == 409  # all three held now
    with db.writer.begin() as conn:  # the claims lapse (a till that died before its refund)
        conn.execute(return_claims.update().where(return_claims.c.sale_id == sale[
            "payload"]["sale_id"]).values(expires_at=utcnow()))
    assert _claim(third, sale, 1000, late_id).status_code == 200
    missing = _claim(third, {"payload": {"sale_id": str(uuid.uuid4()), "lines": [
        {"line_no": 1}]}}, 1000, str(uuid.uuid4()))
    assert missing.status_code == 404


def _web_order(db: Database, display_id: int, items: list[tuple[str, int]],
               status: str = "pending") -> str:
    order_id = f"order_{uuid.uuid4().hex[:12]}"
    with db.writer.begin() as conn:
        conn.execute(medusa_orders.insert().values(
            order_id=order_id, display_id=display_id, email="kari@example.no",
            status=status, fulfillment_status="delivered", payment_status="captured",
            total_minor=sum(q * 89900 for _s, q in items), currency="NOK",
            items=json.dumps([{"sku": s, "quantity": q, "unit_price_minor": 89900}
                              for s, q in items]), updated_at=utcnow()))
    return order_id


def _ret(http: Any, display_id: int, qty: int, return_id: str | None = None,
         refund_to: str = "web_payment") -> Any:
    return http.post("/v1/web-returns", json={
        "return_id": return_id or str(uuid.uuid4()), "display_id": display_id,
        "items": [{"sku": SKU, "quantity": qty}], "refund_to": refund_to})


def test_a_web_order_is_returned_once_and_never_more_than_was_bought(
        hub: HubProcess, db: Database, register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    display_id = 700_000 + int(uuid.uuid4().int % 100_000)
    order_id = _web_order(db, display_id, [(SKU, 2)])
    with till.client as http:
        order = http.get(f"/v1/web-orders/{display_id}").json()
        assert order["order_id"] == order_id
        assert order["lines"][0] == {"sku": SKU, "name": order["lines"][0]["name"],
                                     "quantity": 2, "unit_price_minor": 89900, "returned": 0}
        assert http.get("/v1/web-orders/1999999999").status_code == 404
        too_many = _ret(http, display_id, 3)
        assert too_many.status_code == 409
        assert "bought 2" in too_many.json()["detail"]
        return_id = str(uuid.uuid4())
        taken = _ret(http, display_id, 1, return_id)
        assert taken.status_code == 201, taken.text
        assert taken.json()["refund_minor"] == 89900 and taken.json()["status"] == "pending"
        again = _ret(http, display_id, 1, return_id)  # the same request: the same return
        assert again.status_code == 201 and again.json()["return_id"] == return_id
        assert http.get(f"/v1/web-orders/{display_id}").json()["lines"][0]["returned"] == 1
        over = _ret(http, display_id, 2)
        assert over.status_code == 409 and "at most 1 more" in over.json()["detail"]
        assert _ret(http, display_id, 1, refund_to="store_credit").status_code == 201
        done = _ret(http, display_id, 1)
        assert done.status_code == 409
        assert done.json()["detail"] == f"web order #{display_id} is already returned in full"
    with db.reader.connect() as conn:
        assert conn.execute(select(web_returns.c.status).where(
            web_returns.c.order_id == order_id)).scalars().all() == ["pending", "pending"]

    # The till's own return transaction of it (same id) is applied but moves no stock:
    # Medusa restocks the store when it receives the return (hub.medusa.web_stock).
    before = _on_hand(db, "S1")
    seq = len(till.outbox) + 1
    body = sale_payload("S1", register_id, seq, [(SKU, -1000)], kind="return")
    body["sale_id"] = return_id
    event = envelope(seq, body)
    assert till.post([event]).json()["results"][0]["status"] == "applied"
    assert _on_hand(db, "S1") == before


def test_a_cancelled_web_order_is_not_returned(hub: HubProcess, db: Database,
                                               register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    display_id = 800_000 + int(uuid.uuid4().int % 100_000)
    _web_order(db, display_id, [(SKU, 1)], status="canceled")
    with till.client as http:
        refused = _ret(http, display_id, 1)
    assert refused.status_code == 409 and "canceled" in refused.json()["detail"]


def test_stock_everywhere_without_a_web_shop_has_the_stores(hub: HubProcess,
                                                            register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    with till.client as http:
        found = http.get(f"/v1/stock/{SKU}/everywhere").json()
        delivery = http.post("/v1/home-deliveries", json={
            "request_id": str(uuid.uuid4()), "sku": SKU, "email": "kari@example.no",
            "first_name": "Kari", "last_name": "Nordmann", "address_1": "Gate 1",
            "postal_code": "5003", "city": "Bergen"})
    assert {s["store_id"] for s in found["stores"]} >= {"S1", "S2"}
    assert found["web"] == [] and found["web_error"] == "no web shop configured"
    assert delivery.status_code == 409 and delivery.json()["error"] == "no_web_shop"
