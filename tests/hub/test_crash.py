"""The hub SIGKILLed mid-batch, again and again, while a till keeps posting; afterwards every
seq is applied exactly once: stock = initial − the sum of the till's sales, loyalty = the sum
of the points those sales earned, each seq one inbox row, and every balance equal to the sum
of its ledger."""

from __future__ import annotations

import random
import threading
import time

import httpx
import pytest
from sqlalchemy import func, select

from hub.db import open_database
from hub.models import inbox, loyalty_accounts, loyalty_entries, stock_balances, stock_movements
from hub.testing import DEMO_PRODUCTS, DEMO_STOCK_MILLI, running_hub
from sync.protocol import SaleCommitted, points_for
from tests.hub.conftest import BACKENDS, db_url_for
from tests.hub.sales import Till

SALES = 150


class Pusher(threading.Thread):
    """A till's pusher reduced to its rules: resend from acked_through + 1, follow a gap's
    expected_seq, retry anything else after a short pause."""

    def __init__(self, till: Till) -> None:
        super().__init__(daemon=True)
        self.till, self.acked, self.errors = till, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        rng = random.Random(7)
        with self.till.client as http:
            while self.acked < SALES:
                size = rng.randint(1, 25)
                batch = [self.till.outbox[s]
                         for s in range(self.acked + 1, min(SALES, self.acked + size) + 1)]
                try:
                    answer = self.till.post(batch, client=http)
                except httpx.HTTPError:
                    self.errors += 1
                    time.sleep(0.02)
                    continue
                if answer.status_code in (200, 409):
                    self.acked = max(self.acked, answer.json()["acked_through"])
                else:
                    self.errors += 1
                    time.sleep(0.02)
                time.sleep(0.005)  # a breath between batches, so the kills land mid-stream
        self.done.set()


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_mid_batch_loses_nothing_and_applies_nothing_twice(backend: str, tmp_path):
    rng = random.Random(42)
    skus = [p["sku"] for p in DEMO_PRODUCTS]
    with running_hub(tmp_path, db_url_for(backend)) as hub:
        hub.seed_demo(("S1",))
        till = Till.enrol(hub, "S1", "R1")
        with till.client as http:
            customer = http.post("/v1/customers", json={"name": "Ola"}).json()["customer_id"]
        for n in range(SALES):
            till.sell([(sku, rng.randint(1, 3) * 1000) for sku in rng.sample(skus, 3)],
                      customer_id=customer if n % 3 == 0 else None)
        pusher = Pusher(till)
        pusher.start()
        kills = 0
        for threshold in (1, SALES // 3, 2 * SALES // 3):  # kill by progress, not by the clock
            while pusher.acked < threshold and not pusher.done.is_set():
                time.sleep(0.001)
            if pusher.done.is_set():
                break
            time.sleep(rng.uniform(0, 0.01))
            hub.kill()
            kills += 1
            hub.start()
        assert pusher.done.wait(120), f"the pusher is stuck at {pusher.acked}"
        assert kills >= 1 and pusher.errors >= 1  # it did see the hub die under it

        sold: dict[str, int] = {}
        for event in till.outbox.values():
            for line in event["payload"]["lines"]:
                sold[line["sku"]] = sold.get(line["sku"], 0) + line["quantity_milli"]
        db = open_database(hub.db_url, pool_size=1)
        try:
            with db.reader.connect() as conn:
                seqs = conn.execute(select(inbox.c.seq, inbox.c.status)
                                    .where(inbox.c.register_id == "R1")).all()
                balances = dict(conn.execute(select(stock_balances.c.sku,
                                                    stock_balances.c.on_hand_milli)).all())
                ledger = dict(conn.execute(select(stock_movements.c.sku,
                                                  func.sum(stock_movements.c.delta_milli))
                                           .group_by(stock_movements.c.sku)).all())
                points = conn.execute(select(loyalty_accounts.c.balance_points)).scalar_one()
                entries = conn.execute(select(func.sum(loyalty_entries.c.points))).scalar_one()
        finally:
            db.dispose()
    assert sorted(s for s, _ in seqs) == list(range(1, SALES + 1))
    assert {status for _, status in seqs} == {"applied"}
    assert balances == {sku: DEMO_STOCK_MILLI - sold.get(sku, 0) for sku in skus}
    assert balances == {sku: int(total) for sku, total in ledger.items()}
    earned = sum(points_for(SaleCommitted.model_validate(e["payload"]))
                 for e in till.outbox.values())
    assert earned > 0
    assert points == entries == earned
