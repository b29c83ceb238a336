"""The electronic journal: gapless, hash-chained, append-only, per register.

hash = sha256(prev_hash + canonical JSON of the entry's fields). The first entry's prev_hash is
64 zeros. Canonical JSON: sorted keys, no spaces, UTF-8; the payload is stored in that same
canonical form, so verifying needs nothing but the row.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from pos.store.codes import EVENT_CODES
from pos.store.db import Database
from pos.store.errors import InvalidRecord
from pos.store.keys import RANGE_LO, in_register, number_key, number_of, register_no
from pos.store.timeutil import to_utc_text, utc_now


@dataclass(frozen=True, slots=True)
class JournalNote:
    """A journal entry to write in the same transaction as the change it reports (SAF-T
    event code, our event name, who, what): used by the card intents and the shifts."""

    event_code: str
    event: str
    employee_id: int | None
    payload: Mapping[str, Any]


GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class JournalEntryView:
    register_id: str
    entry_no: int
    at: str
    employee_id: int | None
    event_code: str
    event: str
    transaction_no: int | None
    sale_id: str | None
    payload: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class JournalCheck:
    ok: bool
    entries_checked: int
    first_bad_entry: int | None = None  # entry_no of the first broken link
    reason: str | None = None


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(fields)).encode()).hexdigest()


def _str(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _int(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def canonical_fields(
    register_id: str,
    entry_no: int,
    at: str,
    employee_id: int | None,
    event_code: str,
    event: str,
    transaction_no: int | None,
    sale_id: str | None,
    payload_json: str,
) -> str:
    """canonical_json(_fields(...)) without building and sorting a dict (the commit path runs
    this once per sale). Keys in sorted order; a unit test holds it equal to canonical_json."""
    return (
        f'{{"at":{_str(at)},"employee_id":{_int(employee_id)},"entry_no":{_int(entry_no)},'
        f'"event":{_str(event)},"event_code":{_str(event_code)},"payload":{_str(payload_json)},'
        f'"register_id":{_str(register_id)},"sale_id":{_str(sale_id)},'
        f'"transaction_no":{_int(transaction_no)}}}'
    )


def _fields(
    register_id: str,
    entry_no: int,
    at: str,
    employee_id: int | None,
    event_code: str,
    event: str,
    transaction_no: int | None,
    sale_id: str | None,
    payload_json: str,
) -> dict[str, Any]:
    return {
        "register_id": register_id,
        "entry_no": entry_no,
        "at": at,
        "employee_id": employee_id,
        "event_code": event_code,
        "event": event,
        "transaction_no": transaction_no,
        "sale_id": sale_id,
        "payload": payload_json,
    }


# The register's last entry: one descent to the end of its key range (pos.store.keys).
_LAST = (
    "SELECT entry_key, hash FROM journal WHERE " + in_register("entry_key") + " "
    "ORDER BY entry_key DESC LIMIT 1"
)
_INSERT = (
    "INSERT INTO journal (entry_key, register_id, entry_no, at, employee_id, event_code, event, "
    "transaction_no, sale_id, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def append_event_in(
    con: sqlite3.Connection,
    register_id: str,
    event_code: str,
    event: str,
    employee_id: int | None,
    payload: Mapping[str, Any] | None = None,
    *,
    transaction_no: int | None = None,
    sale_id: str | None = None,
    at: datetime | None = None,
) -> int:
    """Append inside the caller's write transaction (Database.write()); returns entry_no."""
    if event_code not in EVENT_CODES:
        raise InvalidRecord(f"unknown SAF-T event code {event_code!r}")
    payload_json = canonical_json(dict(payload or {}))
    reg_no = register_no(con, register_id)
    last = con.execute(_LAST, (register_id,)).fetchone()
    entry_no, prev_hash = (number_of(last[0]) + 1, last[1]) if last else (1, GENESIS_HASH)
    insert_entry_in(
        con,
        register_id,
        number_key(reg_no, entry_no),
        prev_hash,
        to_utc_text(at or utc_now()),
        employee_id,
        event_code,
        event,
        transaction_no,
        sale_id,
        payload_json,
    )
    return entry_no


def insert_entry_in(
    con: sqlite3.Connection,
    register_id: str,
    entry_key: int,
    prev_hash: str,
    at_text: str,
    employee_id: int | None,
    event_code: str,
    event: str,
    transaction_no: int | None,
    sale_id: str | None,
    payload_json: str,
) -> int:
    """Write the entry at `entry_key` (keys.number_key(register_no, entry_no)) whose
    predecessor's hash is `prev_hash` (the caller read both inside this write transaction).
    payload_json must already be canonical JSON. Returns entry_no."""
    if event_code not in EVENT_CODES:
        raise InvalidRecord(f"unknown SAF-T event code {event_code!r}")
    entry_no = number_of(entry_key)
    text = canonical_fields(
        register_id,
        entry_no,
        at_text,
        employee_id,
        event_code,
        event,
        transaction_no,
        sale_id,
        payload_json,
    )
    digest = hashlib.sha256((prev_hash + text).encode()).hexdigest()
    con.execute(
        _INSERT,
        (
            entry_key,
            register_id,
            entry_no,
            at_text,
            employee_id,
            event_code,
            event,
            transaction_no,
            sale_id,
            payload_json,
            prev_hash,
            digest,
        ),
    )
    return entry_no


def append_event(
    db: Database,
    register_id: str,
    event_code: str,
    event: str,
    employee_id: int | None,
    payload: Mapping[str, Any] | None = None,
    transaction_no: int | None = None,
    *,
    sale_id: str | None = None,
    at: datetime | None = None,
) -> int:
    """Append one journal entry in its own transaction; returns its entry_no."""
    with db.write() as con:
        return append_event_in(
            con,
            register_id,
            event_code,
            event,
            employee_id,
            payload,
            transaction_no=transaction_no,
            sale_id=sale_id,
            at=at,
        )


_SELECT = (
    "SELECT register_id, entry_no, at, employee_id, event_code, event, transaction_no, "
    "sale_id, payload, prev_hash, hash FROM journal"
)


def _view(row: tuple[Any, ...]) -> JournalEntryView:
    return JournalEntryView(
        register_id=row[0],
        entry_no=row[1],
        at=row[2],
        employee_id=row[3],
        event_code=row[4],
        event=row[5],
        transaction_no=row[6],
        sale_id=row[7],
        payload=json.loads(row[8]),
        prev_hash=row[9],
        hash=row[10],
    )


def entries(
    db: Database, register_id: str, *, after: int = 0, limit: int = 1000
) -> list[JournalEntryView]:
    with db.read() as con:
        rows = con.execute(
            _SELECT + " WHERE " + in_register("entry_key") + f" AND entry_key > {RANGE_LO} + ?2 "
            "ORDER BY entry_key LIMIT ?3",
            (register_id, after, limit),
        ).fetchall()
    return [_view(r) for r in rows]


def verify_journal(db: Database, register_id: str) -> JournalCheck:
    """Walk the chain from entry 1; report the first entry whose number, link or hash is off."""
    expected_no, prev_hash, checked = 1, GENESIS_HASH, 0
    with db.read() as con:
        cursor = con.execute(
            _SELECT + " WHERE " + in_register("entry_key") + " ORDER BY entry_key", (register_id,)
        )
        for row in cursor:
            entry_no = row[1]
            if entry_no != expected_no:
                return JournalCheck(False, checked, expected_no, f"entry {expected_no} missing")
            if row[9] != prev_hash:
                return JournalCheck(False, checked, entry_no, "prev_hash does not link")
            fields = _fields(*row[:9])
            if entry_hash(prev_hash, fields) != row[10]:
                return JournalCheck(False, checked, entry_no, "hash does not match contents")
            prev_hash, expected_no, checked = row[10], expected_no + 1, checked + 1
    return JournalCheck(True, checked)
