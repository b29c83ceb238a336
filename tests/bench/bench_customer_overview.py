"""The till's customer card (issue 9): GET /v1/customers/{id}/overview while the web shop hangs.

A hub subprocess over SQLite with the Medusa connector configured against a "Medusa" that
accepts connections and never answers (the worst case: no refusal to fail fast on). The
customer has S store sales, W web orders and a wish list of 30 items (the web side written
into the connector's tables as its inbound path would). Value: p99 of the overview as a till
asks it; baseline, in the same run and hub: p99 of the plain customer look-up
GET /v1/customers/{id} (one row and a balance). Goal: <= 3x: the overview reads only the hub's
tables, so a hanging Medusa costs the cashier nothing.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

try:
    from common import Result, benchmark, ns_to_ms, percentile, result
except ImportError:  # imported as tests.bench.bench_customer_overview
    from tests.bench.common import Result, benchmark, ns_to_ms, percentile, result

from hub.db import open_database
from hub.medusa.customer_tables import medusa_wishlists
from hub.medusa.tables import medusa_customers, medusa_orders
from hub.testing import DEMO_PRODUCTS, running_hub
from tests.hub.sales import Till


def _web_side(db_url: str, customer_id: str, email: str, orders: int) -> None:
    db = open_database(db_url, pool_size=1)
    now = datetime.now(UTC)
    skus = [p["sku"] for p in DEMO_PRODUCTS]
    try:
        with db.writer.begin() as conn:
            conn.execute(medusa_customers.insert().values(
                medusa_customer_id="cus_bench", email=email, phone=None,
                hub_customer_id=customer_id, updated_at=now))
            conn.execute(medusa_wishlists.insert().values(
                medusa_customer_id="cus_bench", updated_at=now, items=json.dumps(
                    [{"sku": skus[i % len(skus)] if i < 10 else f"GONE-{i}",
                      "variant_id": None, "added_at": None} for i in range(30)])))
            conn.execute(medusa_orders.insert(), [{
                "order_id": f"order_{n}", "display_id": n, "email": email,
                "customer_id": "cus_bench", "status": "pending" if n % 3 else "completed",
                "fulfillment_status": "not_fulfilled", "payment_status": "captured",
                "total_minor": 10_000, "currency": "NOK", "shipping_option_id": None,
                "items": json.dumps([{"sku": s, "quantity": 1, "unit_price_minor": 0}
                                     for s in skus[:3]]), "problem": None,
                "updated_at": now - timedelta(minutes=n)} for n in range(orders)])
    finally:
        db.dispose()


def _timed(http, path: str, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(n):
        started = time.perf_counter_ns()
        answer = http.get(path)
        samples.append(float(time.perf_counter_ns() - started))
        assert answer.status_code == 200, answer.text
    return samples


@benchmark("customer_overview", goal="<= 3x", unit="ms")
def customer_overview(quick: bool) -> Result:
    sales, orders, n = (50, 20, 100) if quick else (300, 100, 500)
    hanging = socket.create_server(("127.0.0.1", 0))  # listens, never answers
    env = {"KASSA_MEDUSA_URL": f"http://127.0.0.1:{hanging.getsockname()[1]}",
           "KASSA_MEDUSA_API_KEY": "sk_bench", "KASSA_MEDUSA_WEBHOOK_SECRET": "s" * 32}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        with running_hub(Path(tempfile.mkdtemp(prefix="bench-card-"))) as hub:
            hub.seed_demo(("S1",))
            till = Till.enrol(hub, "S1", "R1")  # type: ignore[arg-type]
            with till.client as http:
                made = http.post("/v1/customers", json={"name": "Bench Kunde",
                                                        "email": "bench@example.no"}).json()
            customer_id = made["customer_id"]
            for start in range(0, sales, 100):
                till.post([till.sell([("100004", 1000)], customer_id=customer_id)
                           for _ in range(start, min(sales, start + 100))])
            _web_side(hub.db_url, customer_id, "bench@example.no", orders)
            with till.client as http:
                _timed(http, f"/v1/customers/{customer_id}/overview", 10)  # warm up
                card = _timed(http, f"/v1/customers/{customer_id}/overview", n)
                plain = _timed(http, f"/v1/customers/{customer_id}", n)
    finally:
        hanging.close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    line = result("customer_overview_p99_ms", ns_to_ms(percentile(99, card)), n=n,
                  baseline=ns_to_ms(percentile(99, plain)),
                  baseline_name="GET /v1/customers/{id} (one row and a balance), same hub",
                  sizes={"store_sales": sales, "web_orders": orders, "wish_list": 30},
                  notes=f"p50 {ns_to_ms(percentile(50, card)):.1f} ms vs "
                        f"{ns_to_ms(percentile(50, plain)):.1f} ms; Medusa configured, hanging")
    return line
