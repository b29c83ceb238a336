"""Outbox payloads as JSON text, built straight from the records.

Why not `SaleCommitted(...).model_dump_json()`: building the nested pydantic models costs
~100 µs, a third of a durable commit on a fast disk. The dict below has exactly the shape of
sync.protocol.SaleCommitted (v1); tests validate it against the model, so the two cannot drift.
"""

from __future__ import annotations

import json
from typing import Any

from pos.store.records import SaleRecord
from pos.store.timeutil import to_utc_text

# Mirrors of sync.protocol.SCHEMA_VERSION and SALE_COMMITTED (a test keeps them equal):
# importing sync.protocol pulls in pydantic (~0.2 s), which the commit path does not need.
SCHEMA_VERSION = 1
SALE_COMMITTED = "sale.committed"


def sale_committed_dict(record: SaleRecord, transaction_no: int) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "sale_id": record.id,
        "company_org_no": record.company_org_no,
        "store_id": record.store_id,
        "register_id": record.register_id,
        "transaction_no": transaction_no,
        "kind": record.kind,
        "training": record.training,
        "employee_id": record.employee_id,
        "closed_at": to_utc_text(record.closed_at),
        "currency": record.currency,
        "lines": [
            {
                "line_no": ln.line_no,
                "sku": ln.sku,
                "gtin": ln.gtin,
                "product_id": ln.product_id,
                "name": ln.name,
                "quantity_milli": ln.quantity_milli,
                "unit": ln.unit,
                "unit_price_minor": ln.unit_price_minor,
                "discount_minor": ln.discount_minor,
                "total_minor": ln.total_minor,
                "vat_code": ln.vat_code,
                "vat_rate_bp": ln.vat_rate_bp,
                "vat_minor": ln.vat_minor,
            }
            for ln in record.lines
            if not ln.voided  # voided lines moved nothing; the hub does not need them
        ],
        "payments": [
            {
                "seq": p.seq,
                "tender": p.tender,
                "amount_minor": p.amount_minor,
                "reference": p.reference,
            }
            for p in record.payments
        ],
        "vat": [
            {
                "vat_code": v.vat_code,
                "rate_bp": v.rate_bp,
                "gross_minor": v.gross_minor,
                "net_minor": v.net_minor,
                "vat_minor": v.vat_minor,
            }
            for v in record.vat
        ],
        "totals": {
            "total_minor": record.total_minor,
            "net_minor": record.net_minor,
            "vat_minor": record.vat_minor,
            "rounding_minor": record.rounding_minor,
            "change_minor": record.change_minor,
        },
        "original_sale_id": record.original_sale_id,
    }


def sale_committed_json(record: SaleRecord, transaction_no: int) -> str:
    return json.dumps(sale_committed_dict(record, transaction_no), ensure_ascii=False)
