"""The hub and tills in their own processes: a sale on one till reaches the other, a till
killed mid-push, a long network outage. At the end of each: hub stock = initial stock - every
committed till sale, loyalty = accruals - redemptions, every outbox acknowledged."""

from __future__ import annotations

import random
import time
from pathlib import Path

from hub.testing import HubProcess
from tests.e2e.conftest import TillProcess
from tests.sync.proxy import Proxy
from tests.sync.tills import STOCK_MILLI, wait_for

MILK, BREAD, COFFEE = "7038010000010", "7038010000027", "7038010000041"
SKUS = {"M1": MILK, "B1": BREAD, "K1": COFFEE}


def hub_stock(hub: HubProcess, till: TillProcess, sku: str) -> int:
    with hub.client(till.credential()) as http:
        stores = http.get(f"/v1/stock/{sku}").json()["stores"]
    return next(s["on_hand_milli"] for s in stores if s["store_id"] == till.store)


def assert_invariants(hub: HubProcess, tills: list[TillProcess],
                      customer: str | None = None) -> None:
    for till in tills:
        wait_for(lambda t=till: t.unacked() == 0, timeout=120, what=f"{till.register} acked")
    for sku in SKUS:
        sold = sum(t.sold_milli(sku) for t in tills)
        assert hub_stock(hub, tills[0], sku) == STOCK_MILLI - sold, sku
    if customer is not None:
        with hub.client(tills[0].credential()) as http:
            balance = http.get(f"/v1/customers/{customer}").json()["balance_points"]
        assert balance == sum(t.loyalty_delta(customer) for t in tills)


def test_a_sale_on_till_a_is_a_stock_change_on_till_b(
        hub: HubProcess, tills: list[TillProcess], tmp_path: Path) -> None:
    a = TillProcess(hub, tmp_path / "a", "S1", "R1").start()
    b = TillProcess(hub, tmp_path / "b", "S1", "R2").start()
    other_store = TillProcess(hub, tmp_path / "c", "S2", "R1").start()
    tills.extend((a, b, other_store))
    assert b.ask("stock M1")["on_hand"] == STOCK_MILLI
    a.ask(f"sell {MILK} {MILK} {MILK}")
    wait_for(lambda: b.ask("stock M1") == {"hub": STOCK_MILLI - 3000, "own": 0,
                                           "on_hand": STOCK_MILLI - 3000}, timeout=90,
             what="B sees A's sale")
    wait_for(lambda: a.ask("stock M1")["own"] == 0, timeout=90, what="A's own sale confirmed")
    assert a.ask("stock M1")["on_hand"] == STOCK_MILLI - 3000  # not counted twice
    assert other_store.ask("stock M1")["on_hand"] == STOCK_MILLI  # another store's stock
    assert_invariants(hub, [a, b])


def test_a_till_killed_mid_push_loses_and_doubles_nothing(
        hub: HubProcess, tills: list[TillProcess], tmp_path: Path) -> None:
    till = TillProcess(hub, tmp_path / "a", "S1", "R1").start()
    tills.append(till)
    rng = random.Random(5)
    for _round in range(3):
        till.send(f"burst 300 {MILK}")  # sales commit while the pusher pushes
        time.sleep(rng.uniform(0.5, 2.0))
        till.kill()  # SIGKILL: mid-batch, mid-commit, mid-ack, wherever it is
        till.start()
    assert till.sold_milli("M1") > 0
    assert_invariants(hub, [till])
    assert till.ask("status")["pending"] == 0


def test_a_long_outage_drains_with_stock_and_loyalty_right(
        hub: HubProcess, tills: list[TillProcess], tmp_path: Path) -> None:
    proxy = Proxy(hub.port)
    try:
        a = TillProcess(hub, tmp_path / "a", "S1", "R1", proxy.url).start()
        b = TillProcess(hub, tmp_path / "b", "S1", "R2", proxy.url).start()
        tills.extend((a, b))
        with hub.client(a.credential()) as http:
            customer = http.post("/v1/customers", json={
                "name": "Lojal Kunde", "phone": "90000001", "home_store_id": "S1"}).json()
        cid = customer["customer_id"]
        wait_for(lambda: a.ask("status")["online"] and b.ask("status")["online"], timeout=90,
                 what="both online")
        a.ask(f"sell {COFFEE} {COFFEE} customer={cid}")  # earns 180
        wait_for(lambda: a.unacked() == 0, timeout=90)
        # Till B: 24.90 of milk paid with all 180 points (18.00; reserved on the hub), 7.00 cash.
        assert b.ask(f"points {MILK} {cid}")["points"] == 180
        proxy.cut()  # the long outage
        a.send(f"burst 150 {BREAD}")
        b.send(f"burst 120 {MILK}")
        assert a.read() == {"sold": 150} and b.read() == {"sold": 120}
        a.ask(f"sell {COFFEE} customer={cid}")  # accrual offline: fine
        wait_for(lambda: not a.ask("status")["online"], timeout=90, what="offline")
        assert a.ask("status")["pending"] >= 151 and b.ask("status")["pending"] >= 120
        time.sleep(5)
        proxy.restore()
        try:
            wait_for(lambda: a.ask("status")["in_sync"] and b.ask("status")["in_sync"],
                     timeout=240, what="both back in sync")
        except AssertionError as late:  # say where each till stands, for whoever reads CI
            raise AssertionError(f"{late}: A {a.ask('status')}, B {b.ask('status')}, "
                                 f"unacked A {a.unacked()} B {b.unacked()}") from None
        assert_invariants(hub, [a, b], cid)
        # Each till shows the same stock: the hub's, with nothing of its own left unconfirmed.
        for sku in SKUS:
            sold = a.sold_milli(sku) + b.sold_milli(sku)
            for till in (a, b):
                wait_for(lambda t=till, s=sku: t.ask(f"stock {s}")["own"] == 0, timeout=90)
                assert till.ask(f"stock {sku}")["on_hand"] == STOCK_MILLI - sold
    finally:
        proxy.close()
