"""The arithmetic of a return: what part of a sold line comes back, and to which tender.

A returned part of a line is priced from what the customer actually paid for the line (its
total after the line's own discount and its share of the receipt discount) and the VAT the
sale booked for it, never re-priced from today's catalog. Each amount is a cumulative share:
returning q of n pieces when r are back already refunds share(r + q) - (what was refunded so
far), with share(x) = amount * x / n rounded half away from zero. So returns in any number of
steps add up to exactly the line's total and VAT: the sale and all its returns net to zero,
per line and per VAT rate, to the øre.

Refunds go back to the tenders the sale was paid with: electronic tenders first (each up to
what it paid, less what earlier returns gave back to it), cash last, taking the rest, rounded
to the cash step like any cash settlement.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.money import div_round_half_away
from pos.core.rounding import CASH_STEP_MINOR


class OverReturn(ValueError):
    """More would come back than was sold (less what earlier returns took)."""


@dataclass(frozen=True, slots=True)
class SoldPart:
    """One line of the original sale, and how much of it has been returned so far.

    Quantities are positive milli-units (pieces x 1000, or grams); amounts are the sale's own
    (positive) minor units; `returned_*` are sums over earlier returns, as positive numbers.
    """

    quantity_milli: int
    total_minor: int
    vat_minor: int
    discount_minor: int = 0
    returned_milli: int = 0
    returned_total_minor: int = 0
    returned_vat_minor: int = 0
    returned_discount_minor: int = 0

    @property
    def returnable_milli(self) -> int:
        return self.quantity_milli - self.returned_milli


@dataclass(frozen=True, slots=True)
class ReturnedPart:
    """What comes back for one line, as positive numbers; the return record negates them."""

    quantity_milli: int
    total_minor: int
    vat_minor: int
    discount_minor: int

    @property
    def net_minor(self) -> int:
        return self.total_minor - self.vat_minor


def _share(amount: int, part: int, whole: int) -> int:
    return div_round_half_away(amount * part, whole)


def return_part(sold: SoldPart, quantity_milli: int) -> ReturnedPart:
    """The refund for returning `quantity_milli` more of a sold line. Raises OverReturn."""
    if quantity_milli <= 0:
        raise OverReturn(f"return quantity must be positive, not {quantity_milli}")
    if quantity_milli > sold.returnable_milli:
        raise OverReturn(
            f"{quantity_milli} asked, {sold.returnable_milli} of {sold.quantity_milli} left"
        )
    after = sold.returned_milli + quantity_milli
    n = sold.quantity_milli
    return ReturnedPart(
        quantity_milli=quantity_milli,
        total_minor=_share(sold.total_minor, after, n) - sold.returned_total_minor,
        vat_minor=_share(sold.vat_minor, after, n) - sold.returned_vat_minor,
        discount_minor=_share(sold.discount_minor, after, n) - sold.returned_discount_minor,
    )


@dataclass(frozen=True, slots=True)
class TenderPaid:
    """A tender of the original sale: what it paid (net of change) and what went back to it."""

    tender: str  # "cash", "card", ... (pos.core.tender.TenderKind values)
    paid_minor: int
    refunded_minor: int = 0
    reference: str | None = None  # the card payment's reference, for the terminal's refund

    @property
    def refundable_minor(self) -> int:
        return max(self.paid_minor - self.refunded_minor, 0)


@dataclass(frozen=True, slots=True)
class RefundPart:
    tender: str
    amount_minor: int  # positive: what is handed back
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class RefundPlan:
    parts: tuple[RefundPart, ...]
    rounding_minor: int  # cash rounding, in the sale record's sign (return total + rounding)

    @property
    def paid_back_minor(self) -> int:
        return sum(p.amount_minor for p in self.parts)


def round_cash_refund(amount_minor: int, currency: str, *, rounding: bool = True) -> int:
    """A cash refund in notes and coins: rounded half away from zero to the cash step."""
    step = CASH_STEP_MINOR.get(currency, 1) if rounding else 1
    return div_round_half_away(amount_minor, step) * step


def plan_refund(amount_minor: int, currency: str, tenders: tuple[TenderPaid, ...],
                *, to_cash_only: bool = False, cash_rounding: bool = True) -> RefundPlan:
    """Split a refund of `amount_minor` (positive) over the original tenders, cash last.

    `to_cash_only`: everything in cash (no receipt, or no card terminal to refund through).
    Electronic tenders refund exactly; the cash part is rounded to the cash step, and the
    difference is the record's rounding (positive when the customer gets less back).
    """
    if amount_minor < 0:
        raise ValueError("a refund amount is positive")
    left = amount_minor
    parts: list[RefundPart] = []
    if not to_cash_only:
        for paid in tenders:
            if paid.tender == "cash" or left == 0:
                continue
            take = min(left, paid.refundable_minor)
            if take > 0:
                parts.append(RefundPart(paid.tender, take, paid.reference))
                left -= take
    rounding = 0
    if left:
        cash = round_cash_refund(left, currency, rounding=cash_rounding)
        rounding = left - cash
        if cash:
            parts.append(RefundPart("cash", cash))
    return RefundPlan(tuple(parts), rounding)
