"""What the pusher has to bring to Medusa, read from the hub in one read transaction.

The source is the hub's own change feed, not a second outbox: the feed is already written in the
transaction of every catalog import, count and till sale, it is gapless and in commit order, and
the pusher only keeps a cursor into it (medusa_cursor). So a till's upload writes nothing more
for Medusa and never waits on it; while Medusa is down the feed holds the backlog (7 days of
retention), and a cursor older than that, or none, means a full pass over the catalog and the
balances (which the idempotent stock route makes safe to repeat).

Stock goes to Medusa as the hub's quantity per (store, sku), and Medusa's route adds the
difference from the quantity it last applied: a delta, computed where it cannot be lost or
doubled (medusa/src/api/admin/kassa/stock/route.ts). The quantity is the hub's balance less
what Medusa moved itself (hub.medusa.web_stock), so a web fulfilment is not pushed back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from hub import feed
from hub.catalog import product_changes
from hub.db import utcnow
from hub.medusa.prices import all_lists, lists_touching
from hub.medusa.tables import medusa_cursor
from hub.medusa.web_customers import all_customers
from hub.medusa.web_stock import pushable
from sync.protocol import CustomerChange, ProductChange

FEED_BATCH = 2000


@dataclass
class Work:
    through: int  # the feed position this work brings Medusa up to
    products: dict[str, ProductChange] = field(default_factory=dict)  # the last change per sku
    stock: dict[tuple[str, str], int] = field(default_factory=dict)  # (store, sku) -> milli
    customers: dict[str, CustomerChange] = field(default_factory=dict)  # sign-ups, tiers
    price_lists: set[str] = field(default_factory=set)  # hub.medusa.prices: member, campaign
    full: bool = False  # a full pass (no cursor, or the feed was pruned past it)

    def __bool__(self) -> bool:
        return bool(self.products or self.stock or self.customers or self.price_lists)


def read_work(conn: Connection) -> Work | None:
    """The next batch of work, or None when Medusa is up to date."""
    cursor = conn.execute(select(medusa_cursor.c.position)
                          .where(medusa_cursor.c.id == 1)).scalar()  # row 2: the poll's
    pruned, head = feed.bounds(conn)
    if cursor is not None and cursor >= head:
        return None
    if cursor is None or cursor < pruned:
        return _everything(conn, head)
    work = Work(through=cursor)
    for change in feed.read(conn, cursor, limit=FEED_BATCH):
        work.through = change.position
        if change.type == "product":
            product = ProductChange.model_validate(change.data)
            work.products[product.sku] = product
        elif change.type == "stock":
            work.stock[(str(change.data["store_id"]), str(change.data["sku"]))] = 0
        elif change.type == "customer":  # hub.medusa.web_customers: one customer on the web
            customer = CustomerChange.model_validate(change.data)
            work.customers[customer.customer_id] = customer
        elif change.type == "price_list":
            work.price_lists.add(str(change.data["list_id"]))
    # A member price is pushed as min(member, base): it follows a product's new base price.
    work.price_lists |= lists_touching(conn, work.products)
    # The quantities as they are now, less what Medusa moved itself (web_stock: no echo).
    work.stock = pushable(conn, set(work.stock))
    return work


def _everything(conn: Connection, head: int) -> Work:
    work = Work(through=head, full=True)
    work.products = {p.sku: p for p in product_changes(conn)}
    work.stock = pushable(conn)
    work.customers = {c.customer_id: c for c in all_customers(conn)}
    work.price_lists = all_lists(conn)
    return work


def save_cursor(conn: Connection, position: int) -> None:
    values = {"position": position, "updated_at": utcnow()}
    if conn.execute(medusa_cursor.update().where(medusa_cursor.c.id == 1)
                    .values(**values)).rowcount == 0:
        conn.execute(medusa_cursor.insert().values(id=1, **values))
