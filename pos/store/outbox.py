"""The outbox: events waiting for the hub, in a gapless order per register.

A row is written in the same transaction as the fact it reports (see sales.commit_sale), and
only marked acked, never deleted, by the pusher: the hub's acked_through is the cursor.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from pos.store.db import Database
from pos.store.timeutil import from_utc_text, to_utc_text, utc_now

if TYPE_CHECKING:
    from sync.protocol import OutboxEnvelope

# Deterministic event ids (uuid5) for events that have a natural key, e.g. one sale: a
# retried commit can never produce two different event ids for the same fact.
EVENT_NAMESPACE = uuid.UUID("6f1c1f0e-3a52-4b8e-9a8c-7d0c2b6a4e11")


def event_id_for(kind: str, key: str) -> str:
    return str(uuid.uuid5(EVENT_NAMESPACE, f"{kind}:{key}"))


_NEXT = "SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox WHERE register_id = ?"
_INSERT = (
    "INSERT INTO outbox (register_id, seq, event_id, type, occurred_at, payload) "
    "VALUES (?,?,?,?,?,?)"
)


def append_outbox_in(
    con: sqlite3.Connection,
    register_id: str,
    event_type: str,
    payload_json: str,
    *,
    occurred_at: datetime | None = None,
    event_id: str | None = None,
) -> int:
    """Append inside the caller's write transaction; returns the row's seq."""
    seq: int = con.execute(_NEXT, (register_id,)).fetchone()[0]
    con.execute(
        _INSERT,
        (
            register_id,
            seq,
            event_id or str(uuid.uuid4()),
            event_type,
            to_utc_text(occurred_at or utc_now()),
            payload_json,
        ),
    )
    return seq


_CURSOR = "SELECT acked_through FROM outbox_cursor WHERE register_id = ?"


def _acked_through(con: sqlite3.Connection, register_id: str) -> int:
    row = con.execute(_CURSOR, (register_id,)).fetchone()
    return int(row[0]) if row else 0


def pending(db: Database, register_id: str, limit: int = 100) -> list[OutboxEnvelope]:
    """The oldest unacknowledged events, in seq order (a key range after the ack cursor)."""
    from sync.protocol import OutboxEnvelope  # pydantic: imported by the pusher, not the till

    with db.read() as con:
        rows = con.execute(
            "SELECT seq, event_id, type, occurred_at, payload FROM outbox "
            "WHERE register_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (register_id, _acked_through(con, register_id), limit),
        ).fetchall()
    return [
        OutboxEnvelope(
            seq=seq,
            event_id=uuid.UUID(event_id),
            type=type_,
            occurred_at=from_utc_text(occurred_at),
            payload=json.loads(payload),
        )
        for seq, event_id, type_, occurred_at, payload in rows
    ]


def mark_acked(db: Database, register_id: str, through_seq: int) -> int:
    """Record the hub's acked_through; stamps acked_at on the rows; returns how many were new.
    The cursor never moves backwards (a late, stale ack is harmless)."""
    with db.write() as con:
        done = _acked_through(con, register_id)
        last = con.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE register_id = ?", (register_id,)
        ).fetchone()[0]
        through = min(through_seq, int(last))
        if through <= done:
            return 0
        con.execute(
            "UPDATE outbox SET acked_at = ? WHERE register_id = ? AND seq > ? AND seq <= ?",
            (to_utc_text(utc_now()), register_id, done, through),
        )
        con.execute(
            "INSERT INTO outbox_cursor (register_id, acked_through) VALUES (?, ?) "
            "ON CONFLICT(register_id) DO UPDATE SET acked_through = excluded.acked_through",
            (register_id, through),
        )
        return through - done


def count_pending(db: Database, register_id: str) -> int:
    with db.read() as con:
        last = con.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE register_id = ?", (register_id,)
        ).fetchone()[0]
        return int(last) - _acked_through(con, register_id)
