"""The web shop's part of the fleet page, in a real headless Chromium against a real hub
subprocess: what the Medusa connector could not settle on its own (a refused push, a stock
difference the reconciliation found, a web event waiting for Medusa, a web order with an
unknown sku) is shown to IT, and a settled one is dismissed. Screenshot:
docs/screenshots/fleet-web-shop.png."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from hub.db import utcnow
from hub.medusa.return_tables import web_returns
from hub.medusa.tables import (
    medusa_cursor,
    medusa_events,
    medusa_mismatches,
    medusa_orders,
    medusa_push_failures,
)
from hub.testing import HubProcess, running_hub

# Its module skips, loudly, where Playwright or Chromium is missing: so does this one.
from tests.hub.test_fleet_page import CHROMIUM, SHOTS, Page, sync_playwright


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with running_hub(tmp_path_factory.mktemp("fleet-web")) as running:
        yield running


def seed(hub: HubProcess) -> None:
    """What the connector writes when Medusa refuses, differs or is away."""
    now = utcnow()
    engine = create_engine(f"sqlite:///{hub.db_url}")
    with engine.begin() as conn:
        conn.execute(medusa_cursor.delete().where(medusa_cursor.c.id == 1))  # the pusher's
        conn.execute(medusa_cursor.insert().values(id=1, position=0,
                                                   updated_at=now - timedelta(minutes=3)))
        conn.execute(medusa_push_failures.insert(), [
            {"kind": "stock", "key": "S9:100001", "position": 4, "created_at": now,
             "reason": "store S9 has no stock location in Medusa"},
            {"kind": "product", "key": "100002", "position": 5, "created_at": now,
             "reason": "400 invalid_data: title must not be empty"}])
        conn.execute(medusa_mismatches.insert().values(
            kind="stock", key="S1:100001", medusa_value="7", hub_value="8", seen=3,
            first_seen=now - timedelta(minutes=2), last_seen=now))
        conn.execute(medusa_events.insert().values(
            event_id="ev-1", name="order.placed", status="received", payload="{}",
            sent_at_ms=0, received_at=now - timedelta(minutes=5)))
        conn.execute(medusa_orders.insert().values(
            order_id="order_01", display_id=1042, status="pending", total_minor=19900,
            currency="NOK", items=json.dumps([{"sku": "999999", "quantity": 1}]),
            problem="item of sku 999999, which the hub does not know", updated_at=now))
        conn.execute(web_returns.insert(), [  # taken at Bergen's till, refused by Medusa
            {"return_id": f"0000000{n}-0000-7000-8000-000000000000", "order_id": f"order_0{n}",
             "display_id": 1040 + n, "store_id": "S2", "register_id": "R1",
             "items": json.dumps([{"sku": "100001", "quantity": 1}]), "refund_minor": 24900,
             "refund_to": "web_payment", "status": "failed", "step": step, "attempts": 1,
             "last_error": reason, "created_at": now - timedelta(minutes=n)}
            for n, step, reason in ((1, "received", "400 payment not captured: cannot refund"),
                                    (2, "created", "404 store S2 has no stock location"))])
    engine.dispose()


def return_status(hub: HubProcess, display_id: int) -> str:
    engine = create_engine(f"sqlite:///{hub.db_url}")
    with engine.connect() as conn:
        status = str(conn.execute(select(web_returns.c.status).where(
            web_returns.c.display_id == display_id)).scalar_one())
    engine.dispose()
    return status


def sign_in(page: Page, hub: HubProcess) -> None:
    page.goto("/fleet")
    page.get_by_label("Admin token").fill(hub.admin_token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/fleet")


def count(hub: HubProcess, table: object) -> int:
    engine = create_engine(f"sqlite:///{hub.db_url}")
    with engine.connect() as conn:
        found = int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]
    engine.dispose()
    return found


def test_what_the_connector_could_not_settle_is_shown_and_dismissed(hub: HubProcess) -> None:
    seed(hub)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_context(viewport={"width": 1440, "height": 900},
                                   base_url=hub.url).new_page()
        sign_in(page, hub)
        section = page.locator("main").inner_text()
        assert "Web shop (Medusa)" in section
        assert "up to date, last push 3 min ago" in section
        assert "1 web event waiting for Medusa" in section
        mismatch = page.locator('tr[data-mismatch="S1:100001"]').inner_text()
        assert "8" in mismatch and "7" in mismatch and "3 passes" in mismatch
        assert "no stock location" in section and "title must not be empty" in section
        assert "#1042" in section and "sku 999999" in section
        refused = page.locator('tr[data-return^="00000001"]').inner_text()
        assert "#1041" in refused and "S2" in refused and "249,00 (web_payment)" in refused
        assert "received" in refused and "payment not captured" in refused
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("#web-shop").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "fleet-web-shop.png"), full_page=True)

        page.get_by_role("button", name="Dismiss the stock difference S1:100001").click()
        page.wait_for_url("**/fleet?msg=mismatch_dismissed*")
        assert "finds it again" in page.get_by_role("status").inner_text()
        assert page.locator('tr[data-mismatch="S1:100001"]').count() == 0
        assert count(hub, medusa_mismatches) == 0
        page.get_by_role("button", name="Dismiss the push failure of 100002").click()
        page.wait_for_url("**/fleet?msg=failure_dismissed*")
        assert count(hub, medusa_push_failures) == 1
        assert "S9:100001" in page.locator("main").inner_text()
        # The payment is captured now: retried (the pusher goes on from "received"); the
        # other was settled in Medusa's admin by hand: dismissed.
        page.get_by_role("button", name="Retry the web return of order #1041").click()
        page.wait_for_url("**/fleet?msg=return_retried*")
        assert return_status(hub, 1041) == "pending"
        page.get_by_role("button", name="Dismiss the web return of order #1042").click()
        page.wait_for_url("**/fleet?msg=return_dismissed*")
        assert return_status(hub, 1042) == "dismissed"
        assert page.locator("tr[data-return]").count() == 0
        browser.close()


def test_a_dismiss_without_a_session_is_refused(hub: HubProcess) -> None:
    with httpx.Client(base_url=hub.url) as http:
        answer = http.post("/fleet/web/mismatches/dismiss",
                           data={"csrf": "x", "kind": "stock", "key": "S1:100001"})
    assert answer.status_code == 401


def test_the_same_facts_on_metrics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the connector configured (its Medusa is down: nothing answers on port 9), the
    numbers IT alerts on are on /metrics."""
    monkeypatch.setenv("KASSA_MEDUSA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("KASSA_MEDUSA_API_KEY", "sk_test")
    monkeypatch.setenv("KASSA_MEDUSA_WEBHOOK_SECRET", "s" * 32)
    monkeypatch.setenv("KASSA_MEDUSA_RECONCILE_S", "0")
    with running_hub(tmp_path) as hub:
        seed(hub)
        with httpx.Client(base_url=hub.url) as http:
            text = http.get("/metrics").text
    values = {line.split()[0]: float(line.split()[1]) for line in text.splitlines()
              if line.startswith("kassa_hub_medusa_")}
    assert values["kassa_hub_medusa_push_failures"] == 2
    assert values["kassa_hub_medusa_stock_mismatches"] == 1
    assert values["kassa_hub_medusa_events_waiting"] == 1
    assert values["kassa_hub_medusa_web_returns_failed"] == 2
    assert values["kassa_hub_medusa_push_lag_frames"] >= 0
