"""The snapshot: NDJSON with a header, records and an end, consistent with its position while
another till keeps selling: every stock record equals the last `stock` frame at or below the
snapshot's position."""

from __future__ import annotations

import json
import random
import threading

from hub.testing import DEMO_PRODUCTS, HubProcess
from sync.protocol import SnapshotEnd, SnapshotHeader, SnapshotRecord
from tests.hub.sales import Till


def load_snapshot(till: Till) -> tuple[SnapshotHeader, list[SnapshotRecord], SnapshotEnd]:
    with till.client as http, http.stream("GET", "/v1/snapshot") as answer:
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) for line in answer.iter_lines() if line]
    header = SnapshotHeader.model_validate(lines[0])
    end = SnapshotEnd.model_validate(lines[-1])
    return header, [SnapshotRecord.model_validate(x) for x in lines[1:-1]], end


def stock_frames_after(till: Till, after: int) -> list[dict]:
    frames = []
    with till.client as http:
        while True:
            page = http.get("/v1/feed/poll", params={"topics": f"store:{till.store_id}",
                                                     "after": after, "timeout": 0}).json()
            frames += [c for c in page["changes"] if c["type"] == "stock"]
            if not page["changes"]:
                return frames
            after = page["next_after"]


def test_the_snapshot_has_the_catalog_and_the_stores_stock(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    header, records, end = load_snapshot(till)
    kinds = [r.type for r in records]
    assert header.store_id == "S1"
    assert header.counts["product"] == kinds.count("product") >= len(DEMO_PRODUCTS)
    assert header.counts["stock"] == kinds.count("stock") >= len(DEMO_PRODUCTS)
    assert end.position == header.position
    assert {r.data["store_id"] for r in records if r.type == "stock"} == {"S1"}


def test_the_snapshot_is_consistent_with_its_position_under_a_concurrent_writer(
        hub: HubProcess, register_id: str):
    writer = Till.enrol(hub, "S2", register_id + "w")
    reader = Till.enrol(hub, "S2", register_id + "r")
    rng = random.Random(3)
    skus = [p["sku"] for p in DEMO_PRODUCTS]
    stop = threading.Event()

    def sell_forever() -> None:
        with writer.client as http:
            while not stop.is_set():
                writer.post([writer.sell([(rng.choice(skus), 1000)]) for _ in range(5)],
                            client=http)

    _start, before, _end = load_snapshot(reader)  # the stock before the writer starts
    thread = threading.Thread(target=sell_forever, daemon=True)
    thread.start()
    try:
        snapshots = [load_snapshot(reader) for _ in range(5)]
    finally:
        stop.set()
        thread.join(30)
    frames = stock_frames_after(reader, _start.position)
    assert len({h.position for h, _, _ in snapshots}) > 1  # the writer did write in between
    for header, records, _end in snapshots:
        expected = {r.data["sku"]: r.data["on_hand_milli"] for r in before if r.type == "stock"}
        for frame in frames:
            if frame["position"] <= header.position:
                expected[frame["data"]["sku"]] = frame["data"]["on_hand_milli"]
        got = {r.data["sku"]: r.data["on_hand_milli"] for r in records if r.type == "stock"}
        assert got == expected, f"snapshot at {header.position}"
