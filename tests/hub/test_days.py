"""A register's end of day on the hub (hub.days): a real till's `day.closed` through the real
pusher, stored once per register and date; a conflicting Z and a bad payload rejected with
their reason (and the queue still moves); the read endpoint for the admin and the store's own
tills only. On SQLite, and on PostgreSQL when KASSA_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from hub.testing import HubProcess
from pos.app.end_of_day import EndOfDay
from pos.store import users
from tests.hub.sales import Till, envelope, now
from tests.sync.tills import credential_of, drained, make_till, sell, wait_for

# A product of this module's own (the session's hub holds the demo catalog, whose VAT codes
# are not the till's): the till's VAT code 31 (15 %), a GTIN no other test uses.
DAY_GOODS = {"sku": "DAY1", "name": "Dagens brød", "price_minor": 4990, "vat_code": "31",
             "barcodes": ["7038010099991"], "department": "Bakeri"}
DATE = "2026-11-20"


def day_payload(store_id: str, register_id: str, *, z_no: int = 1,
                business_date: str = DATE, cash: int = 12_500) -> dict[str, Any]:
    return {"store_id": store_id, "register_id": register_id, "business_date": business_date,
            "z_no": z_no, "currency": "NOK", "closed_at": now(),
            "first_transaction_no": 1, "last_transaction_no": 3,
            "tenders": [{"tender": "cash", "count": 2, "amount_minor": cash},
                        {"tender": "card", "count": 1, "amount_minor": 4990}],
            "totals": {"sales_minor": cash + 4990, "returns_minor": 0, "receipts": 3,
                       "grand_total_sales_minor": 90_000, "grand_total_return_minor": -1000,
                       "grand_total_sales_net_minor": 72_000}}


def day_event(seq: int, payload: dict[str, Any]) -> dict[str, Any]:
    return {**envelope(seq, payload), "type": "day.closed"}


def days_of(hub: HubProcess, store: str, register_id: str, credential: str | None = None,
            day_from: str = DATE, day_to: str = DATE) -> list[dict[str, Any]]:
    params = {"from": day_from, "to": day_to}
    if credential is None:
        answer = hub.admin.get(f"/v1/stores/{store}/days", params=params)
    else:
        with hub.client(credential) as http:
            answer = http.get(f"/v1/stores/{store}/days", params=params)
    assert answer.status_code == 200, answer.text
    return [d for d in answer.json()["days"] if d["register_id"] == register_id]


def test_a_tills_end_of_day_reaches_the_hub_through_the_pusher(
        hub: HubProcess, register_id: str, tmp_path: Path) -> None:
    hub.import_catalog([DAY_GOODS])
    hub.set_stock({("S1", "DAY1"): 50_000})
    till = make_till(hub, tmp_path / "till", "S1", register_id)
    try:
        ctx = till.ctx
        sell(till, "7038010099991", "7038010099991")
        sell(till, "7038010099991")
        users.create_user(ctx.db, "9", "Mona", "manager", "9999")
        manager = till.login("9", "9999")
        flow = EndOfDay(ctx, saft_dir=tmp_path / "saft")
        state = flow.run_all(manager)
        assert state.status == "done", state.steps
        assert state.steps["hub"]["status"] == "done", state.steps["hub"]
        wait_for(lambda: drained(till), what="the day.closed event acknowledged")

        business_date = flow.business_date
        stored = days_of(hub, "S1", register_id, day_from=business_date, day_to=business_date)
        assert len(stored) == 1
        day = stored[0]
        assert (day["business_date"], day["z_no"], day["currency"]) == (business_date, 1, "NOK")
        assert (day["first_transaction_no"], day["last_transaction_no"]) == (1, 2)
        # cash rounds to whole kroner: 99.80 -> 100.00, 49.90 -> 50.00
        assert day["tenders"] == [{"tender": "cash", "count": 2, "amount_minor": 15_000}]
        assert day["totals"]["sales_minor"] == 3 * 4990
        assert day["totals"]["receipts"] == 2
        # The till's own credential reads its store's days too.
        mine = days_of(hub, "S1", register_id, credential_of(till), business_date, business_date)
        assert mine == stored
    finally:
        till.shutdown()
        till.ctx.db.close()


def test_the_same_day_again_is_stored_once(hub: HubProcess, register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    payload = day_payload("S1", register_id)
    first = day_event(1, payload)
    assert till.post([first]).json()["results"] == [
        {"seq": 1, "status": "applied", "reason": None}]
    assert till.post([first]).json()["results"][0]["status"] == "duplicate"  # same seq
    # The same day under a new seq (a till that re-sent its outbox): no second row.
    again = till.post([day_event(2, payload)])
    assert again.json()["results"] == [{"seq": 2, "status": "applied", "reason": None}]
    stored = days_of(hub, "S1", register_id)
    assert len(stored) == 1
    assert stored[0]["z_no"] == 1 and stored[0]["tenders"][0]["amount_minor"] == 12_500


def test_a_second_z_for_a_closed_day_is_rejected_and_the_first_kept(
        hub: HubProcess, register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    assert till.post([day_event(1, day_payload("S1", register_id))]).status_code == 200
    answer = till.post([day_event(2, day_payload("S1", register_id, z_no=2, cash=99_900)),
                        day_event(3, day_payload("S1", register_id, z_no=2,
                                                 business_date="2026-11-21"))])
    assert answer.status_code == 200, answer.text
    conflict, next_day = answer.json()["results"]
    assert conflict["status"] == "rejected"
    assert conflict["reason"].startswith(
        f"conflicting_day: register {register_id} already closed {DATE} with Z 1")
    assert next_day == {"seq": 3, "status": "applied", "reason": None}
    assert answer.json()["acked_through"] == 3  # one bad event never blocks the queue
    kept = days_of(hub, "S1", register_id, day_to="2026-11-21")
    assert [(d["business_date"], d["z_no"]) for d in kept] == [(DATE, 1), ("2026-11-21", 2)]
    assert kept[0]["tenders"][0]["amount_minor"] == 12_500


def test_a_bad_payload_is_rejected_with_its_reason_and_nothing_stored(
        hub: HubProcess, register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    no_totals = day_payload("S1", register_id)
    del no_totals["totals"]
    negative_z = day_payload("S1", register_id, z_no=0)
    huge = day_payload("S1", register_id)
    huge["tenders"][0]["amount_minor"] = 10**18
    other_register = day_payload("S1", f"{register_id}x")
    answer = till.post([day_event(1, no_totals), day_event(2, negative_z), day_event(3, huge),
                        day_event(4, other_register)])
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert results[0]["reason"].startswith("invalid_payload: totals: Field required")
    assert results[1]["reason"].startswith("invalid_payload: z_no:")
    assert results[2]["reason"].startswith("invalid_payload: tenders.0.amount_minor:")
    assert results[3]["reason"] == f"wrong_terminal: the day names S1/{register_id}x"
    assert answer.json()["acked_through"] == 4
    assert days_of(hub, "S1", register_id) == []
    assert days_of(hub, "S1", f"{register_id}x") == []


def test_days_are_read_by_the_admin_and_the_stores_own_tills_only(
        hub: HubProcess, register_id: str) -> None:
    own = Till.enrol(hub, "S1", register_id)
    other = Till.enrol(hub, "S2", f"{register_id}b")
    assert own.post([day_event(1, day_payload("S1", register_id))]).status_code == 200
    assert len(days_of(hub, "S1", register_id, own.enrolment.credential)) == 1
    with hub.client(other.enrolment.credential) as http:
        refused = http.get("/v1/stores/S1/days", params={"from": DATE, "to": DATE})
    assert refused.status_code == 403
    assert refused.json()["error"] == "forbidden"
    with hub.client(f"not-a-credential-{uuid.uuid4()}") as http:
        unknown = http.get("/v1/stores/S1/days", params={"from": DATE, "to": DATE})
    assert unknown.status_code == 401
    backwards = hub.admin.get("/v1/stores/S1/days", params={"from": DATE, "to": "2026-11-01"})
    assert backwards.status_code == 422 and "before" in backwards.json()["detail"]
    missing = hub.admin.get("/v1/stores/S1/days", params={"from": DATE})
    assert missing.status_code == 422
