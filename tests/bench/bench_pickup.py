"""Click & collect: a web order placed for pickup in Oslo -> on the Oslo tills' feed.

A real Medusa (medusa/ci-up.sh, a fresh database) and the hub on a thread over a fresh
PostgreSQL database, as in tests/medusa. A till of S1 holds an SSE stream on `store:S1` (and
one of S2 on `store:S2`, which must see none of it). Each of the orders (one item, pickup Oslo)
is prepared through the Store API, then `POST /store/carts/{id}/complete` is timed: the
baseline is that call alone (Medusa placing the order); the value is from its answer to the
`pickup` frame arriving at the Oslo till (the forwarder's event, the hub's re-read, the
reservation check, the feed, the broadcaster woken by the connector). A second line times the
whole of it from the start of the checkout call.

Needs Node/npm and KASSA_TEST_POSTGRES_URL; skipped (value null) without them, and under
--quick (Medusa's bring-up alone takes a minute or more).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from common import Result, benchmark, ns_to_ms, percentile, result
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
SKU = "BP-1"
ORDERS = 40


def _skip(why: str) -> Result:
    line = result("pickup_placed_to_till_p99_ms", float("nan"), n=0, notes=f"skipped: {why}")
    line["value"] = None
    return line


class FeedWatch:
    """An SSE stream of one till: when each pickup frame arrived (perf_counter ns)."""

    def __init__(self, url: str, credential: str, store: str) -> None:
        self.seen: dict[str, int] = {}
        self.http = httpx.Client(base_url=url, timeout=httpx.Timeout(5, read=None),
                                 headers={"authorization": f"Bearer {credential}"})
        self.store = store
        self.ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        with self.http.stream("GET", "/v1/feed", params={"topics": f"store:{self.store}"}) as s:
            self.ready.set()
            for line in s.iter_lines():
                if line.startswith("data: ") and '"type":"pickup"' in line:
                    data = json.loads(line[6:])["data"]
                    self.seen.setdefault(data["order_id"], time.perf_counter_ns())


def _bring_up(pg: str, hub_port: int) -> dict[str, Any]:
    url = make_url(pg)
    login = url.username or "postgres"
    if url.password:
        login += f":{url.password}"
    env = dict(os.environ, MEDUSA_PG_URL=f"postgres://{login}@{url.host or '127.0.0.1'}:"
                                         f"{url.port or 5432}",
               MEDUSA_DB=f"medusa_ci_bench_{os.getpid()}",
               KASSA_HUB_WEBHOOK_URL=f"http://127.0.0.1:{hub_port}/v1/medusa/events",
               KASSA_HUB_WEBHOOK_SECRET=os.urandom(32).hex())
    env.pop("REDIS_URL", None)
    done = subprocess.run([str(ROOT / "medusa" / "ci-up.sh")], env=env, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          timeout=900)
    return dict(json.loads(done.stdout)) | {"env": env}


def _store_api(up: dict[str, Any]) -> httpx.Client:
    return httpx.Client(base_url=up["url"], timeout=30,
                        headers={"x-publishable-api-key": up["publishable_key"]})


def _cart(store: httpx.Client, up: dict[str, Any], variant: str) -> str:
    """A cart ready to complete: one item, pickup in Oslo, a payment session."""
    def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = store.post(path, json=body)
        answer.raise_for_status()
        return dict(answer.json())

    cart = post("/store/carts", {"region_id": up["region_id"], "email": "bench@example.no",
                                 "sales_channel_id": up["sales_channels"]["web"]})["cart"]["id"]
    post(f"/store/carts/{cart}/line-items", {"variant_id": variant, "quantity": 1})
    post(f"/store/carts/{cart}", {"shipping_address": {
        "first_name": "Bench", "last_name": "Kunde", "address_1": "Storgata 1",
        "city": "Oslo", "postal_code": "0155", "country_code": "no"}})
    post(f"/store/carts/{cart}/shipping-methods", {"option_id": up["shipping_options"]["S1"]})
    collection = post("/store/payment-collections", {"cart_id": cart})["payment_collection"]
    post(f"/store/payment-collections/{collection['id']}/payment-sessions",
         {"provider_id": "pp_system_default"})
    return str(cart)


@benchmark("pickup", goal="<= 1000 ms", unit="ms")
def pickup_to_till(quick: bool) -> list[Result]:
    pg = os.environ.get("KASSA_TEST_POSTGRES_URL")
    missing = [tool for tool in ("node", "npm", "psql") if shutil.which(tool) is None]
    if quick:
        return [_skip("--quick (Medusa's bring-up alone takes over a minute)")]
    if missing or not pg:
        return [_skip(f"needs node, npm, psql and KASSA_TEST_POSTGRES_URL (missing: "
                      f"{missing or 'KASSA_TEST_POSTGRES_URL'})")]
    from hub.config import HubConfig
    from hub.medusa.config import MedusaSettings
    from hub.server import serve_in_thread
    from hub.testing import free_port, fresh_postgres

    hub_port = free_port()
    up = _bring_up(pg, hub_port)
    try:
        settings = MedusaSettings(url=up["url"], api_key=up["secret_api_key"],
                                  webhook_secret=up["webhook_secret"], reconcile_s=0)
        with fresh_postgres(pg) as db_url:
            hub = serve_in_thread(HubConfig(db_url=db_url, medusa=settings), port=hub_port)
            try:
                return _measure(hub, up)
            finally:
                hub.stop()
    finally:
        subprocess.run([str(ROOT / "medusa" / "ci-down.sh"), up["name"]], env=up["env"],
                       timeout=120, check=False, capture_output=True)


def _measure(hub: Any, up: dict[str, Any]) -> list[Result]:
    hub.import_catalog([{"sku": SKU, "name": "Bench-lue", "price_minor": 19900,
                         "vat_code": "standard"}])
    hub.set_stock({("S1", SKU): 1_000_000, ("S2", SKU): 1_000_000})
    admin = httpx.Client(base_url=up["url"], auth=(up["secret_api_key"], ""), timeout=30)
    deadline = time.monotonic() + 120
    variant = None
    while variant is None and time.monotonic() < deadline:
        found = admin.get("/admin/product-variants", params={
            "sku": SKU, "fields": "id,inventory_quantity"}).json()["variants"]
        levels = admin.get("/admin/inventory-items", params={
            "sku": SKU, "fields": "id,*location_levels"}).json()["inventory_items"]
        stocked = [lv for item in levels for lv in item.get("location_levels") or ()]
        variant = found[0]["id"] if found and len(stocked) == 2 else None
        time.sleep(0.2)
    assert variant is not None, "the product did not reach Medusa"
    oslo = FeedWatch(hub.url, hub.enrol("S1", "R-bench-oslo").credential, "S1")
    bergen = FeedWatch(hub.url, hub.enrol("S2", "R-bench-bergen").credential, "S2")
    oslo.ready.wait(10)
    bergen.ready.wait(10)
    store = _store_api(up)
    checkout, answered_to_till, start_to_till = [], [], []
    load_before = os.getloadavg()[0]
    for i in range(ORDERS + 3):  # the first 3 warm Medusa up and are not counted
        cart = _cart(store, up, variant)
        started = time.perf_counter_ns()
        done = store.post(f"/store/carts/{cart}/complete", json={})
        answered = time.perf_counter_ns()
        done.raise_for_status()
        order_id = done.json()["order"]["id"]
        limit = time.monotonic() + 30
        while order_id not in oslo.seen and time.monotonic() < limit:
            time.sleep(0.001)
        assert order_id in oslo.seen, f"order {order_id} never reached the Oslo till"
        if i >= 3:
            checkout.append(answered - started)
            answered_to_till.append(oslo.seen[order_id] - answered)
            start_to_till.append(oslo.seen[order_id] - started)
    time.sleep(1.0)
    leaked = len(bergen.seen)
    sizes = {"orders": ORDERS, "items_per_order": 1, "warm_up_orders": 3}
    notes = (f"p50 {ns_to_ms(percentile(50, answered_to_till)):.0f} ms; Bergen's till saw "
             f"{leaked} pickup frames (must be 0); load avg {load_before:.1f} -> "
             f"{os.getloadavg()[0]:.1f}")
    check_p99 = ns_to_ms(percentile(99, checkout))
    return [
        result("pickup_placed_to_till_p99_ms", ns_to_ms(percentile(99, answered_to_till)),
               n=ORDERS, baseline=check_p99,
               baseline_name="POST /store/carts/{id}/complete alone, p99, same run",
               sizes=sizes, notes=notes),
        result("pickup_checkout_start_to_till_p99_ms", ns_to_ms(percentile(99, start_to_till)),
               n=ORDERS, baseline=check_p99, goal="<= 3x",
               baseline_name="POST /store/carts/{id}/complete alone, p99, same run",
               sizes=sizes, notes="from the start of the checkout call to the Oslo till"),
    ]
