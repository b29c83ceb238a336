"""Till events turned into ledger entries, a batch at a time, inside the upload's transaction.

Set-wise, so a batch of 100 sales costs a handful of statements: one look-up each for known
products, customers, reservations and already-applied sale ids (a primary key, applied_sales:
never a scan, however large the inbox); one insert of the inbox rows, one of the applied sale
ids, one of the stock movements, one upsert of the balances (the balance after each sale is
worked back from the batch's final value, which this transaction holds locked); loyalty
likewise (hub.loyalty_apply). Each payload is validated once, and serialised once (the inbox's copy,
which also serves the range check); rows go in at the driver's level (hub.bulk).

A business problem (an unknown product or customer, a payload this hub cannot read) is a
rejection: recorded with its reason in the inbox, and the till's cursor still advances.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import ARRAY, Connection, any_, bindparam, select

from hub import bulk, days, feed, ledger, loyalty_apply
from hub.auth import Terminal
from hub.medusa.return_tables import sale_returns, web_returns
from hub.models import (
    applied_sales,
    customers,
    inbox,
    loyalty_reservations,
    products,
    stock_movements,
)
from hub.tiers import TierRule
from sync.protocol import SALE_COMMITTED, EventResult, OutboxEnvelope, SaleCommitted, Source

MAX_NUMBER = 10**15  # far above any real amount, far below BIGINT even when summed
# The payload's JSON with every digit a "0" and anything else a space: 16 zeros in a row
# wherever a number might be beyond 10^15 (a C-speed prefilter for the exact walk).
_DIGITS = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
_SIXTEEN_DIGITS = b"0" * 16


@dataclass
class Item:
    event: OutboxEnvelope
    sale: SaleCommitted | None = None
    reason: str | None = None
    payload: str | None = None  # a parsed sale's JSON, as stored in the inbox
    inbox_id: int = 0
    deltas: dict[str, int] = field(default_factory=dict)
    web_return: bool = False  # a web order's return: Medusa restocks (hub.medusa.web_stock)

    @property
    def moves_stock(self) -> bool:
        return self.reason is None and self.sale is not None and not self.sale.training \
            and self.sale.kind != "void" and not self.web_return


def apply_events(conn: Connection, term: Terminal, events: Sequence[OutboxEnvelope], *,
                 now: datetime, pending: feed.Pending,
                 tiers: TierRule | None = None) -> list[EventResult]:
    items = [_parse(Item(event)) for event in events]
    _check(conn, term, items)
    days.apply_days(conn, term.store_id, term.register_id, term.epoch, items, now)  # day.closed
    _record(conn, term, items, now)
    _move_stock(conn, term, items, now, pending)
    loyalty_apply.apply_batch(conn, term, [(i.event.seq, i.inbox_id, i.sale) for i in items
                                           if i.moves_stock and i.sale is not None], now, pending,
                              tiers or TierRule())
    return [EventResult(seq=i.event.seq, status="rejected" if i.reason else "applied",
                        reason=i.reason) for i in items]


def _parse(item: Item) -> Item:
    if item.event.type == days.TYPE:  # validated and stored by hub.days
        return item
    if item.event.type != SALE_COMMITTED:
        item.reason = f"unknown_type: this hub does not know events of type {item.event.type!r}"
        return item
    try:
        sale = SaleCommitted.model_validate(item.event.payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        item.reason = f"invalid_payload: {where}: {first.get('msg', '')}"[:500]
        return item
    text = sale.model_dump_json()  # the payload as stored (the same content, normalised)
    # Only a text with 16 digits in a row can hold a number beyond 10^15: the walk over the
    # whole sale runs for those alone.
    if _SIXTEEN_DIGITS in text.encode().translate(_DIGITS) and _out_of_range(sale.model_dump()):
        item.reason = "invalid_payload: a number beyond ±10^15 (money, quantity or number)"
    else:
        item.sale, item.payload = sale, text
    return item


def _out_of_range(value: object) -> bool:
    """Whether any integer in the payload is beyond what any ledger sum may hold (BIGINT)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > MAX_NUMBER
    if isinstance(value, dict):
        return any(_out_of_range(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_out_of_range(v) for v in value)
    return False


def _check(conn: Connection, term: Terminal, items: list[Item]) -> None:
    sales = [i.sale for i in items if i.sale is not None]
    applied = _existing(conn, _APPLIED_SALES, {str(s.sale_id) for s in sales})
    known = _existing(conn, _KNOWN_SKUS, {ln.sku for s in sales for ln in s.lines})
    people = _existing(conn, _KNOWN_CUSTOMERS,
                       {s.customer_id for s in sales if s.customer_id is not None})
    held = _existing(conn, _KNOWN_RESERVATIONS, {
        p.reference for s in sales for p in s.payments if p.tender == "loyalty" and p.reference})
    for item in items:
        sale = item.sale
        if sale is None:
            continue
        item.reason = _reason(term, sale, applied, known, people, held)
        if item.reason is None:
            applied.add(str(sale.sale_id))  # a second copy later in this batch is rejected
    web = _existing(conn, _WEB_RETURNS, {str(s.sale_id) for s in sales if s.kind == "return"})
    for item in items:
        item.web_return = item.sale is not None and str(item.sale.sale_id) in web


def _in(column: Any) -> tuple[Any, Any]:
    """SELECT column WHERE column is one of :values, built once: on PostgreSQL `= ANY(:values)`
    with one array parameter (psycopg converted the SQL of an IN list of 100 parameters, too
    long for its cache, on every call: more time than the query); elsewhere an expanding IN."""
    values = bindparam("values", type_=ARRAY(column.type))
    return (select(column).where(column == any_(values)),
            select(column).where(column.in_(bindparam("values", expanding=True))))


_APPLIED_SALES = _in(applied_sales.c.sale_id)  # a primary key: see hub.models
_KNOWN_SKUS = _in(products.c.sku)
_KNOWN_CUSTOMERS = _in(customers.c.customer_id)
_KNOWN_RESERVATIONS = _in(loyalty_reservations.c.reservation_id)
_WEB_RETURNS = _in(web_returns.c.return_id)


def _existing(conn: Connection, query: Any, values: set[str]) -> set[str]:
    """Which of `values` the query finds (no query for none)."""
    if not values:
        return set()
    array, expanding = query
    chosen = array if conn.dialect.name == "postgresql" else expanding
    return set(conn.execute(chosen, {"values": sorted(values)}).scalars())


def _reason(term: Terminal, sale: SaleCommitted, applied: set[str], known: set[str],
            people: set[str], held: set[str]) -> str | None:
    if (sale.store_id, sale.register_id) != (term.store_id, term.register_id):
        return f"wrong_terminal: the sale names {sale.store_id}/{sale.register_id}"
    if str(sale.sale_id) in applied:
        return f"duplicate_sale: sale {sale.sale_id} was already applied"
    if sale.training or sale.kind == "void":
        return None
    unknown = sorted({line.sku for line in sale.lines} - known)
    if unknown:
        return f"unknown_product: {', '.join(unknown)}"
    if sale.customer_id is not None and sale.customer_id not in people:
        return f"unknown_customer: {sale.customer_id}"
    for payment in sale.payments:
        if payment.tender == "loyalty" and payment.reference not in held:
            return f"unknown_reservation: {payment.reference}"
    return None


def _record(conn: Connection, term: Terminal, items: list[Item], now: datetime) -> None:
    rows = [{"store_id": term.store_id, "register_id": term.register_id, "epoch": term.epoch,
             "seq": i.event.seq, "event_id": str(i.event.event_id), "type": i.event.type[:40],
             "status": "rejected" if i.reason else "applied", "reason": i.reason,
             "sale_id": str(i.sale.sale_id) if i.sale else None,
             "transaction_no": i.sale.transaction_no if i.sale else None,
             "payload": _payload_text(i), "received_at": now}
            for i in items]
    if conn.dialect.name == "postgresql":  # one statement, the new ids returned
        ids = dict(bulk.insert_rows(conn, inbox, rows, returning=("seq", "id")))
    else:  # one indexed read for the new ids (sqlite3 has no executemany ... RETURNING)
        bulk.insert_rows(conn, inbox, rows)
        ids = dict(conn.execute(select(inbox.c.seq, inbox.c.id).where(
            inbox.c.store_id == term.store_id, inbox.c.register_id == term.register_id,
            inbox.c.epoch == term.epoch,
            inbox.c.seq.between(items[0].event.seq, items[-1].event.seq))).all())
    for item in items:
        item.inbox_id = int(ids[item.event.seq])
    bulk.insert_rows(conn, applied_sales, [
        {"sale_id": str(i.sale.sale_id), "inbox_id": i.inbox_id}
        for i in items if i.reason is None and i.sale is not None])
    bulk.insert_rows(conn, sale_returns, [  # returns anywhere: a sale's returns, by its id
        {"return_sale_id": str(i.sale.sale_id), "original_sale_id": str(i.sale.original_sale_id),
         "inbox_id": i.inbox_id} for i in items if i.reason is None and i.sale is not None
        and i.sale.original_sale_id is not None and i.sale.kind in ("return", "void")])


def _payload_text(item: Item) -> str:
    """The payload as stored: a parsed sale through pydantic's fast serialiser (the same
    content, normalised), anything else as received."""
    if item.payload is not None:
        return item.payload
    return json.dumps(item.event.payload, separators=(",", ":"))


def _move_stock(conn: Connection, term: Terminal, items: list[Item], now: datetime,
                pending: feed.Pending) -> None:
    moving = [i for i in items if i.moves_stock and i.sale is not None]
    total: dict[str, int] = defaultdict(int)
    for item in moving:
        assert item.sale is not None
        for line in item.sale.lines:
            item.deltas[line.sku] = item.deltas.get(line.sku, 0) - line.quantity_milli
        for sku, delta in item.deltas.items():
            total[sku] += delta
    if not moving:
        return
    bulk.insert_rows(conn, stock_movements, [
        {"store_id": term.store_id, "sku": sku, "delta_milli": delta,
         "reason": "return" if i.sale and i.sale.kind == "return" else "sale",
         "inbox_id": i.inbox_id, "created_at": now}
        for i in moving for sku, delta in sorted(i.deltas.items()) if delta])
    on_hand = ledger.add_to_balances(conn, term.store_id, total, now)
    after: list[dict[str, int]] = []
    for item in reversed(moving):  # the balance after each sale, worked back from the last
        after.append({sku: on_hand[sku] for sku in item.deltas})
        for sku, delta in item.deltas.items():
            on_hand[sku] -= delta
    for item, values in zip(moving, reversed(after), strict=True):
        src = Source(store_id=term.store_id, register_id=term.register_id, seq=item.event.seq)
        ledger.stage_stock(pending, term.store_id, values, now, src)
