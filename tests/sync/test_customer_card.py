"""One customer at the till (issue 9), against a real hub: the cashier finds Lisa by e-mail, the
panel shows her tier, web orders and wish list (fetched in the background); the customer card
highlights what is in stock in this store and adds a wished item to the sale with one key or
one touch; a product the hub no longer has is shown as such. Offline: a clear message and the
sale goes on. Writes docs/screenshots/customer-panel-web.png.

The web side (a linked Medusa customer, her wish list, her orders) is written into the hub's
connector tables as hub.medusa.inbound would; tests/medusa/test_customers.py does it for real.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from hub.db import open_database
from hub.medusa.customer_tables import medusa_wishlists
from hub.medusa.tables import medusa_customers, medusa_orders
from hub.models import stores
from hub.testing import HubProcess, running_hub
from pos.core.money import Money
from tests.sync.proxy import Proxy
from tests.sync.test_till_ui import window_for
from tests.sync.tills import (
    build,
    credential_of,
    drained,
    make_till,
    seed_hub,
    sell,
    till_config,
    wait_for,
)

ROOT = Path(__file__).resolve().parents[2]
COFFEE, TOOTHPASTE, BREAD = "7038010000041", "7038010000065", "7038010000027"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        hub.set_stock({("S1", "T1"): 0})  # toothpaste: wished, not in stock here
        yield hub


def web_side(hub: HubProcess, customer_id: str, email: str) -> None:
    now = datetime.now(UTC)
    db = open_database(hub.db_url, pool_size=1)
    try:
        with db.writer.begin() as conn:
            conn.execute(stores.update().where(stores.c.store_id == "S1")
                         .values(name="Oslo sentrum"))
            conn.execute(medusa_customers.insert().values(
                medusa_customer_id="cus_lisa", email=email, phone=None,
                hub_customer_id=customer_id, updated_at=now))
            conn.execute(medusa_wishlists.insert().values(
                medusa_customer_id="cus_lisa", updated_at=now, items=json.dumps([
                    {"sku": "K1", "variant_id": None, "added_at": "2026-11-20"},
                    {"sku": "T1", "variant_id": None, "added_at": None},
                    {"sku": "JAKKE-GONE", "variant_id": None, "added_at": None}])))
            for n, (status, fulfilment, ago) in enumerate((
                    ("pending", "fulfilled", 5), ("pending", "not_fulfilled", 60),
                    ("completed", "delivered", 60 * 24 * 9))):
                conn.execute(medusa_orders.insert().values(
                    order_id=f"order_{n}", display_id=1041 + n, email=email,
                    customer_id="cus_lisa", status=status, fulfillment_status=fulfilment,
                    payment_status="captured", total_minor=(n + 1) * 12990, currency="NOK",
                    items=json.dumps([{"sku": "B1", "quantity": n + 1, "unit_price_minor": 0}]),
                    shipping_option_id=None, problem=None,
                    updated_at=now - timedelta(minutes=ago)))
    finally:
        db.dispose()


def new_customer(hub: HubProcess, till, **fields: str) -> str:  # type: ignore[no-untyped-def]
    with hub.client(credential_of(till)) as http:
        made = http.post("/v1/customers", json=fields)
        assert made.status_code == 201, made.text
    return str(made.json()["customer_id"])


def test_the_customer_card_shows_the_web_and_adds_a_wish_in_one_key(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        email = f"lisa.berg.{uuid.uuid4().hex[:4]}@example.no"
        lisa = new_customer(hub, till, name="Lisa Berg", phone="41112222", email=email,
                            loyalty_card="7070000000020", home_store_id="S1")
        hub.admin.put(f"/v1/admin/customers/{lisa}/tier", json={"tier": "gold"})
        sell(till, BREAD, BREAD, customer_id=lisa)  # a store purchase of her own
        wait_for(lambda: drained(till))
        web_side(hub, lisa, email)
        win = window_for(qtbot, till)
        sale, panel = win.sale, win.sale.customer_panel
        found, live = till.loyalty.find(email.upper())  # by e-mail, any case
        assert live and [f.customer_id for f in found] == [lisa]
        panel.attach(found[0])
        qtbot.waitUntil(lambda: panel.card is not None, timeout=10_000)
        assert "2 open web orders" in panel.label.text()
        assert "wish list 3 (1 in stock here)" in panel.label.text()
        assert panel.card_button.isVisible()
        win.activateWindow()  # shortcuts act in the active window only
        qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
        qtbot.keyClick(sale.entry, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: panel.card_dialog is not None
                        and panel.card_dialog.isVisible(), timeout=5_000)
        card = panel.card_dialog
        qtbot.waitUntil(lambda: not card.offline.isVisible(), timeout=10_000)
        assert "Gold" in card.tier.text() and "Lisa Berg" in card.title.text()
        buttons = card.wish_buttons
        assert [b.property("stock") for b in buttons] == ["in", "out", "gone"]
        assert "Kaffe 500 g" in buttons[0].text() and "100 in stock here" in buttons[0].text()
        assert "not in stock here" in buttons[1].text()
        assert "no longer sold" in buttons[2].text() and not buttons[2].isEnabled()
        assert card.orders.count() == 2 and "#1041" in card.orders.item(0).text()
        texts = [card.purchases.item(i).text() for i in range(card.purchases.count())]
        assert len(texts) == 4 and any("Web shop" in t for t in texts)
        assert sum("Oslo sentrum" in t and "Brød grovt" in t for t in texts) == 1
        qtbot.waitUntil(card.isActiveWindow, timeout=5_000)
        qtbot.wait(150)
        assert card.grab().save(str(ROOT / "docs" / "screenshots" / "customer-panel-web.png"))
        qtbot.keyClick(card, Qt.Key.Key_1)  # one key: the wished coffee into the sale
        assert [line.item.sku for line in till.checkout.cart.lines] == ["K1"]
        buttons[1].click()  # one touch: the toothpaste too (out of stock here: still sold)
        qtbot.keyClick(card, Qt.Key.Key_3)  # the vanished product: nothing happens
        assert [line.item.sku for line in till.checkout.cart.lines] == ["K1", "T1"]
        qtbot.keyClick(card, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: panel.card_dialog is None, timeout=5_000)
    finally:
        till.shutdown()


def test_offline_the_card_says_so_and_the_sale_goes_on(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    proxy = Proxy(hub.port)
    first = make_till(hub, tmp_path / "a", start=False)
    per = new_customer(hub, first, name="Per Offline", phone="99887766", home_store_id="S1")
    first.ctx.db.close()
    till = build(till_config(tmp_path / "a", proxy.url))
    till.start()
    till.login("1", "1234")
    try:
        win = window_for(qtbot, till)
        qtbot.waitUntil(lambda: till.hub.current().online, timeout=20_000)
        till.loyalty.find("99887766")  # now in the till's cache
        proxy.cut()
        qtbot.waitUntil(lambda: not till.hub.online, timeout=30_000)
        sale, panel = win.sale, win.sale.customer_panel
        sale.on_code(COFFEE)
        found, live = till.loyalty.find("99887766")
        assert not live and found[0].customer_id == per
        panel.attach(found[0])
        qtbot.waitUntil(lambda: panel.card is not None, timeout=10_000)
        assert "hub offline" in panel.label.text()
        panel.open_card()
        card = panel.card_dialog
        qtbot.waitUntil(lambda: card.offline.isVisible() and "offline" in card.offline.text(),
                        timeout=10_000)
        assert card.wish_buttons == []
        qtbot.keyClick(card, Qt.Key.Key_Escape)
        sale.start_payment()
        sale.pay_cash(Money(10_000, "NOK"))  # the sale goes on
        assert till.checkout.completed is not None
        proxy.restore()
        wait_for(lambda: drained(till), timeout=60)
    finally:
        till.shutdown()
        proxy.close()
