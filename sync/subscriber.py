"""The change-feed subscriber: hub changes into the till's database, live.

One thread reads the feed (server-sent events through httpx-sse, resuming with Last-Event-ID;
after repeated SSE failures the JSON long-poll for a while) and queues the frames; a second
applies them, as many as are waiting in one transaction together with the cursor, so a burst
(a catalog import reaching every till) costs one fsync per batch rather than per product.
A `reset` frame (the till's cursor is older than the hub keeps) reloads the snapshot.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal, Protocol

import httpx
from httpx_sse import EventSource

from sync.client import HubClient, HubError, Refused, Temporary, raise_for
from sync.protocol import FEED_DATA_TYPES, FeedChange

log = logging.getLogger(__name__)

SSE_READ_TIMEOUT_S = 45.0  # the hub sends a keep-alive every 15 s: three missed is a dead link
SSE_FAILURES_BEFORE_POLL = 3
POLL_FOR_S = 300.0  # then SSE is tried again
MAX_APPLY_BATCH = 500


class FeedSink(Protocol):
    """The till's side (pos.app wires it to pos.store)."""

    def cursor(self) -> int: ...

    def apply(self, changes: Sequence[FeedChange]) -> None:
        """Write the changes and the cursor (the last position) in one transaction."""

    def reset(self) -> None:
        """Reload the snapshot; afterwards cursor() is the snapshot's position."""


FeedState = Literal["connecting", "live", "polling", "offline", "stopped"]


@dataclass(frozen=True)
class FeedStatus:
    state: FeedState
    position: int = 0
    last_ok: datetime | None = None
    problem: str | None = None  # "refused": the credential was refused; "apply": see log
    detail: str = ""


class _Reset(Exception):
    pass


def parse_frame(event: str, data: str, frame_id: str) -> FeedChange | None:
    """One SSE frame as a FeedChange; None for a reset (its data is not a FeedChange)."""
    if event == "reset":
        return None
    change = FeedChange.model_validate_json(data)
    if change.data is not None and change.type in FEED_DATA_TYPES:
        FEED_DATA_TYPES[change.type].model_validate(change.data)  # refuse a malformed frame here
    return change


def backoff(attempt: int, initial: float = 0.5, cap: float = 15.0) -> float:
    """Capped exponential backoff with full jitter (many tills reconnecting after a hub
    restart must not all knock at once)."""
    return random.uniform(initial, min(cap, initial * 2 ** min(attempt, 10)))


class Subscriber:
    def __init__(self, client: HubClient, sink: FeedSink,
                 on_status: Callable[[FeedStatus], None] = lambda _s: None, *,
                 poll_timeout_s: int = 25, initial_reset: bool = False) -> None:
        self.client = client
        self.sink = sink
        self.on_status = on_status
        self.poll_timeout_s = poll_timeout_s
        self.status = FeedStatus("connecting")
        self._stop = threading.Event()
        self._queue: queue.Queue[FeedChange | None] = queue.Queue()
        self._response: httpx.Response | None = None
        self._threads: list[threading.Thread] = []
        self._enqueued = 0  # the last position handed to the applier
        self._poll_until = 0.0
        self._needs_reset = initial_reset  # a new till: snapshot first, then the feed
        self._lock = threading.Lock()

    def start(self) -> None:
        for target, name in ((self._run, "kassa-feed"), (self._apply_loop, "kassa-feed-apply")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._queue.put(None)
        response = self._response
        if response is not None:
            with contextlib.suppress(Exception):  # unblocks the reader waiting for a frame
                response.close()
        for thread in self._threads:
            thread.join(timeout)

    def _set(self, **changes: object) -> None:
        with self._lock:
            self.status = replace(self.status, **changes)  # type: ignore[arg-type]
            status = self.status
        self.on_status(status)

    # -- reading --------------------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        self._enqueued = self.sink.cursor()
        while not self._stop.is_set():
            try:
                if self._needs_reset:
                    self._reset()
                    self._needs_reset = False
                if time.monotonic() < self._poll_until:
                    self.poll_once()
                else:
                    self._sse()
                failures = 0
            except _Reset:
                self._needs_reset = True
            except Refused as exc:
                log.error("hub refused the feed subscription: %s", exc)
                self._set(state="stopped", problem="refused", detail=str(exc))
                return
            except (HubError, httpx.HTTPError, ValueError) as exc:
                if self._stop.is_set():
                    return
                failures += 1
                self._set(state="offline", detail=str(exc))
                if failures >= SSE_FAILURES_BEFORE_POLL and time.monotonic() >= self._poll_until:
                    log.warning("change feed: SSE failed %d times; long-polling for %.0f s",
                                failures, POLL_FOR_S)
                    self._poll_until = time.monotonic() + POLL_FOR_S
                self._stop.wait(backoff(failures))
            except Exception as exc:
                if self._stop.is_set():  # stop() closed the stream under the reader
                    return
                log.exception("change feed reader failed")
                self._set(state="offline", problem="internal", detail=repr(exc))
                self._stop.wait(backoff(failures + 3))
        self._set(state="stopped")

    def _sse(self) -> None:
        self._set(state="connecting")
        headers = {"accept": "text/event-stream", "last-event-id": str(self._enqueued)}
        timeout = httpx.Timeout(10.0, read=SSE_READ_TIMEOUT_S)
        params = {"topics": self.client.feed_topics()}
        with self.client.http.stream("GET", "/v1/feed", params=params, headers=headers,
                                     timeout=timeout) as response:
            if response.status_code >= 300:
                response.read()
                raise_for(response)
            self._response = response
            try:
                self._set(state="live", last_ok=_now(), problem=None, detail="")
                for sse in EventSource(response).iter_sse():
                    if self._stop.is_set():
                        return
                    change = parse_frame(sse.event, sse.data, sse.id)
                    if change is None:
                        raise _Reset
                    self._enqueue(change)
            finally:
                self._response = None
        if not self._stop.is_set():
            raise Temporary("the feed stream ended")

    def poll_once(self) -> int:
        """One long-poll round (the fallback); returns how many changes it queued."""
        page = self.client.poll(self._enqueued, self.poll_timeout_s)
        self._set(state="polling", last_ok=_now(), problem=None, detail="")
        if any(c.type == "reset" for c in page.changes):
            raise _Reset
        for change in page.changes:
            self._enqueue(change)
        return len(page.changes)

    def _enqueue(self, change: FeedChange) -> None:
        if change.position <= self._enqueued:
            return  # a replay of what we have
        self._enqueued = change.position
        self._queue.put(change)

    def _reset(self) -> None:
        """Wait for queued frames to be applied, reload the snapshot, resume after it."""
        log.warning("change feed: loading the snapshot (cursor %d)", self._enqueued)
        self._set(state="connecting")
        self._queue.join()
        self.sink.reset()
        self._enqueued = self.sink.cursor()

    # -- applying -------------------------------------------------------------------------------

    def _apply_loop(self) -> None:
        while True:
            first = self._queue.get()
            batch = [first]
            while len(batch) < MAX_APPLY_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            changes = [c for c in batch if c is not None]
            try:
                if changes:
                    self._apply(changes)
            finally:
                for _ in batch:
                    self._queue.task_done()
            if None in batch and self._stop.is_set():
                return

    def _apply(self, changes: Sequence[FeedChange]) -> None:
        for attempt in itertools.count():
            try:
                self.sink.apply(changes)
                self._set(position=changes[-1].position, last_ok=_now())
                return
            except Exception as exc:  # the database is busy or broken: keep the frames
                log.exception("applying %d feed changes failed", len(changes))
                self._set(problem="apply", detail=repr(exc))
                if self._stop.wait(backoff(attempt)):
                    return


def _now() -> datetime:
    return datetime.now(UTC)
