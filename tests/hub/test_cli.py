"""`kassa hub enrol-code` and `kassa hub import` against the database of a running hub: the
code enrols a till, and the imported products reach the running hub's tills live (NOTIFY on
PostgreSQL, the safety poll on SQLite)."""

from __future__ import annotations

import subprocess
import sys

import httpx

from hub.testing import ROOT, HubProcess
from tests.hub.conftest import head
from tests.hub.sales import Till


def kassa_hub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pos.cli", "hub", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_an_enrolment_code_from_the_command_line_enrols_a_till(hub: HubProcess):
    made = kassa_hub("enrol-code", "--db", hub.db_url, "--store", "S1", "--register", "R-cli")
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip()
    enrolled = httpx.post(f"{hub.url}/v1/enrol", json={"code": code})
    assert enrolled.status_code == 200
    assert enrolled.json()["register_id"] == "R-cli"


def test_a_catalog_imported_from_the_command_line_reaches_the_tills(hub: HubProcess, tmp_path,
                                                                   register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    cursor = head(hub)
    catalog = tmp_path / "catalog.csv"
    catalog.write_text("sku,name,price_minor,vat_code,barcodes\n"
                       "400001,Fra kommandolinjen,1990,food,7038010004001\n", encoding="utf-8")
    done = kassa_hub("import", str(catalog), "--db", hub.db_url)
    assert done.returncode == 0, done.stderr
    assert '"created":1' in done.stdout
    with till.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "chain", "after": cursor,
                                                 "timeout": 20}).json()
    assert [c["data"]["sku"] for c in page["changes"]] == ["400001"]
    bad = kassa_hub("import", str(tmp_path / "missing.csv"), "--db", hub.db_url)
    assert bad.returncode == 1
    assert "cannot read" in bad.stderr
