"""Click & collect at the till (issue 9), against a real hub: two web orders for pickup in this
store reach the till's list live through its feed (the flagged one marked), the cashier opens
the pickup screen with F5, types the order number, scans one item and confirms the rest, hands
over with F12, and the hub has it recorded at once (the web shop is told afterwards; here it is
away the whole time). Offline, the screen says so. Writes docs/screenshots/pickup-list.png and
pickup-handover.png.

The pickup orders are written into the hub as hub.medusa.pickups does on `order.placed`;
tests/medusa/test_pickup.py does it for real, with Medusa.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from hub.db import open_database, utcnow
from hub.medusa import pickups
from hub.medusa.pickup_tables import medusa_pickups
from hub.testing import HubProcess, free_port, running_hub
from pos.app.pickups import order_number
from sync.protocol import PickupChange, PickupItem
from tests.sync.test_till_ui import window_for
from tests.sync.tills import make_till, seed_hub, wait_for

ROOT = Path(__file__).resolve().parents[2]
BREAD, COFFEE = "7038010000027", "7038010000041"


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubProcess]:
    # The connector on, Medusa away: the pickup routes are there, pushes wait.
    monkeypatch.setenv("KASSA_MEDUSA_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("KASSA_MEDUSA_API_KEY", "sk_test")
    monkeypatch.setenv("KASSA_MEDUSA_WEBHOOK_SECRET", "s" * 32)
    monkeypatch.setenv("KASSA_MEDUSA_RECONCILE_S", "0")
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        yield hub


def place(hub: HubProcess, display_id: int, name: str, items: list[tuple[str, str, int]],
          flag: str | None = None) -> str:
    order_id = f"order_{display_id}"
    db = open_database(hub.db_url, pool_size=1)
    try:
        pickups.record_new(db, PickupChange(
            order_id=order_id, display_id=display_id, store_id="S1", status="open", flag=flag,
            customer_name=name, email=None, total_minor=0, currency="NOK", as_of=utcnow(),
            items=tuple(PickupItem(line_item_id=f"ordli_{display_id}_{sku}", sku=sku,
                                   name=title, quantity=quantity)
                        for sku, title, quantity in items)), "sloc_oslo")
    finally:
        db.dispose()
    return order_id


def test_order_numbers_typed_or_scanned() -> None:
    assert [order_number(t) for t in ("1042", "#1042", "WEB-1042", " W000001042 ", "abc")] == [
        1042, 1042, 1042, 1042, None]


def test_pickup_list_live_and_a_hand_over_by_keyboard(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    try:
        win = window_for(qtbot, till)
        board = win.pickups.board
        wait_for(lambda: till.hub is not None and till.hub.online)
        first = place(hub, 1042, "Kari Nordmann",
                      [("B1", "Brød grovt", 2), ("K1", "Kaffe 500 g", 1)])
        place(hub, 1043, "Ola Hansen", [("K1", "Kaffe 500 g", 3)],
              flag="Stock gone: 3 × K1 reserved in S2, not available here")
        qtbot.waitUntil(lambda: len(board.orders()) == 2, timeout=10_000)  # live, by the feed
        badge = win.findChild(QLabel, "pickupBadge")  # seen without opening anything
        qtbot.waitUntil(lambda: "2 waiting (F5) · 1 flagged" in badge.text(), timeout=5_000)

        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
        qtbot.keyClick(win.sale.entry, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: win.pickups.dialog is not None
                        and win.pickups.dialog.isVisible(), timeout=5_000)
        dialog = win.pickups.dialog
        qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=5_000)
        rows = [dialog.list.itemWidget(dialog.list.item(i)).text() for i in range(2)]
        assert "#1042" in rows[0] and "3 pcs" in rows[0] and "⚠" not in rows[0]
        assert "#1043" in rows[1] and "⚠ Stock gone" in rows[1]
        assert "2 waiting" in dialog.title.text()
        qtbot.wait(200)
        assert dialog.grab().save(str(ROOT / "docs" / "screenshots" / "pickup-list.png"))

        qtbot.keyClicks(dialog.entry, "WEB-1042")  # the number from the customer's e-mail
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
        assert dialog.handing is not None and dialog.handing.order.order_id == first
        assert dialog.lines.rowCount() == 2 and not dialog.hand_button.isEnabled()
        qtbot.keyClicks(dialog.entry, BREAD)  # one loaf scanned
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
        assert "Brød grovt: 1 of 2" in dialog.notice.text()
        qtbot.keyClicks(dialog.entry, "7038010000010")  # milk: not in this order
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
        assert "not in this order" in dialog.notice.text()
        qtbot.keyClicks(dialog.entry, BREAD)
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
        qtbot.wait(200)
        assert dialog.grab().save(str(ROOT / "docs" / "screenshots" / "pickup-handover.png"))
        qtbot.keyClick(dialog.entry, Qt.Key.Key_F3)  # the coffee: confirmed without a scan
        assert dialog.hand_button.isEnabled()
        qtbot.keyClick(dialog.entry, Qt.Key.Key_F12)
        assert dialog.calls.busy and "Handing over #1042" in dialog.notice.text()
        assert not dialog.hand_button.isEnabled()  # one hand-over, however often pressed
        qtbot.waitUntil(lambda: not dialog.calls.busy, timeout=10_000)
        assert "handed over to Kari Nordmann" in dialog.notice.text(), dialog.notice.text()
        assert dialog.handing is None and dialog.list.count() == 1

        db = open_database(hub.db_url, pool_size=1)
        try:
            with db.reader.connect() as conn:
                row = conn.execute(select(medusa_pickups).where(
                    medusa_pickups.c.order_id == first)).one()
        finally:
            db.dispose()
        assert (row.status, row.handed_over_by) == ("handed_over", "R1")

        hub.stop()  # the hub away: the screen says so, and nothing is handed over on trust
        dialog.desk.refresh()
        qtbot.waitUntil(lambda: "Offline" in dialog.notice.text(), timeout=10_000)
        dialog.open_order(board.orders()[0])
        qtbot.keyClick(dialog.entry, Qt.Key.Key_F3)
        qtbot.keyClick(dialog.entry, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: not dialog.calls.busy, timeout=10_000)
        assert "cannot be reached" in dialog.notice.text() and dialog.handing is not None
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Escape)  # back to the list
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Escape)  # closed
        qtbot.waitUntil(lambda: win.pickups.dialog is None, timeout=5_000)

        # Restarted with the hub still away: the till kept its list (pos.store.pickups), so
        # Ola's flagged order is still on screen; the handed-over one is not.
        till.shutdown()
        till = make_till(hub, tmp_path / "a")
        again = window_for(qtbot, till)
        kept = again.pickups.board.orders()
        assert [(o.display_id, o.customer_name, o.pieces) for o in kept] == [
            (1043, "Ola Hansen", 3)]
        assert kept[0].flag is not None and kept[0].flag.startswith("Stock gone")
        badge = again.findChild(QLabel, "pickupBadge")
        qtbot.waitUntil(lambda: "1 waiting (F5) · 1 flagged" in badge.text(), timeout=5_000)
    finally:
        till.shutdown()
