"""The connector's tables (created by hub/migrations/versions/0004_medusa.py), on the hub's
metadata so Alembic sees them.

- medusa_cursor: row 1, the feed position the pusher has brought Medusa up to.
- medusa_products: sku -> Medusa product and variant ids (created once, updated after).
- medusa_push_failures: what Medusa refused (a 4xx: bad data, not an outage), kept for a human;
  the pusher goes on with the rest.
- medusa_events: every webhook taken (the dedupe key is the event id), its payload, and what
  became of it: received, applied, recorded (nothing to do, or unknown product/customer: reason).
- medusa_orders: web orders as re-read from Medusa (items by sku; problems noted, not dropped).
- medusa_customers: web customers, linked to a hub customer by e-mail or phone when one matches.
- medusa_stock_moves (0006): stock Medusa moved in a store (a fulfilment, a received return),
  per (Medusa source id, sku): what the hub has put in its ledger for it. Exactly once by
  state: the ledger gets the difference between Medusa's quantity and this row, so a replayed
  event or a poll adds nothing. Its sum per (store, sku) is what the pusher leaves out of the
  quantity it sends (hub.medusa.web_stock): no echo.
- medusa_mismatches (0006): what the reconciliation poll found Medusa and the hub disagree on,
  one row per (kind, key), counted; never overwritten on either side.
- medusa_cursor row 2: the reconciliation poll's mark (orders updated since, epoch ms).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, String, Table, Text

from hub.models import metadata

ID = String(64)
NOW = DateTime(timezone=True)
BIGID = BigInteger().with_variant(Integer(), "sqlite")  # SQLite rowid alias

medusa_cursor = Table(
    "medusa_cursor", metadata,
    Column("id", Integer, primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("updated_at", NOW, nullable=False),
)

medusa_products = Table(
    "medusa_products", metadata,
    Column("sku", ID, primary_key=True),
    Column("product_id", ID, nullable=False),
    Column("variant_id", ID, nullable=False),
    Column("pushed_at", NOW, nullable=False),
)

medusa_push_failures = Table(
    "medusa_push_failures", metadata,
    Column("id", BIGID, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),  # product | stock
    Column("key", String(200), nullable=False),  # the sku, or store:sku
    Column("reason", Text, nullable=False),
    Column("position", BigInteger, nullable=False),  # the feed position it came from
    Column("created_at", NOW, nullable=False),
)

medusa_events = Table(
    "medusa_events", metadata,
    Column("event_id", ID, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("status", String(20), nullable=False),  # received | applied | recorded
    Column("reason", Text, nullable=True),
    Column("payload", Text, nullable=False),
    Column("sent_at_ms", BigInteger, nullable=False),  # the subscriber's timestamp
    Column("received_at", NOW, nullable=False, index=True),
    Column("processed_at", NOW, nullable=True),
)

medusa_orders = Table(
    "medusa_orders", metadata,
    Column("order_id", ID, primary_key=True),
    Column("display_id", BigInteger, nullable=True),
    Column("email", String(200), nullable=True),
    Column("customer_id", ID, nullable=True),  # Medusa's cus_...
    Column("status", String(30), nullable=False),
    Column("fulfillment_status", String(30), nullable=True),
    Column("payment_status", String(30), nullable=True),
    Column("total_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("items", Text, nullable=False),  # JSON [{sku, quantity, unit_price_minor}]
    Column("shipping_option_id", ID, nullable=True),
    Column("problem", Text, nullable=True),  # e.g. an item of a sku the hub does not know
    Column("updated_at", NOW, nullable=False),
    Index("ix_medusa_orders_display_id", "display_id"),  # a till finds an order by number
)

medusa_customers = Table(
    "medusa_customers", metadata,
    Column("medusa_customer_id", ID, primary_key=True),
    Column("email", String(200), nullable=True),
    Column("phone", String(30), nullable=True),
    Column("hub_customer_id", ID, nullable=True, index=True),  # None: no hub customer matches
    Column("updated_at", NOW, nullable=False),
)

medusa_stock_moves = Table(
    "medusa_stock_moves", metadata,
    Column("source_id", ID, primary_key=True),  # ful_... or return_...
    Column("sku", ID, primary_key=True),
    Column("store_id", ID, nullable=False),
    Column("order_id", ID, nullable=False),
    Column("applied_milli", BigInteger, nullable=False),  # in the hub's ledger so far
    Column("updated_at", NOW, nullable=False),
    Index("ix_medusa_stock_moves_store_sku", "store_id", "sku"),
)

medusa_mismatches = Table(
    "medusa_mismatches", metadata,
    Column("kind", String(20), primary_key=True),  # stock
    Column("key", String(200), primary_key=True),  # store:sku
    Column("medusa_value", Text, nullable=False),
    Column("hub_value", Text, nullable=False),
    Column("seen", Integer, nullable=False),  # polls that found it
    Column("first_seen", NOW, nullable=False),
    Column("last_seen", NOW, nullable=False),
)
