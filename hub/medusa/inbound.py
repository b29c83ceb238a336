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

from sqlalchemy import Connection, func, or_, select

from hub.db import Database, utcnow
from hub.ledger import upsert
from hub.medusa import mapping, pickups, web_customers, web_stock
from hub.medusa.client import MedusaClient, MedusaRefused
from hub.medusa.tables import medusa_customers, medusa_events, medusa_orders
from hub.models import customers, products

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
    email = (customer.get("email") or "").strip().lower() or None
    phone = (customer.get("phone") or "").strip() or None
    with db.writer.begin() as conn:
        hub_id = _match(conn, email, phone)
        values = {"email": email, "phone": phone, "hub_customer_id": hub_id,
                  "updated_at": utcnow()}
        stmt = upsert(conn, medusa_customers).values(medusa_customer_id=customer["id"],
                                                     **values)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[medusa_customers.c.medusa_customer_id], set_=values))
    if hub_id is None:
        return "recorded", "no hub customer with this e-mail or phone (linked when one comes)"
    return "applied", None


def _match(conn: Connection, email: str | None, phone: str | None) -> str | None:
    """A hub customer with the same e-mail (any case) or phone: the web account's person."""
    tests = []
    if email:
        tests.append(func.lower(customers.c.email) == email)
    if phone:
        tests.append(customers.c.phone == phone)
    if not tests:
        return None
    return conn.execute(select(customers.c.customer_id).where(or_(*tests))
                        .order_by(customers.c.customer_id).limit(1)).scalar()



