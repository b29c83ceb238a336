"""The till's side of sync, timed against a real hub (hub.testing.running_hub, a subprocess).

sync_offline_backlog_drain: a till that was offline for a long time holds 100,000 committed
sales (10,000 with --quick) in its outbox; the hub comes back and the pusher (sync.pusher,
batches of 100, the till's real outbox reads and acks, the next batch read while one is in
flight) drains it. Goal: <= 60 s. The line carries the load averages before and after, and
the sales/s of each tenth of the drain (flat: the hub's apply does not slow as it fills). Baseline,
measured in the same run on the same hub: as many bare HTTP round trips (GET /v1/health) as
the drain needed batches: what the wire alone costs. The hub is SQLite unless
KASSA_BENCH_POSTGRES_URL (or KASSA_TEST_POSTGRES_URL) names a PostgreSQL server.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from common import Timer, bench_dir, benchmark, result  # noqa: E402

from hub.testing import running_hub  # noqa: E402
from pos.app.hub_link import StoreOutbox, write_credential  # noqa: E402
from pos.store import outbox, sync_state  # noqa: E402
from pos.store.db import open_database  # noqa: E402
from pos.store.sales import commit_sale  # noqa: E402
from pos.store.samples import SAMPLE_ITEMS, sample_sale  # noqa: E402
from sync.client import HubClient  # noqa: E402
from sync.protocol import MAX_BATCH  # noqa: E402
from sync.pusher import Pusher  # noqa: E402


def _postgres_url() -> str | None:
    return os.environ.get("KASSA_BENCH_POSTGRES_URL") or os.environ.get("KASSA_TEST_POSTGRES_URL")


def _fill_backlog(db_path: Path, n: int) -> None:
    """n committed sales (five lines each, the store's sample sale) in the till's outbox.
    Setup only: synchronous=OFF here, the sales are the same rows a till writes."""
    db = open_database(db_path, background_checkpoint=False)
    try:
        db.write().__enter__  # noqa: B018 (make sure the writer exists before the pragma)
        con = db._writer()
        con.execute("PRAGMA synchronous=OFF")
        for i in range(n):
            commit_sale(db, sample_sale("R1", items=(i % 5, (i + 1) % 5), tender="cash"))
    finally:
        db.close()


class TimedOutbox(StoreOutbox):
    """The till's outbox as the pusher uses it, with the time spent in it added up: the
    till's share of the drain (the rest is the wire and the hub)."""

    ns = 0

    def read_from(self, seq, limit):  # type: ignore[no-untyped-def]
        start = time.perf_counter_ns()
        try:
            return super().read_from(seq, limit)
        finally:
            self.ns += time.perf_counter_ns() - start

    def mark_acked(self, through):  # type: ignore[no-untyped-def]
        start = time.perf_counter_ns()
        try:
            super().mark_acked(through)
        finally:
            self.ns += time.perf_counter_ns() - start


@benchmark("sync_offline_backlog_drain", goal="<= 60 s", unit="s")
def offline_backlog_drain(quick: bool) -> list[dict[str, object]]:
    n = 10_000 if quick else 100_000
    work = bench_dir()
    pg = _postgres_url()
    try:
        with running_hub(work / "hub", pg) as hub:
            hub.import_catalog([{"sku": sku, "name": name, "price_minor": price,
                                 "vat_code": code, "barcodes": [gtin]}
                                for sku, gtin, name, price, code, _rate in SAMPLE_ITEMS])
            hub.set_stock({("S1", item[0]): 10**9 for item in SAMPLE_ITEMS})
            enrolled = hub.enrol("S1", "R1")
            with Timer() as setup:
                _fill_backlog(work / "till.db", n)
            db = open_database(work / "till.db")
            credential = work / "credential"
            write_credential(credential, enrolled.credential)
            sync_state.save_enrolment(db, hub_url=hub.url, store_id="S1", register_id="R1",
                                      epoch=enrolled.epoch, credential_ref=f"file:{credential}")
            client = HubClient(hub.url, enrolled.credential, "S1", "R1")
            source = TimedOutbox(db, "R1")
            pusher = Pusher(client, enrolled.epoch, source)
            batches, tenths, mark = 0, [], time.perf_counter()
            load_before = _load()
            with Timer() as drain:
                while pusher.push_once():
                    batches += 1
                    if batches % (n // MAX_BATCH // 10) == 0:
                        now = time.perf_counter()
                        tenths.append(round(n / 10 / (now - mark)))
                        mark = now
            load_after = _load()
            pusher.stop()
            assert outbox.count_pending(db, "R1") == 0, "backlog not drained"
            assert pusher.status.acked_through == n
            with httpx.Client(base_url=hub.url) as http, Timer() as bare:
                for _ in range(batches):
                    http.get("/v1/health").raise_for_status()
            client.close()
            db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = drain.ns / 1e9
    sizes = {"sales": n, "lines_per_sale": 2, "batch": MAX_BATCH, "batches": batches,
             "hub_db": "postgresql" if pg else "sqlite"}
    notes = (f"till side (outbox reads, overlapping the wire since the read-ahead, + durable"
             f" acks) {source.ns / 1e9:.1f} s of the drain; "
             f"backlog setup {setup.ns / 1e9:.1f} s (synchronous=OFF, not timed)")
    lines = [
        result("sync_offline_backlog_drain_s", seconds, n=n, baseline=bare.ns / 1e9,
               baseline_name=f"{batches} bare HTTP round trips to the same hub", sizes=sizes,
               notes=notes),
        result("sync_offline_backlog_drain_rate", n / seconds, n=n, unit="sales/s",
               goal=">= 1667 sales/s (100,000 in 60 s)", sizes=sizes),
    ]
    for line in lines:
        line["load_avg"] = {"before": load_before, "after": load_after}
    lines[1]["rate_per_tenth"] = tenths
    return lines


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]
