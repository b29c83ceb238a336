"""One person, one hub customer: who a new customer already is, whichever door she came in by.

A till sign-up (POST /v1/customers) and a web sign-up (a registered Medusa account, through
hub.medusa.inbound) both ask `same_person` first and make a customer only when nobody matches.
The e-mail decides (any case); a phone number decides only when the sign-up brings no e-mail.
A family shares a phone: merging two people would show one the other's purchases and pool
their points, which is worse than a second record a person can later tell apart.

The two doors can open at the same moment (she registers on the web while the cashier signs
her up): `hold` serialises sign-ups of one e-mail/phone until the caller's transaction ends
(PostgreSQL: a transaction advisory lock on its hash; SQLite has one writer anyway).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, text

from hub import feed
from hub.models import customers
from sync.protocol import CustomerChange

WEB_TOPIC = "web"  # customers with no home store: no till subscribes; the Medusa pusher reads all


def normal_email(email: str | None) -> str | None:
    return (email or "").strip().lower() or None


def normal_phone(phone: str | None) -> str | None:
    return "".join((phone or "").split()) or None


def hold(conn: Connection, email: str | None, phone: str | None) -> None:
    """Until this transaction ends, no other sign-up of this e-mail or phone gets past here."""
    if conn.dialect.name != "postgresql":
        return
    for key in sorted(k for k in (email, phone) if k):
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
                     {"key": f"kassa-customer:{key}"})


def same_person(conn: Connection, email: str | None, phone: str | None) -> Any | None:
    """The hub customer this e-mail, or with none this phone, belongs to (the oldest, should
    two exist), or None."""
    email, phone = normal_email(email), normal_phone(phone)
    if email:
        test = func.lower(customers.c.email) == email
    elif phone:
        test = customers.c.phone == phone
    else:
        return None
    return conn.execute(select(customers).where(test).order_by(
        customers.c.created_at, customers.c.customer_id).limit(1)).first()


def change_of(row: Any) -> CustomerChange:
    return CustomerChange(customer_id=row.customer_id, name=row.name, phone=row.phone,
                          email=row.email, loyalty_card=row.loyalty_card,
                          home_store_id=row.home_store_id, tier=row.tier)


def topic_of(home_store_id: str | None) -> str:
    return f"store:{home_store_id}" if home_store_id else WEB_TOPIC


def publish(conn: Connection, customer_id: str) -> CustomerChange:
    """The customer as she is now, as a `customer` frame (in the caller's transaction): her
    home store's tills and the web shop's pusher follow."""
    row = conn.execute(select(customers).where(customers.c.customer_id == customer_id)).one()
    change = change_of(row)
    pending: feed.Pending = []
    feed.stage(pending, topic_of(row.home_store_id), "customer", change)
    feed.append(conn, pending)
    return change


def create(conn: Connection, *, name: str, email: str | None, phone: str | None,
           loyalty_card: str | None, home_store_id: str | None, now: datetime) -> str:
    """A new customer (basic tier) and her frame; the caller has asked `same_person` first."""
    customer_id = uuid.uuid4().hex
    conn.execute(customers.insert().values(
        customer_id=customer_id, name=name, phone=normal_phone(phone),
        email=(email or "").strip() or None, loyalty_card=loyalty_card,
        home_store_id=home_store_id, tier="basic", created_at=now))
    publish(conn, customer_id)
    return customer_id
