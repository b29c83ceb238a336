"""The sample catalog `kassa demo` imports: well formed, realistic, and what its script makes."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from stdnum import ean

CATALOG_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalog"
COLUMNS = [
    "sku",
    "gtins",
    "name",
    "department",
    "price_minor",
    "vat_code",
    "sold_by",
    "plu",
    "quick_key",
]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (CATALOG_DIR / "sample_catalog.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_about_two_thousand_products(rows: list[dict[str, str]]) -> None:
    assert 1900 <= len(rows) <= 2100


def test_every_row_parses(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert None not in row, row  # no extra cells
        assert re.fullmatch(r"\d{6}", row["sku"]), row
        assert row["name"].strip() == row["name"] and "  " not in row["name"], row
        assert "{" not in row["name"] and "@" not in row["name"], row
        assert re.fullmatch(r"[1-9]\d*", row["price_minor"]), row  # positive integer øre
        assert row["vat_code"] in {"food", "standard", "zero"}, row
        assert row["sold_by"] in {"unit", "weight"}, row
        assert row["quick_key"] in {"0", "1"}, row


def test_skus_and_names_are_unique(rows: list[dict[str, str]]) -> None:
    assert len({row["sku"] for row in rows}) == len(rows)
    assert len({row["name"] for row in rows}) == len(rows)


def test_gtins_valid_and_unique(rows: list[dict[str, str]]) -> None:
    codes = [code for row in rows for code in row["gtins"].split("|") if code]
    assert all(len(code) in (8, 13) and ean.is_valid(code) for code in codes)
    duplicates = [code for code, n in Counter(codes).items() if n > 1]
    assert duplicates == []
    prefixes = Counter(code[:2] for code in codes if len(code) == 13)
    assert prefixes["70"] > len(codes) / 2  # mostly Norwegian
    assert prefixes["73"] > 0  # Swedish
    assert sum(prefixes[p] for p in ("40", "41", "42", "43", "44")) > 0  # German imports


def test_unit_items_have_gtins_and_weight_items_have_plus(rows: list[dict[str, str]]) -> None:
    weighed = [row for row in rows if row["sold_by"] == "weight"]
    assert 40 <= len(weighed) <= 80
    for row in weighed:
        assert row["gtins"] == "" and re.fullmatch(r"\d{4}", row["plu"]), row
    for row in rows:
        if row["sold_by"] == "unit":
            assert row["gtins"] and row["plu"] == "", row
    assert len({row["plu"] for row in weighed}) == len(weighed)


def test_vat_codes_follow_the_departments(rows: list[dict[str, str]]) -> None:
    assert {row["vat_code"] for row in rows} == {"food", "standard", "zero"}
    by_department = {
        department: Counter(row["vat_code"] for row in rows if row["department"] == department)
        for department in {row["department"] for row in rows}
    }
    assert set(by_department["Husholdning"]) == {"standard"}
    assert set(by_department["Personlig pleie"]) == {"standard"}
    assert set(by_department["Meieri og egg"]) == {"food"}
    # Beer is not food for VAT; the newspapers are zero rated.
    assert by_department["Drikke"]["standard"] > 0
    assert all(row["vat_code"] == "zero" for row in rows if row["name"] == "Aftenposten")


def test_prices_look_like_shelf_prices(rows: list[dict[str, str]]) -> None:
    endings = Counter(row["price_minor"][-2:] for row in rows)
    assert (endings["90"] + endings["00"]) / len(rows) > 0.85
    milk = next(row for row in rows if row["name"] == "Tine Lettmelk 1 l")
    assert 1500 <= int(milk["price_minor"]) <= 4000


def test_departments_and_quick_keys(rows: list[dict[str, str]]) -> None:
    with (CATALOG_DIR / "departments.csv").open(encoding="utf-8", newline="") as handle:
        departments = {row["name"] for row in csv.DictReader(handle)}
    assert 10 <= len(departments) <= 14
    assert {row["department"] for row in rows} == departments
    quick = {row["name"] for row in rows if row["quick_key"] == "1"}
    assert 30 <= len(quick) <= 50
    assert {"Bananer", "Tine Lettmelk 1 l", "Bærepose plast"} <= quick


def test_committed_files_are_what_the_script_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_sample_catalog", CATALOG_DIR / "make_sample_catalog.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_sample_catalog", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    for name, text in module.render(module.build()).items():
        committed = (CATALOG_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} is stale: run resources/catalog/make_sample_catalog.py"
