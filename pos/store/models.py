"""The till database schema as SQLAlchemy 2 typed ORM models.

Alembic revisions (pos/store/migrations) create exactly this; a test compares the two.
Shaped for the Norwegian SAF-T Cash Register export: sales carry transID (transaction_no),
signature and keyVersion; lines carry vat code, rate and amount; payments carry the
PredefinedBasicID-12 code; the journal carries the PredefinedBasicID-13 event code.

Hot paths (scan lookup, sale commit) use raw prepared SQL over these tables for latency;
the models serve migrations, reports and exports.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pos.store.migrations import FTS_TABLE

__all__ = ["FTS_TABLE", "Base"]


class Base(DeclarativeBase):
    pass


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class VatClass(Base):
    __tablename__ = "vat_classes"
    code: Mapped[str] = mapped_column(Text, primary_key=True)  # the till's own vatCode
    rate_bp: Mapped[int] = mapped_column(Integer)  # 2500 = 25 %
    saft_code: Mapped[str] = mapped_column(Text)  # Standard Tax Code, e.g. "3", "31"
    description: Mapped[str] = mapped_column(Text, default="")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("sold_by IN ('unit', 'weight')", name="ck_products_sold_by"),
        Index("ix_products_department", "department_id", "name"),
        Index("ix_products_quick_key", "department_id", "quick_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    price_minor: Mapped[int] = mapped_column(Integer)  # per piece, or per kg when weighed
    currency: Mapped[str] = mapped_column(String(3), default="NOK")
    vat_code: Mapped[str] = mapped_column(ForeignKey("vat_classes.code"))
    sold_by: Mapped[str] = mapped_column(Text, default="unit")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Position on its department's quick keys (1 = first); None: not a quick key.
    quick_key: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Barcode(Base):
    __tablename__ = "barcodes"
    # WITHOUT ROWID: the scan lookup is one B-tree descent.
    __table_args__ = (
        Index("ix_barcodes_product", "product_id"),
        {"sqlite_with_rowid": False},
    )
    code: Mapped[str] = mapped_column(Text, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('cashier', 'supervisor', 'manager')", name="ck_users_role"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_no: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)
    pin_hash: Mapped[str] = mapped_column(Text)  # scrypt$n$r$p$salt$hash, self-describing
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Register(Base):
    """A register (till) known to this file; `no` is the high part of its rows' keys
    (pos.store.keys). Rows are added on first use and never change."""

    __tablename__ = "registers"
    no: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(Text, unique=True)


# The append-only tables below are rowid tables keyed by an INTEGER PRIMARY KEY that encodes
# register and number (see pos.store.keys for why). The ORM identity is the natural key
# (mapper primary_key), so session.get(Sale, sale_id) works as before.
_NUMBER_MASK = 68719476735  # keys.NUMBER_MASK, spelled out for the CHECK constraints
_CHILD_MASK = 65535  # keys.CHILD_MASK


class Sale(Base):
    """One receipt (SAF-T cashtransaction). Written once, in the commit transaction.

    employee_id and product ids are plain integers, not foreign keys: a fiscal record must
    never be refused or cascaded because master data changed.
    """

    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint("kind IN ('sale', 'return', 'void')", name="ck_sales_kind"),
        # sale_key = register_no << 36 | transaction_no: unique per register and number.
        CheckConstraint(f"transaction_no = (sale_key & {_NUMBER_MASK})", name="ck_sales_key"),
        # Partial: a plain sale (NULL) touches no page of it, so commits stay as cheap.
        Index(
            "ix_sales_original_sale_id",
            "original_sale_id",
            sqlite_where=text("original_sale_id IS NOT NULL"),
        ),
    )
    sale_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index on closed_at: every B-tree page a commit touches is one more page to fsync.
    # Reports select by transaction_no (a sale_key range) or scan.
    id: Mapped[str] = mapped_column(Text, unique=True)
    company_org_no: Mapped[str] = mapped_column(Text)
    store_id: Mapped[str] = mapped_column(Text)
    register_id: Mapped[str] = mapped_column(Text)
    transaction_no: Mapped[int] = mapped_column(Integer)  # gapless per register: transID
    kind: Mapped[str] = mapped_column(Text)
    training: Mapped[bool] = mapped_column(Boolean)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    opened_at: Mapped[str] = mapped_column(Text)  # UTC ISO-8601
    closed_at: Mapped[str] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(Integer)  # transAmntIn
    net_minor: Mapped[int] = mapped_column(Integer)  # transAmntEx
    vat_minor: Mapped[int] = mapped_column(Integer)
    rounding_minor: Mapped[int] = mapped_column(Integer)
    change_minor: Mapped[int] = mapped_column(Integer)
    signature: Mapped[str | None] = mapped_column(Text)
    key_version: Mapped[int | None] = mapped_column(Integer)
    receipt_no: Mapped[str] = mapped_column(Text)
    original_sale_id: Mapped[str | None] = mapped_column(Text)
    journal_entry_no: Mapped[int] = mapped_column(Integer)  # the entry that committed it
    outbox_seq: Mapped[int] = mapped_column(Integer)  # its sale.committed event (idempotency)

    __mapper_args__ = {"primary_key": [id]}  # noqa: RUF012 (SQLAlchemy reads it)


class SaleLine(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (
        CheckConstraint("unit IN ('pcs', 'kg')", name="ck_sale_lines_unit"),
        CheckConstraint(f"line_no = (line_key & {_CHILD_MASK})", name="ck_sale_lines_key"),
    )
    line_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # sale_key << 16 | line_no
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(Text)
    gtin: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    quantity_milli: Mapped[int] = mapped_column(Integer)  # pieces x 1000, or grams
    unit: Mapped[str] = mapped_column(Text)
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    original_price_minor: Mapped[int | None] = mapped_column(Integer)
    override_reason: Mapped[str | None] = mapped_column(Text)
    discount_minor: Mapped[int] = mapped_column(Integer)
    discount_reason: Mapped[str | None] = mapped_column(Text)
    total_minor: Mapped[int] = mapped_column(Integer)  # lineAmntIn
    vat_code: Mapped[str] = mapped_column(Text)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)
    vat_minor: Mapped[int] = mapped_column(Integer)
    net_minor: Mapped[int] = mapped_column(Integer)  # lineAmntEx
    voided: Mapped[bool] = mapped_column(Boolean)

    __mapper_args__ = {"primary_key": [sale_id, line_no]}  # noqa: RUF012 (SQLAlchemy reads it)


class SalePayment(Base):
    __tablename__ = "sale_payments"
    __table_args__ = (
        CheckConstraint(f"seq = (payment_key & {_CHILD_MASK})", name="ck_sale_payments_key"),
    )
    payment_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # sale_key << 16 | seq
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"))
    seq: Mapped[int] = mapped_column(Integer)
    tender: Mapped[str] = mapped_column(Text)
    saft_payment_code: Mapped[str] = mapped_column(Text)  # PredefinedBasicID-12
    amount_minor: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"primary_key": [sale_id, seq]}  # noqa: RUF012 (SQLAlchemy reads it)


class SaleVat(Base):
    __tablename__ = "sale_vat"
    vat_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # sale_key << 16 | position
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"))
    vat_code: Mapped[str] = mapped_column(Text)  # unique per sale: SaleRecord.check()
    rate_bp: Mapped[int] = mapped_column(Integer)
    gross_minor: Mapped[int] = mapped_column(Integer)
    net_minor: Mapped[int] = mapped_column(Integer)
    vat_minor: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"primary_key": [sale_id, vat_code]}  # noqa: RUF012 (SQLAlchemy reads it)


class JournalEntry(Base):
    """Append-only electronic journal; triggers refuse UPDATE and DELETE.

    No index on sale_id: nothing on the till looks entries up by sale (sales.journal_entry_no
    points the other way)."""

    __tablename__ = "journal"
    __table_args__ = (
        CheckConstraint(f"entry_no = (entry_key & {_NUMBER_MASK})", name="ck_journal_key"),
    )
    entry_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # register_no<<36|entry_no
    register_id: Mapped[str] = mapped_column(Text)
    entry_no: Mapped[int] = mapped_column(Integer)  # gapless per register
    at: Mapped[str] = mapped_column(Text)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    event_code: Mapped[str] = mapped_column(Text)  # PredefinedBasicID-13
    event: Mapped[str] = mapped_column(Text)  # our finer name: sale_committed, line_voided...
    transaction_no: Mapped[int | None] = mapped_column(Integer)
    sale_id: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __mapper_args__ = {"primary_key": [register_id, entry_no]}  # noqa: RUF012 (SQLAlchemy reads it)


class OutboxRow(Base):
    __tablename__ = "outbox"
    # No index on acked_at: acks are always a prefix, so "pending" is a key range after
    # OutboxCursor. No index on event_id either (one B-tree page fewer per commit): nothing
    # looks rows up by it (an idempotent re-commit reads sales.outbox_seq), and a sale's event
    # id is uuid5 of the sale id, which sales.id already makes unique.
    __table_args__ = (
        CheckConstraint(f"seq = (outbox_key & {_NUMBER_MASK})", name="ck_outbox_key"),
    )
    outbox_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # register_no << 36 | seq
    register_id: Mapped[str] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(Integer)  # gapless per register
    event_id: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # JSON of a sync.protocol model
    acked_at: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"primary_key": [register_id, seq]}  # noqa: RUF012 (SQLAlchemy reads it)


class OutboxCursor(Base):
    """How far the hub has acknowledged each register's outbox (the consumer position)."""

    __tablename__ = "outbox_cursor"
    register_id: Mapped[str] = mapped_column(Text, primary_key=True)
    acked_through: Mapped[int] = mapped_column(Integer)


class ParkedSale(Base):
    __tablename__ = "parked_sales"
    __table_args__ = (Index("ix_parked_register", "register_id", "parked_at"),)
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    register_id: Mapped[str] = mapped_column(Text)
    parked_at: Mapped[str] = mapped_column(Text)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text)
    cart_json: Mapped[str] = mapped_column(Text)


class PrintJob(Base):
    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("kind IN ('receipt', 'copy', 'report')", name="ck_print_jobs_kind"),
        CheckConstraint("status IN ('pending', 'printed', 'failed')", name="ck_print_jobs_status"),
        Index("ix_print_jobs_status", "status", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    document_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Text)
    printed_at: Mapped[str | None] = mapped_column(Text)


# -- Shifts, cash, X/Z reports and end of day (issue 7; revision 0005_shifts) --------------------


class Shift(Base):
    """A cashier's (or a drawer's) shift: opening float, then a blind count at the close.

    `owner` is "employee:<id>" or "drawer:<id>" ([shifts] per); at most one open shift per
    register and owner (checked inside the write transaction: pos.store.shifts)."""

    __tablename__ = "shifts"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="ck_shifts_status"),
        CheckConstraint("opening_float_minor >= 0", name="ck_shifts_float"),
        Index("ix_shifts_register_status", "register_id", "status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    employee_id: Mapped[int | None] = mapped_column(Integer)  # the cashier (per-cashier shifts)
    business_date: Mapped[str] = mapped_column(Text)  # YYYY-MM-DD, store-local
    status: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[str] = mapped_column(Text)  # UTC ISO-8601
    opened_by: Mapped[int | None] = mapped_column(Integer)
    opening_float_minor: Mapped[int] = mapped_column(Integer)
    opening_count_json: Mapped[str] = mapped_column(Text)  # {denomination_minor: pieces}
    # The register's sales from here on are this shift's candidates (a sale_key range, no scan).
    first_transaction_no: Mapped[int] = mapped_column(Integer)
    last_transaction_no: Mapped[int | None] = mapped_column(Integer)  # set at the close
    closed_at: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[int | None] = mapped_column(Integer)
    approved_by: Mapped[int | None] = mapped_column(Integer)
    count_json: Mapped[str | None] = mapped_column(Text)  # the blind count, per tender
    expected_json: Mapped[str | None] = mapped_column(Text)  # per tender, at the close
    variance_minor: Mapped[int | None] = mapped_column(Integer)  # counted - expected, all tenders
    variance_reason: Mapped[str | None] = mapped_column(Text)
    flagged_at: Mapped[str | None] = mapped_column(Text)  # left open at an end of day


class CashMovement(Base):
    """Money in or out of a shift's drawer that is not a sale; each one is journaled."""

    __tablename__ = "cash_movements"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('drop', 'pay_in', 'pay_out', 'no_sale')", name="ck_cash_movements_kind"
        ),
        CheckConstraint("amount_minor >= 0", name="ck_cash_movements_amount"),
        Index("ix_cash_movements_shift", "shift_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    register_id: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    amount_minor: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    approved_by: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(Text)
    journal_entry_no: Mapped[int] = mapped_column(Integer)


class ZReportRow(Base):
    """One Z report per register and business day, numbered consecutively per register.

    z_key = register_no << 36 | z_no (pos.store.keys). report_json is the JSON of
    pos.reports.xz_model.XZReport. Append-only (triggers)."""

    __tablename__ = "z_reports"
    __table_args__ = (
        CheckConstraint(f"z_no = (z_key & {_NUMBER_MASK})", name="ck_z_reports_key"),
        Index("ux_z_reports_day", "register_id", "business_date", unique=True),
    )
    z_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(Text)
    z_no: Mapped[int] = mapped_column(Integer)
    business_date: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Text)
    first_transaction_no: Mapped[int | None] = mapped_column(Integer)  # None: a day without sales
    last_transaction_no: Mapped[int | None] = mapped_column(Integer)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    report_json: Mapped[str] = mapped_column(Text)


class EndOfDayRun(Base):
    """The guided end of day's progress, so a till that dies half way resumes where it was."""

    __tablename__ = "end_of_day_runs"
    __table_args__ = (
        CheckConstraint("status IN ('running', 'done')", name="ck_end_of_day_status"),
    )
    register_id: Mapped[str] = mapped_column(Text, primary_key=True)
    business_date: Mapped[str] = mapped_column(Text, primary_key=True)
    status: Mapped[str] = mapped_column(Text)
    started_at: Mapped[str] = mapped_column(Text)
    started_by: Mapped[int | None] = mapped_column(Integer)
    steps_json: Mapped[str] = mapped_column(Text)  # {step: {"status": ..., "note": ...}}
    finished_at: Mapped[str | None] = mapped_column(Text)


class ReportBlock(Base):
    """Cached report sums of one finished block of transactions (pos.store.report_blocks)."""

    __tablename__ = "report_blocks"
    register_id: Mapped[str] = mapped_column(Text, primary_key=True)
    block_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    data_json: Mapped[str] = mapped_column(Text)


# -- Card payments (issue 4; revision 0002_card_payments) ----------------------------------------


class CardIntent(Base):
    """One amount sent (or about to be sent) to the card terminal: committed before the terminal
    sees it, then updated with the outcome. Masked PAN and brand only (pos.store.card_payments)."""

    __tablename__ = "card_intents"
    __table_args__ = (
        CheckConstraint("kind IN ('purchase', 'refund', 'reversal')", name="ck_card_intents_kind"),
        CheckConstraint(
            "state IN ('pending', 'sent', 'approved', 'declined', 'aborted', 'unknown', "
            "'resolved')",
            name="ck_card_intents_state",
        ),
        CheckConstraint("amount_minor >= 0", name="ck_card_intents_amount"),
        Index("ix_card_intents_state", "register_id", "state"),
        Index("ix_card_intents_sale", "sale_id"),
        Index("ix_card_intents_terminal_tx", "terminal_id", "trace_no"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(Text, unique=True)
    register_id: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    sale_id: Mapped[str | None] = mapped_column(Text)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    original_reference: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    result_code: Mapped[int | None] = mapped_column(Integer)
    result_text: Mapped[str | None] = mapped_column(Text)
    masked_pan: Mapped[str | None] = mapped_column(Text)
    card_brand: Mapped[str | None] = mapped_column(Text)
    auth_code: Mapped[str | None] = mapped_column(Text)
    receipt_no: Mapped[int | None] = mapped_column(Integer)
    trace_no: Mapped[int | None] = mapped_column(Integer)
    terminal_id: Mapped[str | None] = mapped_column(Text)
    terminal_time: Mapped[str | None] = mapped_column(Text)
    receipt_lines: Mapped[str | None] = mapped_column(Text)  # JSON {"customer": [], "merchant": []}
    signature_required: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[str | None] = mapped_column(Text)  # JSON: what restores the sale
    approved_by: Mapped[int | None] = mapped_column(Integer)


class CardReconciliation(Base):
    """One end-of-day comparison of the terminal's totals with Kassa's approved card payments."""

    __tablename__ = "card_reconciliations"
    __table_args__ = (Index("ix_card_reconciliations_register", "register_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(Text)
    employee_id: Mapped[int | None] = mapped_column(Integer)
    through_intent_id: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    terminal_total_minor: Mapped[int | None] = mapped_column(Integer)
    kassa_total_minor: Mapped[int] = mapped_column(Integer)
    difference_minor: Mapped[int | None] = mapped_column(Integer)
    result_code: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str] = mapped_column(Text)  # JSON: differences, unresolved intents


# -- Hub sync: link, cursors, stock and customer caches (issue 5; revision 0003_sync) ------------


class HubLink(Base):
    """The hub this till is enrolled with (one row). The credential itself is not stored here:
    `credential_ref` names where it is kept (a file readable by the till's user only)."""

    __tablename__ = "hub_link"
    __table_args__ = (CheckConstraint("id = 1", name="ck_hub_link_single"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hub_url: Mapped[str] = mapped_column(Text)
    store_id: Mapped[str] = mapped_column(Text)
    register_id: Mapped[str] = mapped_column(Text)
    epoch: Mapped[int] = mapped_column(Integer)
    # The own outbox seq this epoch counts from: the hub sees seq - seq_base (an epoch starts
    # at 1; a till re-enrolled with events already acknowledged under the old epoch must not
    # send them again).
    seq_base: Mapped[int] = mapped_column(Integer, server_default="0")
    credential_ref: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[str] = mapped_column(Text)
    feed_position: Mapped[int] = mapped_column(Integer, server_default="0")  # Last-Event-ID
    # The highest own outbox seq a feed frame's `src` has shown applied on the hub: own sales
    # above it are the till's unconfirmed deltas (pos.store.stock).
    own_confirmed_seq: Mapped[int] = mapped_column(Integer, server_default="0")
    snapshot_at: Mapped[str | None] = mapped_column(Text)
    last_sync_at: Mapped[str | None] = mapped_column(Text)


class StockLevel(Base):
    """The hub's on-hand quantity in this till's store (absolute; the feed overwrites it)."""

    __tablename__ = "stock_levels"
    sku: Mapped[str] = mapped_column(Text, primary_key=True)
    on_hand_milli: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class CustomerRow(Base):
    """A hub customer as last seen by this till, for look-ups while the hub is unreachable."""

    __tablename__ = "customers"
    __table_args__ = (
        Index("ix_customers_phone", "phone"),
        Index("ix_customers_loyalty_card", "loyalty_card"),
    )
    customer_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    loyalty_card: Mapped[str | None] = mapped_column(Text)
    home_store_id: Mapped[str | None] = mapped_column(Text)
    tier: Mapped[str] = mapped_column(Text)
    balance_points: Mapped[int] = mapped_column(Integer)
    balance_as_of: Mapped[str | None] = mapped_column(Text)


# -- Signed receipts (issue 7; revision 0004_fiscal) ---------------------------------------------


class SigningKey(Base):
    """A key version that has signed receipts in this file (SAF-T keyVersion): the RSA public
    key, or only a fingerprint for HMAC (pos.store.signing_keys)."""

    __tablename__ = "signing_keys"
    __table_args__ = (
        CheckConstraint("algorithm IN ('rsa', 'hmac')", name="ck_signing_keys_algorithm"),
    )
    key_version: Mapped[int] = mapped_column(Integer, primary_key=True)
    algorithm: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(Text)
    public_key_pem: Mapped[str | None] = mapped_column(Text)
    first_used_at: Mapped[str] = mapped_column(Text)


class ReceiptSeries(Base):
    """The last number issued in a register's provisional or delivery receipt series
    (pos.store.receipt_series); sales receipts are numbered by their transaction number."""

    __tablename__ = "receipt_series"
    __table_args__ = (
        CheckConstraint("series IN ('provisional', 'delivery')", name="ck_receipt_series"),
    )
    register_id: Mapped[str] = mapped_column(Text, primary_key=True)
    series: Mapped[str] = mapped_column(Text, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer)


class PriceListRow(Base):
    """A hub price list this till applies (issue 9): member (a tier, or NULL = every loyalty
    customer) or campaign (dated, UTC text); an inactive list is not kept."""

    __tablename__ = "price_lists"
    list_id: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    tier: Mapped[str | None] = mapped_column(Text)
    starts_at: Mapped[str | None] = mapped_column(Text)
    ends_at: Mapped[str | None] = mapped_column(Text)


class PriceListPrice(Base):
    """A list's price per sku (øre, VAT-inclusive); keyed sku first, as a line looks it up."""

    __tablename__ = "price_list_prices"
    sku: Mapped[str] = mapped_column(Text, primary_key=True)
    list_id: Mapped[str] = mapped_column(Text, primary_key=True)
    price_minor: Mapped[int] = mapped_column(Integer)


class PickupOrder(Base):
    """One of the store's open click & collect orders, as the hub's `pickup` frame had it
    (pos.store.pickups): kept so a till restarted offline still shows who is coming."""

    __tablename__ = "pickup_orders"
    order_id: Mapped[str] = mapped_column(Text, primary_key=True)
    arrived: Mapped[int] = mapped_column(Integer)  # the hub's order: oldest first
    data: Mapped[str] = mapped_column(Text)  # the PickupChange, as JSON
