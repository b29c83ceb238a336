"""Card payment intents: the till's memory of every amount it sent to a card terminal.

An intent is committed (with its journal entry, in one transaction) BEFORE the amount leaves
for the terminal; each later step (sent, the terminal's answer, a recovery, a manual decision)
updates the row and appends a journal entry in one transaction too. So after any crash the
database says which payments may have been taken and must be asked about.

Never a full PAN here: only what the terminal masked (pos.app.card checks it again).
Raw sqlite3 like the sale commit: this runs on the payment path and in a crash-test child.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from pos.store.db import Database
from pos.store.errors import InvalidRecord, NotFound
from pos.store.journal import JournalNote, append_event_in
from pos.store.timeutil import to_utc_text, utc_now

KINDS = ("purchase", "refund", "reversal")
# pending: committed, the amount may be on its way; sent: the terminal acknowledged it;
# approved/declined/aborted: its answer; unknown: the answer was lost (ask the terminal or the
# cashier); resolved: nothing left to do (an approved purchase is in a committed sale).
STATES = ("pending", "sent", "approved", "declined", "aborted", "unknown", "resolved")
OPEN_STATES = ("pending", "sent", "unknown")


@dataclass(frozen=True, slots=True)
class IntentView:
    id: int
    reference: str
    register_id: str
    kind: str
    state: str
    amount_minor: int
    currency: str
    sale_id: str | None
    employee_id: int | None
    original_reference: str | None
    created_at: str
    updated_at: str
    outcome: str | None
    resolution: str | None
    result_code: int | None
    result_text: str | None
    masked_pan: str | None
    card_brand: str | None
    auth_code: str | None
    receipt_no: int | None
    trace_no: int | None
    terminal_id: str | None
    terminal_time: str | None
    receipt_lines: str | None
    signature_required: int
    snapshot: str | None
    approved_by: int | None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def lines(self, copy: str) -> list[str]:
        """The terminal's receipt lines for "customer" or "merchant"."""
        if not self.receipt_lines:
            return []
        return list(json.loads(self.receipt_lines).get(copy, []))

    def snapshot_data(self) -> dict[str, Any] | None:
        return json.loads(self.snapshot) if self.snapshot else None


COLUMNS = tuple(f.name for f in fields(IntentView))
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM card_intents"
# Columns a result or a recovery may set.
RESULT_COLUMNS = frozenset({
    "outcome", "resolution", "result_code", "result_text", "masked_pan", "card_brand",
    "auth_code", "receipt_no", "trace_no", "terminal_id", "terminal_time", "receipt_lines",
    "signature_required", "approved_by", "sale_id",
})  # fmt: skip


def _view(row: tuple[Any, ...] | None) -> IntentView | None:
    return None if row is None else IntentView(*row)


def _journal(con: sqlite3.Connection, register_id: str, note: JournalNote, sale_id: str | None,
             at: datetime) -> None:
    append_event_in(con, register_id, note.event_code, note.event, note.employee_id,
                    note.payload, sale_id=sale_id, at=at)


def create_intent(
    db: Database,
    *,
    reference: str,
    register_id: str,
    kind: str,
    amount_minor: int,
    currency: str,
    note: JournalNote,
    sale_id: str | None = None,
    employee_id: int | None = None,
    original_reference: str | None = None,
    snapshot: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> IntentView:
    """Commit a pending intent and its journal entry; durable when this returns."""
    if kind not in KINDS:
        raise InvalidRecord(f"card intent kind {kind!r}")
    if amount_minor < 0:
        raise InvalidRecord("a card amount is never negative (the kind says the direction)")
    moment = at or utc_now()
    now = to_utc_text(moment)
    with db.write() as con:
        con.execute(
            "INSERT INTO card_intents (reference, register_id, kind, state, amount_minor, "
            "currency, sale_id, employee_id, original_reference, created_at, updated_at, "
            "signature_required, snapshot) VALUES (?,?,?,'pending',?,?,?,?,?,?,?,0,?)",
            (reference, register_id, kind, amount_minor, currency, sale_id, employee_id,
             original_reference, now, now,
             json.dumps(snapshot, sort_keys=True) if snapshot is not None else None),
        )
        _journal(con, register_id, note, sale_id, moment)
        row = con.execute(_SELECT + " WHERE reference = ?", (reference,)).fetchone()
    view = _view(row)
    assert view is not None
    return view


def update_intent(
    db: Database,
    reference: str,
    state: str,
    note: JournalNote | None,
    *,
    expect: Iterable[str] | None = None,
    at: datetime | None = None,
    **columns: Any,
) -> IntentView | None:
    """Move an intent to `state`, set result columns, journal it: one transaction.

    With `expect`, the change happens only if the intent is in one of those states (else None
    is returned and nothing is written): what makes "record the payment exactly once" hold
    when a recovery and a late answer race."""
    if state not in STATES:
        raise InvalidRecord(f"card intent state {state!r}")
    unknown = set(columns) - RESULT_COLUMNS
    if unknown:
        raise InvalidRecord(f"not card result columns: {sorted(unknown)}")
    moment = at or utc_now()
    if isinstance(columns.get("receipt_lines"), Mapping):
        columns["receipt_lines"] = json.dumps(columns["receipt_lines"], sort_keys=True)
    sets = ", ".join(f"{name} = ?" for name in ("state", "updated_at", *columns))
    with db.write() as con:
        row = con.execute(_SELECT + " WHERE reference = ?", (reference,)).fetchone()
        current = _view(row)
        if current is None:
            raise NotFound(f"no card intent {reference!r}")
        if expect is not None and current.state not in tuple(expect):
            return None
        con.execute(f"UPDATE card_intents SET {sets} WHERE reference = ?",
                    (state, to_utc_text(moment), *columns.values(), reference))
        if note is not None:
            _journal(con, current.register_id, note, current.sale_id, moment)
        row = con.execute(_SELECT + " WHERE reference = ?", (reference,)).fetchone()
    return _view(row)


def get_intent(db: Database, reference: str) -> IntentView | None:
    with db.read() as con:
        return _view(con.execute(_SELECT + " WHERE reference = ?", (reference,)).fetchone())


def _many(db: Database, where: str, args: tuple[Any, ...]) -> list[IntentView]:
    with db.read() as con:
        rows = con.execute(f"{_SELECT} WHERE {where} ORDER BY id", args).fetchall()
    return [IntentView(*r) for r in rows]


def open_intents(db: Database, register_id: str) -> list[IntentView]:
    """Intents whose outcome the till does not know: the terminal (or the cashier) must say."""
    return _many(db, "register_id = ? AND state IN ('pending', 'sent', 'unknown')",
                 (register_id,))


def approved_unsettled(db: Database, register_id: str) -> list[IntentView]:
    """Approved purchases not yet in a committed sale (a crash, or a sale still being paid)."""
    return _many(db, "register_id = ? AND state = 'approved' AND kind = 'purchase'",
                 (register_id,))


def for_sale(db: Database, sale_id: str) -> list[IntentView]:
    return _many(db, "sale_id = ?", (sale_id,))


def since(db: Database, register_id: str, after_id: int) -> list[IntentView]:
    return _many(db, "register_id = ? AND id > ?", (register_id, after_id))


def known_terminal_tx(db: Database, terminal_id: str | None, trace_no: int | None,
                      receipt_no: int | None, after_id: int = 0) -> IntentView | None:
    """The intent already holding this terminal transaction, if any (among intents after
    `after_id`: terminals start their receipt numbers again with each end-of-day batch)."""
    if trace_no is None and receipt_no is None:
        return None
    with db.read() as con:
        row = con.execute(
            _SELECT + " WHERE (terminal_id IS ?1 OR ?1 IS NULL) AND trace_no IS ?2 "
            "AND receipt_no IS ?3 AND id > ?4 ORDER BY id DESC LIMIT 1",
            (terminal_id, trace_no, receipt_no, after_id),
        ).fetchone()
    return _view(row)


def last_trace_no(db: Database) -> int:
    with db.read() as con:
        row = con.execute("SELECT MAX(trace_no) FROM card_intents").fetchone()
    return int(row[0] or 0)


def last_approved(db: Database, register_id: str, kind: str = "purchase") -> IntentView | None:
    with db.read() as con:
        row = con.execute(
            _SELECT + " WHERE register_id = ? AND kind = ? AND outcome = 'approved' "
            "ORDER BY id DESC LIMIT 1", (register_id, kind)).fetchone()
    return _view(row)


def sale_committed(db: Database, sale_id: str) -> bool:
    with db.read() as con:
        return con.execute("SELECT 1 FROM sales WHERE id = ?", (sale_id,)).fetchone() is not None


# -- end-of-day reconciliation -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReconciliationView:
    id: int
    register_id: str
    at: str
    employee_id: int | None
    through_intent_id: int
    currency: str
    terminal_total_minor: int | None
    kassa_total_minor: int
    difference_minor: int | None
    result_code: int | None
    details: dict[str, Any]


_RECON = (
    "SELECT id, register_id, at, employee_id, through_intent_id, currency, terminal_total_minor, "
    "kassa_total_minor, difference_minor, result_code, details FROM card_reconciliations"
)


def _recon(row: tuple[Any, ...] | None) -> ReconciliationView | None:
    if row is None:
        return None
    return ReconciliationView(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                              row[8], row[9], json.loads(row[10]))


def last_reconciliation(db: Database, register_id: str) -> ReconciliationView | None:
    with db.read() as con:
        row = con.execute(_RECON + " WHERE register_id = ? ORDER BY id DESC LIMIT 1",
                          (register_id,)).fetchone()
    return _recon(row)


def last_intent_id(db: Database, register_id: str) -> int:
    with db.read() as con:
        row = con.execute("SELECT MAX(id) FROM card_intents WHERE register_id = ?",
                          (register_id,)).fetchone()
    return int(row[0] or 0)


def record_reconciliation(
    db: Database,
    *,
    register_id: str,
    employee_id: int | None,
    through_intent_id: int,
    currency: str,
    terminal_total_minor: int | None,
    kassa_total_minor: int,
    result_code: int | None,
    details: Mapping[str, Any],
    note: JournalNote,
    at: datetime | None = None,
) -> ReconciliationView:
    moment = at or utc_now()
    difference = (None if terminal_total_minor is None
                  else terminal_total_minor - kassa_total_minor)
    with db.write() as con:
        cursor = con.execute(
            "INSERT INTO card_reconciliations (register_id, at, employee_id, through_intent_id, "
            "currency, terminal_total_minor, kassa_total_minor, difference_minor, result_code, "
            "details) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (register_id, to_utc_text(moment), employee_id, through_intent_id, currency,
             terminal_total_minor, kassa_total_minor, difference, result_code,
             json.dumps(details, sort_keys=True)),
        )
        _journal(con, register_id, note, None, moment)
        row = con.execute(_RECON + " WHERE id = ?", (cursor.lastrowid,)).fetchone()
    view = _recon(row)
    assert view is not None
    return view
