"""What the hub does with an event from Medusa, after the receiver has stored it.

Events carry ids only (and the forwarder enriches inventory levels), so an order or customer is
re-read by id through the Admin API (an order's fulfilments and returns move the hub's store
stock: hub.medusa.web_stock): the hub stores Medusa's current state, never a guess from
an old event, and a late or repeated event only refreshes it. An event about a product or
customer the hub does not know is kept with its reason (status `recorded`), never dropped and
never a crash. Medusa unavailable: the event stays `received` and the connector's sweep tries
again.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import select

from hub import customer_identity
from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa import mapping, pickups, web_customers, web_stock
from hub.medusa.client import MedusaClient, MedusaRefused
from hub.medusa.customer_tables import medusa_wishlists
from hub.medusa.tables import medusa_customers, medusa_events, medusa_orders
from hub.models import products

log = logging.getLogger(__name__)


def process(db: Database, client: MedusaClient, event_id: str) -> None:
    """Apply one stored event (idempotent: only a `received` event is looked at)."""
    with db.reader.connect() as conn:
        row = conn.execute(select(medusa_events).where(
            medusa_events.c.event_id == event_id)).first()
    if row is None or row.status != "received":
        return
    event = json.loads(row.payload)
    data = event.get("data") or {}
    name = str(row.name)
    try:
        if name.startswith("order.") or name in ("delivery.created", "shipment.created"):
            order_id = data.get("order_id") or data.get("id")
            if name.startswith("order.") and str(order_id).startswith("order_"):
                status, reason = apply_order(db, client, client.order(str(order_id)))
            else:
                status, reason = "recorded", "no order id in the event"
        elif name in ("customer.created", "customer.updated"):
            customer = client.customer(str(data.get("id")))
            status, reason = _customer(db, customer)
            web_customers.after_read(db, client, customer)  # wish list, tier group
        elif name == "customer.deleted":
            status, reason = _customer_gone(db, str(data.get("id")))
        else:  # stock levels and reservations: kept for the web-stock view (to come)
            status, reason = "recorded", None
    except MedusaRefused as error:  # e.g. deleted in Medusa since: nothing to re-read
        status, reason = "recorded", f"Medusa answered {error}"
    with db.writer.begin() as conn:
        conn.execute(medusa_events.update().where(medusa_events.c.event_id == event_id)
                     .values(status=status, reason=reason, processed_at=utcnow()))


def apply_order(db: Database, client: MedusaClient,
                order: dict[str, Any]) -> tuple[str, str | None]:
    """An order as Medusa has it now (re-read for an event, or listed by the reconciliation
    poll: the one path for both): stored, and the stock Medusa moved in our stores put in the
    ledger (hub.medusa.web_stock, exactly once)."""
    status, reason = _order(db, order)
    moved = web_stock.apply(db, order, client.stores())
    if moved:
        log.info("web order %s: stock moved by Medusa, into the ledger: %s", order["id"], moved)
    pickups.after_order(db, client, order)  # click & collect: reservation, the store's tills
    return status, reason


def _order(db: Database, order: dict[str, Any]) -> tuple[str, str | None]:
    items = [{"sku": item.get("variant_sku"), "quantity": item.get("quantity"),
              "unit_price_minor": mapping.minor(item.get("unit_price"))}
             for item in order.get("items") or ()]
    methods = order.get("shipping_methods") or []
    with db.writer.begin() as conn:
        skus = sorted({str(i["sku"]) for i in items if i["sku"]})
        have = set(conn.execute(select(products.c.sku).where(products.c.sku.in_(skus)))
                   .scalars())
        unknown = sorted(set(skus) - have) + (["(no sku)"] if any(
            not i["sku"] for i in items) else [])
        problem = f"unknown sku: {', '.join(unknown)}" if unknown else None
        values = {
            "display_id": order.get("display_id"), "email": order.get("email"),
            "customer_id": order.get("customer_id"), "status": str(order.get("status")),
            "fulfillment_status": order.get("fulfillment_status"),
            "payment_status": order.get("payment_status"),
            "total_minor": mapping.minor(order.get("total")),
            "currency": str(order.get("currency_code", "")).upper()[:3],
            "items": json.dumps(items), "problem": problem, "updated_at": utcnow(),
            "shipping_option_id": methods[0].get("shipping_option_id") if methods else None}
        stmt = upsert(conn, medusa_orders).values(order_id=order["id"], **values)
        conn.execute(stmt.on_conflict_do_update(index_elements=[medusa_orders.c.order_id],
                                                set_=values))
    if problem:
        log.warning("web order %s: %s", order["id"], problem)
        return "recorded", problem
    return "applied", None


def _customer(db: Database, customer: dict[str, Any]) -> tuple[str, str | None]:
    """Link the web account to its hub customer; a registered account nobody matches becomes
    a hub customer (hub.customer_identity: the same person is never made twice). A guest's
    checkout record (has_account false) is kept unlinked until a customer of hers comes.
    Later web edits of name or phone do not overwrite the hub's customer: the stores keep it."""
    email = customer_identity.normal_email(customer.get("email"))
    phone = customer_identity.normal_phone(customer.get("phone"))
    with db.writer.begin() as conn:
        customer_identity.hold(conn, email, phone)
        hub_id = conn.execute(select(medusa_customers.c.hub_customer_id).where(
            medusa_customers.c.medusa_customer_id == customer["id"])).scalar()
        if hub_id is None:  # a link once made stays (she may change her e-mail on the web)
            found = customer_identity.same_person(conn, email, phone)
            hub_id = found.customer_id if found is not None else None
        if hub_id is None and customer.get("has_account") and email:
            name = " ".join(str(customer.get(k) or "").strip()
                            for k in ("first_name", "last_name")).strip()
            hub_id = customer_identity.create(
                conn, name=name or email, email=email, phone=phone, loyalty_card=None,
                home_store_id=None, now=utcnow())
            log.info("web sign-up %s: new hub customer %s", customer["id"], hub_id)
        values = {"email": email, "phone": phone, "hub_customer_id": hub_id,
                  "updated_at": utcnow()}
        stmt = upsert(conn, medusa_customers).values(medusa_customer_id=customer["id"],
                                                     **values)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[medusa_customers.c.medusa_customer_id], set_=values))
    if hub_id is None:
        return "recorded", ("a guest with no hub customer of this e-mail or phone "
                            "(linked when one comes)")
    return "applied", None


def _customer_gone(db: Database, medusa_id: str) -> tuple[str, str | None]:
    """Her web account was deleted: the link and the copy of its wish list go; the hub
    customer stays (her store purchases and points are the stores' own)."""
    with db.writer.begin() as conn:
        conn.execute(medusa_wishlists.delete().where(
            medusa_wishlists.c.medusa_customer_id == medusa_id))
        gone = conn.execute(medusa_customers.delete().where(
            medusa_customers.c.medusa_customer_id == medusa_id)).rowcount
    return "applied", None if gone else "no such web customer known"

