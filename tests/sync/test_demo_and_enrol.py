"""`kassa demo` with its hub and two tills; `kassa enrol` from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from hub.testing import HubProcess, running_hub
from pos.app.stock_view import StockView
from pos.cli import main
from pos.cli_sync import DemoTills
from pos.store import catalog, sync_state
from pos.store.db import open_database
from tests.sync.tills import seed_hub, wait_for


def test_the_demo_runs_a_hub_and_two_tills_that_see_each_others_sales(tmp_path: Path) -> None:
    from pos.app.demo import start_demo

    args = argparse.Namespace(data_dir=tmp_path / "demo", tills=2, no_hub=False, locale=None)
    tills = DemoTills(args)
    first = start_demo(args.data_dir, hub=tills.section)
    first.till.start()
    try:  # DemoTills.start without its second window: the tills and the hub link
        second = start_demo(args.data_dir / "till-2", register_id="2", hub=tills.section)
        second.till.start()
        tills.others.append(second)
        assert tills.hub is not None
        tills.hub.connect([first.till, second.till]).join(120)
        for demo in (first, second):
            wait_for(lambda d=demo: d.till.hub.current().online, timeout=60, what="online")
        milk = catalog.search(first.till.ctx.db, "lettmelk")[0]
        seen_by_2 = StockView(second.till.ctx.db, "2")
        before = seen_by_2.on_hand(milk.sku).on_hand_milli
        assert before == 40_000  # the demo store's seeded stock
        till = first.till
        till.login("1", "1234")
        assert till.checkout is not None
        till.checkout.add(milk)
        settlement = till.checkout.start_payment()
        assert till.checkout.pay_cash(settlement.cash_due) is not None
        wait_for(lambda: seen_by_2.on_hand(milk.sku).on_hand_milli == before - 1000,
                 what="till 2 sees till 1's sale")
    finally:
        first.till.shutdown()
        first.stop()
        dbs = [d.till.ctx.db for d in (first, *tills.others)]
        tills.stop()
        for db in dbs:
            db.close()


def test_kassa_enrol_uses_the_code_once(tmp_path: Path) -> None:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        config = tmp_path / "till.toml"
        config.write_text(f"""
[till]
company_name = "Test AS"
company_org_no = "923609016"
store_id = "S1"
register_id = "R7"
data_dir = "{tmp_path / 'data'}"

[hub]
url = "{hub.url}"
""")
        code = _code(hub, "S1", "R7")
        assert main(["enrol", "--config", str(config), "--code", code]) == 0
        db = open_database(tmp_path / "data" / "till.db")
        link = sync_state.get_link(db)
        assert link is not None and (link.store_id, link.register_id) == ("S1", "R7")
        assert link.snapshot_at is not None
        assert catalog.lookup_barcode(db, "7038010000010") is not None
        credential = Path(link.credential_ref.removeprefix("file:"))
        assert credential.stat().st_mode & 0o077 == 0  # the till's user only
        db.close()
        assert main(["enrol", "--config", str(config), "--code", code]) == 1  # used
        other = _code(hub, "S1", "R8")
        assert main(["enrol", "--config", str(config), "--code", other]) == 1  # not this till


def _code(hub: HubProcess, store: str, register: str) -> str:
    answer = hub.admin.post("/v1/admin/enrolment-codes",
                            json={"store_id": store, "register_id": register})
    answer.raise_for_status()
    return str(answer.json()["code"])
