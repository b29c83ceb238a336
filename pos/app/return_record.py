"""A return as the store and the printer take it: the sale record (kind "return" or "void",
negative), its receipt (numbered inside the commit), the print document and the journal's
summary. Pure mapping; pos.app.returns decides and commits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from babel.dates import format_date

from pos.app.context import TillContext
from pos.app.print_codec import job_to_data
from pos.app.receipt_layout import ReceiptExtras, layout_receipt
from pos.app.return_quote import ReturnQuote
from pos.core.barcode import receipt_barcode
from pos.core.money import Money
from pos.core.receipt import Receipt, ReceiptLine
from pos.core.refund import RefundPlan
from pos.core.tender import Payment, TenderKind
from pos.store.records import PaymentRecord, SaleRecord
from pos.store.returns import ReturnableSale
from pos.store.users import UserView

ReturnKind = Literal["return", "void"]


@dataclass(frozen=True)
class ReturnFacts:
    """Everything a return's record and receipt are made of."""

    return_id: str
    kind: ReturnKind
    quote: ReturnQuote
    plan: RefundPlan
    original: ReturnableSale | None
    closed_at: datetime
    user: UserView
    reason: str


def to_record(ctx: TillContext, f: ReturnFacts) -> SaleRecord:
    seller = ctx.seller
    payments = tuple(
        PaymentRecord(seq=i, tender=p.tender,  # type: ignore[arg-type]
                      amount_minor=-p.amount_minor, reference=p.reference)
        for i, p in enumerate(f.plan.parts, start=1)
    )
    q = f.quote
    return SaleRecord(
        id=f.return_id, company_org_no=seller.org_no, store_id=seller.store_id,
        register_id=seller.register_id, employee_id=f.user.id, opened_at=f.closed_at,
        closed_at=f.closed_at, currency=q.currency, total_minor=q.total_minor,
        net_minor=q.total_minor - q.vat_minor, vat_minor=q.vat_minor, lines=q.lines,
        payments=payments, vat=q.vat, kind=f.kind, training=ctx.training,
        rounding_minor=f.plan.rounding_minor,
        original_sale_id=f.original.record.id if f.original else None,
    )


def original_reference(ctx: TillContext, original: ReturnableSale) -> str:
    """"12, 23.11.2026": the receipt number and the day it was sold; the register too when the
    sale was made on another till."""
    fmt = ctx.formatter
    sold_on = original.record.closed_at.astimezone(fmt.timezone).date()
    ref = f"{original.sale.receipt_no}, {format_date(sold_on, 'short', fmt.locale)}"
    if original.record.register_id != ctx.register_id:
        ref += f" ({original.record.register_id})"
    return ref


def receipt_builder(ctx: TillContext, f: ReturnFacts) -> Callable[[int], Receipt]:
    """The return receipt for the transaction number the commit hands out. Each line shows
    what comes back for it (its share of any discount included), so amount = what is paid."""
    cur = f.quote.currency
    lines = tuple(
        ReceiptLine(name=ln.name, quantity_milli=ln.quantity_milli, weighed=ln.unit == "kg",
                    unit_price=Money(ln.unit_price_minor, cur),
                    gross=Money(ln.total_minor, cur), line_discount=Money(0, cur),
                    amount=Money(ln.total_minor, cur), vat_code=ln.vat_code)
        for ln in f.quote.lines
    )
    payments = tuple(Payment(TenderKind(p.tender), Money(-p.amount_minor, cur),
                             reference=p.reference) for p in f.plan.parts)
    ref = original_reference(ctx, f.original) if f.original is not None else None

    def build(tx_no: int) -> Receipt:
        return Receipt(
            seller=ctx.seller, transaction_no=tx_no,
            receipt_id=receipt_barcode(ctx.register_id, tx_no), closed_at=f.closed_at,
            employee=f.user.name, lines=lines, vat=f.quote.vat_lines(),
            receipt_discount=Money(0, cur), receipt_discount_reason=None,
            total=Money(f.quote.total_minor, cur), rounding=Money(f.plan.rounding_minor, cur),
            payments=payments, change=Money(0, cur), training=ctx.training, kind=f.kind,
            original=ref, reason=f.reason,
        )

    return build


def print_document(ctx: TillContext, receipt: Receipt) -> dict[str, Any]:
    """The receipt laid out as TillContext.print_receipt does (no QR link: it is a return)."""
    extras = ctx.config.receipt
    job = layout_receipt(
        receipt, ctx.locale, ctx.printer.columns, ctx.formatter,
        ReceiptExtras(str(extras.logo) if extras.logo else None, "", extras.footer),
    )
    return job_to_data(job)


def journal_payload(f: ReturnFacts, approver: UserView | None) -> dict[str, Any]:
    return {
        "kind": f.kind, "total_minor": f.quote.total_minor, "currency": f.quote.currency,
        "lines": len(f.quote.lines), "reason": f.reason,
        "original_sale_id": f.original.record.id if f.original else None,
        "original_receipt_no": f.original.sale.receipt_no if f.original else None,
        "approved_by": approver.id if approver else None,
        "refund": [[p.tender, p.amount_minor] for p in f.plan.parts],
    }
