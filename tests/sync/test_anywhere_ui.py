"""Returns anywhere and stock everywhere on the till's screen (pytest-qt, a real hub): Ctrl+Shift+W
opens the return of a web order; the cashier types the order number, picks the items, a reason,
and refunds to the web payment; a second return of the whole order is refused on screen.
Ctrl+E on a scanned item shows its stock in every store (this store first, in bold); without a
web shop the screen says so. Writes docs/screenshots/return-web-order.png (the web shop's part,
live, is in tests/medusa/test_returns.py, which writes stock-everywhere.png)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hub.db import open_database, utcnow
from hub.medusa.tables import medusa_orders
from hub.testing import HubProcess, running_hub
from pos.ui.stock_everywhere import StockEverywhereView
from pos.ui.web_return_view import WebReturnView
from tests.sync.test_till_ui import window_for
from tests.sync.tills import make_till, seed_hub, wait_for

ROOT = Path(__file__).resolve().parents[2]
MILK, COFFEE = "7038010000010", "7038010000041"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as running:
        seed_hub(running, ("S1", "S2"))
        yield running


def _web_order(hub: HubProcess, display_id: int) -> None:
    db = open_database(hub.db_url, pool_size=1)
    try:
        with db.writer.begin() as conn:
            conn.execute(medusa_orders.insert().values(
                order_id=f"order_{display_id}", display_id=display_id,
                email="kari.nordmann@example.no", status="completed",
                fulfillment_status="delivered", payment_status="captured",
                total_minor=2 * 8990 + 2490, currency="NOK", updated_at=utcnow(),
                items=json.dumps([{"sku": "K1", "quantity": 2, "unit_price_minor": 8990},
                                  {"sku": "M1", "quantity": 1, "unit_price_minor": 2490}])))
    finally:
        db.dispose()


def _dialog(kind: type) -> object:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def test_a_web_order_is_returned_on_screen(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    _web_order(hub, 1042)
    till = make_till(hub, tmp_path / "oslo", "S1", "OSL1")
    win = window_for(qtbot, till)
    wait_for(lambda: till.hub is not None and till.hub.client is not None, what="hub link")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    qtbot.keyClick(win.sale.entry, Qt.Key.Key_W,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _dialog(WebReturnView) is not None, timeout=5_000)
    view = _dialog(WebReturnView)
    assert isinstance(view, WebReturnView)
    view.resize(1100, 640)
    qtbot.keyClicks(view.entry, "#1042")
    qtbot.keyClick(view.entry, Qt.Key.Key_Return)
    # The hub answers off the GUI thread: busy meanwhile, a second Enter sends nothing.
    assert view.calls.busy and view.entry.isReadOnly() and "Looking up" in view.message.text()
    assert not view.calls.run(lambda: None, lambda _o: None)
    qtbot.waitUntil(lambda: not view.calls.busy, timeout=10_000)
    assert "#1042" in view.heading.text() and view.table.rowCount() == 2
    view.toggle(0)  # both coffees come back
    view.choose_reason("defective")
    view.reasons.buttons()[0].setChecked(True)
    assert view.refund_button.isEnabled()
    assert "179.80" in view.summary.text().replace(",", ".").replace("\xa0", " ")
    qtbot.wait(200)
    assert view.grab().save(str(ROOT / "docs" / "screenshots" / "return-web-order.png"))
    qtbot.keyClick(view.entry, Qt.Key.Key_F12)
    assert not view.refund_button.isEnabled()  # taken once: the hub is asked off-thread
    qtbot.waitUntil(lambda: not view.calls.busy, timeout=10_000)
    assert "Returned: receipt" in view.message.text(), view.message.text()
    assert view.result_return is not None
    assert [p.tender for p in view.result_return.refund.parts] == ["web_payment"]
    view.reject()

    again = WebReturnView(till, win)
    qtbot.addWidget(again)
    again.load("1042")
    qtbot.waitUntil(lambda: not again.calls.busy, timeout=10_000)
    assert again.table.item(0, 2).text() == "2"  # already returned
    again.toggle(0)
    assert again.picks == {"K1": 0}  # nothing of the coffee is left to return
    again.toggle(1)
    again.choose_reason("defective")
    again.refund()
    qtbot.waitUntil(lambda: not again.calls.busy, timeout=10_000)
    assert "Returned" in again.message.text()
    third = WebReturnView(till, win)
    qtbot.addWidget(third)
    third.load("1042")
    third.reject()  # closed before the hub answers: the answer is dropped, nothing breaks
    qtbot.waitUntil(lambda: not third.calls.busy, timeout=10_000)
    assert "Looking up" in third.message.text() and third.order is None
    fourth = WebReturnView(till, win)
    qtbot.addWidget(fourth)
    fourth.load("1042")
    qtbot.waitUntil(lambda: not fourth.calls.busy, timeout=10_000)
    assert "already returned in full" in fourth.message.text()


def test_stock_everywhere_on_screen_without_a_web_shop(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "oslo", "S1", "OSL2")
    win = window_for(qtbot, till)
    wait_for(lambda: till.hub is not None and till.hub.client is not None, what="hub link")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    win.sale.on_code(COFFEE)
    qtbot.keyClick(win.sale.entry, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _dialog(StockEverywhereView) is not None, timeout=5_000)
    view = _dialog(StockEverywhereView)
    assert isinstance(view, StockEverywhereView) and view.sku == "K1"
    qtbot.waitUntil(lambda: not view.calls.busy, timeout=10_000)  # asked off the GUI thread
    assert view.table.rowCount() == 2
    assert view.table.item(0, 0).text().endswith("(this store)")
    assert view.table.item(0, 0).font().bold()
    assert view.table.item(0, 1).text() == "100"
    assert "no web shop configured" in view.message.text()
    view.order()  # nothing filled in
    qtbot.waitUntil(lambda: not view.calls.busy, timeout=10_000)
    assert "Fill in the customer's" in view.message.text()
    assert view.order_button.isEnabled()
