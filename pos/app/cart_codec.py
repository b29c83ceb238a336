"""A cart to plain JSON-able data and back, for parked sales (they survive a restart)."""

from __future__ import annotations

from typing import Any

from pos.core.cart import Cart, CartLine, Discount, Item, PriceOverride
from pos.core.money import Money
from pos.core.vat import VatRate


def _discount(d: Discount | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"reason": d.reason, "percent_bp": d.percent_bp, "amount_minor": d.amount_minor}


def _undiscount(d: dict[str, Any] | None) -> Discount | None:
    return None if d is None else Discount(d["reason"], d["percent_bp"], d["amount_minor"])


def cart_to_data(cart: Cart, sale_id: str = "") -> dict[str, Any]:
    lines = [
        {
            "line_id": ln.line_id,
            "item": {
                "product_id": ln.item.product_id, "sku": ln.item.sku, "name": ln.item.name,
                "unit_price_minor": ln.item.unit_price.minor, "vat_code": ln.item.vat.code,
                "vat_rate_bp": ln.item.vat.rate_bp, "department": ln.item.department,
                "gtin": ln.item.gtin, "sold_by": ln.item.sold_by,
            },
            "quantity_milli": ln.quantity_milli,
            "unit_price_minor": ln.unit_price.minor,
            "override": None if ln.override is None else {
                "original_minor": ln.override.original.minor, "reason": ln.override.reason,
            },
            "discount": _discount(ln.discount),
            "voided": ln.voided,
        }
        for ln in cart.lines
    ]
    return {
        "version": 1, "sale_id": sale_id, "currency": cart.currency, "lines": lines,
        "receipt_discount": _discount(cart.receipt_discount), "next_line_id": cart.next_line_id,
    }


def cart_from_data(data: dict[str, Any]) -> Cart:
    currency = data["currency"]
    lines = []
    for raw in data["lines"]:
        it = raw["item"]
        item = Item(
            it["product_id"], it["sku"], it["name"], Money(it["unit_price_minor"], currency),
            VatRate(it["vat_code"], it["vat_rate_bp"]), it["department"], it["gtin"], it["sold_by"],
        )
        override = raw["override"]
        lines.append(CartLine(
            line_id=raw["line_id"], item=item, quantity_milli=raw["quantity_milli"],
            unit_price=Money(raw["unit_price_minor"], currency),
            override=None if override is None else PriceOverride(
                Money(override["original_minor"], currency), override["reason"]),
            discount=_undiscount(raw["discount"]), voided=raw["voided"],
        ))
    return Cart(currency, tuple(lines), _undiscount(data["receipt_discount"]), data["next_line_id"])
