"""The change feed in the database: append inside the writing transaction, read by position.

Positions come from the one feed_sequencer row, incremented by the writing transaction itself:
on PostgreSQL its row lock is held until commit, so a later position never commits before an
earlier one and a reader that has seen position N has seen everything below it. On SQLite the
single writer gives the same. Writers take the sequencer last, just before commit, to hold it
briefly.
"""

from __future__ import annotations

import json
from datetime import timedelta

from pydantic import BaseModel
from sqlalchemy import Connection, delete, func, select, update

from hub import bulk
from hub.db import utcnow
from hub.models import feed, feed_sequencer
from sync.protocol import FeedChange

Pending = list[tuple[str, str, str]]  # (topic, type, data as JSON text)


def stage(pending: Pending, topic: str, kind: str, data: BaseModel) -> None:
    """Encoded once here, by pydantic's serialiser: the feed row's data as it is stored."""
    pending.append((topic, kind, data.model_dump_json()))


def append(conn: Connection, pending: Pending) -> int:
    """Give the staged changes their positions and write them; the last position (0: none)."""
    if not pending:
        return 0
    last = conn.execute(
        update(feed_sequencer).where(feed_sequencer.c.id == 1)
        .values(position=feed_sequencer.c.position + len(pending))
        .returning(feed_sequencer.c.position)
    ).scalar_one()
    first = last - len(pending) + 1
    now = utcnow()
    bulk.insert_rows(conn, feed, [
        {"position": first + i, "topic": topic, "type": kind, "data": data, "created_at": now}
        for i, (topic, kind, data) in enumerate(pending)])
    return last


def read(conn: Connection, after: int, topics: set[str] | None = None,
         limit: int = 1000) -> list[FeedChange]:
    query = select(feed).where(feed.c.position > after).order_by(feed.c.position).limit(limit)
    if topics is not None:
        query = query.where(feed.c.topic.in_(sorted(topics)))
    return [FeedChange(position=r.position, type=r.type, topic=r.topic, data=json.loads(r.data))
            for r in conn.execute(query)]


def bounds(conn: Connection) -> tuple[int, int]:
    """(pruned_through, head): cursors below the first are too old; the second is the last
    position handed out and committed (as seen by this transaction)."""
    row = conn.execute(select(feed_sequencer.c.pruned_through, feed_sequencer.c.position)).one()
    return int(row[0]), int(row[1])


def prune(conn: Connection, *, older_than_days: float | None = None,
          through: int | None = None) -> int:
    """Drop old feed rows; a cursor below the new floor gets a reset. Returns the floor."""
    if through is None:
        cutoff = utcnow() - timedelta(days=older_than_days or 0)
        through = conn.execute(
            select(func.coalesce(func.max(feed.c.position), 0)).where(feed.c.created_at < cutoff)
        ).scalar_one()
    floor, head = bounds(conn)
    through = min(through, head)
    if through <= floor:
        return int(floor)
    conn.execute(delete(feed).where(feed.c.position <= through))
    conn.execute(update(feed_sequencer).values(pruned_through=through))
    return through
