"""The change feed into the till's database, against a real hub: products, stock, resets, the
long-poll fallback, a broken snapshot."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hub.testing import HubProcess, running_hub
from pos.app.hub_link import StoreFeed, client_for
from pos.app.stock_view import StockView
from pos.store import catalog, stock, sync_state
from sync.snapshot import SnapshotBroken, SnapshotStream
from sync.subscriber import Subscriber
from tests.sync.tills import (
    PRODUCTS,
    STOCK_MILLI,
    build,
    make_till,
    seed_hub,
    sell,
    till_config,
    wait_for,
)

MILK = "7038010000010"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        yield hub


def test_a_price_change_and_a_new_barcode_reach_the_scan_at_once(
        hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        assert till.ctx.lookup(MILK).price_minor == 2490
        changed = dict(PRODUCTS[0], price_minor=2290, barcodes=[MILK, "7038010099998"])
        hub.import_catalog([changed, {"sku": "N1", "name": "Nyhet", "price_minor": 1000,
                                      "vat_code": "31", "barcodes": ["7038010000102"]}])
        wait_for(lambda: till.ctx.lookup(MILK).price_minor == 2290, what="new price")
        assert till.ctx.lookup("7038010099998").sku == "M1"
        assert till.ctx.lookup("7038010000102").name == "Nyhet"
        assert till.ctx.search("nyhet")[0].sku == "N1"  # the search index follows
        hub.import_catalog([dict(changed, barcodes=[MILK])])  # a barcode taken away
        wait_for(lambda: till.ctx.lookup("7038010099998") is None, what="barcode removed")
    finally:
        till.shutdown()


def test_a_product_with_a_vat_code_the_till_does_not_know_is_skipped(
        hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        hub.import_catalog([{"sku": "X1", "name": "Ukjent", "price_minor": 100,
                             "vat_code": "food", "barcodes": ["7038010000119"]},
                            {"sku": "X2", "name": "Kjent", "price_minor": 100,
                             "vat_code": "3", "barcodes": ["7038010000126"]}])
        wait_for(lambda: till.ctx.lookup("7038010000126") is not None)
        assert till.ctx.lookup("7038010000119") is None  # never sold at a guessed VAT rate
        hub.set_stock({("S1", "M1"): 5_000})
        wait_for(lambda: stock.hub_on_hand(till.ctx.db, "M1").on_hand_milli == 5_000)
    finally:
        till.shutdown()


def test_a_cursor_older_than_the_feed_reloads_the_snapshot(hub: HubProcess,
                                                           tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    till.shutdown()
    # While the till is off: changes, then the hub prunes its feed past the till's cursor.
    hub.set_stock({("S1", "B1"): 7_000})
    hub.import_catalog([dict(PRODUCTS[1], price_minor=4590)])
    head = hub.admin.get("/v1/health").json()["position"]
    hub.admin.post("/v1/admin/feed/prune", params={"through": head}).raise_for_status()
    before = sync_state.get_link(till.ctx.db)
    assert before is not None and before.feed_position < head
    again = build(till_config(tmp_path / "a", hub.url))
    again.start()
    try:
        wait_for(lambda: (stock.hub_on_hand(again.ctx.db, "B1") or 0) and
                 stock.hub_on_hand(again.ctx.db, "B1").on_hand_milli == 7_000, what="reset")
        assert again.ctx.lookup("7038010000027").price_minor == 4590
        link = sync_state.get_link(again.ctx.db)
        assert link is not None and link.feed_position >= head and link.snapshot_at
    finally:
        again.shutdown()


def test_the_long_poll_fallback_applies_the_same_changes(hub: HubProcess,
                                                        tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a", start=False)
    config = till_config(tmp_path / "a", hub.url)
    assert config.hub is not None
    client = client_for(till.ctx.db, config.hub, tmp_path / "a")
    subscriber = Subscriber(client, StoreFeed(till.ctx.db, client), poll_timeout_s=1)
    subscriber._poll_until = time.monotonic() + 3600  # as after three failed SSE connects
    subscriber.start()
    try:
        hub.set_stock({("S1", "K1"): 12_000})
        wait_for(lambda: stock.hub_on_hand(till.ctx.db, "K1").on_hand_milli == 12_000)
        assert subscriber.status.state == "polling"
        other = make_till(hub, tmp_path / "b", register="R2")
        sell(other, "7038010000041")
        wait_for(lambda: StockView(till.ctx.db, "R1").on_hand("K1").on_hand_milli == 11_000)
        other.shutdown()
    finally:
        subscriber.stop()
        client.close()


def test_a_snapshot_cut_short_leaves_the_till_as_it_was(hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a", start=False)
    db = till.ctx.db
    header = {"type": "header", "position": 99, "store_id": "S1", "counts": {"product": 2}}
    product = {"type": "product", "data": {"sku": "M1", "name": "Endret", "price_minor": 1,
                                           "currency": "NOK", "vat_code": "31", "barcodes": []}}
    lines = iter([json.dumps(header), json.dumps(product)])  # no "end" line: the link broke
    snapshot = SnapshotStream(lines)
    with pytest.raises(SnapshotBroken):
        sync_state.load_snapshot(db, snapshot.header.position, snapshot.records())
    assert catalog.get_product(db, "M1").name == "Melk lett 1 l"
    assert stock.hub_on_hand(db, "M1").on_hand_milli == STOCK_MILLI
    assert sync_state.get_link(db).feed_position != 99
