"""What a return gives back, line by line and per VAT rate, before anything is committed.

With a receipt, each picked line is priced by pos.core.refund from what the customer paid for
it on the original sale (discounts included) and the VAT booked then, so the sale and all its
returns net to zero. Without a receipt, the items are priced at today's catalog price and VAT
is computed exactly as for a sale (pos.core.totals), then negated.

Record lines carry the sign of a return (negative quantities and amounts), keep the original
line's number (pos.store.returns finds "returned so far" by it) and its sku, gtin and product
id, so the hub puts the stock back.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.cart import Cart
from pos.core.money import Money
from pos.core.refund import ReturnedPart, SoldPart, return_part
from pos.core.totals import compute_totals
from pos.core.vat import VatLine, VatRate
from pos.store.records import SaleLineRecord, VatRecord
from pos.store.returns import ReturnableSale


@dataclass(frozen=True)
class ReturnQuote:
    currency: str
    lines: tuple[SaleLineRecord, ...]  # negative, as they will be stored
    vat: tuple[VatRecord, ...]

    @property
    def total_minor(self) -> int:
        """The return's total: negative."""
        return sum(line.total_minor for line in self.lines)

    @property
    def vat_minor(self) -> int:
        return sum(v.vat_minor for v in self.vat)

    @property
    def refund(self) -> Money:
        """What the customer gets back, before cash rounding: positive."""
        return Money(-self.total_minor, self.currency)

    def vat_lines(self) -> tuple[VatLine, ...]:
        return tuple(
            VatLine(VatRate(v.vat_code, v.rate_bp), v.gross_minor, v.vat_minor) for v in self.vat
        )


def sold_part(original: ReturnableSale, line_no: int) -> SoldPart:
    line = next(ln for ln in original.record.lines if ln.line_no == line_no and not ln.voided)
    back = original.returned_of(line_no)
    return SoldPart(
        quantity_milli=line.quantity_milli,
        total_minor=line.total_minor,
        vat_minor=line.vat_minor,
        discount_minor=line.discount_minor,
        returned_milli=back.quantity_milli,
        returned_total_minor=back.total_minor,
        returned_vat_minor=back.vat_minor,
        returned_discount_minor=back.discount_minor,
    )


def _negated(line: SaleLineRecord, part: ReturnedPart) -> SaleLineRecord:
    return SaleLineRecord(
        line_no=line.line_no,
        sku=line.sku,
        name=line.name,
        quantity_milli=-part.quantity_milli,
        unit=line.unit,
        unit_price_minor=line.unit_price_minor,
        total_minor=-part.total_minor,
        vat_code=line.vat_code,
        vat_rate_bp=line.vat_rate_bp,
        vat_minor=-part.vat_minor,
        net_minor=-part.net_minor,
        product_id=line.product_id,
        gtin=line.gtin,
        department=line.department,
        discount_minor=-part.discount_minor,
        discount_reason=line.discount_reason if part.discount_minor else None,
    )


def vat_by_rate(lines: tuple[SaleLineRecord, ...]) -> tuple[VatRecord, ...]:
    """Per-rate VAT of the return: the sum of its lines' VAT (each a share of what the
    original booked), highest rate first as on the sales receipt."""
    rates: dict[str, list[int]] = {}
    for line in lines:
        acc = rates.setdefault(line.vat_code, [line.vat_rate_bp, 0, 0])
        acc[1] += line.total_minor
        acc[2] += line.vat_minor
    return tuple(
        VatRecord(code, rate, gross, gross - vat, vat)
        for code, (rate, gross, vat) in sorted(rates.items(), key=lambda kv: -kv[1][0])
    )


def quote_with_receipt(original: ReturnableSale, picks: dict[int, int]) -> ReturnQuote:
    """picks: original line number -> quantity to return (positive milli-units / grams).
    Raises pos.core.refund.OverReturn for more than is left of a line."""
    by_no = {ln.line_no: ln for ln in original.record.lines if not ln.voided}
    lines = tuple(
        _negated(by_no[n], return_part(sold_part(original, n), qty))
        for n, qty in sorted(picks.items())
        if qty
    )
    return ReturnQuote(original.record.currency, lines, vat_by_rate(lines))


def quote_without_receipt(cart: Cart) -> ReturnQuote:
    """Items brought back without a receipt, priced as if sold now, then negated."""
    totals = compute_totals(cart)
    lines = tuple(
        SaleLineRecord(
            line_no=index,
            sku=a.line.item.sku,
            name=a.line.item.name,
            quantity_milli=-a.line.quantity_milli,
            unit="kg" if a.line.is_weighed else "pcs",
            unit_price_minor=a.line.unit_price.minor,
            total_minor=-a.total.minor,
            vat_code=a.line.item.vat.code,
            vat_rate_bp=a.line.item.vat.rate_bp,
            vat_minor=-a.vat.minor,
            net_minor=-a.net.minor,
            product_id=a.line.item.product_id,
            gtin=a.line.item.gtin,
            department=a.line.item.department or None,
        )
        for index, a in enumerate(totals.lines, start=1)
    )
    vat = tuple(
        VatRecord(v.rate.code, v.rate.rate_bp, -v.gross_minor, -v.net_minor, -v.vat_minor)
        for v in totals.vat
    )
    return ReturnQuote(cart.currency, lines, vat)
