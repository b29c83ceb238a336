"""Click & collect in the hub, without Medusa (its contract is tests/medusa/test_pickup.py):
a pickup order recorded by the connector is a frame on its store's topic only, it reaches a
waiting till at once because the connector's commit wakes the broadcaster (its safety poll is
set to 30 s here), the till lists its store's open pickups, and a hand-over is recorded at once
(Medusa unreachable: it waits in the hub, the till does not), once, whole, in its own store."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from hub.config import HubConfig
from hub.db import utcnow
from hub.medusa import pickups
from hub.medusa.config import MedusaSettings
from hub.medusa.connector import Connector
from hub.medusa.pickup_tables import medusa_pickups
from hub.server import ThreadedHub, serve_in_thread
from hub.testing import DEMO_PRODUCTS, free_port
from sync.protocol import PickupChange, PickupItem

SKU = str(DEMO_PRODUCTS[0]["sku"])


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadedHub]:
    nowhere = f"http://127.0.0.1:{free_port()}"  # Medusa away the whole time
    settings = MedusaSettings(url=nowhere, api_key="sk_test", webhook_secret="s" * 32,
                              timeout_s=0.5, max_backoff_s=1.0, reconcile_s=0)
    db = Path(tmp_path_factory.mktemp("pickups")) / "hub.sqlite3"
    running = serve_in_thread(HubConfig(db_url=str(db), medusa=settings, poll_interval_s=30.0))
    running.import_catalog(DEMO_PRODUCTS)
    try:
        yield running
    finally:
        running.stop()


def _connector(hub: ThreadedHub) -> Connector:
    return hub.server.config.app.state.medusa  # type: ignore[no-any-return]


def _till(hub: ThreadedHub, store: str, register: str) -> httpx.Client:
    return hub.client(hub.enrol(store, register).credential)


def _pickup(order_id: str, display_id: int, flag: str | None = None) -> PickupChange:
    return PickupChange(order_id=order_id, display_id=display_id, store_id="S1", status="open",
                        flag=flag, customer_name="Kari Nordmann", email="kari@example.no",
                        items=(PickupItem(line_item_id=f"ordli_{order_id}", sku=SKU,
                                          name="Demo", quantity=2),),
                        total_minor=179800, currency="NOK", as_of=utcnow())


def _poll(till: httpx.Client, store: str, after: int, timeout: float) -> dict[str, Any]:
    answer = till.get("/v1/feed/poll", params={"topics": f"store:{store}", "after": after,
                                               "timeout": timeout}, timeout=timeout + 10)
    answer.raise_for_status()
    return dict(answer.json())


def test_a_pickup_reaches_its_stores_waiting_till_at_once_and_no_other(hub: ThreadedHub) -> None:
    oslo, bergen = _till(hub, "S1", "R-pick-1"), _till(hub, "S2", "R-pick-2")
    after = int(hub.admin.get("/v1/health").json()["position"])
    got: dict[str, Any] = {}

    def wait() -> None:
        started = time.monotonic()
        got["page"] = _poll(oslo, "S1", after, timeout=10)
        got["waited_s"] = time.monotonic() - started

    waiting = threading.Thread(target=wait)
    waiting.start()
    time.sleep(0.5)  # the long poll is waiting on the broadcaster
    db = _connector(hub).db
    assert pickups.record_new(db, _pickup("order_live", 101), "sloc_oslo")
    _connector(hub).committed()  # what Connector.process does after an event
    waiting.join(timeout=15)
    frames = [c for c in got["page"]["changes"] if c["type"] == "pickup"]
    assert [f["data"]["order_id"] for f in frames] == ["order_live"]
    assert got["waited_s"] < 5, "woken by the connector's commit, not by the 30 s poll"
    assert frames[0]["topic"] == "store:S1"
    assert not [c for c in _poll(bergen, "S2", after, timeout=0)["changes"]
                if c["type"] == "pickup"]
    assert not pickups.record_new(db, _pickup("order_live", 101), "sloc_oslo")  # once


def test_the_till_lists_its_stores_open_pickups_with_the_flag(hub: ThreadedHub) -> None:
    db = _connector(hub).db
    pickups.record_new(db, _pickup("order_flagged", 102, flag="Stock gone: 2 × X in S2"),
                       "sloc_oslo")
    listed = _till(hub, "S1", "R-pick-3").get("/v1/pickups").json()["pickups"]
    flagged = {p["order_id"]: p["flag"] for p in listed}
    assert flagged["order_flagged"] == "Stock gone: 2 × X in S2"
    assert _till(hub, "S2", "R-pick-4").get("/v1/pickups").json() == {"pickups": []}


def test_a_hand_over_is_recorded_at_once_whole_and_once(hub: ThreadedHub) -> None:
    db = _connector(hub).db
    pickups.record_new(db, _pickup("order_hand", 103), "sloc_oslo")
    oslo, bergen = _till(hub, "S1", "R-pick-5"), _till(hub, "S2", "R-pick-6")
    whole = {"items": [{"line_item_id": "ordli_order_hand", "quantity": 2}],
             "employee_no": "7"}
    assert bergen.post("/v1/pickups/order_hand/handover", json=whole).status_code == 404
    part = {"items": [{"line_item_id": "ordli_order_hand", "quantity": 1}]}
    assert oslo.post("/v1/pickups/order_hand/handover", json=part).status_code == 422
    started = time.monotonic()
    answer = oslo.post("/v1/pickups/order_hand/handover", json=whole)
    assert answer.status_code == 202, answer.text
    print(f"\nhand-over recorded (Medusa away): {(time.monotonic() - started) * 1000:.0f} ms")
    assert answer.json()["status"] == "handed_over"
    assert oslo.post("/v1/pickups/order_hand/handover", json=whole).status_code == 409
    assert "order_hand" not in {p["order_id"] for p in oslo.get("/v1/pickups").json()["pickups"]}
    with db.reader.connect() as conn:
        row = conn.execute(select(medusa_pickups).where(
            medusa_pickups.c.order_id == "order_hand")).one()
    assert (row.status, row.handed_over_by) == ("handed_over", "R-pick-5/7")
