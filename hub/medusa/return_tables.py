"""Returns anywhere and orders for home delivery (issue 9): the tables of revision 0010, on the
hub's metadata so Alembic sees them.

- sale_returns: which applied till transaction (a return or void) reverses which sale, by the
  original's id (indexed). The inbox keeps the payloads; this is the index a till asks through
  when it takes back, in another store, a sale it does not have (hub.returns_anywhere): the
  hub knows every earlier return of that sale that has reached it.
- web_returns: a web order brought back to a store. The till's request is taken at once
  (checked against the order's items and earlier web returns, under the order's row lock) and
  pushed to Medusa later, with retries (hub.medusa.return_pusher): a return created at the
  receiving store's location, received there (Medusa restocks it; hub.medusa.web_stock records
  the move once), then the web payment refunded. `step` is how far that got, so a retry goes
  on from there; the till's own return transaction (same id) moves no stock in the hub.
- home_deliveries: an item a store lacks, ordered at the till for delivery to the customer's
  home: the Medusa order made for it (a draft order converted), by the till's request id.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table, Text

from hub.models import metadata

ID = String(64)
NOW = DateTime(timezone=True)

sale_returns = Table(
    "sale_returns", metadata,
    Column("return_sale_id", String(36), primary_key=True),
    Column("original_sale_id", String(36), nullable=False, index=True),
    Column("inbox_id", BigInteger, nullable=False),
)

web_returns = Table(
    "web_returns", metadata,
    Column("return_id", String(36), primary_key=True),  # the till's return transaction id
    Column("order_id", ID, nullable=False, index=True),
    Column("display_id", BigInteger, nullable=False),
    Column("store_id", ID, nullable=False),
    Column("register_id", ID, nullable=False),
    Column("items", Text, nullable=False),  # JSON [{sku, quantity}]
    Column("refund_minor", BigInteger, nullable=False),
    Column("refund_to", String(20), nullable=False),  # web_payment | store_credit
    Column("status", String(20), nullable=False),  # pending | done | failed (Medusa refused)
    Column("step", String(20), nullable=False),  # created | requested | received | refunded
    Column("medusa_return_id", ID, nullable=True),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text, nullable=True),
    Column("lease_until", NOW, nullable=True),  # one pusher at a time (several hub processes)
    Column("created_at", NOW, nullable=False),
    Column("done_at", NOW, nullable=True),
)

home_deliveries = Table(
    "home_deliveries", metadata,
    Column("request_id", String(36), primary_key=True),
    Column("store_id", ID, nullable=False),
    Column("register_id", ID, nullable=False),
    Column("sku", ID, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("email", String(200), nullable=False),
    Column("draft_order_id", ID, nullable=True),
    Column("order_id", ID, nullable=True),
    Column("display_id", BigInteger, nullable=True),
    Column("created_at", NOW, nullable=False),
)
