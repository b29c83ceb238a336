"""Loyalty effects of a batch of applied sales, set-wise: points earned, and a loyalty tender
spending its reservation (a return refunded to points gives them back).

One look-up of the reservations' customers and of the customers' home stores, one insert of
the entries, one UPDATE of the reservations consumed and one upsert of the touched balances
(sorted, so concurrent writers lock rows in the same order); the balance after each entry is
worked back from the batch's final value, which this transaction holds locked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from hub import bulk, feed, ledger
from hub import tiers as tier_rule
from hub.auth import Terminal
from hub.models import customers, loyalty_entries, loyalty_reservations
from hub.tiers import TierRule
from sync.protocol import POINT_VALUE_MINOR, LoyaltyChange, SaleCommitted, Source, points_for


@dataclass
class Entry:
    seq: int
    inbox_id: int
    customer_id: str
    points: int
    kind: str  # accrual | redemption
    reservation_id: str | None = None


_HELD_BY = select(loyalty_reservations.c.reservation_id, loyalty_reservations.c.customer_id) \
    .where(loyalty_reservations.c.reservation_id.in_(bindparam("ids", expanding=True)))
_HOMES = select(customers.c.customer_id, customers.c.home_store_id) \
    .where(customers.c.customer_id.in_(bindparam("ids", expanding=True)))
_CONSUME = update(loyalty_reservations) \
    .where(loyalty_reservations.c.reservation_id.in_(bindparam("ids", expanding=True))) \
    .values(status="consumed")


def apply_batch(conn: Connection, term: Terminal, sales: Sequence[tuple[int, int, SaleCommitted]],
                now: datetime, pending: feed.Pending, tiers: TierRule) -> None:
    """`sales`: (seq, inbox id, sale) of the applied, stock-moving sales, in seq order. The
    customers who earned (or gave back) points have their tier checked (hub.tiers)."""
    spent = [(p.reference, p.amount_minor) for _seq, _id, sale in sales for p in sale.payments
             if p.tender == "loyalty" and p.reference is not None]
    holder: dict[str, str] = {}
    if spent:
        holder = {str(r): str(c) for r, c in conn.execute(
            _HELD_BY, {"ids": sorted({ref for ref, _ in spent})})}
    entries: list[Entry] = []
    for seq, inbox_id, sale in sales:
        for payment in sale.payments:
            if payment.tender == "loyalty" and payment.reference is not None:
                entries.append(Entry(seq, inbox_id, holder[payment.reference],
                                     _points_spent(payment.amount_minor), "redemption",
                                     payment.reference))
        earned = points_for(sale)
        if earned and sale.customer_id is not None:
            entries.append(Entry(seq, inbox_id, sale.customer_id, earned, "accrual"))
    if not entries:
        return
    if spent:
        conn.execute(_CONSUME, {"ids": sorted({ref for ref, _ in spent})})
    bulk.insert_rows(conn, loyalty_entries, [
        {"customer_id": e.customer_id, "points": e.points, "kind": e.kind,
         "inbox_id": e.inbox_id, "reservation_id": e.reservation_id, "created_at": now}
        for e in entries])
    total: dict[str, int] = defaultdict(int)
    for entry in entries:
        total[entry.customer_id] += entry.points
    balance = ledger.add_to_loyalty(conn, total, now)
    after: list[int] = []
    for entry in reversed(entries):  # the balance after each entry, worked back from the last
        after.append(balance[entry.customer_id])
        balance[entry.customer_id] -= entry.points
    homes = _homes(conn, sorted(total))
    for entry, points in zip(entries, reversed(after), strict=True):
        src = Source(store_id=term.store_id, register_id=term.register_id, seq=entry.seq)
        change = LoyaltyChange(customer_id=entry.customer_id, balance_points=points, as_of=now,
                               src=src)
        home = homes.get(entry.customer_id)
        for topic in sorted({f"store:{term.store_id}"} | ({f"store:{home}"} if home else set())):
            feed.stage(pending, topic, "loyalty", change)
    tier_rule.settle(conn, tiers, {e.customer_id for e in entries if e.kind == "accrual"}, now,
                     pending)


def _points_spent(amount_minor: int) -> int:
    """Points spent are the tender's amount in points (negative amount: points given back)."""
    if amount_minor >= 0:
        return -(amount_minor // POINT_VALUE_MINOR)
    return -amount_minor // POINT_VALUE_MINOR


def _homes(conn: Connection, customer_ids: list[str]) -> dict[str, Any]:
    return {str(c): h for c, h in conn.execute(_HOMES, {"ids": customer_ids})}
