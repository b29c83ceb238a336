"""GET /v1/feed (server-sent events) and GET /v1/feed/poll (long poll) for one till.

Both subscribe to the process's broadcaster first, then replay from the database after the
client's cursor, then pass on live changes above what was replayed: nothing committed between
the replay and the live part can fall in between. A cursor below the pruned feed gets `reset`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator

from fastapi import APIRouter, Depends, Header, Query

from hub import feed
from hub.auth import Terminal, terminal
from hub.broadcaster import Subscription, sse_bytes
from hub.errors import HubError
from hub.sse import SseResponse
from hub.state import Hub, get_hub
from sync.protocol import ErrorBody, FeedChange, FeedPage

router = APIRouter(tags=["feed"])
ERRORS = {c: {"model": ErrorBody} for c in (401, 403, 422)}
TOPICS = Query(default="chain", max_length=400, description="e.g. store:S1,chain")


def allowed_topics(raw: str, term: Terminal) -> set[str]:
    topics = {t.strip() for t in raw.split(",") if t.strip()}
    if not topics:
        raise HubError(422, "invalid", "name at least one topic")
    for topic in topics:
        if topic != "chain" and topic != f"store:{term.store_id}":
            raise HubError(403, "forbidden", f"a till of {term.store_id} may not read {topic}")
    return topics


def cursor(last_event_id: str | None, after: int | None) -> int | None:
    if last_event_id is not None and last_event_id.strip():
        if not last_event_id.strip().isdigit():
            raise HubError(422, "invalid", "Last-Event-ID must be a feed position")
        return int(last_event_id)
    return after


def _replay(hub: Hub, after: int, topics: set[str]) -> tuple[bool, list[FeedChange], int]:
    """(reset, changes after `after` in `topics` up to 1,000, the head seen). A cursor below
    the pruned feed, or beyond its head (a hub restored from an older backup), is a reset."""
    with hub.db.reader.begin() as conn:
        pruned, head = feed.bounds(conn)
        if after < pruned or after > head:
            return True, [], head
        return False, feed.read(conn, after, topics), head


async def _stream(hub: Hub, sub: Subscription, after: int | None,
                  topics: set[str]) -> AsyncGenerator[bytes, None]:
    try:
        if after is None:  # no cursor: live from now on
            after = await asyncio.to_thread(_head, hub)
        while True:  # replay in pages until caught up
            too_old, changes, _head_seen = await asyncio.to_thread(_replay, hub, after, topics)
            if too_old:
                yield b"event: reset\ndata: {}\n\n"
                return
            if changes:
                yield b"".join(sse_bytes(change) for change in changes)
                after = changes[-1].position
            if len(changes) < 1000:
                break
        while not sub.overflowed:
            frames = [await sub.queue.get()]
            while not sub.queue.empty():  # a burst goes out as one write
                frames.append(sub.queue.get_nowait())
            fresh = [f for f in frames if f.position > after]
            if fresh:
                yield b"".join(f.sse for f in fresh)  # encoded once for every client
                after = fresh[-1].position
    finally:
        hub.broadcaster.unsubscribe(sub)


def _head(hub: Hub) -> int:
    with hub.db.reader.connect() as conn:
        return feed.bounds(conn)[1]


@router.get("/v1/feed", response_class=SseResponse, response_model=None, status_code=200,
            responses={200: {"content": {"text/event-stream": {}}}, **ERRORS})
async def sse_feed(topics: str = TOPICS,
                   after: int | None = Query(default=None, ge=0, le=2**62),
                   last_event_id: str | None = Header(default=None, max_length=30),
                   term: Terminal = Depends(terminal),
                   hub: Hub = Depends(get_hub)) -> SseResponse:
    wanted = allowed_topics(topics, term)
    start = cursor(last_event_id, after)
    sub = hub.broadcaster.subscribe(wanted)
    return SseResponse(_stream(hub, sub, start, wanted), hub.config.keepalive_s)


@router.get("/v1/feed/poll", responses=ERRORS)
async def poll_feed(topics: str = TOPICS, after: int = Query(default=0, ge=0, le=2**62),
                    timeout: float = Query(default=25.0, ge=0, le=60),
                    term: Terminal = Depends(terminal), hub: Hub = Depends(get_hub)) -> FeedPage:
    wanted = allowed_topics(topics, term)
    sub = hub.broadcaster.subscribe(wanted)
    try:
        too_old, changes, _head = await asyncio.to_thread(_replay, hub, after, wanted)
        if too_old:
            return FeedPage(changes=(FeedChange(position=after + 1, type="reset", topic="chain"),),
                            next_after=0)
        if not changes and timeout > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(sub.queue.get(), timeout)
            _old, changes, _head = await asyncio.to_thread(_replay, hub, after, wanted)
        next_after = changes[-1].position if changes else after
        return FeedPage(changes=tuple(changes), next_after=next_after)
    finally:
        hub.broadcaster.unsubscribe(sub)
