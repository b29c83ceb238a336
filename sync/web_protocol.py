"""Wire schemas of returns anywhere and stock everywhere (issue 9), between the till and the
hub. Kept apart from sync.protocol (shared by many) but in the same style: money in integer
minor units, quantities in whole pieces for web orders (Medusa counts pieces)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import Ident, SaleCommitted, StoreStock


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReturnableSaleV1(_Model):
    """A store sale as the hub has it, with every return of it that has reached the hub:
    `GET /v1/sales/returnable` (a till returning a sale made in another store)."""

    sale: SaleCommitted
    store_name: str = ""
    returns: tuple[SaleCommitted, ...] = ()


class ClaimedLine(_Model):
    line_no: int = Field(ge=1)
    quantity_milli: int = Field(gt=0, le=10**9)


class ReturnClaim(_Model):
    """`POST /v1/sales/{sale_id}/return-claims`: what a till is about to take back of a sale
    made in another store, claimed before money moves (hub.return_claims)."""

    return_id: UUID
    lines: tuple[ClaimedLine, ...] = Field(min_length=1, max_length=500)


class ReturnClaimed(_Model):
    return_id: UUID
    expires_at: datetime


class WebOrderLine(_Model):
    sku: str
    name: str
    quantity: int = Field(ge=0)
    unit_price_minor: int = Field(ge=0)  # incl. VAT, as the customer paid it
    returned: int = Field(default=0, ge=0)  # already brought back (web returns at tills)


class WebOrderForReturn(_Model):
    """`GET /v1/web-orders/{display_id}`: a web order as a till returns it."""

    order_id: str
    display_id: int
    email: str | None = None
    status: str
    payment_status: str | None = None
    currency: str
    lines: tuple[WebOrderLine, ...]


RefundTo = Literal["web_payment", "store_credit"]


class WebReturnItem(_Model):
    sku: Ident
    quantity: int = Field(ge=1, le=10_000)


class WebReturnRequest(_Model):
    """`POST /v1/web-returns`: the till's return transaction id is the return's id (a repeat
    of the same request is the same return)."""

    return_id: UUID
    display_id: int = Field(ge=1, le=2**62)
    items: tuple[WebReturnItem, ...] = Field(min_length=1, max_length=200)
    refund_to: RefundTo = "web_payment"


class WebReturnAccepted(_Model):
    return_id: UUID
    order_id: str
    display_id: int
    refund_minor: int
    currency: str
    refund_to: RefundTo
    status: Literal["pending", "done", "failed"]


class WebLevel(_Model):
    """One of the web shop's stock locations, live from Medusa (whole pieces)."""

    location_id: str
    name: str
    store_id: str | None = None  # the Kassa store it is, when it is one
    stocked: int
    reserved: int
    available: int


class StockEverywhere(_Model):
    """`GET /v1/stock/{sku}/everywhere`: the stores' balances (the hub's ledger) and the web
    shop's locations (Medusa, live). `web_error`: why the web part is missing, if it is."""

    sku: str
    stores: tuple[StoreStock, ...]
    web: tuple[WebLevel, ...] = ()
    web_error: str | None = None


class HomeDeliveryRequest(_Model):
    request_id: UUID
    sku: Ident
    quantity: int = Field(default=1, ge=1, le=99)
    email: str = Field(min_length=3, max_length=200, pattern=r"^[^@\s]+@[^@\s]+$")
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    phone: str | None = Field(default=None, max_length=30)
    address_1: str = Field(min_length=1, max_length=200)
    postal_code: str = Field(min_length=1, max_length=20)
    city: str = Field(min_length=1, max_length=100)


class HomeDeliveryOrder(_Model):
    request_id: UUID
    order_id: str
    display_id: int
    total_minor: int
    currency: str
