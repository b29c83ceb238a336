"""A customer's purchases in every channel and her wish list, read from the hub's own tables
(hub.customer_overview puts them together for the till).

Store sales are found through her loyalty entries (indexed by customer; every sale with a
loyalty customer earns or spends points there) and read back from the inbox with the store's
name. Web orders are medusa_orders by her linked Medusa customers or her e-mail. The wish list
is the copy the connector keeps of her web account's metadata (hub.medusa.web_customers).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, desc, func, or_, select

from hub.db import aware
from hub.medusa.customer_tables import medusa_wishlists
from hub.medusa.tables import medusa_orders, medusa_products
from hub.models import inbox, loyalty_entries, products, stock_balances, stores
from sync.protocol import PastPurchase, SaleCommitted, WebOrder, WebOrderItem, WishItem

WEB_PLACE = "Nettbutikk"
CLOSED = ("canceled", "archived", "completed", "draft")  # a Medusa order no longer open
HANDED_OVER = ("delivered", "shipped", "partially_delivered", "canceled")


def store_purchases(conn: Connection, customer_id: str, limit: int) -> list[PastPurchase]:
    recent = (select(loyalty_entries.c.inbox_id)
              .where(loyalty_entries.c.customer_id == customer_id,
                     loyalty_entries.c.inbox_id.is_not(None))
              .group_by(loyalty_entries.c.inbox_id)
              .order_by(desc(loyalty_entries.c.inbox_id)).limit(limit)).subquery()
    rows = conn.execute(select(inbox.c.payload, stores.c.name)
                        .join(recent, recent.c.inbox_id == inbox.c.id)
                        .outerjoin(stores, stores.c.store_id == inbox.c.store_id)
                        .where(inbox.c.status == "applied").order_by(desc(inbox.c.id)))
    found = []
    for payload, store_name in rows:
        sale = SaleCommitted.model_validate_json(payload)
        found.append(PastPurchase(
            channel="store", place=store_name or sale.store_id, at=sale.closed_at,
            reference=f"{sale.store_id}-{sale.register_id}-{sale.transaction_no}",
            total_minor=sale.totals.total_minor, currency=sale.currency,
            items=tuple(line.name for line in sale.lines)))
    return found


def web_orders(conn: Connection, medusa_ids: Sequence[str], email: str | None,
               limit: int) -> list[WebOrder]:
    tests: list[Any] = [medusa_orders.c.customer_id.in_(list(medusa_ids))] if medusa_ids else []
    if email:
        tests.append(func.lower(medusa_orders.c.email) == email.strip().lower())
    if not tests:
        return []
    rows = conn.execute(select(medusa_orders).where(or_(*tests))
                        .order_by(desc(medusa_orders.c.updated_at)).limit(limit)).all()
    lines = {row.order_id: json.loads(row.items) for row in rows}
    skus = sorted({str(i["sku"]) for items in lines.values() for i in items if i.get("sku")})
    names = _names(conn, skus)
    return [WebOrder(order_id=row.order_id, display_id=row.display_id, status=row.status,
                     fulfillment_status=row.fulfillment_status, total_minor=row.total_minor,
                     currency=row.currency, updated_at=aware(row.updated_at),
                     items=tuple(WebOrderItem(sku=i.get("sku"), name=names.get(i.get("sku")),
                                              quantity=int(i.get("quantity") or 0))
                                 for i in lines[row.order_id]))
            for row in rows]


def is_open(order: WebOrder) -> bool:
    return order.status not in CLOSED and order.fulfillment_status not in HANDED_OVER


def as_purchase(order: WebOrder) -> PastPurchase:
    return PastPurchase(channel="web", place=WEB_PLACE, at=order.updated_at,
                        reference=f"#{order.display_id or order.order_id}",
                        total_minor=order.total_minor, currency=order.currency,
                        items=tuple(i.name or i.sku or "?" for i in order.items))


def wishlist(conn: Connection, medusa_ids: Sequence[str],
             store_id: str) -> tuple[list[WishItem], datetime | None]:
    """Her wish list (all her web accounts', merged) with this store's stock, and when it was
    last read from Medusa. A product the hub no longer has is an item without a name."""
    if not medusa_ids:
        return [], None
    rows = conn.execute(select(medusa_wishlists).where(
        medusa_wishlists.c.medusa_customer_id.in_(list(medusa_ids)))
        .order_by(medusa_wishlists.c.medusa_customer_id)).all()
    entries = [e for row in rows for e in json.loads(row.items)]
    as_of = max((aware(row.updated_at) for row in rows), default=None)
    variants = sorted({e["variant_id"] for e in entries if e.get("variant_id")})
    sku_of = {str(v): str(s) for v, s in conn.execute(
        select(medusa_products.c.variant_id, medusa_products.c.sku)
        .where(medusa_products.c.variant_id.in_(variants)))} if variants else {}
    items: dict[str, tuple[str | None, str | None]] = {}  # key -> (sku, added_at)
    for entry in entries:
        sku = entry.get("sku") or sku_of.get(entry.get("variant_id") or "")
        key = sku or entry.get("variant_id")
        if key and key not in items:
            items[key] = (sku, entry.get("added_at"))
    skus = sorted({sku for sku, _ in items.values() if sku})
    known = {r.sku: r for r in conn.execute(
        select(products.c.sku, products.c.name, products.c.price_minor, products.c.active,
               func.coalesce(stock_balances.c.on_hand_milli, 0).label("on_hand"))
        .outerjoin(stock_balances, (stock_balances.c.sku == products.c.sku)
                   & (stock_balances.c.store_id == store_id))
        .where(products.c.sku.in_(skus)))} if skus else {}
    result = []
    for sku, added_at in items.values():
        row = known.get(sku) if sku else None
        result.append(WishItem(sku=sku, name=row.name if row else None,
                               price_minor=row.price_minor if row else None,
                               on_hand_milli=int(row.on_hand) if row else 0,
                               active=bool(row.active) if row else False, added_at=added_at))
    return result, as_of


def _names(conn: Connection, skus: list[str]) -> dict[str | None, str]:
    if not skus:
        return {}
    return {str(s): str(n) for s, n in conn.execute(
        select(products.c.sku, products.c.name).where(products.c.sku.in_(skus)))}
