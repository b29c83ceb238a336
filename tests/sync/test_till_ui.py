"""The hub at the till's screen, against a real hub: the status bar's states, the live stock
badge, the loyalty customer with points earned and spent. Writes screenshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hub.testing import HubProcess, running_hub
from pos.app.hub_link import HubStatus
from pos.core.money import Money
from tests.sync.proxy import Proxy
from tests.sync.tills import (
    STOCK_MILLI,
    build,
    credential_of,
    drained,
    make_till,
    seed_hub,
    sell,
    till_config,
    wait_for,
)
from tests.ui.conftest import screenshot

MILK = "7038010000010"
COFFEE = "7038010000041"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        yield hub


def window_for(qtbot, till):  # type: ignore[no-untyped-def]
    from pos.ui.app import make_application
    from pos.ui.main_window import MainWindow

    make_application(till.ctx.locale)
    win = MainWindow(till)
    win.resize(1280, 800)
    qtbot.addWidget(win)
    win.show()
    win.logged_in(till.user)
    return win


def test_stock_badge_follows_a_sale_on_another_till(qtbot, hub: HubProcess,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    a = make_till(hub, tmp_path / "a", register="R1")
    b = make_till(hub, tmp_path / "b", register="R2")
    try:
        win = window_for(qtbot, a)
        sale = win.sale
        sale.on_code(MILK)
        badge = sale.stock_badge
        # 100 at the hub, one in this cart (not sold yet): the badge shows the shelf, 100.
        qtbot.waitUntil(lambda: "100" in badge.text(), timeout=10_000)
        sell(b, MILK, MILK, MILK)  # till B sells three: A's badge follows, live
        qtbot.waitUntil(lambda: "97" in badge.text(), timeout=20_000)
        assert "Melk" in badge.toolTip()
        sale.on_code(COFFEE)  # the badge follows the last item...
        assert "Kaffe" in badge.toolTip() and "100" in badge.text()
        sale.table.selectRow(0)  # ...or the line the cashier selects
        assert "Melk" in badge.toolTip() and "97" in badge.text()
        win.status.tick()
        qtbot.waitUntil(lambda: "in sync" in win.status.sync.text(), timeout=20_000)
        screenshot(win, "hub-01-stock-badge")
        screenshot(win.status, "hub-status-online")
    finally:
        a.shutdown()
        b.shutdown()


def test_customer_points_earned_and_paid_with(qtbot, hub: HubProcess,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        with hub.client(credential_of(till)) as http:
            created = http.post("/v1/customers", json={
                "name": "Ingrid Kunde", "phone": "41234567", "loyalty_card": "7070000000013",
                "home_store_id": "S1"})
            assert created.status_code == 201, created.text
        customer_id = created.json()["customer_id"]
        win = window_for(qtbot, till)
        sale = win.sale
        sale.on_code(COFFEE)
        sale.on_code("7070000000013")  # the loyalty card, scanned: attaches the customer
        assert till.checkout.customer_id == customer_id
        assert "Ingrid Kunde" in sale.customer_panel.label.text()
        assert "earns 90" in sale.customer_panel.label.text()  # 89.90, rounded as cash is
        qtbot.wait(100)  # let the layout settle before the picture
        screenshot(win, "hub-02-customer-attached")
        sale.start_payment()
        sale.pay_cash(Money(10_000, "NOK"))  # 100 handed over, 10 back: 90 paid, 90 points
        wait_for(lambda: drained(till))
        qtbot.waitUntil(lambda: (till.loyalty.info(customer_id) or 0) and
                        till.loyalty.info(customer_id).points == 90, timeout=20_000)
        # The next sale: paid partly with points, reserved on the hub.
        sale.next_customer()
        sale.on_code(COFFEE)
        found, live = till.loyalty.find("41234567")
        assert live and found[0].points == 90
        sale.customer_panel.attach(found[0])
        sale.start_payment()
        assert sale.customer_panel.points_button.isVisible()
        sale.customer_panel.pay_with_points()
        assert "90 points taken" in sale.message.text()
        qtbot.wait(100)
        screenshot(win, "hub-03-paid-with-points")
        settlement = till.checkout.settlement
        assert settlement is not None and settlement.due.minor == 8990 - 900
        sale.pay_cash(settlement.cash_due)
        wait_for(lambda: drained(till))
        # 90 earned, 90 spent, then 81 earned on the 81.00 paid in cash (80.90 rounded).
        qtbot.waitUntil(lambda: till.loyalty.info(customer_id).points == 81, timeout=20_000)
        with hub.client(credential_of(till)) as http:
            assert http.get(f"/v1/customers/{customer_id}").json()["balance_points"] == 81
    finally:
        till.shutdown()


def test_points_are_refused_offline_with_a_reason(qtbot, hub: HubProcess,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    proxy = Proxy(hub.port)
    first = make_till(hub, tmp_path / "a", start=False)
    with hub.client(credential_of(first)) as http:
        customer = http.post("/v1/customers", json={
            "name": "Per Offline", "phone": "99887766", "home_store_id": "S1"}).json()
    first.ctx.db.close()
    till = build(till_config(tmp_path / "a", proxy.url))
    till.start()
    till.login("1", "1234")
    try:
        win = window_for(qtbot, till)
        qtbot.waitUntil(lambda: till.hub.current().online, timeout=20_000)
        found, _ = till.loyalty.find("99887766")  # online: now in the till's cache
        proxy.cut()
        sale = win.sale
        for _ in range(3):
            sale.on_code(MILK)
        found, live = till.loyalty.find("99887766")
        assert not live and found and found[0].customer_id == customer["customer_id"]
        sale.customer_panel.attach(found[0])
        sale.start_payment()
        sale.customer_panel.pay_with_points()
        assert "cannot be reached" in sale.message.text()
        sale.pay_cash(Money(10_000, "NOK"))
        qtbot.waitUntil(lambda: "offline" in win.status.sync.text(), timeout=30_000)
        win.status.tick()
        assert "1 queued" in win.status.sync.text()
        qtbot.wait(100)
        screenshot(win, "hub-04-offline-points-refused")
        screenshot(win.status, "hub-status-offline")
        # The other states, as the status bar words them.
        since = datetime.now(UTC) - timedelta(minutes=14)
        for name, status in (
            ("problem", HubStatus(False, 3, since, problem="seq_reused")),
            ("online-queued", HubStatus(True, 12, datetime.now(UTC) - timedelta(seconds=40))),
        ):
            win.status.show_hub(status)
            screenshot(win.status, f"hub-status-{name}")
        proxy.restore()
        wait_for(lambda: drained(till), timeout=60)
    finally:
        till.shutdown()
        proxy.close()
    assert STOCK_MILLI  # the catalog's stock is what the badge started from
