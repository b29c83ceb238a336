"""The catalog master: import products (CSV or JSON) and read them back as ProductChange.

An import is one transaction; every product it creates or changes is staged as a `product`
frame on the `chain` topic, so every till has it within a second. Unchanged rows write nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence

from pydantic import ValidationError
from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from hub import feed
from hub.db import utcnow
from hub.models import barcodes, departments, products, vat_codes
from sync.protocol import CatalogRow, ImportResult, ProductChange

MAX_ERRORS = 50


def product_changes(conn: Connection, skus: Sequence[str] | None = None) -> Iterator[ProductChange]:
    codes: dict[str, list[str]] = {}
    query = select(barcodes.c.sku, barcodes.c.barcode).order_by(barcodes.c.barcode)
    if skus is not None:
        query = query.where(barcodes.c.sku.in_(skus))
    for sku, code in conn.execute(query):
        codes.setdefault(sku, []).append(code)
    query = select(products).order_by(products.c.sku)
    if skus is not None:
        query = query.where(products.c.sku.in_(skus))
    for row in conn.execute(query.execution_options(yield_per=2000)):
        yield ProductChange(sku=row.sku, name=row.name, barcodes=tuple(codes.get(row.sku, ())),
                            price_minor=row.price_minor, currency=row.currency,
                            vat_code=row.vat_code, department=row.department or None,  # "": none
                            sold_by=row.sold_by, active=row.active)


def parse_csv(text: str) -> tuple[list[CatalogRow], list[str]]:
    rows, errors = [], []
    reader = csv.DictReader(io.StringIO(text))
    for number, raw in enumerate(reader, start=2):
        fields = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        codes = fields.pop("barcodes", "") or fields.pop("gtins", "")
        data: dict[str, object] = {k: v for k, v in fields.items()
                                   if k in CatalogRow.model_fields and v != ""}
        data["barcodes"] = [c for c in codes.replace("|", " ").split() if c]
        if "active" in data:
            data["active"] = str(data["active"]).lower() in ("1", "true", "yes")
        _validate(data, f"line {number}", rows, errors)
    return rows, errors


def parse_json(body: bytes) -> tuple[list[CatalogRow], list[str]]:
    try:
        items = json.loads(body)
    except ValueError as error:
        return [], [f"not JSON: {error}"]
    if isinstance(items, dict) and isinstance(items.get("products"), list):
        items = items["products"]
    if not isinstance(items, list):
        return [], ["expected a JSON list of products (or {\"products\": [...]})"]
    rows: list[CatalogRow] = []
    errors: list[str] = []
    for index, item in enumerate(items):
        _validate(item, f"item {index}", rows, errors)
    return rows, errors


def _validate(data: object, where: str, rows: list[CatalogRow], errors: list[str]) -> None:
    try:
        rows.append(CatalogRow.model_validate(data))
    except ValidationError as error:
        first = error.errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ()))
        errors.append(f"{where}: {loc}: {first.get('msg', '')}")


def import_rows(conn: Connection, rows: Sequence[CatalogRow], currency: str,
                pending: feed.Pending) -> ImportResult:
    """Upsert `rows` (the last one of a sku wins) and stage a frame for each change; a few
    set-wise statements, whatever the number of rows."""
    by_sku = {row.sku: row for row in rows}
    before: dict[str, ProductChange] = {}
    for part in _chunks(list(by_sku)):
        before.update((p.sku, p) for p in product_changes(conn, part))
    changes = [c for c in (_change(row, currency) for row in by_sku.values())
               if before.get(c.sku) != c]
    if not changes:
        return ImportResult(created=0, updated=0, unchanged=len(by_sku))
    _ensure(conn, vat_codes, "code", {c.vat_code for c in changes})
    _ensure(conn, departments, "name", {c.department for c in changes if c.department})
    now = utcnow()
    values = [c.model_dump(exclude={"barcodes"}) | {"updated_at": now} for c in changes]
    new = [v for v in values if v["sku"] not in before]
    old = [v | {"key": v["sku"]} for v in values if v["sku"] in before]
    if new:
        conn.execute(insert(products), new)
    if old:
        conn.execute(update(products).where(products.c.sku == bindparam("key")),
                     [{k: v for k, v in o.items() if k != "sku"} for o in old])
    codes = [c for change in changes for c in change.barcodes]
    for part in _chunks([c.sku for c in changes]):
        conn.execute(delete(barcodes).where(barcodes.c.sku.in_(part)))
    for part in _chunks(codes):
        conn.execute(delete(barcodes).where(barcodes.c.barcode.in_(part)))
    if codes:
        conn.execute(insert(barcodes), [{"barcode": code, "sku": c.sku}
                                        for c in changes for code in c.barcodes])
    for change in changes:
        feed.stage(pending, "chain", "product", change)
    return ImportResult(created=len(new), updated=len(old),
                        unchanged=len(by_sku) - len(changes))


def _change(row: CatalogRow, currency: str) -> ProductChange:
    return ProductChange(sku=row.sku, name=row.name, barcodes=tuple(sorted(set(row.barcodes))),
                         price_minor=row.price_minor, currency=row.currency or currency,
                         vat_code=row.vat_code, department=row.department or None,  # "": none
                         sold_by=row.sold_by, active=row.active)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _ensure(conn: Connection, table: Table, column: str, values: set[str]) -> None:
    have = set(conn.execute(select(table.c[column]).where(table.c[column].in_(values))).scalars())
    if values - have:
        conn.execute(insert(table), [{column: v} for v in sorted(values - have)])
