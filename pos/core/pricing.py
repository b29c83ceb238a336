"""The one price rule of the business (issue 9, "same price everywhere").

A product has its base price; price lists defined in the hub may offer lower ones:
- a **member** list applies when a loyalty customer is on the sale: a list for one tier
  applies to that tier's customers, a list with no tier to every loyalty customer;
- a **campaign** list applies to everyone while the sale's time is inside its dates
  (starts_at inclusive, ends_at exclusive; no end: open-ended).

**The lowest applicable price wins**, the base price included: a list never raises a price.
The till prices every line with `unit_price`; the hub's Medusa push (hub/medusa/prices.py)
shapes Medusa's price lists so its calculated price is this same minimum.

Money is integer minor units, VAT-inclusive, as everywhere at the till.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from pos.core.cart import Cart
from pos.core.money import Money

ListKind = Literal["member", "campaign"]


@dataclass(frozen=True, slots=True)
class ListPrice:
    """One sku's price on one price list, with what decides whether the list applies."""

    kind: ListKind
    price_minor: int
    tier: str | None = None  # member lists: one tier, or None for every loyalty customer
    starts_at: datetime | None = None  # campaigns: timezone-aware
    ends_at: datetime | None = None

    def applies(self, at: datetime, tier: str | None) -> bool:
        """`tier` is the attached loyalty customer's tier, None when there is none."""
        if self.kind == "member":
            return tier is not None and self.tier in (None, tier)
        if self.starts_at is not None and at < self.starts_at:
            return False
        return self.ends_at is None or at < self.ends_at


def unit_price(base_minor: int, offers: Iterable[ListPrice], at: datetime,
               tier: str | None) -> int:
    """The price of one unit: the lowest of the base price and every applicable list price."""
    if at.tzinfo is None:
        raise ValueError("the sale's time must be timezone-aware")
    return min([base_minor, *(o.price_minor for o in offers if o.applies(at, tier))])


def reprice(cart: Cart, line_id: int, price: Money) -> Cart:
    """The line's list price changed (a loyalty customer attached or removed): its item and
    price follow, so a later scan of the same product still adds to this line."""
    line = cart.line(line_id)
    if line.voided or line.override is not None or line.unit_price == price:
        return cart  # an override is the cashier's decision: kept
    item = replace(line.item, unit_price=price)
    new = replace(line, item=item, unit_price=price)
    return replace(cart, lines=tuple(new if ln.line_id == line_id else ln for ln in cart.lines))
