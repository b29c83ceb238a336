"""The till's pusher against a real hub (hub.testing.running_hub): exactly once under faults."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from hub.testing import HubProcess, running_hub
from pos.app.hub_link import StoreOutbox, client_for, write_credential
from pos.app.stock_view import StockView
from pos.store import outbox, sync_state
from pos.store.db import Database, open_database
from pos.store.sales import commit_sale
from pos.store.samples import SAMPLE_ITEMS, sample_sale
from sync.client import HubClient
from sync.pusher import OutboxRow, Pusher
from tests.sync.proxy import Proxy
from tests.sync.tills import (
    STOCK_MILLI,
    build,
    drained,
    hub_stock,
    make_till,
    seed_hub,
    sell,
    till_config,
    wait_for,
)

MILK = "7038010000010"
BREAD = "7038010000027"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub, ("S1", "S2"))
        yield hub


def test_sales_reach_the_hub_once_and_the_till_never_counts_them_twice(
        hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        view = StockView(till.ctx.db, "R1")
        sell(till, MILK, MILK)
        sell(till, MILK, BREAD)
        # Before or after the hub has it, the till shows the same, right number.
        assert view.on_hand("M1").on_hand_milli == STOCK_MILLI - 3000
        wait_for(lambda: drained(till), what="outbox acknowledged")
        wait_for(lambda: view.on_hand("M1").own_unconfirmed_milli == 0, what="feed confirms")
        assert view.on_hand("M1").hub_milli == STOCK_MILLI - 3000
        assert view.on_hand("M1").on_hand_milli == STOCK_MILLI - 3000
        assert hub_stock(hub, till, "M1") == STOCK_MILLI - 3000
        assert hub_stock(hub, till, "B1") == STOCK_MILLI - 1000
        status = till.hub.current()
        assert status.online and status.in_sync and status.pending == 0
    finally:
        till.shutdown()


def test_a_lost_acknowledgement_is_answered_as_duplicates(hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        for _ in range(3):
            sell(till, MILK)
        wait_for(lambda: drained(till))
    finally:
        till.shutdown()
    # The till died after the hub applied the batch, before it recorded the ack.
    with till.ctx.db.write() as con:
        con.execute("UPDATE outbox_cursor SET acked_through = 0")
        con.execute("UPDATE outbox SET acked_at = NULL")
    db = till.ctx.db
    link = sync_state.get_link(db)
    assert link is not None
    config = till_config(tmp_path / "a", hub.url)
    assert config.hub is not None
    client = client_for(db, config.hub, tmp_path / "a")
    pusher = Pusher(client, link.epoch, StoreOutbox(db, "R1"))
    assert pusher.push_once()
    assert outbox.count_pending(db, "R1") == 0
    assert hub_stock(hub, till, "M1") == STOCK_MILLI - 3000  # nothing applied twice
    client.close()


def test_a_gap_is_filled_from_the_seq_the_hub_expects(hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a", start=False)
    till.start()
    till.hub.stop()  # sell with no pusher running
    till.login("1", "1234")
    for _ in range(4):
        sell(till, BREAD)
    # The till believes the hub has 1..2 (say, the hub's database was restored from a backup).
    outbox.mark_acked(till.ctx.db, "R1", 2)
    link = sync_state.get_link(till.ctx.db)
    assert link is not None
    config = till_config(tmp_path / "a", hub.url)
    assert config.hub is not None
    client = client_for(till.ctx.db, config.hub, tmp_path / "a")
    pusher = Pusher(client, link.epoch, StoreOutbox(till.ctx.db, "R1"))
    while pusher.push_once():
        pass
    assert pusher.status.acked_through == 4 and pusher.status.problem is None
    assert hub_stock(hub, till, "B1") == STOCK_MILLI - 4000
    client.close()
    till.ctx.db.close()


def test_a_reused_seq_stops_the_pusher_and_drops_nothing(hub: HubProcess, tmp_path: Path) -> None:
    first = make_till(hub, tmp_path / "a")
    sell(first, MILK)
    wait_for(lambda: drained(first))
    first.shutdown()
    # A second database given the same credential and epoch (a cloned disk): its seq 1 is
    # another sale.
    clone = make_till(hub, tmp_path / "b", start=False)
    link = sync_state.get_link(first.ctx.db)
    assert link is not None
    cred = tmp_path / "b" / "cloned-credential"
    write_credential(cred, Path(link.credential_ref.removeprefix("file:")).read_text().strip())
    sync_state.save_enrolment(clone.ctx.db, hub_url=hub.url, store_id="S1", register_id="R1",
                              epoch=link.epoch, credential_ref=f"file:{cred}")
    clone.start()
    clone.login("1", "1234")
    try:
        sell(clone, BREAD)
        wait_for(lambda: clone.hub.current().problem == "seq_reused", what="seq_reused")
        assert not clone.hub.current().online
        assert outbox.count_pending(clone.ctx.db, "R1") == 1  # still there, for a person to see
        assert hub_stock(hub, first, "B1") == STOCK_MILLI
    finally:
        clone.shutdown()


def test_a_refused_credential_stops_and_says_why(hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a", start=False)
    link = sync_state.get_link(till.ctx.db)
    assert link is not None
    write_credential(Path(link.credential_ref.removeprefix("file:")), "not-the-credential")
    till.start()
    till.login("1", "1234")
    try:
        sell(till, MILK)
        wait_for(lambda: till.hub.current().problem == "refused", what="refused")
        assert outbox.count_pending(till.ctx.db, "R1") == 1
    finally:
        till.shutdown()


def test_the_hub_killed_and_restarted_loses_and_doubles_nothing(
        hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        sell(till, MILK)
        wait_for(lambda: drained(till))
        hub.kill()
        for _ in range(5):
            sell(till, MILK, BREAD)
        wait_for(lambda: not till.hub.current().online, what="offline")
        assert till.hub.current().pending >= 1
        hub.restart()
        wait_for(lambda: drained(till), timeout=60, what="backlog drained")
        assert hub_stock(hub, till, "M1") == STOCK_MILLI - 6000
        assert hub_stock(hub, till, "B1") == STOCK_MILLI - 5000
        wait_for(lambda: till.hub.current().in_sync, timeout=60, what="back in sync")
    finally:
        till.shutdown()


def test_a_long_network_outage_drains_in_order_when_restored(
        hub: HubProcess, tmp_path: Path) -> None:
    proxy = Proxy(hub.port)
    till = make_till(hub, tmp_path / "a", start=False)
    till.shutdown()
    till.ctx.db.close()
    config = till_config(tmp_path / "a", proxy.url)
    till = build(config)
    till.start()
    till.login("1", "1234")
    try:
        wait_for(lambda: till.hub.current().online, what="online through the proxy")
        proxy.cut()
        for _ in range(150):  # more than one batch
            sell(till, MILK)
        wait_for(lambda: not till.hub.current().online, what="offline")
        view = StockView(till.ctx.db, "R1")
        assert view.on_hand("M1").on_hand_milli == STOCK_MILLI - 150_000  # negative: allowed
        proxy.restore()
        wait_for(lambda: drained(till), timeout=90, what="backlog drained")
        assert hub_stock(hub, till, "M1") == STOCK_MILLI - 150_000
        wait_for(lambda: view.on_hand("M1").own_unconfirmed_milli == 0, timeout=60)
        assert view.on_hand("M1").on_hand_milli == STOCK_MILLI - 150_000
    finally:
        till.shutdown()
        proxy.close()


class _LostAnswerOnce(httpx.HTTPTransport):
    """The real network to the hub, recording each batch posted (first and last seq); while
    the first is in flight it waits for the pusher to read the next batch (the read-ahead),
    and the second batch's answer is lost after the hub applied it."""

    def __init__(self, read_ahead_started: threading.Event) -> None:
        super().__init__()
        self.posts: list[tuple[int, int]] = []
        self.read_ahead_started = read_ahead_started
        self.read_during_first_post = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "POST":
            return super().handle_request(request)
        seqs = [event["seq"] for event in json.loads(request.read())["events"]]
        self.posts.append((seqs[0], seqs[-1]))
        if len(self.posts) == 1:
            self.read_during_first_post = self.read_ahead_started.wait(10)
        response = super().handle_request(request)
        if len(self.posts) == 2:
            response.read()
            response.close()
            raise httpx.ReadError("the connection dropped before the answer arrived")
        return response


class _RecordingOutbox(StoreOutbox):
    """The till's outbox, noting where each read started and on which thread."""

    def __init__(self, db: Database, register_id: str, next_read: int) -> None:
        super().__init__(db, register_id)
        self.reads: list[tuple[int, str]] = []
        self.next_read, self.next_read_started = next_read, threading.Event()

    def read_from(self, seq: int, limit: int) -> Sequence[OutboxRow]:
        self.reads.append((seq, threading.current_thread().name))
        if seq == self.next_read:
            self.next_read_started.set()
        return super().read_from(seq, limit)


def test_the_next_batch_is_read_while_one_is_in_flight_in_order_and_a_lost_answer_resends_it(
        hub: HubProcess, tmp_path: Path) -> None:
    hub.import_catalog([{"sku": sku, "name": name, "price_minor": price, "vat_code": code,
                         "barcodes": [gtin]} for sku, gtin, name, price, code, _ in SAMPLE_ITEMS])
    hub.set_stock({("S1", item[0]): STOCK_MILLI for item in SAMPLE_ITEMS})
    enrolled = hub.enrol("S1", "R1")
    db = open_database(tmp_path / "till.db")
    for _ in range(250):  # two and a half batches, each sale one of SAMPLE_ITEMS[0]
        commit_sale(db, sample_sale("R1", items=(0,), tender="cash"))
    source = _RecordingOutbox(db, "R1", next_read=101)
    network = _LostAnswerOnce(source.next_read_started)
    client = HubClient(hub.url, enrolled.credential, "S1", "R1", transport=network)
    pusher = Pusher(client, enrolled.epoch, source, wait_initial=0.01, wait_max=0.05)
    try:
        while pusher.push_once():
            pass
    finally:
        pusher.stop()
        client.close()
    assert network.read_during_first_post  # batch 101.. was read while 1..100 was in flight
    assert [seq for seq, thread in source.reads if seq == 101] == [101]  # read once, ahead
    assert any(thread.startswith("kassa-pusher-read") for _, thread in source.reads)
    # In order; the batch whose answer was lost went again, the same batch, before the next.
    assert network.posts == [(1, 100), (101, 200), (101, 200), (201, 250)]
    assert pusher.status.acked_through == 250 and pusher.status.problem is None
    assert outbox.count_pending(db, "R1") == 0
    with hub.client(enrolled.credential) as http:  # applied once each, the resent batch too
        stores = {s["store_id"]: s["on_hand_milli"]
                  for s in http.get(f"/v1/stock/{SAMPLE_ITEMS[0][0]}").json()["stores"]}
    assert stores["S1"] == STOCK_MILLI - 250 * 1000
    db.close()
