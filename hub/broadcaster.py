"""One reader of the feed per hub process, fanning changes out to every SSE and long-poll
client in it by topic: a change costs one database read per process, never one per client.

It wakes on `wake()` (a commit in this process), on PostgreSQL NOTIFY (a commit in another
hub process), and every `poll_interval_s` as a safety net (and for SQLite shared by several
processes). A client whose queue overflows is dropped: it reconnects with Last-Event-ID.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hub import feed, metrics
from hub.config import HubConfig
from hub.db import Database
from sync.protocol import FeedChange

log = logging.getLogger(__name__)
CHANNEL = "kassa_feed"


@dataclass(frozen=True)
class Frame:
    """A change as it goes out: encoded once per process, whatever the number of clients."""

    position: int
    topic: str
    sse: bytes

    @classmethod
    def of(cls, change: FeedChange) -> Frame:
        return cls(change.position, change.topic, sse_bytes(change))


def sse_bytes(change: FeedChange) -> bytes:
    return (f"id: {change.position}\nevent: {change.type}\n"
            f"data: {change.model_dump_json()}\n\n").encode()


class Subscription:
    def __init__(self, topics: Iterable[str], size: int) -> None:
        self.topics = frozenset(topics)
        self.queue: asyncio.Queue[Frame] = asyncio.Queue(maxsize=size)
        self.overflowed = False

    def push(self, frame: Frame) -> None:
        try:
            self.queue.put_nowait(frame)
        except asyncio.QueueFull:
            self.overflowed = True


class Broadcaster:
    def __init__(self, db: Database, config: HubConfig) -> None:
        self.db, self.config = db, config
        self.last = 0
        self._by_topic: dict[str, set[Subscription]] = defaultdict(set)
        self._wake = asyncio.Event()
        self._notify = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def clients(self) -> int:
        return len({s for subs in self._by_topic.values() for s in subs})

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.last = await asyncio.to_thread(self._head)
        self._tasks.append(asyncio.create_task(self._run(), name="feed-broadcaster"))
        if self.db.is_postgres:
            self._tasks.append(asyncio.create_task(self._listen(), name="feed-listen"))
            self._tasks.append(asyncio.create_task(self._notifier(), name="feed-notify"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    def subscribe(self, topics: Iterable[str]) -> Subscription:
        sub = Subscription(topics, self.config.sse_queue)
        for topic in sub.topics:
            self._by_topic[topic].add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        for topic in sub.topics:
            subs = self._by_topic.get(topic)
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._by_topic[topic]

    def wake(self, *, notify_others: bool = False) -> None:
        """Thread-safe: a writer in this process has committed feed rows. On PostgreSQL the
        other hub processes are told too, by a NOTIFY sent off the request's path."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)
            if notify_others and self.db.is_postgres:
                self._loop.call_soon_threadsafe(self._notify.set)
        elif notify_others and self.db.is_postgres:  # no server here (kassa hub import)
            with self.db.writer.connect() as conn:
                conn.exec_driver_sql(f"NOTIFY {CHANNEL}")
                conn.commit()

    def _head(self) -> int:
        with self.db.reader.connect() as conn:
            return feed.bounds(conn)[1]

    def _read(self, after: int) -> list[FeedChange]:
        with self.db.reader.connect() as conn:
            return feed.read(conn, after, limit=5000)

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.config.poll_interval_s)
            self._wake.clear()
            try:
                await self._drain()
            except Exception:  # the database is away for a moment: the next wake retries
                log.exception("feed broadcaster: reading the feed failed")
                await asyncio.sleep(0.5)

    async def _drain(self) -> None:
        if not self._by_topic:  # nobody listens here: move the cursor, read no rows
            head = await asyncio.to_thread(self._head)
            if not self._by_topic:  # still nobody (a client that came meanwhile: read below)
                # Safe: a later client subscribes first and then replays from the database,
                # which already holds every row up to `head`.
                self.last = max(self.last, head)
                return
        while True:
            changes = await asyncio.to_thread(self._read, self.last)
            for change in changes:
                subs = self._by_topic.get(change.topic)
                if subs:
                    frame = Frame.of(change)
                    for sub in subs:
                        sub.push(frame)
                self.last = change.position
            metrics.broadcast(changes)  # /metrics: commit-to-fan-out latency
            if len(changes) < 5000:
                return

    def _pg_url(self) -> str:
        return self.db.writer.url.set(drivername="postgresql").render_as_string(False)

    async def _notifier(self) -> None:
        """NOTIFY after commits, coalesced: one per burst, on a connection of its own."""
        import psycopg

        while True:
            try:
                async with await psycopg.AsyncConnection.connect(self._pg_url(),
                                                                 autocommit=True) as conn:
                    while True:
                        await self._notify.wait()
                        self._notify.clear()
                        await conn.execute(f"NOTIFY {CHANNEL}")
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("feed broadcaster: NOTIFY connection lost; reconnecting")
                await asyncio.sleep(1.0)

    async def _listen(self) -> None:
        import psycopg

        while True:
            try:
                async with await psycopg.AsyncConnection.connect(self._pg_url(),
                                                                 autocommit=True) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    async for _note in conn.notifies():
                        self._wake.set()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("feed broadcaster: LISTEN connection lost; polling meanwhile")
                await asyncio.sleep(1.0)
