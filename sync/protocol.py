"""Wire schemas shared by the till's outbox and the hub (version 1).

Every payload carries `schema_version`; a reader accepts the versions it knows and refuses
others with a clear error rather than guessing. Money is int minor units, quantities int
thousandths (pieces x 1000, or grams for weighed goods), times timezone-aware UTC.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Final, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = 1
SALE_COMMITTED = "sale.committed"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SaleLineV1(_Model):
    line_no: int
    sku: str
    gtin: str | None = None
    product_id: int | None = None
    name: str
    quantity_milli: int
    unit: Literal["pcs", "kg"]
    unit_price_minor: int
    discount_minor: int = 0
    total_minor: int  # VAT-inclusive, after discounts
    vat_code: str
    vat_rate_bp: int
    vat_minor: int


class PaymentV1(_Model):
    seq: int
    tender: Literal["cash", "card", "gift_card", "loyalty", "store_credit", "web_payment"]
    amount_minor: int
    reference: str | None = None


class VatV1(_Model):
    vat_code: str
    rate_bp: int
    gross_minor: int
    net_minor: int
    vat_minor: int


class TotalsV1(_Model):
    total_minor: int
    net_minor: int
    vat_minor: int
    rounding_minor: int = 0
    change_minor: int = 0


class SaleCommitted(_Model):
    """A sale, return or void committed on a till. Voided lines are left out: they moved
    nothing. Training sales are sent flagged so the hub can ignore them for stock."""

    schema_version: Literal[1] = SCHEMA_VERSION
    sale_id: UUID
    company_org_no: str
    store_id: str
    register_id: str
    transaction_no: int
    kind: Literal["sale", "return", "void"]
    training: bool = False
    employee_id: int | None = None
    closed_at: AwareDatetime
    currency: str = Field(min_length=3, max_length=3)
    lines: tuple[SaleLineV1, ...]
    payments: tuple[PaymentV1, ...]
    vat: tuple[VatV1, ...]
    totals: TotalsV1
    original_sale_id: UUID | None = None
    customer_id: str | None = None  # a hub customer attached at the till: loyalty accrues


# --- End of day (added 2026-11-23, see sync/README.md "Changes") ---

DAY_CLOSED = "day.closed"
_Minor = Annotated[int, Field(ge=-(10**15), le=10**15)]  # what any BIGINT sum can still hold


class DayTenderV1(_Model):
    """One tender's takings on the day's Z (cash, card, ...): count and amount, net of change."""

    tender: str = Field(min_length=1, max_length=40)
    count: int = Field(ge=0, le=10**9)
    amount_minor: _Minor


class DayTotalsV1(_Model):
    """The Z's totals (SAF-T eventReport): this day's, and the register's grand totals since it
    was taken into use (training excluded)."""

    sales_minor: _Minor  # reportTotalCashSales
    returns_minor: _Minor  # reportReturnAmnt (negative)
    receipts: int = Field(ge=0, le=10**9)  # reportReceiptNum
    grand_total_sales_minor: _Minor
    grand_total_return_minor: _Minor
    grand_total_sales_net_minor: _Minor


class DayClosed(_Model):
    """A register's end of day: its Z report, summed. One per register and business date; the
    hub stores it once (a repeat is a no-op, a different Z for the same day is rejected)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    store_id: str = Field(min_length=1, max_length=64)
    register_id: str = Field(min_length=1, max_length=64)
    business_date: date  # the store's local date the Z closes
    z_no: int = Field(ge=1, le=10**9)
    currency: str = Field(min_length=3, max_length=3)
    closed_at: AwareDatetime  # when the Z was taken
    first_transaction_no: int | None = Field(default=None, ge=1)  # None: a day without sales
    last_transaction_no: int | None = Field(default=None, ge=1)
    tenders: tuple[DayTenderV1, ...] = Field(max_length=50)
    totals: DayTotalsV1


PAYLOAD_TYPES: dict[str, type[_Model]] = {SALE_COMMITTED: SaleCommitted, DAY_CLOSED: DayClosed}


class OutboxEnvelope(_Model):
    """One outbox row as it travels: the hub dedupes on (terminal, epoch, seq)."""

    seq: int = Field(ge=1)
    event_id: UUID
    type: str
    occurred_at: AwareDatetime
    payload: dict[str, Any]

    def parsed(self) -> _Model:
        """The typed payload; KeyError for a type this version does not know."""
        return PAYLOAD_TYPES[self.type].model_validate(self.payload)


# --- Loyalty rule shared by the till (shown as "points earned") and the hub (the truth) ---

POINT_VALUE_MINOR: Final = 10  # one point pays 0.10 of the currency when redeemed


def points_for(sale: SaleCommitted) -> int:
    """Points earned: one per whole krone paid with tenders other than loyalty points, on a
    non-training sale with a customer; a return gives back what its amount earned (negative).
    A cash payment carries what was handed over: the change given back was not paid."""
    if sale.customer_id is None or sale.training or sale.kind == "void":
        return 0
    paid = sum(p.amount_minor for p in sale.payments if p.tender != "loyalty")
    paid -= sale.totals.change_minor
    return paid // 100 if paid >= 0 else -(-paid // 100)


# --- Identity ---

Ident = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]


class EnrolmentCodeRequest(_Model):
    store_id: Ident
    register_id: Ident
    valid_minutes: int = Field(default=7 * 24 * 60, ge=1, le=90 * 24 * 60)


class EnrolmentCode(_Model):
    code: str
    store_id: str
    register_id: str
    expires_at: AwareDatetime


class EnrolRequest(_Model):
    code: str = Field(min_length=6, max_length=64)
    till_name: str = Field(default="", max_length=100)
    kassa_version: str = Field(default="", max_length=40)


class EnrolResponse(_Model):
    store_id: str
    register_id: str
    credential: str  # shown once; the hub keeps only its hash
    epoch: int = Field(ge=1)


# --- Upload ---

MAX_BATCH: Final = 100


class EventBatch(_Model):
    epoch: int = Field(ge=1)
    events: tuple[OutboxEnvelope, ...] = Field(min_length=1, max_length=MAX_BATCH)


class EventResult(_Model):
    seq: int
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None


class BatchResult(_Model):
    acked_through: int = Field(ge=0)
    results: tuple[EventResult, ...]


class ErrorBody(_Model):
    error: str  # "gap", "seq_reused", "forbidden", "invalid", "too_large", ...
    detail: str = ""
    expected_seq: int | None = None
    seq: int | None = None
    acked_through: int | None = None  # on 409/422 of an upload: what stayed applied before it


# --- Change feed ---


class Source(_Model):
    """The till event that caused a change."""

    store_id: str
    register_id: str
    seq: int


class ProductChange(_Model):
    sku: str
    name: str
    barcodes: tuple[str, ...] = ()
    price_minor: int = Field(ge=0)
    currency: str = Field(min_length=3, max_length=3)
    vat_code: str
    department: str | None = None
    sold_by: Literal["unit", "weight"] = "unit"
    active: bool = True


class StockChange(_Model):
    sku: str
    store_id: str
    on_hand_milli: int  # may be negative: a till sale is never refused
    as_of: AwareDatetime
    src: Source | None = None
    negative: bool = False  # on hand below zero: flagged for a count, never refused


class CustomerChange(_Model):
    customer_id: str
    name: str
    phone: str | None = None
    email: str | None = None
    loyalty_card: str | None = None
    home_store_id: str | None = None
    tier: str = "basic"


class LoyaltyChange(_Model):
    customer_id: str
    balance_points: int
    as_of: AwareDatetime
    src: Source | None = None


class PickupItem(_Model):
    line_item_id: str  # Medusa's ordli_...: what the hub fulfils
    sku: str | None
    name: str | None  # None: a sku the hub does not know
    quantity: int = Field(ge=1)


class PickupChange(_Model):
    """A click & collect order at its pickup store (hub.medusa.pickups), on `store:<id>`.
    `flag`: why the store may not have the goods (stock gone: Medusa reserved them elsewhere
    and the store has none to move); None when the reservation is in this store."""

    order_id: str
    display_id: int | None
    store_id: str
    status: Literal["open", "handed_over", "delivered", "cancelled"]
    flag: str | None = None
    customer_name: str = ""
    email: str | None = None
    items: tuple[PickupItem, ...] = ()
    total_minor: int = 0
    currency: str = "NOK"
    as_of: AwareDatetime


class ListedPrice(_Model):
    sku: Ident
    price_minor: int = Field(ge=0, le=10_000_000)  # øre, VAT-inclusive


class PriceListChange(_Model):
    """A price list as the hub defines it (absolute: the whole list), imported through
    `POST /v1/admin/price-lists` and sent to every till; the rule is pos.core.pricing.
    member: `tier` one loyalty tier, or None for every loyalty customer, no dates;
    campaign: everyone, from `starts_at` (inclusive) to `ends_at` (exclusive), no tier.
    `active` false withdraws the list everywhere."""

    list_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    title: str = Field(min_length=1, max_length=200)
    kind: Literal["member", "campaign"]
    tier: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_-]{0,19}$")
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    active: bool = True
    prices: tuple[ListedPrice, ...] = Field(default=(), max_length=100_000)


FeedType = Literal["product", "stock", "customer", "loyalty", "pickup", "price_list",
                   "reset"]


class FeedChange(_Model):
    position: int = Field(ge=1)
    # A FeedType from this version; any other name is a newer hub's frame, which a till takes
    # (its cursor moves past it) and ignores, so tills can be upgraded after the hub.
    type: FeedType | Annotated[str, Field(pattern=r"^[a-z_]{1,40}$")]
    topic: str
    data: dict[str, Any] | None = None  # the matching *Change model's JSON; None for reset


FEED_DATA_TYPES: dict[str, type[_Model]] = {
    "product": ProductChange,
    "stock": StockChange,
    "customer": CustomerChange,
    "loyalty": LoyaltyChange,
    "pickup": PickupChange,
    "price_list": PriceListChange,
}


class FeedPage(_Model):
    changes: tuple[FeedChange, ...]
    next_after: int = Field(ge=0)


# --- Snapshot (NDJSON lines) ---


class SnapshotHeader(_Model):
    type: Literal["header"] = "header"
    position: int = Field(ge=0)
    store_id: str
    counts: dict[str, int]


class SnapshotRecord(_Model):
    type: Literal["product", "stock", "customer", "price_list"]
    data: dict[str, Any]


class SnapshotEnd(_Model):
    type: Literal["end"] = "end"
    position: int = Field(ge=0)


# --- Look-ups ---


class StoreStock(_Model):
    store_id: str
    store_name: str = ""
    on_hand_milli: int


class StockLevels(_Model):
    sku: str
    stores: tuple[StoreStock, ...]


class Customer(_Model):
    customer_id: str
    name: str
    phone: str | None = None
    email: str | None = None
    loyalty_card: str | None = None
    home_store_id: str | None = None
    tier: str = "basic"
    balance_points: int = 0
    reserved_points: int = 0


class NewCustomer(_Model):
    name: str = Field(min_length=1, max_length=200)
    phone: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200)
    loyalty_card: str | None = Field(default=None, max_length=40)
    home_store_id: str | None = None


class ReservationRequest(_Model):
    customer_id: str
    points: int = Field(gt=0)
    sale_id: UUID


class Reservation(_Model):
    reservation_id: str
    customer_id: str
    points: int
    value_minor: int
    expires_at: AwareDatetime


class ImportResult(_Model):
    created: int
    updated: int
    unchanged: int
    errors: tuple[str, ...] = ()


# --- Admin: catalog and stock (hub side; added 2026-11-23, see sync/README.md "Changes") ---


class CatalogRow(_Model):
    """One product of a catalog import (JSON: a list of these; CSV: the same column names,
    `barcodes` separated by `|` or spaces, `gtins` accepted as its alias)."""

    sku: Ident
    name: str = Field(min_length=1, max_length=200)
    price_minor: int = Field(ge=0, le=10**10)
    vat_code: str = Field(min_length=1, max_length=20)
    currency: str | None = Field(default=None, min_length=3, max_length=3)  # hub default
    barcodes: tuple[Annotated[str, Field(min_length=1, max_length=64)], ...] = ()
    department: str | None = Field(default=None, max_length=100)
    sold_by: Literal["unit", "weight"] = "unit"
    active: bool = True


class StockSetting(_Model):
    """An administrator's count: the store's stock of `sku` becomes `on_hand_milli` (a
    movement of the difference is written to the ledger)."""

    store_id: Ident
    sku: Ident
    on_hand_milli: int = Field(ge=-(10**12), le=10**12)


class StockSetResult(_Model):
    changed: int
    unchanged: int


# --- Fleet: the till's heartbeat (every 60 s; the hub keeps the latest per till) ---

DeviceName = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.\-]+$")]


class DeviceReport(_Model):
    """One device as the till sees it: ok (green), warn (amber: paper low, reconnecting),
    fail (red: offline, cover open, no paper); `text` says what, for IT."""

    state: Literal["ok", "warn", "fail"]
    text: str = Field(default="", max_length=200)


class Heartbeat(_Model):
    """`POST /v1/terminals/heartbeat` (the till's credential says which till)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    kassa_version: str = Field(min_length=1, max_length=40)
    clock: AwareDatetime  # the till's clock when it sent this: the hub derives the skew
    outbox_backlog: int = Field(ge=0, le=2**62)  # events not yet acknowledged by the hub
    outbox_oldest_age_s: int | None = Field(default=None, ge=0, le=10**10)
    devices: dict[DeviceName, DeviceReport] = Field(default_factory=dict, max_length=32)
    fiscal: Literal["ok", "missing_key"]
    fiscal_detail: str = Field(default="", max_length=200)


class HeartbeatAck(_Model):
    received_at: AwareDatetime  # the hub's clock
    clock_skew_s: float  # the till's clock minus the hub's (+: the till is ahead)


# --- One customer (issue 9): the till's customer overview, GET /v1/customers/{id}/overview ---


class TierSetting(_Model):
    """`PUT /v1/admin/customers/{id}/tier`: the customer's loyalty tier (a Medusa customer
    group on the web; the hub is its only writer)."""

    tier: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,19}$")


class PastPurchase(_Model):
    channel: Literal["store", "web"]
    reference: str  # the receipt (store-register-number) or the web order's number
    place: str  # the store's name, or "Nettbutikk"
    at: AwareDatetime
    total_minor: int
    currency: str
    items: tuple[str, ...]  # what was bought, by name (web: by sku when the hub lacks it)


class WebOrderItem(_Model):
    sku: str | None
    name: str | None  # None: a sku the hub does not know
    quantity: int


class WebOrder(_Model):
    order_id: str
    display_id: int | None
    status: str
    fulfillment_status: str | None
    total_minor: int
    currency: str
    items: tuple[WebOrderItem, ...]
    updated_at: AwareDatetime


class WishItem(_Model):
    sku: str | None
    name: str | None  # None: no longer a product of the hub (shown as such, never an error)
    price_minor: int | None
    on_hand_milli: int  # this store's stock (the hub's ledger)
    active: bool = True  # False: the hub still has it, no longer sold
    added_at: str | None = None

    @property
    def in_stock(self) -> bool:
        return self.name is not None and self.active and self.on_hand_milli > 0


class CustomerOverview(_Model):
    """Everything the till shows about a customer, answered from the hub's own tables (the
    web's part as last received from Medusa: `web_as_of`), never waiting on Medusa."""

    customer: Customer
    web_accounts: int  # Medusa customers linked to her
    purchases: tuple[PastPurchase, ...]  # newest first, every channel
    open_web_orders: tuple[WebOrder, ...]
    wishlist: tuple[WishItem, ...]
    web_as_of: AwareDatetime | None = None  # when the wish list was last read from Medusa


# --- Click & collect (issue 9): the store's pickup orders, GET /v1/pickups ---


class HandedItem(_Model):
    line_item_id: str
    quantity: int = Field(ge=1)


class Handover(_Model):
    """`POST /v1/pickups/{order_id}/handover`: what the cashier checked and gave the customer
    (all of the order: a part hand-over is refused). The hub records it at once and fulfils
    the order in Medusa afterwards."""

    items: tuple[HandedItem, ...] = Field(min_length=1, max_length=200)
    employee_no: str | None = Field(default=None, max_length=32)


class PickupList(_Model):
    pickups: tuple[PickupChange, ...]  # open pickup orders of the till's store, oldest first
