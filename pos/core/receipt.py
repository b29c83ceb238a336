"""The receipt as data: what a sales receipt says, independent of paper, fonts or locale.

The Norwegian cash register regulation (kassasystemforskriften § 2-8-2) lists what a sales
receipt must carry: seller's name and organisation number, the register, a sequential receipt
number, date and time, each item with quantity and amount, VAT per rate and the total. A copy
is marked as such ("KOPI"); a training receipt is marked as not valid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from pos.core.money import Money
from pos.core.tender import Payment, Settlement
from pos.core.totals import Totals
from pos.core.vat import VatLine


@dataclass(frozen=True, slots=True)
class Seller:
    company_name: str
    org_no: str
    store_name: str
    store_id: str
    register_id: str
    address: str = ""


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    quantity_milli: int
    weighed: bool
    unit_price: Money
    gross: Money  # unit price x quantity, before discounts
    line_discount: Money
    amount: Money  # after the line's own discount and its share of the receipt discount
    vat_code: str
    discount_reason: str | None = None
    override_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Receipt:
    seller: Seller
    transaction_no: int
    receipt_id: str  # what the receipt barcode encodes, for returns
    closed_at: datetime
    employee: str
    lines: tuple[ReceiptLine, ...]
    vat: tuple[VatLine, ...]
    receipt_discount: Money
    receipt_discount_reason: str | None
    total: Money
    rounding: Money
    payments: tuple[Payment, ...]
    change: Money
    copy: bool = False
    training: bool = False
    # A return or a void gives money back (negative lines and amounts); `original` is the
    # receipt it refers to (its number), `reason` the cashier's reason for the return.
    kind: Literal["sale", "return", "void"] = "sale"
    original: str | None = None
    reason: str | None = None

    @property
    def to_pay(self) -> Money:
        return self.total + self.rounding

    def as_copy(self) -> Receipt:
        return replace(self, copy=True)


def build_receipt(
    *,
    seller: Seller,
    transaction_no: int,
    receipt_id: str,
    closed_at: datetime,
    employee: str,
    totals: Totals,
    settlement: Settlement,
    receipt_discount_reason: str | None = None,
    training: bool = False,
) -> Receipt:
    lines = tuple(
        ReceiptLine(
            name=a.line.item.name,
            quantity_milli=a.line.quantity_milli,
            weighed=a.line.is_weighed,
            unit_price=a.line.unit_price,
            gross=a.gross,
            line_discount=a.line_discount,
            amount=a.total,
            vat_code=a.line.item.vat.code,
            discount_reason=a.line.discount.reason if a.line.discount else None,
            override_reason=a.line.override.reason if a.line.override else None,
        )
        for a in totals.lines
    )
    return Receipt(
        seller=seller,
        transaction_no=transaction_no,
        receipt_id=receipt_id,
        closed_at=closed_at,
        employee=employee,
        lines=lines,
        vat=totals.vat,
        receipt_discount=totals.receipt_discount_total,
        receipt_discount_reason=receipt_discount_reason,
        total=totals.total,
        rounding=Money(settlement.rounding_minor, totals.currency),
        payments=settlement.payments,
        change=settlement.change,
        training=training,
    )
