"""Click & collect in the hub: a web order for pickup in one of our stores becomes a row of
medusa_pickups and a `pickup` frame on that store's feed topic (`store:<id>`), so it is on the
store's tills as soon as the broadcaster is woken (the connector wakes it after each event).

On the first sight of the order (`order.placed`, or the reconciliation poll: both come through
inbound.apply_order) the reservation is checked against the pickup store and put right where
that store has the stock (hub.medusa.pickup_medusa.settle); where it has none the order is
flagged, and the tills show it flagged. A flagged order is tried again later (`recheck`):
stock delivered to the store clears the flag.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from sqlalchemy import Connection, select

from hub import feed
from hub.db import Database, aware, utcnow
from hub.errors import HubError
from hub.ledger import upsert
from hub.medusa import mapping, pickup_medusa
from hub.medusa.client import MedusaClient
from hub.medusa.pickup_tables import medusa_pickups
from hub.models import products
from sync.protocol import Handover, PickupChange, PickupItem

log = logging.getLogger(__name__)
_settling = threading.Lock()  # settles one at a time here: two events of one order race


def change_of(row: Any) -> PickupChange:
    return PickupChange(
        order_id=row.order_id, display_id=row.display_id, store_id=row.store_id,
        status=row.status, flag=row.flag, customer_name=row.customer_name, email=row.email,
        items=tuple(PickupItem.model_validate(i) for i in json.loads(row.items)),
        total_minor=row.total_minor, currency=row.currency, as_of=aware(row.updated_at))


def _publish(conn: Connection, order_id: str) -> PickupChange:
    """The row as it is now, as a frame on its store's topic (in the caller's transaction)."""
    row = conn.execute(select(medusa_pickups).where(
        medusa_pickups.c.order_id == order_id)).one()
    change = change_of(row)
    pending: feed.Pending = []
    feed.stage(pending, f"store:{row.store_id}", "pickup", change)
    feed.append(conn, pending)
    return change


def _row(db: Database, order_id: str) -> Any:
    with db.reader.connect() as conn:
        return conn.execute(select(medusa_pickups).where(
            medusa_pickups.c.order_id == order_id)).first()


def after_order(db: Database, client: MedusaClient, order: dict[str, Any]) -> bool:
    """Bring the pickup row of `order` (as Medusa has it now) up to date; True when a feed
    frame was written (the caller wakes the broadcaster)."""
    location = pickup_medusa.pickup_location(client, order)
    stores = client.stores()
    if location is None or location not in stores:
        return False  # home delivery, or a pickup location that is no store of ours
    row = _row(db, str(order["id"]))
    if row is None:  # recorded once even when two events race (ON CONFLICT DO NOTHING)
        if order.get("status") == "canceled" or order.get("fulfillment_status") in (
                "delivered", "partially_delivered"):
            return False  # first seen when it is over already (the poll after an outage)
        return _first_sight(db, order, location, stores)
    if row.status not in ("open", "handed_over"):
        return False
    if order.get("status") == "canceled":
        return _set(db, row.order_id, status="cancelled")
    if row.status == "open" and order.get("fulfillment_status") == "delivered":
        return _set(db, row.order_id, status="delivered")  # handed over in Medusa itself
    if row.status == "open" and (row.flag or row.checked_at is None):
        with _settling:  # one settle of an order at a time: read it again under the lock
            row = _row(db, row.order_id)
            if row.status == "open" and (row.flag or row.checked_at is None):
                return _settle(db, client, row, order, stores)
    return False


def _settle(db: Database, client: MedusaClient, row: Any, order: dict[str, Any],
            stores: dict[str, str]) -> bool:
    """Check (and put right) the reservation; a frame when the flag changed."""
    settled = pickup_medusa.settle(client, order, row.location_id, stores)
    if settled.moved or settled.flag:
        log.warning("pickup order %s (#%s): reservation %s", row.order_id, row.display_id,
                    settled.flag or f"moved to {row.store_id} ({settled.moved} lines)")
    if settled.flag == row.flag:
        with db.writer.begin() as conn:
            conn.execute(medusa_pickups.update().where(medusa_pickups.c.order_id
                                                       == row.order_id)
                         .values(checked_at=utcnow()))
        return False
    return _set(db, row.order_id, flag=settled.flag, checked_at=utcnow())


def _first_sight(db: Database, order: dict[str, Any], location: str,
                 stores: dict[str, str]) -> bool:
    """Recorded and on the tills at once; the reservation is checked right after, off this
    path (`settle_new`, on the connector's hand-over thread), so a slow Medusa call does not
    hold the order back from the store."""
    address = order.get("shipping_address") or {}
    with db.reader.connect() as conn:
        skus = [i.get("variant_sku") for i in order.get("items") or () if i.get("variant_sku")]
        names = dict(conn.execute(select(products.c.sku, products.c.name)
                                  .where(products.c.sku.in_(skus))).all())
    items = [PickupItem(line_item_id=i["id"], sku=i.get("variant_sku"),
                        name=names.get(i.get("variant_sku")) or i.get("title"),
                        quantity=int(float(i["quantity"])))
             for i in order.get("items") or ()]
    return record_new(db, PickupChange(
        order_id=str(order["id"]), display_id=order.get("display_id"),
        store_id=stores[location], status="open", email=order.get("email"), items=tuple(items),
        customer_name=" ".join(p for p in (address.get("first_name"),
                                           address.get("last_name")) if p)[:200],
        total_minor=mapping.minor(order.get("total")),
        currency=str(order.get("currency_code") or "nok").upper()[:3], as_of=utcnow()),
        location)


def record_new(db: Database, pickup: PickupChange, location: str) -> bool:
    """A pickup order the hub has not seen: its row and its frame on the store's topic, in
    one transaction; False when it was there already (a concurrent event recorded it)."""
    with db.writer.begin() as conn:
        values = pickup.model_dump(exclude={"as_of", "items"})
        inserted = conn.execute(upsert(conn, medusa_pickups).values(
            **values, location_id=location, items=json.dumps(
                [i.model_dump() for i in pickup.items]),
            placed_at=pickup.as_of, attempts=0, updated_at=pickup.as_of)
            .on_conflict_do_nothing().returning(medusa_pickups.c.order_id)).first()
        if inserted is None:
            return False
        _publish(conn, pickup.order_id)
    return True


def _set(db: Database, order_id: str, **values: Any) -> bool:
    with db.writer.begin() as conn:
        conn.execute(medusa_pickups.update().where(medusa_pickups.c.order_id == order_id)
                     .values(updated_at=utcnow(), **values))
        _publish(conn, order_id)
    return True


def recheck(db: Database, client: MedusaClient, *, flagged: bool) -> bool:
    """Open pickups whose reservation is not checked yet (`flagged` False: just recorded),
    or flagged ones tried again (stock may have come to the store); True: a frame written."""
    c = medusa_pickups.c
    wanted = c.flag.is_not(None) if flagged else c.checked_at.is_(None)
    with db.reader.connect() as conn:
        ids = conn.execute(select(c.order_id).where(c.status == "open", wanted)
                           .order_by(c.placed_at).limit(100)).scalars().all()
    changed = False
    for order_id in ids:
        changed |= after_order(db, client, pickup_medusa.read_order(client, order_id))
    return changed


def open_for_store(db: Database, store_id: str) -> list[PickupChange]:
    with db.reader.connect() as conn:
        rows = conn.execute(select(medusa_pickups).where(
            medusa_pickups.c.store_id == store_id, medusa_pickups.c.status == "open")
            .order_by(medusa_pickups.c.placed_at))
        return [change_of(row) for row in rows]


def hand_over(db: Database, order_id: str, store_id: str, register_id: str,
              body: Handover) -> PickupChange:
    """Record the hand-over at once (Medusa is told afterwards: hub.medusa.handover)."""
    with db.writer.begin() as conn:
        row = conn.execute(select(medusa_pickups).where(medusa_pickups.c.order_id == order_id)
                           .with_for_update()).first()
        if row is None or row.store_id != store_id:
            raise HubError(404, "not_found", f"no pickup order {order_id} for {store_id}")
        if row.status != "open":
            raise HubError(409, "conflict", f"pickup order {order_id} is {row.status}")
        wanted = {i["line_item_id"]: i["quantity"] for i in json.loads(row.items)}
        given = {i.line_item_id: i.quantity for i in body.items}
        if given != wanted:
            raise HubError(422, "invalid", "hand over the whole order: every line, in full")
        by = register_id + (f"/{body.employee_no}" if body.employee_no else "")
        now = utcnow()
        conn.execute(medusa_pickups.update().where(medusa_pickups.c.order_id == order_id)
                     .values(status="handed_over", handed_over_at=now, handed_over_by=by,
                             updated_at=now))
        return _publish(conn, order_id)
