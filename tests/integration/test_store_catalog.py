"""Catalog: barcode lookup, search as you type, departments, bulk import and upsert."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from stdnum import ean

from pos.store import Database, open_database
from pos.store.catalog import (
    departments,
    get_product,
    import_products,
    lookup_barcode,
    products_in_department,
    search,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bench_store import synthetic_catalog  # type: ignore[import-not-found]

ROWS = [
    {"sku": "A1", "name": "Tine Lettmelk 1 l", "department": "Meieri", "price_minor": 2490,
     "vat_code": "31", "gtins": ["7038010001234", "7038010001241"]},
    {"sku": "A2", "name": "Tine Helmelk 1 l", "department": "Meieri", "price_minor": 2590,
     "vat_code": "31", "gtin": "7038010005003"},
    {"sku": "B1", "name": "Kaffe Friele Frokost 250 g", "department": "Kolonial",
     "price_minor": 5490, "vat_code": "31", "gtin": "7030010001112"},
    {"sku": "C1", "name": "Epler Røde", "department": "Frukt og grønt", "price_minor": 3490,
     "vat_code": "31", "sold_by": "weight", "gtin": "2000010000007"},
    {"sku": "D1", "name": "Lyspære LED E27", "department": "Husholdning", "price_minor": 4990,
     "vat_code": "3", "gtin": "0012345678905"},
    {"sku": "D2", "name": "Lyspære gammel", "department": "Husholdning", "price_minor": 990,
     "vat_code": "3", "gtin": "7311041013304", "active": False},
    {"sku": "E1", "name": "Blåbærsyltetøy Nora", "department": "Kolonial", "price_minor": 3990,
     "vat_code": "31", "gtin": "7039010019316"},
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.db")
    assert import_products(database, ROWS) == len(ROWS)
    yield database
    database.close()


def test_lookup_barcode(db: Database) -> None:
    milk = lookup_barcode(db, "7038010001241")  # the second barcode of the same product
    assert milk is not None
    assert (milk.sku, milk.department, milk.vat_rate_bp, milk.gtin) == (
        "A1", "Meieri", 1500, "7038010001241",
    )  # fmt: skip
    apples = lookup_barcode(db, "2000010000007")
    assert apples is not None and apples.sold_by == "weight"
    assert lookup_barcode(db, "0000000000000") is None
    assert lookup_barcode(db, "7311041013304") is None  # inactive: not sellable
    bulb = lookup_barcode(db, "012345678905")  # UPC-A as scanned, stored as EAN-13
    assert bulb is not None and bulb.sku == "D1" and bulb.vat_rate_bp == 2500


def test_search_prefixes_words_in_any_order(db: Database) -> None:
    assert {p.sku for p in search(db, "melk")} == set()  # "melk" is inside a word: no match
    assert {p.sku for p in search(db, "lettm")} == {"A1"}
    assert {p.sku for p in search(db, "tine")} == {"A1", "A2"}
    assert {p.sku for p in search(db, "1 l tin")} == {"A1", "A2"}
    assert {p.sku for p in search(db, "FRIELE kaf")} == {"B1"}
    assert {p.sku for p in search(db, "rø")} == {"C1"}
    assert {p.sku for p in search(db, "blab")} == {"E1"}  # å folds to a (ø and æ do not)
    assert {p.sku for p in search(db, "BLÅBÆR")} == {"E1"}
    assert {p.sku for p in search(db, "lyspære")} == {"D1"}  # the inactive one is hidden
    assert search(db, "") == [] and search(db, "  ,. ") == []
    # FTS5 syntax typed by a user is just text: no error, no operators.
    assert {p.sku for p in search(db, '"tine*" (')} == {"A1", "A2"}
    assert search(db, '"tine" OR * NEAR(') == []
    assert len(search(db, "t", limit=1)) == 1


def test_search_digits_hits_gtin_and_sku(db: Database) -> None:
    assert {p.sku for p in search(db, "703801")} == {"A1", "A2"}
    found = search(db, "7030010001112")
    assert [p.sku for p in found] == ["B1"] and found[0].gtin == "7030010001112"


def test_departments_and_browsing(db: Database) -> None:
    names = [d.name for d in departments(db)]
    assert names == sorted(["Meieri", "Kolonial", "Frukt og grønt", "Husholdning"])
    meieri = next(d for d in departments(db) if d.name == "Meieri")
    assert [p.name for p in products_in_department(db, meieri.id)] == [
        "Tine Helmelk 1 l", "Tine Lettmelk 1 l",
    ]  # fmt: skip


def test_import_upserts_by_sku_and_keeps_search_in_step(db: Database) -> None:
    import_products(db, [{**ROWS[0], "name": "Tine Skummet melk", "price_minor": 1990}])
    product = get_product(db, "A1")
    assert product is not None and product.price_minor == 1990
    assert {p.sku for p in search(db, "lettm")} == set()
    assert {p.sku for p in search(db, "skummet")} == {"A1"}
    assert lookup_barcode(db, "7038010001234") is not None  # barcodes kept


def test_synthetic_catalog_is_valid_and_searchable(tmp_path: Path) -> None:
    rows = list(synthetic_catalog(3000, seed=3))
    assert len({r["gtin"] for r in rows}) == 3000
    assert all(ean.is_valid(r["gtin"]) for r in rows)
    db = open_database(tmp_path / "cat.db")
    assert import_products(db, rows) == 3000
    hit = lookup_barcode(db, rows[1234]["gtin"])
    assert hit is not None and hit.name == rows[1234]["name"]
    word = rows[42]["name"].split()[1]
    assert any(word in p.name for p in search(db, word[:3]))
    db.close()
