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

hub_propagation: C SSE clients (asyncio + httpx) subscribed to one store's topic of a hub
subprocess, in P client processes of their own (sse_clients.py; P = 2, or
KASSA_BENCH_CLIENT_PROCESSES), so that neither the hub nor the process that posts and keeps
the time shares a process with them; till A posts one sale at a time; the latency is from just
before the POST to each client's receipt of the stock frame naming it (time.monotonic_ns, one
clock for every process). p99 over every client and sale. Its baseline, in the same run: the
same client processes and streams fed by a bare asyncio server (what simulating 1,000 tills
on this machine costs by itself, which real tills, each on its own computer, do not share).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import sse_clients
    from common import Result, benchmark, ns_to_ms, percentile, result
except ImportError:  # imported as tests.bench.bench_hub
    from tests.bench import sse_clients
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
    load_before = _load()
    bare = _bare_ingest(url, tills, per_till, skus)
    hub = _hub_ingest(url, tills, per_till, skus, workers)
    line = result("hub_ingest_sales_per_s", hub, n=tills * per_till, baseline=bare,
                  baseline_name="bare psycopg transactions of the same shape, same run",
                  sizes=sizes)
    line["load_avg"] = {"before": load_before, "after": _load()}
    return line


def _start_clients(url: str, path: str, headers: list[dict[str, str]],
                   processes: int) -> list[tuple[Any, Any]]:
    """The simulated tills, split over `processes` client processes (sse_clients.run), each
    with its streams open; [(process, pipe)]."""
    context = multiprocessing.get_context("spawn")  # nothing of this process's threads
    children = []
    for part in (headers[i::processes] for i in range(processes)):
        mine, theirs = context.Pipe()
        child = context.Process(target=sse_clients.run, args=(url, path, part, theirs),
                                daemon=True)
        child.start()
        children.append((child, mine))
    for _child, pipe in children:
        _expect(pipe, "ready", 240)
    return children


def _expect(pipe: Any, kind: str, timeout: float) -> Any:
    if not pipe.poll(timeout):
        raise RuntimeError(f"a client process sent no {kind!r} in {timeout} s")
    message = pipe.recv()
    if message[0] != kind:
        raise RuntimeError(f"a client process sent {message!r}, not {kind!r}")
    return message[1]


def _timed_rounds(children: list[tuple[Any, Any]], rounds: int,
                  send: Callable[[int], None]) -> list[int]:
    """`send(seq)` for seq 1..rounds+3 (the first three warm up, untimed), each once every
    client process says all its streams have it; the latencies from just before each send to
    each stream's receipt."""
    sent: dict[int, int] = {}
    for seq in range(1, rounds + 4):
        if seq > 3:
            sent[seq] = time.monotonic_ns()
        send(seq)
        for _child, pipe in children:
            message = pipe.recv() if pipe.poll(10) else ("nothing",)
            if message != ("got", seq):
                got = sum(len(times.get(seq, ())) for times in _stop(children))
                raise RuntimeError(f"sale {seq} reached {got} of the streams in 10 s"
                                   f" (a client process said {message!r})")
        time.sleep(0.1)
    latencies: list[int] = []
    for received in _stop(children):
        for seq, start in sent.items():
            latencies += [t - start for t in received[seq]]
    return latencies


def _stop(children: list[tuple[Any, Any]]) -> list[dict[int, list[int]]]:
    """Stop the client processes; what each received ({seq: [receipt times]})."""
    received = []
    for child, pipe in children:
        pipe.send(("stop",))
        while True:  # ("got", seq) messages may come before the times
            message = _expect_any(pipe, 60)
            if message[0] == "times":
                received.append(message[1])
                break
        child.join(30)
    return received


def _expect_any(pipe: Any, timeout: float) -> Any:
    if not pipe.poll(timeout):
        raise RuntimeError(f"a client process said nothing in {timeout} s")
    message = pipe.recv()
    if message[0] == "error":
        raise RuntimeError(f"a client process failed: {message[1]}")
    return message


class _BareFeed:
    """The floor's server: a bare asyncio server in a thread of this process that answers every
    GET with an event stream's headers and, on `send(seq)`, writes one frame naming till RA's
    seq to every stream at once (about what a hub's frame is, chunked)."""

    def __init__(self) -> None:
        self.writers: list[asyncio.StreamWriter] = []
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self.loop).result()
        self.url = f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                     b"transfer-encoding: chunked\r\n\r\n")
        self.writers.append(writer)

    def send(self, seq: int) -> None:
        data = (b'id: %d\nevent: stock\ndata: {"store_id":"P1","sku":"600000","src":'
                b'{"store_id":"P1","register_id":"RA","seq":%d}}\n\n' % (seq, seq))
        frame = b"%x\r\n%s\r\n" % (len(data), data)

        async def write_all() -> None:
            for writer in self.writers:
                writer.write(frame)

        asyncio.run_coroutine_threadsafe(write_all(), self.loop).result()

    def close(self) -> None:
        async def shut() -> None:
            for writer in self.writers:
                writer.close()
            self.server.close()

        asyncio.run_coroutine_threadsafe(shut(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)


def _client_floor(clients: int, rounds: int, processes: int) -> list[int]:
    """What the simulated tills cost by themselves: the same client processes and streams, fed
    by the bare server."""
    feed = _BareFeed()
    try:
        children = _start_clients(feed.url, "/", [{} for _ in range(clients)], processes)
        return _timed_rounds(children, rounds, feed.send)
    finally:
        feed.close()


def _propagate(hub: Any, clients: int, rounds: int, processes: int) -> list[int]:
    hub.import_catalog([{"sku": "600000", "name": "x", "price_minor": 100,
                         "vat_code": "food"}])
    seller = hub.enrol("P1", "RA").credential
    watchers = [hub.enrol("P1", f"W{i}").credential for i in range(min(clients, 50))]
    headers = [{"Authorization": f"Bearer {watchers[i % len(watchers)]}"}
               for i in range(clients)]
    # From a cursor, as a till resumes: a stream without one starts at the head it reads once
    # its answer has begun, which for some of a thousand streams is after the first sale.
    after = int(hub.admin.get("/v1/health").json()["position"])
    children = _start_clients(hub.url, f"/v1/feed?topics=store:P1&after={after}", headers,
                              processes)
    time.sleep(1.0)
    with hub.client(seller, timeout=30) as poster:
        def post(seq: int) -> None:
            poster.post("/v1/stores/P1/registers/RA/events", json={
                "epoch": 1, "events": [_sale("P1", "RA", seq, ["600000"])]}).raise_for_status()

        return _timed_rounds(children, rounds, post)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


@benchmark("hub_propagation", goal="<= 300 ms", unit="ms")
def hub_propagation(quick: bool) -> Result:
    clients, sales = (200, 10) if quick else (1000, 30)
    processes = int(os.environ.get("KASSA_BENCH_CLIENT_PROCESSES", "2"))
    url = os.environ.get("KASSA_TEST_POSTGRES_URL") if not quick else None
    load_before = _load()
    floor = _client_floor(clients, sales, processes)
    with running_hub(Path(tempfile.mkdtemp(prefix="bench-hub-")), url) as hub:
        latencies = _propagate(hub, clients, sales, processes)
    p50, p99 = (ns_to_ms(percentile(p, latencies)) for p in (50, 99))
    line = result("hub_propagation_p99_ms", p99, n=len(latencies),
                  baseline=ns_to_ms(percentile(99, floor)),
                  baseline_name="p99 of the same client processes and streams fed by a bare"
                                " asyncio server, same run",
                  sizes={"clients": clients, "sales": sales, "client_processes": processes,
                         "database": "postgresql" if url else "sqlite"},
                  notes=f"p50 {p50:.1f} ms (floor p50 {ns_to_ms(percentile(50, floor)):.1f} ms,"
                        f" floor p99 {ns_to_ms(percentile(99, floor)):.1f} ms); one hub"
                        f" process; the {clients} SSE clients in {processes} processes of"
                        " their own, on the same 2 cores")
    line["load_avg"] = {"before": load_before, "after": _load()}
    return line
