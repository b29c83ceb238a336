"""Consistent sample sales for tests, the crash-safety child, benchmarks and the demo.

Amounts are computed the way the till does (VAT-inclusive prices, VAT per rate, rounded half
up), so every sample passes SaleRecord.check().
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from pos.store.records import (
    PaymentRecord,
    SaleLineRecord,
    SaleRecord,
    VatRecord,
    new_sale_id,
)
from pos.store.timeutil import utc_now

# (sku, gtin, name, price_minor, vat_code, rate_bp)
SAMPLE_ITEMS: tuple[tuple[str, str, str, int, str, int], ...] = (
    ("1001", "7038010001234", "Tine Lettmelk 1 l", 2490, "31", 1500),
    ("1002", "7020650010014", "Kneippbrød grovt", 3990, "31", 1500),
    ("1003", "7040110000002", "Norvegia 1 kg", 11900, "31", 1500),
    ("2001", "7090026220012", "Batterier AA 4 pk", 8990, "3", 2500),
    ("2002", "7311041013304", "Lyspære LED E27", 4990, "3", 2500),
)


def _vat_of(gross: int, rate_bp: int) -> int:
    # VAT contained in a VAT-inclusive amount, rounded half away from zero.
    num, den = gross * rate_bp, 10_000 + rate_bp
    q = (2 * abs(num) + den) // (2 * den)
    return q if num >= 0 else -q


def sample_sale(
    register_id: str = "R1",
    *,
    sale_id: str | None = None,
    items: Sequence[int] = (0, 1, 2, 3, 4),
    quantity: int = 1,
    employee_id: int | None = 1,
    kind: str = "sale",
    training: bool = False,
    closed_at: datetime | None = None,
    tender: str = "card",
) -> SaleRecord:
    """A sale of SAMPLE_ITEMS[i] for i in items, `quantity` pieces each, paid in one tender.
    kind="return" negates quantities and amounts."""
    sign = -1 if kind == "return" else 1
    closed = closed_at or utc_now()
    lines: list[SaleLineRecord] = []
    per_rate: dict[str, list[int]] = {}
    for no, idx in enumerate(items, start=1):
        sku, gtin, name, price, code, rate = SAMPLE_ITEMS[idx]
        total = sign * price * quantity
        vat = _vat_of(total, rate)
        lines.append(
            SaleLineRecord(
                line_no=no, sku=sku, gtin=gtin, name=name, quantity_milli=sign * quantity * 1000,
                unit="pcs", unit_price_minor=price, total_minor=total, vat_code=code,
                vat_rate_bp=rate, vat_minor=vat, net_minor=total - vat,
            )
        )  # fmt: skip
        acc = per_rate.setdefault(code, [rate, 0])
        acc[1] += total
    vats = tuple(
        VatRecord(code, rate, gross, gross - _vat_of(gross, rate), _vat_of(gross, rate))
        for code, (rate, gross) in sorted(per_rate.items())
    )
    total = sum(line.total_minor for line in lines)
    vat_total = sum(v.vat_minor for v in vats)
    return SaleRecord(
        id=sale_id or new_sale_id(),
        company_org_no="999999999",
        store_id="S1",
        register_id=register_id,
        employee_id=employee_id,
        opened_at=closed - timedelta(seconds=30),
        closed_at=closed,
        currency="NOK",
        total_minor=total,
        net_minor=total - vat_total,
        vat_minor=vat_total,
        lines=tuple(lines),
        payments=(PaymentRecord(seq=1, tender=tender, amount_minor=total),),  # type: ignore[arg-type]
        vat=vats,
        kind=kind,  # type: ignore[arg-type]
        training=training,
    )
