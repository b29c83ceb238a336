"""Simulated tills subscribed to a change feed, in a process of their own (bench_hub.py
hub_propagation starts one or two): the measuring clients must not share the hub's process,
nor the process that posts the sales and keeps the time.

`run(url, path, headers, conn)` opens one httpx SSE stream per header set, says
("ready", n) on `conn` once every stream has its answer's headers, then ("got", seq) each time
the last of its streams has received the frame naming till RA's seq; on ("stop",) it answers
("times", {seq: [monotonic_ns of each stream's receipt]}) and ends. Times are
time.monotonic_ns(), one clock for every process of the machine (CLOCK_MONOTONIC). A failure is
("error", text).
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from multiprocessing.connection import Connection

import httpx

SEQ = re.compile(rb'"register_id":"RA","seq":(\d+)')
TAIL = 200  # bytes kept from a stream's last read: a frame split across two reads still counts


def run(url: str, path: str, headers: list[dict[str, str]], conn: Connection) -> None:
    try:
        asyncio.run(_main(url, path, headers, conn))
    except BaseException as error:  # tell the bench rather than leave it waiting
        conn.send(("error", f"{type(error).__name__}: {error}"))


async def _main(url: str, path: str, headers: list[dict[str, str]], conn: Connection) -> None:
    loop = asyncio.get_running_loop()
    stop, all_open = asyncio.Event(), asyncio.Event()
    received: dict[int, list[int]] = {}
    opened = [0]
    total = len(headers)

    def wait_for_stop() -> None:
        conn.recv()
        loop.call_soon_threadsafe(stop.set)

    async def stream(client: httpx.AsyncClient, header: dict[str, str]) -> None:
        async with client.stream("GET", path, headers=header) as answer:
            answer.raise_for_status()
            opened[0] += 1
            if opened[0] == total:
                all_open.set()
            tail, last = b"", 0
            async for chunk in answer.aiter_raw():
                now = time.monotonic_ns()
                tail += chunk
                for match in SEQ.finditer(tail):
                    seq = int(match.group(1))
                    if seq <= last:  # seen in the previous read's tail
                        continue
                    last = seq
                    times = received.setdefault(seq, [])
                    times.append(now)
                    if len(times) == total:
                        conn.send(("got", seq))
                tail = tail[-TAIL:]

    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    async with httpx.AsyncClient(base_url=url, limits=limits,
                                 timeout=httpx.Timeout(60, read=None)) as client:
        tasks = [asyncio.create_task(stream(client, h)) for h in headers]
        opening = asyncio.create_task(all_open.wait())
        await asyncio.wait([opening, *tasks], timeout=180,
                           return_when=asyncio.FIRST_COMPLETED)
        opening.cancel()
        failed = [t for t in tasks if t.done() and t.exception() is not None]
        if failed or not all_open.is_set():
            raise RuntimeError(f"{opened[0]} of {total} streams opened: "
                               f"{failed[0].exception() if failed else 'timed out'}")
        threading.Thread(target=wait_for_stop, daemon=True).start()
        conn.send(("ready", opened[0]))
        await stop.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    conn.send(("times", received))
