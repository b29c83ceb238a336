"""Loyalty effects of an applied sale: points earned, and a loyalty tender spending its
reservation (a return refunded to points gives them back)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select, update

from hub import feed, ledger
from hub.auth import Terminal
from hub.models import customers, loyalty_reservations
from sync.protocol import POINT_VALUE_MINOR, SaleCommitted, Source, points_for


def apply(conn: Connection, term: Terminal, seq: int, sale: SaleCommitted, inbox_id: int,
          now: datetime, pending: feed.Pending) -> None:
    src = Source(store_id=term.store_id, register_id=term.register_id, seq=seq)
    for payment in sale.payments:
        if payment.tender == "loyalty" and payment.reference is not None:
            _redeem(conn, payment.reference, payment.amount_minor, term, inbox_id, now,
                    pending, src)
    earned = points_for(sale)
    if earned and sale.customer_id is not None:
        ledger.loyalty_entry(conn, sale.customer_id, earned, kind="accrual", now=now,
                             pending=pending, topics=topics(conn, sale.customer_id, term),
                             inbox_id=inbox_id, src=src)


def _redeem(conn: Connection, reservation_id: str, amount_minor: int, term: Terminal,
            inbox_id: int, now: datetime, pending: feed.Pending, src: Source) -> None:
    customer_id = conn.execute(select(loyalty_reservations.c.customer_id).where(
        loyalty_reservations.c.reservation_id == reservation_id)).scalar_one()
    # Points spent are the tender's amount in points (negative amount: points given back).
    if amount_minor >= 0:
        points = -(amount_minor // POINT_VALUE_MINOR)
    else:
        points = -amount_minor // POINT_VALUE_MINOR
    conn.execute(update(loyalty_reservations)
                 .where(loyalty_reservations.c.reservation_id == reservation_id)
                 .values(status="consumed"))
    ledger.loyalty_entry(conn, customer_id, points, kind="redemption", now=now, pending=pending,
                         topics=topics(conn, customer_id, term), inbox_id=inbox_id,
                         reservation_id=reservation_id, src=src)


def topics(conn: Connection, customer_id: str, term: Terminal) -> set[str]:
    home = conn.execute(select(customers.c.home_store_id)
                        .where(customers.c.customer_id == customer_id)).scalar()
    return {f"store:{term.store_id}"} | ({f"store:{home}"} if home else set())
