"""The hub's benchmarks: ingest on PostgreSQL against a bare SQL transaction of the same shape,
and propagation of a sale to many subscribed tills over SSE.

hub_ingest: T tills (each its own store) post N sales of 3 lines in batches of 100 to a real
hub subprocess over a fresh PostgreSQL database ($KASSA_TEST_POSTGRES_URL); the baseline, in
the same run and database, is T connections running bare idempotent transactions of the same
batch shape with psycopg: per sale one inbox INSERT ... ON CONFLICT DO NOTHING, its stock
movements and its balance UPDATEs, one COMMIT per batch of 100 (the hub commits a batch per
transaction too). Value: hub sales/s; ratio: hub / bare; goal >= 75 %. The hub runs one
uvicorn worker per core (KASSA_BENCH_HUB_WORKERS overrides), as a chain's hub would; the
baseline's T backends use those cores too.

hub_propagation: C SSE clients (asyncio + httpx in this process) subscribed to one store's
topic of a hub subprocess; till A posts one sale at a time; the latency is from just before
the POST to each client's receipt of the stock frame naming it. p99 over every client and
sale. Its baseline, in the same run: the same C client streams fed by a bare asyncio server
(the cost of simulating the tills in one process, which real tills do not share).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

try:
    from common import Result, benchmark, ns_to_ms, percentile, result
except ImportError:  # imported as tests.bench.bench_hub
    from tests.bench.common import Result, benchmark, ns_to_ms, percentile, result

from hub.testing import fresh_postgres, running_hub

LINES = 3
BATCH = 100


def _sale(store: str, register: str, seq: int, skus: list[str]) -> dict[str, Any]:
    lines = [{"line_no": i + 1, "sku": skus[(seq * 7 + i) % len(skus)], "name": "x",
              "quantity_milli": 1000, "unit": "pcs", "unit_price_minor": 1000,
              "total_minor": 1000, "vat_code": "food", "vat_rate_bp": 1500, "vat_minor": 130}
             for i in range(LINES)]
    payload = {"sale_id": str(uuid.uuid4()), "company_org_no": "999999999", "store_id": store,
               "register_id": register, "transaction_no": seq, "kind": "sale",
               "closed_at": "2026-11-23T12:00:00+00:00", "currency": "NOK", "lines": lines,
               "payments": [{"seq": 1, "tender": "cash", "amount_minor": 1000 * LINES}],
               "vat": [], "totals": {"total_minor": 1000 * LINES, "net_minor": 2610,
                                     "vat_minor": 390}}
    return {"seq": seq, "event_id": str(uuid.uuid4()), "type": "sale.committed",
            "occurred_at": "2026-11-23T12:00:00+00:00", "payload": payload}


def _catalog(n: int) -> list[dict[str, Any]]:
    return [{"sku": f"{500000 + i}", "name": f"item {i}", "price_minor": 1000,
             "vat_code": "food"} for i in range(n)]


def _in_threads(count: int, work: Callable[[int], None]) -> float:
    """Run work(i) on `count` threads at once; the wall time in seconds."""
    barrier = threading.Barrier(count + 1)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            work(i)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - started


def _hub_ingest(url: str, tills: int, per_till: int, skus: list[str], workers: int) -> float:
    with running_hub(Path(tempfile.mkdtemp(prefix="bench-hub-")), url,
                     workers=workers) as hub:
        hub.import_catalog(_catalog(len(skus)))
        stores = [f"B{i}" for i in range(tills)]
        hub.set_stock({(s, sku): 10**9 for s in stores for sku in skus})
        enrolled = [hub.enrol(s, "R1") for s in stores]
        batches = [[[_sale(s, "R1", seq, skus) for seq in range(start, start + BATCH)]
                    for start in range(1, per_till + 1, BATCH)] for s in stores]

        def post(i: int) -> None:
            with hub.client(enrolled[i].credential, timeout=120) as http:
                path = f"/v1/stores/{stores[i]}/registers/R1/events"
                for events in batches[i]:
                    answer = http.post(path, json={"epoch": 1, "events": events})
                    answer.raise_for_status()

        return tills * per_till / _in_threads(tills, post)


BASELINE_DDL = """
CREATE TABLE b_inbox (id bigserial PRIMARY KEY, store_id text, register_id text, epoch int,
  seq bigint, event_id text, payload text, UNIQUE (store_id, register_id, epoch, seq));
CREATE TABLE b_movements (id bigserial PRIMARY KEY, store_id text, sku text, delta bigint,
  inbox_id bigint);
CREATE TABLE b_balances (store_id text, sku text, on_hand bigint, PRIMARY KEY (store_id, sku));
"""


def _bare_ingest(url: str, tills: int, per_till: int, skus: list[str]) -> float:
    import psycopg

    with fresh_postgres(url) as db, psycopg.connect(db, autocommit=True) as setup:
        setup.execute(BASELINE_DDL)
        stores = [f"B{i}" for i in range(tills)]
        with setup.cursor() as cur:
            cur.executemany("INSERT INTO b_balances VALUES (%s, %s, %s)",
                            [(s, sku, 10**9) for s in stores for sku in skus])
        sales = [[_sale(s, "R1", seq, skus) for seq in range(1, per_till + 1)] for s in stores]

        def write(i: int) -> None:
            with psycopg.connect(db) as conn, conn.cursor() as cur:
                for start in range(0, per_till, BATCH):
                    for event in sales[i][start:start + BATCH]:
                        cur.execute(
                            "INSERT INTO b_inbox (store_id, register_id, epoch, seq, event_id,"
                            " payload) VALUES (%s, 'R1', 1, %s, %s, %s)"
                            " ON CONFLICT DO NOTHING RETURNING id",
                            (stores[i], event["seq"], event["event_id"],
                             json.dumps(event["payload"])))
                        inbox_id = cur.fetchone()[0]
                        lines = event["payload"]["lines"]
                        cur.executemany(
                            "INSERT INTO b_movements (store_id, sku, delta, inbox_id)"
                            " VALUES (%s, %s, %s, %s)",
                            [(stores[i], ln["sku"], -ln["quantity_milli"], inbox_id)
                             for ln in lines])
                        for ln in lines:
                            cur.execute("UPDATE b_balances SET on_hand = on_hand - %s"
                                        " WHERE store_id = %s AND sku = %s",
                                        (ln["quantity_milli"], stores[i], ln["sku"]))
                    conn.commit()

        return tills * per_till / _in_threads(tills, write)


@benchmark("hub_ingest", goal=">= 0.75x", unit="sales/s")
def hub_ingest(quick: bool) -> Result:
    url = os.environ.get("KASSA_TEST_POSTGRES_URL")
    tills, per_till = (2, 1000) if quick else (4, 5000)
    # As many hub processes as the baseline has cores to run on (it runs `tills` backends).
    workers = int(os.environ.get("KASSA_BENCH_HUB_WORKERS", os.cpu_count() or 1))
    sizes = {"tills": tills, "sales_per_till": per_till, "lines": LINES, "batch": BATCH,
             "hub_workers": workers}
    if not url:
        skipped = result("hub_ingest_sales_per_s", float("nan"), n=0, sizes=sizes,
                         notes="skipped: set KASSA_TEST_POSTGRES_URL to a PostgreSQL server")
        skipped["value"] = None  # JSON has no NaN
        return skipped
    skus = [f"{500000 + i}" for i in range(200)]
    bare = _bare_ingest(url, tills, per_till, skus)
    hub = _hub_ingest(url, tills, per_till, skus, workers)
    return result("hub_ingest_sales_per_s", hub, n=tills * per_till, baseline=bare,
                  baseline_name="bare psycopg transactions of the same shape, same run",
                  sizes=sizes)


_SEQ = re.compile(rb'"register_id":"RA","seq":(\d+)')


async def _subscriber(client: httpx.AsyncClient, credential: str, received: dict[int, list],
                      ready: asyncio.Event, opened: list[int], total: int) -> None:
    headers = {"Authorization": f"Bearer {credential}"}
    async with client.stream("GET", "/v1/feed", params={"topics": "store:P1"},
                             headers=headers) as answer:
        answer.raise_for_status()
        opened.append(1)
        if len(opened) == total:
            ready.set()
        async for chunk in answer.aiter_raw():
            now = time.perf_counter_ns()
            for match in _SEQ.finditer(chunk):
                received.setdefault(int(match.group(1)), []).append(now)


async def _propagate(url: str, credentials: list[str], seller: str, clients: int,
                     sales: int) -> list[int]:
    received: dict[int, list[int]] = {}
    ready, opened = asyncio.Event(), []
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(60, read=None)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client, \
            httpx.AsyncClient(base_url=url, timeout=30) as poster:
        tasks = [asyncio.create_task(_subscriber(client, credentials[i % len(credentials)],
                                                 received, ready, opened, clients))
                 for i in range(clients)]
        await asyncio.wait_for(ready.wait(), 120)
        await asyncio.sleep(0.5)
        sent: dict[int, int] = {}
        headers = {"Authorization": f"Bearer {seller}"}
        for seq in range(1, sales + 4):  # the first three warm up, untimed
            event = _sale("P1", "RA", seq, ["600000"])
            if seq > 3:
                sent[seq] = time.perf_counter_ns()
            answer = await poster.post("/v1/stores/P1/registers/RA/events", headers=headers,
                                       json={"epoch": 1, "events": [event]})
            answer.raise_for_status()
            deadline = time.monotonic() + 10
            while len(received.get(seq, ())) < clients and time.monotonic() < deadline:
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.1)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    latencies = []
    for seq, start in sent.items():
        times = received.get(seq, [])
        if len(times) < clients:
            raise RuntimeError(f"sale {seq} reached {len(times)} of {clients} clients")
        latencies += [t - start for t in times[:clients]]
    return latencies


async def _client_floor(clients: int, rounds: int) -> list[int]:
    """The measuring clients' own cost: the same httpx streams in this one process, fed one
    SSE chunk at a time by a bare asyncio server that writes it to every socket at once; the
    time from the first write to each stream's receipt."""
    writers: list[asyncio.StreamWriter] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                     b"transfer-encoding: chunked\r\n\r\n")
        writers.append(writer)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
    got: list[int] = []

    async def stream(client: httpx.AsyncClient) -> None:
        async with client.stream("GET", url) as answer:
            async for _chunk in answer.aiter_raw():
                got.append(time.perf_counter_ns())

    latencies: list[int] = []
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    async with server, httpx.AsyncClient(limits=limits,
                                         timeout=httpx.Timeout(60, read=None)) as client:
        tasks = [asyncio.create_task(stream(client)) for _ in range(clients)]
        while len(writers) < clients:
            await asyncio.sleep(0.01)
        data = b'id: 1\nevent: stock\ndata: {"position":1,"src":{"seq":1}}\n\n'
        frame = b"%x\r\n%s\r\n" % (len(data), data)
        for _ in range(rounds):
            got.clear()
            start = time.perf_counter_ns()
            for writer in writers:
                writer.write(frame)
            while len(got) < clients:
                await asyncio.sleep(0.002)
            latencies += [t - start for t in got]
            await asyncio.sleep(0.1)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for writer in writers:
            writer.close()
    return latencies


@benchmark("hub_propagation", goal="<= 300 ms", unit="ms")
def hub_propagation(quick: bool) -> Result:
    clients, sales = (200, 10) if quick else (1000, 30)
    url = os.environ.get("KASSA_TEST_POSTGRES_URL") if not quick else None
    floor = asyncio.run(_client_floor(clients, sales))
    with running_hub(Path(tempfile.mkdtemp(prefix="bench-hub-")), url) as hub:
        hub.import_catalog([{"sku": "600000", "name": "x", "price_minor": 100,
                             "vat_code": "food"}])
        seller = hub.enrol("P1", "RA").credential
        watchers = [hub.enrol("P1", f"W{i}").credential for i in range(min(clients, 50))]
        latencies = asyncio.run(_propagate(hub.url, watchers, seller, clients, sales))
    p50, p99 = (ns_to_ms(percentile(p, latencies)) for p in (50, 99))
    return result("hub_propagation_p99_ms", p99, n=len(latencies),
                  baseline=ns_to_ms(percentile(99, floor)),
                  baseline_name="p99 of the same client streams fed by a bare asyncio server",
                  sizes={"clients": clients, "sales": sales,
                         "database": "postgresql" if url else "sqlite"},
                  notes=f"p50 {p50:.1f} ms (floor p50 {ns_to_ms(percentile(50, floor)):.1f} ms);"
                        " one hub process; all clients in one asyncio process on the same"
                        " 2 cores, so the floor is what the simulated tills themselves cost")
