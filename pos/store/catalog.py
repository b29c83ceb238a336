"""The catalog cache: barcode lookup on the scan path, search as you type, bulk import."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from pos.store.db import Database
from pos.store.migrations import FTS_TABLE
from pos.store.records import ProductView

_VIEW_COLS = (
    "p.id, p.sku, p.name, d.name, p.price_minor, p.currency, p.vat_code, v.rate_bp, p.sold_by"
)
_JOINS = (
    "JOIN vat_classes v ON v.code = p.vat_code LEFT JOIN departments d ON d.id = p.department_id"
)
_FIRST_GTIN = "(SELECT code FROM barcodes WHERE product_id = p.id ORDER BY code LIMIT 1)"

_LOOKUP = (
    f"SELECT {_VIEW_COLS}, b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    f"{_JOINS} WHERE b.code = ? AND p.active = 1"
)
_SEARCH_FTS = (
    f"SELECT {_VIEW_COLS}, {_FIRST_GTIN} FROM product_fts f JOIN products p ON p.id = f.rowid "
    f"{_JOINS} WHERE product_fts MATCH ? AND p.active = 1 LIMIT ?"
)
_SEARCH_GTIN = (
    f"SELECT {_VIEW_COLS}, b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    f"{_JOINS} WHERE b.code >= ? AND b.code < ? AND p.active = 1 LIMIT ?"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DepartmentView:
    id: int
    name: str


def _view(row: tuple[Any, ...]) -> ProductView:
    return ProductView(*row)


def lookup_barcode(db: Database, code: str) -> ProductView | None:
    """The active product behind a scanned code. UPC-A (12 digits) also matches its EAN-13
    form with a leading zero, and the other way round."""
    con = db.fast_reader()
    row = con.execute(_LOOKUP, (code,)).fetchone()
    if row is None and code.isdigit():
        if len(code) == 12:
            row = con.execute(_LOOKUP, ("0" + code,)).fetchone()
        elif len(code) == 13 and code.startswith("0"):
            row = con.execute(_LOOKUP, (code[1:],)).fetchone()
    return _view(row) if row else None


def search(db: Database, text: str, limit: int = 20) -> list[ProductView]:
    """Search as you type: every word is a prefix of a word in the name or the SKU.
    Digits alone are also tried as a GTIN prefix (barcodes typed by hand)."""
    words = _WORD.findall(text.casefold())
    if not words or limit <= 0:
        return []
    con = db.fast_reader()
    found: dict[int, ProductView] = {}
    if len(words) == 1 and words[0].isdigit():
        prefix = words[0]
        for row in con.execute(_SEARCH_GTIN, (prefix, prefix + "\x7f", limit)):
            found.setdefault(row[0], _view(row))
        if len(found) >= limit:
            return list(found.values())
    query = " ".join(f'"{w}"*' for w in words)
    for row in con.execute(_SEARCH_FTS, (query, limit)):
        if len(found) >= limit:
            break
        found.setdefault(row[0], _view(row))
    return list(found.values())


def products_in_department(db: Database, department_id: int, limit: int = 200) -> list[ProductView]:
    """The department's quick keys in their order, then its other products by name.

    Two indexed queries rather than one ORDER BY over both: a department of a large catalog
    holds tens of thousands of products, and sorting them all delays the till's start.
    """
    con = db.fast_reader()
    select = f"SELECT {_VIEW_COLS}, {_FIRST_GTIN} FROM products p {_JOINS} "
    rows = con.execute(
        select + "WHERE p.department_id = ? AND p.quick_key IS NOT NULL AND p.active = 1 "
        "ORDER BY p.quick_key LIMIT ?",
        (department_id, limit),
    ).fetchall()
    if len(rows) < limit:
        rows += con.execute(
            select + "WHERE p.department_id = ? AND p.quick_key IS NULL AND p.active = 1 "
            "ORDER BY p.name LIMIT ?",
            (department_id, limit - len(rows)),
        ).fetchall()
    return [_view(r) for r in rows]


def departments(db: Database) -> list[DepartmentView]:
    con = db.fast_reader()
    return [
        DepartmentView(*r) for r in con.execute("SELECT id, name FROM departments ORDER BY name")
    ]


def get_product(db: Database, sku: str) -> ProductView | None:
    con = db.fast_reader()
    row = con.execute(
        f"SELECT {_VIEW_COLS}, {_FIRST_GTIN} FROM products p {_JOINS} WHERE p.sku = ?", (sku,)
    ).fetchone()
    return _view(row) if row else None


_UPSERT = (
    "INSERT INTO products (sku, name, department_id, price_minor, currency, vat_code, sold_by, "
    "active, quick_key) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(sku) DO UPDATE SET "
    "name = excluded.name, department_id = excluded.department_id, "
    "price_minor = excluded.price_minor, currency = excluded.currency, "
    "vat_code = excluded.vat_code, sold_by = excluded.sold_by, active = excluded.active, "
    "quick_key = excluded.quick_key"
)
_BARCODE = (
    "INSERT OR REPLACE INTO barcodes (code, product_id) SELECT ?, id FROM products WHERE sku = ?"
)
_CHUNK = 10_000


def import_products(
    db: Database, rows: Iterable[Mapping[str, Any]], *, bulk: bool | None = None
) -> int:
    """Insert or update products by SKU, with their barcodes, in one transaction.

    Row keys: sku, name, price_minor, vat_code; optional department (name) or department_id,
    currency ("NOK"), sold_by ("unit"|"weight"), active (True), gtin (str) or gtins (list),
    quick_key (its position on the department's quick keys; None: not one).
    bulk (default: when the catalog is empty) suspends the per-row search-index triggers and
    rebuilds the index once at the end: ~10x faster for a full catalog load. Returns the count.
    """
    count = 0
    it = iter(rows)
    with db.write() as con:
        if bulk is None:
            bulk = con.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None
        old_cache = con.execute("PRAGMA cache_size").fetchone()[0]
        con.execute(f"PRAGMA cache_size={_IMPORT_CACHE_KIB}")
        triggers = _suspend_fts_triggers(con) if bulk else []
        try:
            dept_ids = {name: id_ for id_, name in con.execute("SELECT id, name FROM departments")}
            while chunk := list(islice(it, _CHUNK)):
                products, barcodes = _prepare(con, chunk, dept_ids)
                con.executemany(_UPSERT, products)
                con.executemany(_BARCODE, barcodes)
                count += len(chunk)
            if bulk:
                con.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
                for sql in triggers:  # exactly as the migrations defined them
                    con.execute(sql)
        finally:
            con.execute(f"PRAGMA cache_size={old_cache}")
    return count


_IMPORT_CACHE_KIB = -262_144  # 256 MiB while importing: fewer spills of dirty pages to the WAL


def _suspend_fts_triggers(con: sqlite3.Connection) -> list[str]:
    rows = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products'"
    ).fetchall()
    for name, _ in rows:
        con.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in rows]


def _prepare(
    con: sqlite3.Connection, chunk: list[Mapping[str, Any]], dept_ids: dict[str, int]
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str]]]:
    products: list[tuple[Any, ...]] = []
    barcodes: list[tuple[str, str]] = []
    for row in chunk:
        dept_id = row.get("department_id")
        dept = row.get("department")
        if dept_id is None and dept:
            dept_id = dept_ids.get(dept)
            if dept_id is None:
                cur = con.execute("INSERT INTO departments (name) VALUES (?)", (dept,))
                dept_id = dept_ids[dept] = int(cur.lastrowid or 0)
        sku = row["sku"]
        products.append(
            (
                sku,
                row["name"],
                dept_id,
                int(row["price_minor"]),
                row.get("currency", "NOK"),
                row["vat_code"],
                row.get("sold_by", "unit"),
                bool(row.get("active", True)),
                row.get("quick_key"),
            )
        )
        gtins = row.get("gtins") or ([row["gtin"]] if row.get("gtin") else [])
        barcodes.extend((code, sku) for code in gtins)
    return products, barcodes


def add_department(db: Database, name: str) -> int:
    with db.write() as con:
        row = con.execute("SELECT id FROM departments WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        cur = con.execute("INSERT INTO departments (name) VALUES (?)", (name,))
        return int(cur.lastrowid or 0)


# -- Product changes from the hub (issue 5): one product, absolute values, inside the caller's
# write transaction. Quick keys are the till's own and are kept; barcodes become exactly the
# listed ones (a code listed for another product moves to this one).

_APPLY_PRODUCT = (
    "INSERT INTO products (sku, name, department_id, price_minor, currency, vat_code, sold_by, "
    "active) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(sku) DO UPDATE SET name = excluded.name, "
    "department_id = excluded.department_id, price_minor = excluded.price_minor, "
    "currency = excluded.currency, vat_code = excluded.vat_code, sold_by = excluded.sold_by, "
    "active = excluded.active RETURNING id"
)


def apply_product_in(con: sqlite3.Connection, change: Mapping[str, Any]) -> bool:
    """Upsert a hub ProductChange (its JSON) by sku; False (nothing written) when its VAT
    code is unknown to this till: selling it at a wrong rate would be worse than not at all."""
    vat_code = change["vat_code"]
    if con.execute("SELECT 1 FROM vat_classes WHERE code = ?", (vat_code,)).fetchone() is None:
        return False
    dept_id = None
    if change.get("department"):
        row = con.execute("SELECT id FROM departments WHERE name = ?", (change["department"],))
        found = row.fetchone()
        dept_id = found[0] if found else con.execute(
            "INSERT INTO departments (name) VALUES (?)", (change["department"],)
        ).lastrowid
    (product_id,) = con.execute(_APPLY_PRODUCT, (
        change["sku"], change["name"], dept_id, int(change["price_minor"]),
        change.get("currency", "NOK"), vat_code, change.get("sold_by", "unit"),
        bool(change.get("active", True)),
    )).fetchone()
    codes = list(dict.fromkeys(change.get("barcodes") or ()))
    marks = ",".join("?" * len(codes))
    con.execute(
        f"DELETE FROM barcodes WHERE product_id = ? AND code NOT IN ({marks})",
        (product_id, *codes),
    )
    con.executemany(
        "INSERT OR REPLACE INTO barcodes (code, product_id) VALUES (?, ?)",
        [(code, product_id) for code in codes],
    )
    return True
