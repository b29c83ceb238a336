"""The hub's catalog in Medusa's terms (pure functions, no I/O).

One hub product (a sku) is one Medusa product with one variant of the same sku: the hub has no
variant groups (yet). Medusa wants prices in major units (899.5 = 899.50 NOK, MVA included by the
store's price preference) and quantities in units, the hub keeps øre and thousandths.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

from sync.protocol import ProductChange

OPTION = "Variant"  # Medusa 2.21 refuses a product without an option
OPTION_VALUE = "Standard"


def handle(sku: str) -> str:
    """A URL-safe handle that only the sku decides, so a create that Medusa already has (a
    retry after a lost answer) is found again by it."""
    slug = re.sub(r"[^a-z0-9]+", "-", sku.lower()).strip("-")
    if slug == sku:
        return f"p-{slug}"
    return f"p-{slug}-{hashlib.sha1(sku.encode()).hexdigest()[:8]}"


def amount(price_minor: int) -> float | int:
    """Øre to Medusa's major units, exact for every øre amount (JSON has no decimals)."""
    major = Decimal(price_minor) / 100
    return int(major) if major == major.to_integral_value() else float(major)


def minor(major: object) -> int:
    """Medusa's major units (a JSON number or string) back to øre, through Decimal: never a
    float in the arithmetic. None (no amount) is 0."""
    if major is None:
        return 0
    return int((Decimal(str(major)) * 100).to_integral_value())


def quantity(milli: int) -> float | int:
    """Thousandths (the hub's stock) to Medusa's units; kilos stay fractional."""
    units = Decimal(milli) / 1000
    return int(units) if units == units.to_integral_value() else float(units)


def _ean(codes: tuple[str, ...]) -> str | None:
    return next((c for c in codes if c.isdigit() and len(c) in (8, 13)), None)


def _variant(change: ProductChange) -> dict[str, object]:
    return {
        "title": change.name, "sku": change.sku,
        "barcode": change.barcodes[0] if change.barcodes else None,
        "ean": _ean(change.barcodes),
        "prices": [{"currency_code": change.currency.lower(),
                    "amount": amount(change.price_minor)}],
        "metadata": {"kassa_barcodes": list(change.barcodes), "kassa_sold_by": change.sold_by},
    }


def _product_fields(change: ProductChange) -> dict[str, object]:
    return {
        "title": change.name, "status": "published" if change.active else "draft",
        "metadata": {"kassa_sku": change.sku, "kassa_vat_code": change.vat_code,
                     "kassa_department": change.department},
    }


def create_body(change: ProductChange, *, sales_channel_ids: list[str],
                shipping_profile_id: str | None) -> dict[str, object]:
    body = _product_fields(change) | {
        "handle": handle(change.sku),
        "options": [{"title": OPTION, "values": [OPTION_VALUE]}],
        "sales_channels": [{"id": sc} for sc in sales_channel_ids],
        "variants": [_variant(change) | {"manage_inventory": True, "allow_backorder": False,
                                         "options": {OPTION: OPTION_VALUE}}],
    }
    if shipping_profile_id:
        body["shipping_profile_id"] = shipping_profile_id
    return body


def update_body(change: ProductChange, product_id: str, variant_id: str) -> dict[str, object]:
    return _product_fields(change) | {
        "id": product_id, "variants": [_variant(change) | {"id": variant_id}]}
