"""The hub's tables (SQLAlchemy Core). The Alembic revisions in hub/migrations create them;
this module is what the code queries. Money in int minor units, quantities int thousandths.

Ledgers are append-only (stock_movements, loyalty_entries); the balances beside them are
projections written in the same transaction, so a balance always equals the sum of its ledger.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()
ID = String(64)
NOW = DateTime(timezone=True)

stores = Table(
    "stores", metadata,
    Column("store_id", ID, primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("created_at", NOW, nullable=False),
)

terminals = Table(
    "terminals", metadata,
    Column("store_id", ID, ForeignKey("stores.store_id"), primary_key=True),
    Column("register_id", ID, primary_key=True),
    Column("name", String(100), nullable=False, default=""),
    Column("current_epoch", Integer, nullable=False),
    Column("enrolled_at", NOW, nullable=False),
)

# One credential per enrolment (= per epoch). Only the SHA-256 of the 256-bit random token is
# kept: a token that long needs no slow hash, and the lookup by hash stays one index probe.
credentials = Table(
    "credentials", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("store_id", ID, nullable=False),
    Column("register_id", ID, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("created_at", NOW, nullable=False),
    Column("revoked_at", NOW, nullable=True),
)

# The exactly-once cursor: the last applied seq of (terminal, epoch). Never expires.
terminal_epochs = Table(
    "terminal_epochs", metadata,
    Column("store_id", ID, primary_key=True),
    Column("register_id", ID, primary_key=True),
    Column("epoch", Integer, primary_key=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
)

enrolment_codes = Table(
    "enrolment_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("store_id", ID, nullable=False),
    Column("register_id", ID, nullable=False),
    Column("expires_at", NOW, nullable=False),
    Column("used_at", NOW, nullable=True),
    Column("revoked_at", NOW, nullable=True),  # by IT on the fleet page (revision 0002)
)

vat_codes = Table(
    "vat_codes", metadata,
    Column("code", String(20), primary_key=True),
    Column("rate_bp", Integer, nullable=True),
)

departments = Table(
    "departments", metadata,
    Column("name", String(100), primary_key=True),
)

products = Table(
    "products", metadata,
    Column("sku", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("price_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("vat_code", String(20), ForeignKey("vat_codes.code"), nullable=False),
    Column("department", String(100), ForeignKey("departments.name"), nullable=True),
    Column("sold_by", String(10), nullable=False, default="unit"),
    Column("active", Boolean, nullable=False, default=True),
    Column("updated_at", NOW, nullable=False),
)

barcodes = Table(
    "barcodes", metadata,
    Column("barcode", String(64), primary_key=True),
    Column("sku", ID, ForeignKey("products.sku"), nullable=False, index=True),
)

stock_movements = Table(
    "stock_movements", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("store_id", ID, nullable=False),
    Column("sku", ID, nullable=False),
    Column("delta_milli", BigInteger, nullable=False),
    Column("reason", String(20), nullable=False),  # sale | return | count
    Column("inbox_id", BigInteger, nullable=True),
    Column("created_at", NOW, nullable=False),
    Index("ix_stock_movements_store_sku", "store_id", "sku"),
)

stock_balances = Table(
    "stock_balances", metadata,
    Column("store_id", ID, primary_key=True),
    Column("sku", ID, primary_key=True),
    Column("on_hand_milli", BigInteger, nullable=False),
    Column("updated_at", NOW, nullable=False),
    Index("ix_stock_balances_sku", "sku"),
)

customers = Table(
    "customers", metadata,
    Column("customer_id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("phone", String(30), nullable=True, index=True),
    Column("email", String(200), nullable=True, index=True),
    Column("loyalty_card", String(40), nullable=True, unique=True),
    Column("home_store_id", ID, nullable=True),
    Column("tier", String(20), nullable=False, default="basic"),
    Column("created_at", NOW, nullable=False),
    Column("tier_floor", String(20), nullable=True),  # an administrator's tier (hub.tiers)
)
Index("ix_customers_email_lower", func.lower(customers.c.email))  # hub.customer_identity

loyalty_accounts = Table(
    "loyalty_accounts", metadata,
    Column("customer_id", ID, ForeignKey("customers.customer_id"), primary_key=True),
    Column("balance_points", BigInteger, nullable=False, default=0),
    Column("updated_at", NOW, nullable=False),
)

loyalty_entries = Table(
    "loyalty_entries", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("customer_id", ID, nullable=False, index=True),
    Column("points", BigInteger, nullable=False),  # + accrual, - redemption
    Column("kind", String(20), nullable=False),  # accrual | redemption
    Column("inbox_id", BigInteger, nullable=True),
    Column("reservation_id", ID, nullable=True),
    Column("created_at", NOW, nullable=False),
)

loyalty_reservations = Table(
    "loyalty_reservations", metadata,
    Column("reservation_id", ID, primary_key=True),
    Column("customer_id", ID, nullable=False, index=True),
    Column("points", BigInteger, nullable=False),
    Column("sale_id", String(36), nullable=False),
    Column("status", String(10), nullable=False),  # held | consumed | released
    Column("expires_at", NOW, nullable=False),
    Column("created_at", NOW, nullable=False),
)

# Every event received, applied or rejected (with its reason); the unique key is the
# exactly-once key.
inbox = Table(
    "inbox", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("store_id", ID, nullable=False),
    Column("register_id", ID, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("event_id", String(36), nullable=False),
    Column("type", String(40), nullable=False),
    Column("status", String(10), nullable=False),  # applied | rejected
    Column("reason", Text, nullable=True),
    Column("sale_id", String(36), nullable=True, index=True),
    Column("transaction_no", BigInteger, nullable=True),
    Column("payload", Text, nullable=False),
    Column("received_at", NOW, nullable=False),
    UniqueConstraint("store_id", "register_id", "epoch", "seq", name="uq_inbox_key"),
    Index("ix_inbox_receipt", "store_id", "register_id", "transaction_no"),
)

# The sales applied, by sale id (revision 0005): the duplicate-sale check probes this primary
# key. Asked of inbox.sale_id (not unique: rejected copies carry it too), a batch's 100 ids
# were planned as a scan of the whole inbox whenever the planner had no statistics for it (a
# fresh or fast-growing table): a unique key is estimated at one row per id without any.
applied_sales = Table(
    "applied_sales", metadata,
    Column("sale_id", String(36), primary_key=True),
    Column("inbox_id", BigInteger, nullable=False),
)

# The change feed. `position` comes from feed_sequencer, incremented inside the writing
# transaction: its row lock makes position order commit order on PostgreSQL.
feed = Table(
    "feed", metadata,
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("topic", String(80), nullable=False),
    Column("type", String(20), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", NOW, nullable=False),
)

feed_sequencer = Table(
    "feed_sequencer", metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("position", BigInteger, nullable=False),  # the last handed out
    Column("pruned_through", BigInteger, nullable=False),  # feed rows <= this are gone
)

# The latest heartbeat of each till (revision 0002): what the fleet page and /metrics show.
# One row per till, replaced by each heartbeat; `devices` is the JSON of name -> {state, text}.
terminal_heartbeats = Table(
    "terminal_heartbeats", metadata,
    Column("store_id", ID, primary_key=True),
    Column("register_id", ID, primary_key=True),
    Column("epoch", Integer, nullable=False),
    Column("kassa_version", String(40), nullable=False),
    Column("received_at", NOW, nullable=False),
    Column("clock_skew_ms", BigInteger, nullable=False),
    Column("outbox_backlog", BigInteger, nullable=False),
    Column("outbox_oldest_age_s", BigInteger, nullable=True),
    Column("devices", Text, nullable=False),
    Column("fiscal", String(20), nullable=False),
    Column("fiscal_detail", String(200), nullable=False, default=""),
)
