"""The cart: an immutable value; every change returns a new cart.

Quantities are integer milli-units: pieces × 1000, or grams for goods sold by weight (whose
price is per kilogram). Prices are VAT-inclusive. Totals are computed in `pos.core.totals`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from pos.core.money import Money
from pos.core.vat import VatRate

SoldBy = Literal["unit", "weight"]

MILLI = 1000
MAX_PIECES = 999  # more than this on one line is a typing slip, not a sale
MAX_GRAMS = 50_000  # 50 kg on a checkout scale
MAX_UNIT_PRICE_MINOR = 10_000_000  # 100 000 kr for one item


class CartError(ValueError):
    """A change to the cart that is refused; the message is for the cashier's log."""


class AbsurdQuantity(CartError):
    pass


class AbsurdPrice(CartError):
    pass


class UnknownLine(CartError):
    pass


class ReasonRequired(CartError):
    pass


@dataclass(frozen=True, slots=True)
class Item:
    """What the catalog knows of a product at the moment it is sold."""

    product_id: int
    sku: str
    name: str
    unit_price: Money
    vat: VatRate
    department: str = ""
    gtin: str | None = None
    sold_by: SoldBy = "unit"


@dataclass(frozen=True, slots=True)
class Discount:
    """Either a percentage (basis points) or a fixed amount off, with the cashier's reason."""

    reason: str
    percent_bp: int = 0
    amount_minor: int = 0

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ReasonRequired("a discount needs a reason")
        if self.percent_bp and self.amount_minor:
            raise CartError("a discount is a percentage or an amount, not both")
        if not 0 <= self.percent_bp <= 10_000 or self.amount_minor < 0:
            raise CartError("discount out of range")


@dataclass(frozen=True, slots=True)
class PriceOverride:
    original: Money
    reason: str


@dataclass(frozen=True, slots=True)
class CartLine:
    line_id: int
    item: Item
    quantity_milli: int
    unit_price: Money
    override: PriceOverride | None = None
    discount: Discount | None = None
    voided: bool = False

    @property
    def is_weighed(self) -> bool:
        return self.item.sold_by == "weight"


def check_quantity(item: Item, quantity_milli: int) -> None:
    limit = MAX_GRAMS if item.sold_by == "weight" else MAX_PIECES * MILLI
    if quantity_milli == 0 or abs(quantity_milli) > limit:
        raise AbsurdQuantity(f"quantity {quantity_milli / MILLI:g} is out of range")
    if item.sold_by == "unit" and quantity_milli % MILLI:
        raise AbsurdQuantity("items sold by the piece take whole quantities")


def check_price(price: Money) -> None:
    if not 0 <= price.minor <= MAX_UNIT_PRICE_MINOR:
        raise AbsurdPrice(f"price {price} is out of range")


@dataclass(frozen=True, slots=True)
class Cart:
    currency: str
    lines: tuple[CartLine, ...] = ()
    receipt_discount: Discount | None = None
    next_line_id: int = 1

    @property
    def active_lines(self) -> tuple[CartLine, ...]:
        return tuple(line for line in self.lines if not line.voided)

    @property
    def is_empty(self) -> bool:
        return not self.active_lines

    def line(self, line_id: int) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise UnknownLine(f"no line {line_id}")

    def _with_line(self, new: CartLine) -> Cart:
        return replace(
            self, lines=tuple(new if ln.line_id == new.line_id else ln for ln in self.lines)
        )

    def add(self, item: Item, quantity_milli: int = MILLI) -> Cart:
        """Add an item. Scanning the same piece item again adds to the last line of it."""
        if item.unit_price.currency != self.currency:
            raise CartError("item priced in another currency")
        check_quantity(item, quantity_milli)
        check_price(item.unit_price)
        last = self.lines[-1] if self.lines else None
        if (
            last is not None
            and not last.voided
            and item.sold_by == "unit"
            and last.item == item
            and last.override is None
            and last.discount is None
        ):
            return self.set_quantity(last.line_id, last.quantity_milli + quantity_milli)
        line = CartLine(self.next_line_id, item, quantity_milli, item.unit_price)
        return replace(self, lines=(*self.lines, line), next_line_id=self.next_line_id + 1)

    def set_quantity(self, line_id: int, quantity_milli: int) -> Cart:
        line = self._live(line_id)
        check_quantity(line.item, quantity_milli)
        return self._with_line(replace(line, quantity_milli=quantity_milli))

    def void_line(self, line_id: int) -> Cart:
        return self._with_line(replace(self._live(line_id), voided=True))

    def override_price(self, line_id: int, price: Money, reason: str) -> Cart:
        if not reason.strip():
            raise ReasonRequired("a price override needs a reason")
        check_price(price)
        line = self._live(line_id)
        original = line.override.original if line.override else line.unit_price
        return self._with_line(
            replace(line, unit_price=price, override=PriceOverride(original, reason))
        )

    def discount_line(self, line_id: int, discount: Discount | None) -> Cart:
        return self._with_line(replace(self._live(line_id), discount=discount))

    def discount_receipt(self, discount: Discount | None) -> Cart:
        return replace(self, receipt_discount=discount)

    def _live(self, line_id: int) -> CartLine:
        line = self.line(line_id)
        if line.voided:
            raise UnknownLine(f"line {line_id} is voided")
        return line
