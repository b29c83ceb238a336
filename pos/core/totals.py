"""Totals of a cart: line amounts, discounts, the receipt total and VAT per rate.

Order of rounding, each in one place:
1. line gross = unit price × quantity, rounded half away to the øre (`line_gross`);
2. line discount, a percentage rounded the same way, never more than the line;
3. the receipt discount spread over the lines by largest remainder (`money.allocate`);
4. VAT per rate on the rate's total (`vat.vat_in_gross`), spread back over its lines.
The total is the exact sum of the line amounts; cash rounding happens later, at payment.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.cart import MILLI, Cart, CartLine, Discount
from pos.core.money import Money, allocate, div_round_half_away
from pos.core.vat import VatLine, summarize


@dataclass(frozen=True, slots=True)
class LineAmounts:
    line: CartLine
    gross: Money  # before any discount
    line_discount: Money
    receipt_discount: Money  # this line's share of the receipt discount
    total: Money  # what the customer pays for the line, VAT included
    vat: Money

    @property
    def net(self) -> Money:
        return self.total - self.vat

    @property
    def discount(self) -> Money:
        return self.line_discount + self.receipt_discount


@dataclass(frozen=True, slots=True)
class Totals:
    currency: str
    lines: tuple[LineAmounts, ...]
    vat: tuple[VatLine, ...]
    total: Money

    @property
    def vat_total(self) -> Money:
        return Money(sum(v.vat_minor for v in self.vat), self.currency)

    @property
    def net_total(self) -> Money:
        return self.total - self.vat_total

    @property
    def discount_total(self) -> Money:
        return Money(sum(a.discount.minor for a in self.lines), self.currency)

    @property
    def receipt_discount_total(self) -> Money:
        return Money(sum(a.receipt_discount.minor for a in self.lines), self.currency)

    @property
    def item_count(self) -> int:
        """Pieces, with each weighed line counting as one."""
        return sum(1 if a.line.is_weighed else a.line.quantity_milli // MILLI for a in self.lines)


def line_gross(line: CartLine) -> int:
    return div_round_half_away(line.unit_price.minor * line.quantity_milli, MILLI)


def discount_amount(discount: Discount | None, base: int) -> int:
    if discount is None or base <= 0:
        return 0
    if discount.percent_bp:
        return min(base, div_round_half_away(base * discount.percent_bp, 10_000))
    return min(base, discount.amount_minor)


def compute_totals(cart: Cart) -> Totals:
    currency = cart.currency
    lines = cart.active_lines
    grosses = [line_gross(line) for line in lines]
    line_discounts = [discount_amount(ln.discount, g) for ln, g in zip(lines, grosses, strict=True)]
    after_line = [g - d for g, d in zip(grosses, line_discounts, strict=True)]
    receipt_off = discount_amount(cart.receipt_discount, sum(after_line))
    shares = allocate(receipt_off, [max(a, 0) for a in after_line]) if lines else []
    finals = [a - s for a, s in zip(after_line, shares, strict=True)]
    vat_lines, line_vat = summarize([(ln.item.vat, f) for ln, f in zip(lines, finals, strict=True)])
    amounts = tuple(
        LineAmounts(
            line=ln,
            gross=Money(g, currency),
            line_discount=Money(d, currency),
            receipt_discount=Money(s, currency),
            total=Money(f, currency),
            vat=Money(v, currency),
        )
        for ln, g, d, s, f, v in zip(
            lines, grosses, line_discounts, shares, finals, line_vat, strict=True
        )
    )
    return Totals(currency, amounts, vat_lines, Money(sum(finals), currency))
