"""The change feed: live SSE frames, resume with Last-Event-ID, reset for a too-old cursor,
the long poll, and a catalog import reaching every till live."""

from __future__ import annotations

import threading

from hub.testing import HubProcess
from tests.hub.conftest import head
from tests.hub.sales import Till
from tests.hub.sse import FeedReader


def test_a_sale_on_one_till_reaches_the_other_tills_feed(hub: HubProcess, register_id: str):
    seller = Till.enrol(hub, "S1", register_id)
    watcher = Till.enrol(hub, "S1", register_id + "w")
    reader = FeedReader(hub, watcher.enrolment.credential, "store:S1,chain")
    try:
        assert reader.status == 200
        assert seller.post([seller.sell([("100007", 3000)])]).status_code == 200
        position, _kind, change = reader.until(lambda f: f[1] == "stock")
        assert change["data"]["sku"] == "100007"
        assert change["data"]["src"] == {"store_id": "S1", "register_id": register_id,
                                         "seq": 1}
        assert int(position) == change["position"]
    finally:
        reader.close()


def test_resume_with_last_event_id_replays_what_was_missed(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    cursor = head(hub)
    for _ in range(3):
        till.post([till.sell([("100008", 1000)])])
    reader = FeedReader(hub, till.enrolment.credential, "store:S1", last_event_id=str(cursor))
    try:
        seen = [reader.until(lambda f: f[2]["data"]["sku"] == "100008") for _ in range(3)]
        assert [f[2]["data"]["src"]["seq"] for f in seen] == [1, 2, 3]
        positions = [int(f[0]) for f in seen]
        assert positions == sorted(positions) and positions[0] > cursor
        till.post([till.sell([("100008", 1000)])])  # and then live
        live = reader.until(lambda f: f[2]["data"]["sku"] == "100008")
        assert live[2]["data"]["src"]["seq"] == 4
        assert int(live[0]) > positions[-1]
    finally:
        reader.close()


def test_a_cursor_older_than_the_retained_feed_gets_reset(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S2", register_id)
    till.post([till.sell([("100001", 1000)])])
    floor = hub.admin.post("/v1/admin/feed/prune", params={"through": head(hub) - 1}).json()
    assert floor["pruned_through"] > 1
    reader = FeedReader(hub, till.enrolment.credential, "store:S2", after=0)
    try:
        assert reader.next()[1] == "reset"
    finally:
        reader.close()
    with till.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "store:S2", "after": 0}).json()
        assert [c["type"] for c in page["changes"]] == ["reset"]
        fine = http.get("/v1/feed/poll", params={"topics": "store:S2",
                                                 "after": floor["pruned_through"],
                                                 "timeout": 0})
        assert fine.status_code == 200


def test_a_cursor_beyond_the_feed_gets_reset(hub: HubProcess, register_id: str):
    """A hub restored from an older backup: the till's cursor is ahead of it."""
    till = Till.enrol(hub, "S1", register_id)
    reader = FeedReader(hub, till.enrolment.credential, "store:S1",
                        last_event_id=str(head(hub) + 1000))
    try:
        assert reader.next()[1] == "reset"
    finally:
        reader.close()


def test_the_long_poll_waits_for_a_change_then_answers(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    cursor = head(hub)
    with till.client as http:
        empty = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": cursor,
                                                  "timeout": 0.2}).json()
        assert empty == {"changes": [], "next_after": cursor}
        later = threading.Timer(0.5, lambda: till.post([till.sell([("100005", 250)])]))
        later.start()
        # The hub would hold the poll 60 s; the client gives up after 30: only the change
        # arriving (the wake-up, not the timeout) can answer it in time.
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": cursor,
                                                 "timeout": 60}, timeout=30).json()
        later.join()
    assert any(c["data"]["sku"] == "100005" for c in page["changes"])
    assert page["next_after"] == page["changes"][-1]["position"]


def test_a_catalog_import_reaches_every_till_live(hub: HubProcess, register_id: str):
    tills = [Till.enrol(hub, store, register_id + store) for store in ("S1", "S2")]
    readers = [FeedReader(hub, t.enrolment.credential, f"chain,store:{t.store_id}")
               for t in tills]
    try:
        csv = ("sku,name,price_minor,vat_code,gtins,department,sold_by,plu\n"
               "200001,Ny ost,8990,food,7038010009990|7038010009991,Meieri,unit,\n")
        assert hub.import_catalog(csv).created == 1
        assert hub.import_catalog(csv).unchanged == 1  # nothing changed: no frame
        changed = hub.import_catalog([{"sku": "200001", "name": "Ny ost", "price_minor": 7990,
                                       "vat_code": "food", "barcodes": ["7038010009990"]}])
        assert changed.updated == 1
        for reader in readers:
            first = reader.until(lambda f: f[1] == "product")[2]["data"]
            second = reader.until(lambda f: f[1] == "product")[2]["data"]
            assert first["barcodes"] == ["7038010009990", "7038010009991"]
            assert (second["price_minor"], second["barcodes"]) == (7990, ["7038010009990"])
    finally:
        for reader in readers:
            reader.close()


def test_a_bad_catalog_row_refuses_the_whole_import(hub: HubProcess):
    csv = ("sku,name,price_minor,vat_code\n"
           "300001,Fin,100,food\n"
           "300002,,100,food\n")
    answer = hub.admin.post("/v1/admin/catalog", content=csv,
                            headers={"Content-Type": "text/csv"})
    assert answer.status_code == 422
    assert "line 3" in answer.json()["detail"]
    assert hub.admin.post("/v1/admin/catalog", content=b"\xff\xfe",
                          headers={"Content-Type": "text/csv"}).status_code == 422
    assert hub.admin.post("/v1/admin/catalog", content=b"x",
                          headers={"Content-Type": "image/png"}).status_code == 415
