"""Maps the core's cart totals and settlement onto the store's sale record."""

from __future__ import annotations

from datetime import datetime

from pos.app.context import TillContext
from pos.core.tender import Settlement
from pos.core.totals import LineAmounts, Totals
from pos.store.records import PaymentRecord, SaleLineRecord, SaleRecord, VatRecord
from pos.store.users import UserView


def to_sale_record(
    *,
    ctx: TillContext,
    sale_id: str,
    user: UserView,
    opened_at: datetime,
    closed_at: datetime,
    totals: Totals,
    settlement: Settlement,
    receipt_discount_reason: str | None = None,
) -> SaleRecord:
    lines = tuple(
        SaleLineRecord(
            line_no=index,
            sku=a.line.item.sku,
            name=a.line.item.name,
            quantity_milli=a.line.quantity_milli,
            unit="kg" if a.line.is_weighed else "pcs",
            unit_price_minor=a.line.unit_price.minor,
            total_minor=a.total.minor,
            vat_code=a.line.item.vat.code,
            vat_rate_bp=a.line.item.vat.rate_bp,
            vat_minor=a.vat.minor,
            net_minor=a.net.minor,
            product_id=a.line.item.product_id,
            gtin=a.line.item.gtin,
            department=a.line.item.department or None,
            original_price_minor=a.line.override.original.minor if a.line.override else None,
            override_reason=a.line.override.reason if a.line.override else None,
            discount_minor=a.discount.minor,
            discount_reason=_discount_reason(a, receipt_discount_reason),
        )
        for index, a in enumerate(totals.lines, start=1)
    )
    payments = tuple(
        PaymentRecord(
            seq=index,
            tender=p.kind.value,  # type: ignore[arg-type]
            amount_minor=(p.tendered or p.amount).minor,
            reference=p.reference,
        )
        for index, p in enumerate(settlement.payments, start=1)
    )
    vat = tuple(
        VatRecord(v.rate.code, v.rate.rate_bp, v.gross_minor, v.net_minor, v.vat_minor)
        for v in totals.vat
    )
    return SaleRecord(
        id=sale_id,
        company_org_no=ctx.seller.org_no,
        store_id=ctx.seller.store_id,
        register_id=ctx.seller.register_id,
        employee_id=user.id,
        opened_at=opened_at,
        closed_at=closed_at,
        currency=totals.currency,
        total_minor=totals.total.minor,
        net_minor=totals.net_total.minor,
        vat_minor=totals.vat_total.minor,
        lines=lines,
        payments=payments,
        vat=vat,
        training=ctx.training,
        rounding_minor=settlement.rounding_minor,
        change_minor=settlement.change.minor,
    )


def _discount_reason(amounts: LineAmounts, receipt_reason: str | None) -> str | None:
    reasons = []
    if amounts.line_discount.minor and amounts.line.discount:
        reasons.append(amounts.line.discount.reason)
    if amounts.receipt_discount.minor and receipt_reason:
        reasons.append(receipt_reason)
    return "; ".join(reasons) or None
