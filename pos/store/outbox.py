"""The outbox: events waiting for the hub, in a gapless order per register.

A row is written in the same transaction as the fact it reports (see sales.commit_sale), and
only marked acked, never deleted, by the pusher: the hub's acked_through is the cursor.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from pos.store.db import Database
from pos.store.keys import RANGE_LO, in_register, number_key, number_of, register_no
from pos.store.timeutil import from_utc_text, to_utc_text, utc_now

if TYPE_CHECKING:
    from sync.protocol import OutboxEnvelope

# Deterministic event ids (uuid5) for events that have a natural key, e.g. one sale: a
# retried commit can never produce two different event ids for the same fact.
EVENT_NAMESPACE = uuid.UUID("6f1c1f0e-3a52-4b8e-9a8c-7d0c2b6a4e11")


_NAMESPACE_BYTES = EVENT_NAMESPACE.bytes


def event_id_for(kind: str, key: str) -> str:
    """str(uuid.uuid5(EVENT_NAMESPACE, f"{kind}:{key}")), computed without the UUID objects
    (a third of the cost; it runs once per sale commit). A unit test holds the two equal."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + f"{kind}:{key}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# The register's last seq: one descent to the end of its key range (pos.store.keys).
_LAST_KEY = (
    "SELECT outbox_key FROM outbox WHERE " + in_register("outbox_key") + " "
    "ORDER BY outbox_key DESC LIMIT 1"
)
_INSERT = (
    "INSERT INTO outbox (outbox_key, register_id, seq, event_id, type, occurred_at, payload) "
    "VALUES (?,?,?,?,?,?,?)"
)


def _last_seq(con: sqlite3.Connection, register_id: str) -> int:
    row = con.execute(_LAST_KEY, (register_id,)).fetchone()
    return number_of(row[0] if row else None)


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
    reg_no = register_no(con, register_id)
    seq = _last_seq(con, register_id) + 1
    insert_outbox_in(
        con,
        register_id,
        number_key(reg_no, seq),
        event_id or str(uuid.uuid4()),
        event_type,
        to_utc_text(occurred_at or utc_now()),
        payload_json,
    )
    return seq


def insert_outbox_in(
    con: sqlite3.Connection,
    register_id: str,
    outbox_key: int,
    event_id: str,
    event_type: str,
    occurred_at_text: str,
    payload_json: str,
) -> None:
    """Write the row at `outbox_key` (keys.number_key(register_no, seq)); the caller read the
    last seq inside this write transaction."""
    con.execute(
        _INSERT,
        (
            outbox_key,
            register_id,
            number_of(outbox_key),
            event_id,
            event_type,
            occurred_at_text,
            payload_json,
        ),
    )


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
            "WHERE " + in_register("outbox_key") + f" AND outbox_key > {RANGE_LO} + ?2 "
            "ORDER BY outbox_key LIMIT ?3",
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
        through = min(through_seq, _last_seq(con, register_id))
        if through <= done:
            return 0
        con.execute(
            "UPDATE outbox SET acked_at = ?4 WHERE "
            f"outbox_key > {RANGE_LO} + ?2 AND outbox_key <= {RANGE_LO} + ?3",
            (register_id, done, through, to_utc_text(utc_now())),
        )
        con.execute(
            "INSERT INTO outbox_cursor (register_id, acked_through) VALUES (?, ?) "
            "ON CONFLICT(register_id) DO UPDATE SET acked_through = excluded.acked_through",
            (register_id, through),
        )
        return through - done


def count_pending(db: Database, register_id: str) -> int:
    with db.read() as con:
        return _last_seq(con, register_id) - _acked_through(con, register_id)


def oldest_pending_at(db: Database, register_id: str) -> datetime | None:
    """When the oldest event the hub has not acknowledged happened (kassa doctor's backlog
    age); None when nothing waits. One key-range seek past the ack cursor."""
    with db.read() as con:
        row = con.execute(
            "SELECT occurred_at FROM outbox WHERE " + in_register("outbox_key")
            + f" AND outbox_key > {RANGE_LO} + ?2 ORDER BY outbox_key LIMIT 1",
            (register_id, _acked_through(con, register_id)),
        ).fetchone()
    return from_utc_text(row[0]) if row else None
