"""From what the scanner (or the cashier's keys) gave to a product, a quantity and a price.

Barcode interpretation itself is pure (pos.core.barcode); this module adds the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pos.core.barcode import (
    BarcodeError,
    Gs1Element,
    PlainNumber,
    PriceEmbedded,
    ProductCode,
    ReceiptRef,
    WeightEmbedded,
    interpret,
    is_expired,
)
from pos.core.cart import MILLI
from pos.store.records import ProductView

if TYPE_CHECKING:
    from pos.app.context import TillContext


class ScanRefused(Exception):
    """Nothing was added. `kind` is "unknown_code" or "bad_code" for the UI's message."""

    def __init__(self, kind: str, code: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {code} {detail}".strip())
        self.kind = kind
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Found:
    product: ProductView
    quantity_milli: int = MILLI
    price_minor: int | None = None  # set by a price-embedded label
    expired: bool = False  # a GS1 expiry date (AI 17) in the past: the cashier is warned


@dataclass(frozen=True)
class NeedsWeight:
    """A product sold by weight was keyed without a weight: ask the scale or the cashier."""

    product: ProductView


ScanResult = Found | NeedsWeight


def _product(ctx: TillContext, code: str, raw: str) -> ProductView:
    product = ctx.lookup(code)
    if product is None:
        raise ScanRefused("unknown_code", raw)
    return product


def _in_store_item(ctx: TillContext, item_code: str, raw: str) -> ProductView:
    """Scale labels carry the PLU zero-padded to the layout's item digits."""
    product = ctx.lookup(item_code) or ctx.lookup(item_code.lstrip("0") or "0")
    if product is None:
        raise ScanRefused("unknown_code", raw)
    return product


def _by_quantity(product: ProductView, quantity_milli: int | None) -> ScanResult:
    if product.sold_by == "weight" and quantity_milli is None:
        return NeedsWeight(product)
    return Found(product, quantity_milli or MILLI)


def resolve(ctx: TillContext, data: str, symbology: str | None = None) -> ScanResult:
    raw = data.strip()
    try:
        scan = interpret(raw, ctx.layouts, symbology=symbology)
    except BarcodeError as error:
        raise ScanRefused("bad_code", raw, str(error)) from error
    if isinstance(scan, ProductCode):
        return _by_quantity(_product(ctx, scan.gtin, raw), None)
    if isinstance(scan, WeightEmbedded):
        return Found(_in_store_item(ctx, scan.item_code, raw), scan.grams)
    if isinstance(scan, PriceEmbedded):
        return Found(_in_store_item(ctx, scan.item_code, raw), MILLI, scan.price_minor)
    if isinstance(scan, Gs1Element):
        product = _product(ctx, scan.gtin, raw)
        expired = is_expired(scan, ctx.today())
        if scan.price_minor is not None:
            return Found(product, MILLI, scan.price_minor, expired)
        if scan.weight_grams is not None:
            return Found(product, scan.weight_grams, expired=expired)
        found = _by_quantity(product, None)
        return replace(found, expired=expired) if isinstance(found, Found) else found
    if isinstance(scan, ReceiptRef):  # returns by receipt barcode come with the returns flow
        raise ScanRefused("receipt_code", raw)
    assert isinstance(scan, PlainNumber)
    return _by_quantity(_product(ctx, scan.text, raw), None)
