"""Wire schemas shared by the till's outbox and the hub (version 1).

Every payload carries `schema_version`; a reader accepts the versions it knows and refuses
others with a clear error rather than guessing. Money is int minor units, quantities int
thousandths (pieces x 1000, or grams for weighed goods), times timezone-aware UTC.
"""

from __future__ import annotations

from typing import Any, Final, Literal
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
    tender: Literal["cash", "card", "gift_card", "loyalty", "store_credit"]
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


PAYLOAD_TYPES: dict[str, type[_Model]] = {SALE_COMMITTED: SaleCommitted}


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
