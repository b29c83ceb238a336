"""Live look-ups and loyalty: customers, points earned and redeemed through a reservation,
stock in every store, a past sale by its receipt."""

from __future__ import annotations

import uuid

from hub.testing import HubProcess
from sync.protocol import Customer
from tests.hub.conftest import head
from tests.hub.sales import Till


def new_customer(till: Till, **fields: str) -> Customer:
    with till.client as http:
        answer = http.post("/v1/customers", json={"name": "Kari Nordmann", **fields})
    assert answer.status_code == 201, answer.text
    return Customer.model_validate(answer.json())


def test_customers_are_created_found_and_fetched(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    cursor = head(hub)
    card = f"C{uuid.uuid4().hex[:10]}"
    kari = new_customer(till, phone="+4791234567", loyalty_card=card, email="kari@example.no")
    assert kari.home_store_id == "S1"
    with till.client as http:
        for q in (card, "91234567", "KARI@example.no", "nordm"):
            found = http.get("/v1/customers", params={"q": q}).json()
            assert kari.customer_id in [c["customer_id"] for c in found], q
        assert http.get(f"/v1/customers/{kari.customer_id}").json()["name"] == "Kari Nordmann"
        assert http.get("/v1/customers/nobody").status_code == 404
        taken = http.post("/v1/customers", json={"name": "Other", "loyalty_card": card})
        assert taken.status_code == 409
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": cursor,
                                                 "timeout": 0}).json()
    assert any(c["type"] == "customer" and c["data"]["customer_id"] == kari.customer_id
               for c in page["changes"])


def test_points_are_earned_reserved_and_redeemed(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    cursor = head(hub)
    kari = new_customer(till)
    earn = till.sell([("100004", 30_000)], customer_id=kari.customer_id)  # 300.00 paid in cash
    assert till.post([earn]).json()["results"][0]["status"] == "applied"
    with till.client as http:
        assert http.get(f"/v1/customers/{kari.customer_id}").json()["balance_points"] == 300
        sale_id = str(uuid.uuid4())
        too_many = http.post("/v1/loyalty/reservations", json={
            "customer_id": kari.customer_id, "points": 301, "sale_id": sale_id})
        assert too_many.status_code == 409
        assert too_many.json()["error"] == "insufficient_points"
        held = http.post("/v1/loyalty/reservations", json={
            "customer_id": kari.customer_id, "points": 100, "sale_id": sale_id}).json()
        assert held["value_minor"] == 1000
        assert http.get(f"/v1/customers/{kari.customer_id}").json()["reserved_points"] == 100
    pay = till.sell([("100004", 2000)], customer_id=kari.customer_id,
                    loyalty=(held["reservation_id"], 1000))  # 20.00: 10.00 in points
    assert till.post([pay]).json()["results"][0]["status"] == "applied"
    with till.client as http:
        after = http.get(f"/v1/customers/{kari.customer_id}").json()
        # 300 - 100 redeemed + 10 earned on the 10.00 paid in cash
        assert (after["balance_points"], after["reserved_points"]) == (210, 0)
        assert http.delete(f"/v1/loyalty/reservations/{held['reservation_id']}").status_code \
            == 404  # consumed, not held
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": cursor,
                                                 "timeout": 0}).json()
    balances = [c["data"]["balance_points"] for c in page["changes"]
                if c["type"] == "loyalty" and c["data"]["customer_id"] == kari.customer_id]
    assert balances == [300, 200, 210]


def test_a_reservation_can_be_released(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    kari = new_customer(till)
    till.post([till.sell([("100004", 10_000)], customer_id=kari.customer_id)])
    with till.client as http:
        held = http.post("/v1/loyalty/reservations", json={
            "customer_id": kari.customer_id, "points": 50, "sale_id": str(uuid.uuid4())})
        assert held.status_code == 201
        assert http.delete(f"/v1/loyalty/reservations/{held.json()['reservation_id']}") \
            .status_code == 204
        assert http.get(f"/v1/customers/{kari.customer_id}").json()["reserved_points"] == 0


def test_sales_naming_unknown_customers_or_reservations_are_rejected(hub: HubProcess,
                                                                    register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    kari = new_customer(till)
    events = [till.sell([("100001", 1000)], customer_id="nobody"),
              till.sell([("100001", 1000)], customer_id=kari.customer_id,
                        loyalty=("no-such-reservation", 500))]
    reasons = [r["reason"] for r in till.post(events).json()["results"]]
    assert reasons[0].startswith("unknown_customer")
    assert reasons[1].startswith("unknown_reservation")


def test_stock_in_every_store(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S2", register_id)
    with till.client as http:
        levels = http.get("/v1/stock/100002").json()
    assert {s["store_id"] for s in levels["stores"]} >= {"S1", "S2"}
    assert all(isinstance(s["on_hand_milli"], int) for s in levels["stores"])


def test_a_past_sale_by_receipt_number_or_sale_id(hub: HubProcess, register_id: str):
    seller = Till.enrol(hub, "S1", register_id)
    event = seller.sell([("100003", 1000)])
    seller.post([event])
    other = Till.enrol(hub, "S1", register_id + "b")
    with other.client as http:
        by_receipt = http.get("/v1/sales/by-receipt", params={
            "store": "S1", "register": register_id, "transaction_no": 1})
        assert by_receipt.status_code == 200
        assert by_receipt.json()["sale_id"] == event["payload"]["sale_id"]
        by_id = http.get("/v1/sales/by-receipt",
                         params={"sale_id": event["payload"]["sale_id"]})
        assert by_id.json()["lines"][0]["sku"] == "100003"
        assert http.get("/v1/sales/by-receipt", params={
            "store": "S1", "register": register_id, "transaction_no": 99}).status_code == 404
        assert http.get("/v1/sales/by-receipt").status_code == 422
