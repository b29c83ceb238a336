"""One person, one hub customer (hub.customer_identity): a loyalty sign-up at a till finds the
customer she already is (by e-mail in any case; by phone only when no e-mail is given)
and answers that one, with what she lacked filled in; never a second customer, not even when
two sign-ups of hers arrive at the same moment (both backends)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from hub.testing import HubProcess
from tests.hub.conftest import head
from tests.hub.sales import Till


def _sign_up(till: Till, **fields: Any) -> tuple[int, dict[str, Any]]:
    with till.client as http:
        answer = http.post("/v1/customers", json=fields)
    return answer.status_code, answer.json()


def _unique() -> tuple[str, str]:
    tag = uuid.uuid4().hex[:8]
    return f"lisa.{tag}@example.no", f"+479{int(tag, 16) % 10**7:07d}"


def test_a_second_sign_up_of_the_same_e_mail_is_the_same_customer(hub: HubProcess,
                                                                   register_id: str) -> None:
    oslo, bergen = Till.enrol(hub, "S1", register_id), Till.enrol(hub, "S2", register_id + "b")
    email, phone = _unique()
    status, first = _sign_up(oslo, name="Lisa Berg", email=email)
    assert status == 201 and first["loyalty_card"] is None and first["home_store_id"] == "S1"
    cursor = head(hub)
    card = f"70{uuid.uuid4().hex[:11]}"
    status, again = _sign_up(bergen, name="Lisa B.", email=f"  {email.upper()} ",
                             phone=f"{phone[:6]} {phone[6:]}", loyalty_card=card)
    assert status == 200, again
    assert again["customer_id"] == first["customer_id"]
    # What she lacked is filled in; what is on file stays (her name, her home store).
    assert (again["loyalty_card"], again["phone"]) == (card, phone)
    assert (again["name"], again["home_store_id"]) == ("Lisa Berg", "S1")
    with oslo.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": cursor,
                                                 "timeout": 0}).json()
        found = http.get("/v1/customers", params={"q": email}).json()
    frames = [c["data"] for c in page["changes"] if c["type"] == "customer"
              and c["data"]["customer_id"] == first["customer_id"]]
    assert frames and frames[-1]["loyalty_card"] == card  # her store's tills learn the card
    assert [c["customer_id"] for c in found] == [first["customer_id"]]
    # Another card for her is refused with who she is: one card each.
    status, refused = _sign_up(oslo, name="Lisa Berg", email=email, loyalty_card="7099999999")
    assert status == 409 and card in refused["detail"]


def test_a_phone_decides_only_where_no_e_mail_is_given(hub: HubProcess,
                                                       register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    _, phone = _unique()
    status, mother = _sign_up(till, name="Anne Hansen", phone=phone)
    assert status == 201
    status, again = _sign_up(till, name="Anne Hansen", phone=f" {phone} ")
    assert status == 200 and again["customer_id"] == mother["customer_id"]
    # The family phone with her son's own e-mail: a person of his own, never merged into
    # hers (he would see her purchases, and they would share points).
    status, son = _sign_up(till, name="Jonas Hansen", phone=phone,
                           email=f"jonas.{uuid.uuid4().hex[:6]}@example.no")
    assert status == 201 and son["customer_id"] != mother["customer_id"]


def test_two_sign_ups_at_the_same_moment_make_one_customer(hub: HubProcess,
                                                           register_id: str) -> None:
    tills = [Till.enrol(hub, store, f"{register_id}-{n}")
             for n, store in enumerate(("S1", "S2", "S1", "S2"))]
    email, _ = _unique()
    with ThreadPoolExecutor(len(tills)) as pool:
        answers = list(pool.map(lambda till: _sign_up(till, name="Kari Samtidig",
                                                      email=email), tills))
    assert sorted(status for status, _ in answers) == [200, 200, 200, 201]
    assert len({body["customer_id"] for _, body in answers}) == 1
