"""One customer in both systems: a hub customer and her web account(s), linked in
medusa_customers, in her loyalty tier's customer group (hub.medusa.customer_groups).

Outbound (the pusher, from the feed's `customer` frames: a till sign-up, a tier change): a
customer with an e-mail or phone gets a Medusa customer of the same e-mail/phone: a web
account Medusa already has is linked, not doubled (looked up first, so a create whose answer
was lost is found again on the retry); otherwise one is created (`has_account` false until
she registers on the web). Then every linked Medusa customer is put in the tier's group.

Inbound (a `customer.*` event, re-read by id): the wish list in her metadata is cached in
medusa_wishlists (the till's overview reads only that, never Medusa), and a linked customer is
put in her hub tier's group. Nothing of the metadata is read for loyalty (hub.medusa.wishlist).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, func, or_, select

from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa import customer_groups, wishlist
from hub.medusa.client import MedusaClient, MedusaRefused
from hub.medusa.customer_tables import medusa_wishlists
from hub.medusa.tables import medusa_customers
from hub.models import customers
from sync.protocol import CustomerChange

log = logging.getLogger(__name__)
Fail = Callable[[str, str, str], None]  # (kind, key, reason): hub.medusa.pushes.Push.fail


def push(db: Database, client: MedusaClient, changes: Iterable[CustomerChange],
         fail: Fail) -> None:
    """Bring each changed hub customer to Medusa; a refusal is recorded and the rest goes on
    (MedusaUnavailable goes up: the pusher repeats the step, and this is safe to repeat)."""
    for change in changes:
        try:
            push_one(db, client, change)
        except MedusaRefused as error:
            fail("customer", change.customer_id, error.message)


def push_one(db: Database, client: MedusaClient, change: CustomerChange) -> list[str]:
    """Link (or create) the customer's web account and place it in her tier's group; the
    linked Medusa customer ids."""
    email = (change.email or "").strip().lower() or None
    phone = (change.phone or "").strip() or None
    if email is None and phone is None:
        return []  # nothing a web account could be matched by: a store-only customer
    linked = _link_known(db, change.customer_id, email, phone)
    if not linked:
        found = _find(client, email, phone)
        if not found:
            first, _, last = change.name.strip().rpartition(" ")
            body: dict[str, Any] = {"email": email, "phone": phone,
                                    "first_name": first or last, "last_name": last if first
                                    else None,
                                    "metadata": {"kassa_customer_id": change.customer_id}}
            made = client.call("POST", "/admin/customers", params={"fields": "id"},
                               json={k: v for k, v in body.items() if v is not None})
            found = [str(made["customer"]["id"])]
            log.info("Medusa: customer %s for hub customer %s", found[0], change.customer_id)
        _save_links(db, found, change.customer_id, email, phone)
        linked = found
    for medusa_id in linked:
        customer_groups.place(db, client, medusa_id, change.tier)
    return linked


def after_read(db: Database, client: MedusaClient, customer: dict[str, Any]) -> None:
    """An inbound customer, as re-read: cache her wish list; place her in her hub tier's group
    when she is linked (the tier comes from the hub's customers table, never from Medusa)."""
    medusa_id = str(customer["id"])
    items = json.dumps(wishlist.parse(customer.get("metadata")))
    with db.writer.begin() as conn:
        values = {"items": items, "updated_at": utcnow()}
        conn.execute(upsert(conn, medusa_wishlists).values(medusa_customer_id=medusa_id,
                                                           **values)
                     .on_conflict_do_update(index_elements=[
                         medusa_wishlists.c.medusa_customer_id], set_=values))
        tier = conn.execute(select(customers.c.tier).select_from(customers.join(
            medusa_customers, medusa_customers.c.hub_customer_id == customers.c.customer_id))
            .where(medusa_customers.c.medusa_customer_id == medusa_id)).scalar()
    if tier is not None:
        customer_groups.place(db, client, medusa_id, str(tier))


def _link_known(db: Database, hub_id: str, email: str | None, phone: str | None) -> list[str]:
    """Web customers the hub already has for her: linked to her ones, and unlinked ones with
    her e-mail or phone (a web sign-up that came before the till's) linked now."""
    tests = [medusa_customers.c.hub_customer_id == hub_id]
    if email:
        tests.append(func.lower(medusa_customers.c.email) == email)
    if phone:
        tests.append(medusa_customers.c.phone == phone)
    with db.writer.begin() as conn:
        rows = conn.execute(select(medusa_customers.c.medusa_customer_id,
                                   medusa_customers.c.hub_customer_id)
                            .where(or_(*tests))).all()
        mine = [str(m) for m, h in rows if h in (None, hub_id)]
        if mine:
            conn.execute(medusa_customers.update()
                         .where(medusa_customers.c.medusa_customer_id.in_(mine))
                         .values(hub_customer_id=hub_id, updated_at=utcnow()))
    return sorted(mine)


def _find(client: MedusaClient, email: str | None, phone: str | None) -> list[str]:
    """Medusa customers with this e-mail (any account state) or exactly this phone."""
    if email:
        found = client.get("/admin/customers", email=email, fields="id,email", limit=10)
        return sorted(str(c["id"]) for c in found["customers"])
    found = client.get("/admin/customers", q=phone, fields="id,phone", limit=50)
    return sorted(str(c["id"]) for c in found["customers"] if c.get("phone") == phone)


def _save_links(db: Database, medusa_ids: list[str], hub_id: str, email: str | None,
                phone: str | None) -> None:
    with db.writer.begin() as conn:
        for medusa_id in medusa_ids:
            values = {"email": email, "phone": phone, "hub_customer_id": hub_id,
                      "updated_at": utcnow()}
            conn.execute(upsert(conn, medusa_customers).values(
                medusa_customer_id=medusa_id, **values).on_conflict_do_update(
                index_elements=[medusa_customers.c.medusa_customer_id], set_=values))


def all_customers(conn: Connection) -> list[CustomerChange]:
    """Every hub customer a web account could be matched by (the pusher's full pass)."""
    rows = conn.execute(select(customers).where(or_(
        customers.c.email.is_not(None), customers.c.phone.is_not(None)))
        .order_by(customers.c.customer_id))
    return [CustomerChange(customer_id=r.customer_id, name=r.name, phone=r.phone,
                           email=r.email, loyalty_card=r.loyalty_card,
                           home_store_id=r.home_store_id, tier=r.tier) for r in rows]
