"""The web shop connector (issue 9), against a real Medusa (medusa/ci-up.sh, a fresh database)
and the hub on a thread over a fresh PostgreSQL database, as in tests/medusa:

- `medusa_sale_stock`: a till sale uploaded -> Medusa's inventory level updated, p99 over
  SALES sales (the moment: the forwarder's `inventory.inventory-level.updated` event carrying the
  new stocked quantity has reached the hub). Baseline: a bare Admin API read of that level, p99,
  same run (what one round trip to Medusa costs on this machine now).
- `medusa_catalog_push`: CATALOG_N products (env KASSA_BENCH_CATALOG_N, default 10,000) imported
  in the hub and pushed by the connector until every one is in Medusa, progress printed; against
  Medusa's own bulk import of as many other products (the product CSV import, `POST
  /admin/products/import` + `/confirm`) on the same instance, the baseline. The rate of each and
  the time extrapolated to 100,000 are reported; the extrapolation is linear and says so.
  Found on the way (2.21.2): the deprecated one-request import (`POST /admin/products/import`)
  of 10,000 products fails inside Medusa: it creates them in one batch whose query has 10,000
  tuples in an IN list, and PostgreSQL answers "stack depth limit exceeded" (max_stack_depth
  2 MB); nothing is created, the admin is notified "Failed to import products". The chunked
  import above is what Medusa's own admin uses.

Needs Node/npm and KASSA_TEST_POSTGRES_URL; skipped (value null) without them, and under --quick.
"""

from __future__ import annotations

import atexit
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from common import Result, benchmark, ns_to_ms, percentile, result
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
SALES = 60
WARM_UP = 3
CATALOG_N = int(os.environ.get("KASSA_BENCH_CATALOG_N", "10000"))  # KASSA_BENCH_CSV=0: no CSV
_RUNNING: dict[str, Any] = {}


def _skip(name: str, why: str) -> Result:
    line = result(name, float("nan"), n=0, notes=f"skipped: {why}")
    line["value"] = None
    return line


def _why_not(quick: bool) -> str | None:
    if quick:
        return "--quick (Medusa's bring-up alone takes over a minute)"
    missing = [tool for tool in ("node", "npm", "psql") if shutil.which(tool) is None]
    if missing or not os.environ.get("KASSA_TEST_POSTGRES_URL"):
        return f"needs node, npm, psql and KASSA_TEST_POSTGRES_URL (missing: {missing})"
    return None


def _instance() -> dict[str, Any]:
    """One Medusa and one hub for both benchmarks, torn down at exit."""
    if _RUNNING:
        return _RUNNING
    from hub.config import HubConfig
    from hub.db import open_database
    from hub.medusa.config import MedusaSettings
    from hub.server import serve_in_thread
    from hub.testing import free_port, fresh_postgres

    pg = os.environ["KASSA_TEST_POSTGRES_URL"]
    url = make_url(pg)
    login = url.username or "postgres"
    if url.password:
        login += f":{url.password}"
    hub_port = free_port()
    env = dict(os.environ, MEDUSA_PG_URL=f"postgres://{login}@{url.host or '127.0.0.1'}:"
                                         f"{url.port or 5432}",
               MEDUSA_DB=f"medusa_ci_bench_{os.getpid()}",
               KASSA_HUB_WEBHOOK_URL=f"http://127.0.0.1:{hub_port}/v1/medusa/events",
               KASSA_HUB_WEBHOOK_SECRET=os.urandom(32).hex())
    env.pop("REDIS_URL", None)
    started = time.monotonic()
    done = subprocess.run([str(ROOT / "medusa" / "ci-up.sh")], env=env, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          timeout=900)
    up = dict(json.loads(done.stdout))
    print(f"Medusa up in {time.monotonic() - started:.0f} s", file=sys.stderr)

    def down() -> None:
        subprocess.run([str(ROOT / "medusa" / "ci-down.sh"), up["name"]], env=env,
                       timeout=120, check=False, capture_output=True)

    atexit.register(down)
    settings = MedusaSettings(url=up["url"], api_key=up["secret_api_key"],
                              webhook_secret=up["webhook_secret"], reconcile_s=0)
    database = fresh_postgres(pg)
    db_url = database.__enter__()
    hub = serve_in_thread(HubConfig(db_url=db_url, medusa=settings), port=hub_port)
    db = open_database(db_url, pool_size=2)

    def stop() -> None:  # runs before down() (atexit is last in, first out)
        db.dispose()
        hub.stop()
        database.__exit__(None, None, None)

    atexit.register(stop)
    admin = httpx.Client(base_url=up["url"], auth=(up["secret_api_key"], ""), timeout=60)
    _RUNNING.update(up=up, hub=hub, db=db, admin=admin)
    return _RUNNING


def _wait(probe: Any, timeout: float, what: str, every: float = 0.005) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not within {timeout} s: {what}")


# -- till sale -> Medusa stock --------------------------------------------------------------


@benchmark("medusa_sale_stock", goal="<= 1000 ms", unit="ms")
def sale_to_medusa_stock(quick: bool) -> list[Result]:
    why = _why_not(quick)
    if why:
        return [_skip("medusa_sale_to_stock_p99_ms", why)]
    from tests.hub.sales import Till
    from tests.medusa.helpers import events

    run = _instance()
    hub, db, admin, up = run["hub"], run["db"], run["admin"], run["up"]
    oslo = up["stock_locations"]["S1"]
    sku, start = "BS-1", 100_000
    hub.import_catalog([{"sku": sku, "name": "Bench-skjerf", "price_minor": 29900,
                         "vat_code": "standard"}])
    hub.set_stock({("S1", sku): start * 1000})

    def level() -> dict[str, Any] | None:
        items = admin.get("/admin/inventory-items", params={
            "sku": sku, "fields": "id,*location_levels"}).json()["inventory_items"]
        return next((lv for item in items for lv in item.get("location_levels") or ()
                     if lv["location_id"] == oslo), None)

    found = _wait(lambda: (lv := level()) and lv["stocked_quantity"] == start and lv, 120,
                  "the product and its Oslo level in Medusa", every=0.2)
    item = found["inventory_item_id"]

    def seen(quantity: int) -> bool:
        for event in events(db, "inventory.inventory-level.updated", last=5):
            enriched = event["body"].get("enriched") or {}
            if (enriched.get("location_id") == oslo
                    and (enriched.get("inventory_item") or {}).get("sku") == sku
                    and enriched.get("stocked_quantity") == quantity):
                return True
        return False

    till = Till.enrol(hub, "S1", "R-bench-stock")
    latencies, uploads = [], []
    load_before = os.getloadavg()[0]
    with till.client as http:
        for n in range(1, SALES + WARM_UP + 1):
            event = till.sell([(sku, 1000)])
            started = time.perf_counter_ns()
            answer = http.post(till.path, json={"epoch": till.enrolment.epoch,
                                                "events": [event]})
            uploaded = time.perf_counter_ns()
            assert answer.status_code == 200, answer.text
            _wait(lambda n=n: seen(start - n), 30, f"Medusa's level at {start - n}")
            if n > WARM_UP:
                latencies.append(time.perf_counter_ns() - started)
                uploads.append(uploaded - started)
    reads = []
    for _ in range(SALES):
        began = time.perf_counter_ns()
        admin.get(f"/admin/inventory-items/{item}/location-levels",
                  params={"location_id[]": oslo}).raise_for_status()
        reads.append(time.perf_counter_ns() - began)
    sizes = {"sales": SALES, "warm_up_sales": WARM_UP, "lines_per_sale": 1}
    return [result(
        "medusa_sale_to_stock_p99_ms", ns_to_ms(percentile(99, latencies)), n=SALES,
        baseline=ns_to_ms(percentile(99, reads)),
        baseline_name="a bare Admin API level read (GET location-levels), p99, same run",
        sizes=sizes,
        notes=(f"p50 {ns_to_ms(percentile(50, latencies)):.0f} ms, max "
               f"{ns_to_ms(max(latencies)):.0f} ms; the till's upload alone p99 "
               f"{ns_to_ms(percentile(99, uploads)):.0f} ms; measured from the upload's start "
               f"to the forwarded level event at the hub; local event bus; load avg "
               f"{load_before:.1f} -> {os.getloadavg()[0]:.1f}"))]


# -- a catalog pushed to Medusa vs Medusa's CSV import ---------------------------------------


def _count(admin: httpx.Client, prefix: str) -> int:
    answer = admin.get("/admin/products", params={"q": prefix, "limit": 1, "fields": "id"})
    answer.raise_for_status()
    return int(answer.json()["count"])


def _csv(n: int, prefix: str, channels: list[str], profile: str | None) -> bytes:
    """Medusa's CSV template, one variant per product like the hub's. No barcode column:
    2.21.2's import reads an all-digit cell (an EAN) as a number and refuses the row
    ("expected string, received number at variants[0].barcode"), measured in this bench."""
    out = io.StringIO()
    columns = ["Product Handle", "Product Title", "Product Status", "Shipping Profile Id",
               *[f"Product Sales Channel {i + 1}" for i in range(len(channels))],
               "Variant Title", "Variant Sku", "Variant Manage Inventory",
               "Variant Allow Backorder", "Variant Price NOK", "Variant Option 1 Name",
               "Variant Option 1 Value"]
    writer = csv.writer(out)
    writer.writerow(columns)
    for i in range(n):
        writer.writerow([f"{prefix.lower()}-{i:06d}", f"{prefix} vare {i}", "published",
                         profile or "", *channels, f"{prefix} vare {i}", f"{prefix}-{i:06d}",
                         "true", "false", f"{(1000 + i) / 100:.2f}", "Variant",
                         "Standard"])
    return out.getvalue().encode()


def _medusa_csv_import(admin: httpx.Client, n: int, prefix: str) -> tuple[float, str]:
    """Medusa's current import (since 2.8.5, what its admin and js-sdk do): the file uploaded
    (`POST /admin/uploads`, the local file provider), `POST /admin/products/imports` with its
    key, then `/confirm`; done when Medusa counts `n` products of the prefix. The seconds (nan
    when it failed) and what happened."""
    channels = [sc["id"] for sc in admin.get("/admin/sales-channels", params={
        "fields": "id,metadata"}).json()["sales_channels"]
        if (sc.get("metadata") or {}).get("kassa_channel")]
    profiles = admin.get("/admin/shipping-profiles", params={"type": "default",
                                                             "fields": "id"}).json()
    profile = next((p["id"] for p in profiles["shipping_profiles"]), None)
    body = _csv(n, prefix, channels, profile)
    started = time.perf_counter()
    uploaded = admin.post("/admin/uploads", files={"files": (f"{prefix}.csv", body, "text/csv")},
                          timeout=600)
    if uploaded.status_code >= 300:
        return float("nan"), f"upload refused: {uploaded.status_code} {uploaded.text[:300]}"
    answer = admin.post("/admin/products/imports", timeout=600, json={
        "file_key": uploaded.json()["files"][0]["id"], "originalname": f"{prefix}.csv",
        "extension": "csv", "size": len(body), "mime_type": "text/csv"})
    if answer.status_code >= 300:
        return float("nan"), f"import refused: {answer.status_code} {answer.text[:300]}"
    transaction = answer.json()["transaction_id"]
    summary = answer.json().get("summary")
    confirm = admin.post(f"/admin/products/imports/{transaction}/confirm", timeout=600)
    if confirm.status_code >= 300:
        return float("nan"), f"confirm refused: {confirm.status_code} {confirm.text[:300]}"
    last, last_print, progress_at = 0, time.monotonic(), time.monotonic()
    while time.monotonic() - progress_at < 300:  # 5 minutes without a new product: failed
        count = _count(admin, prefix)
        if count >= n:
            return time.perf_counter() - started, f"summary {summary}"
        if count > last:
            last, progress_at = count, time.monotonic()
        if time.monotonic() - last_print > 15:
            print(f"  Medusa CSV import: {count}/{n} products after "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
            last_print = time.monotonic()
        time.sleep(1.0)
    return float("nan"), (f"stalled at {last}/{n} for 5 minutes (see Medusa's server.log for "
                          "the workflow's error)")


@benchmark("medusa_catalog_push", goal="<= 2x", unit="s")
def catalog_push(quick: bool) -> list[Result]:
    why = _why_not(quick)
    if why:
        return [_skip("medusa_catalog_push_s", why)]
    from hub.medusa.tables import medusa_products

    run = _instance()
    hub, db, admin = run["hub"], run["db"], run["admin"]
    n = CATALOG_N
    rows = [{"sku": f"CAT-{i:06d}", "name": f"Katalogvare {i}", "price_minor": 1000 + i,
             "vat_code": "food", "barcodes": [f"70{i:011d}"]} for i in range(n)]

    def pushed() -> int:
        with db.reader.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(medusa_products)
                                    .where(medusa_products.c.sku.like("CAT-%"))).scalar_one())

    started = time.perf_counter()
    for part in range(0, n, 20_000):  # the hub's import takes 100,000 a request
        hub.import_catalog(rows[part:part + 20_000])
    imported = time.perf_counter() - started
    last_print = time.monotonic()
    while (done := pushed()) < n:
        if time.monotonic() - last_print > 15:
            elapsed = time.perf_counter() - started
            print(f"  hub -> Medusa: {done}/{n} products after {elapsed:.0f} s "
                  f"({done / elapsed:.0f}/s)", file=sys.stderr)
            last_print = time.monotonic()
        time.sleep(0.5)
    push_s = time.perf_counter() - started
    if os.environ.get("KASSA_BENCH_CSV", "1") == "0":  # the hub's push alone (long runs)
        csv_s, csv_notes = float("nan"), "not run (KASSA_BENCH_CSV=0)"
    else:
        csv_s, csv_notes = _medusa_csv_import(admin, n, "CSV")
    hub_rate = n / push_s
    csv_rate = n / csv_s if csv_s == csv_s else float("nan")
    return [result(
        "medusa_catalog_push_s", push_s, n=n, baseline=csv_s if csv_s == csv_s else None,
        baseline_name=f"Medusa's own CSV import (upload, POST /admin/products/imports, confirm) of "
                      f"{n} other products, same instance, after the hub's push",
        sizes={"products": n, "batch": 200},
        notes=(f"hub {hub_rate:.0f} products/s (import in the hub {imported:.1f} s); CSV "
               f"{csv_rate:.0f} products/s ({csv_notes}); linear extrapolation to 100,000: hub "
               f"{100_000 / hub_rate / 60:.0f} min, CSV "
               f"{100_000 / csv_rate / 60 if csv_rate == csv_rate else float('nan'):.0f} min "
               f"(not measured at 100,000); load avg {os.getloadavg()[0]:.1f}"))]
