"""A whole sale at the till by keyboard, and the bad paths, against real devices' peers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos.app.demo import Demo
from pos.store import catalog, journal, outbox
from tests.ui.conftest import screenshot


def some_gtin(demo: Demo, name_part: str) -> tuple[str, str]:
    product = catalog.search(demo.till.ctx.db, name_part, limit=1)[0]
    assert product.gtin, product
    return product.gtin, product.name


def login(qtbot, window, employee: str = "1", pin: str = "1234") -> None:  # type: ignore[no-untyped-def]
    window.login.employee.clear()
    qtbot.keyClicks(window.login.employee, employee)
    qtbot.keyClick(window.login.employee, Qt.Key.Key_Return)
    qtbot.keyClicks(window.login.pin, pin)
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)


def press(window, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """A function key as the window system delivers it, so window shortcuts fire."""
    from PySide6.QtTest import QTest

    QTest.keyClick(window.windowHandle(), key)


def scan(qtbot, window, code: str) -> None:  # type: ignore[no-untyped-def]
    """A keyboard-wedge scanner: the whole code within milliseconds, then Enter."""
    entry = window.sale.entry
    qtbot.keyClicks(entry, code)
    qtbot.keyClick(entry, Qt.Key.Key_Return)


def sales_count(demo: Demo) -> int:
    with demo.till.ctx.db.read() as con:
        return int(con.execute("SELECT COUNT(*) FROM sales").fetchone()[0])


def test_whole_cash_sale_by_keyboard(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    screenshot(window, "01-login")
    login(qtbot, window, pin="0000")
    assert "PIN" in window.login.error.text() or window.login.error.text()
    assert window.sale is None
    login(qtbot, window)
    assert window.sale is not None and window.pages.currentWidget() is window.sale

    gtin_a, name_a = some_gtin(demo, "melk")
    gtin_b, name_b = some_gtin(demo, "brød")
    scan(qtbot, window, gtin_a)
    scan(qtbot, window, gtin_a)
    scan(qtbot, window, gtin_b)
    model = window.sale.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 1)) == "2"
    assert window.sale.checkout.totals.total.minor > 0
    screenshot(window, "02-sale")

    press(window, Qt.Key.Key_F12)
    assert window.sale.right.currentWidget() is window.sale.payment
    screenshot(window, "03-payment")
    due = window.sale.checkout.settlement.cash_due
    qtbot.keyClicks(window.sale.payment.amount, "1000")
    qtbot.keyClick(window.sale.payment.amount, Qt.Key.Key_Return)
    completed = window.sale.checkout.completed
    assert completed is not None
    assert completed.receipt.change.minor == 100_000 - due.minor
    # A second Enter right away must not start or commit anything new.
    qtbot.keyClick(window.sale.payment.amount, Qt.Key.Key_Return)
    assert window.sale.checkout.completed is completed
    assert sales_count(demo) == 1
    screenshot(window, "04-change")
    customer = window.customer  # the customer's screen follows the sale
    assert customer is not None
    change = window.sale.fmt.money(completed.receipt.change)
    qtbot.waitUntil(lambda: customer.amount.text() == change, timeout=2000)
    screenshot(customer, "08-customer-display")

    receipts = demo.printer.wait_for_receipts(1, timeout=5)
    assert name_a[:20] in receipts[0] and name_b[:20] in receipts[0]
    assert "Kvittering nr. 1" in receipts[0]
    assert demo.printer.wait_for(lambda p: p.drawer_kicks == 1, timeout=5)
    assert journal.verify_journal(demo.till.ctx.db, "1").ok
    assert outbox.count_pending(demo.till.ctx.db, "1") == 1

    scan(qtbot, window, gtin_b)  # the next customer's first scan starts a new sale
    assert window.sale.checkout.completed is None
    assert window.sale.model.rowCount() == 1


def test_unknown_and_mangled_barcodes_add_nothing(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    scan(qtbot, window, "7000000000003")  # valid check digit, not in the catalog
    assert window.sale.model.rowCount() == 0
    assert window.sale.message.property("error") is True
    assert "7000000000003" in window.sale.message.text()
    scan(qtbot, window, "7038010055721")  # wrong check digit
    assert window.sale.model.rowCount() == 0
    assert window.sale.message.property("error") is True
    screenshot(window, "05-unknown-barcode")


def test_search_as_you_type_then_enter_adds(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    entry = window.sale.entry
    for char in "grandi":  # a person types: a pause between keys
        qtbot.keyClicks(entry, char)
        qtbot.wait(60)
    qtbot.waitUntil(lambda: window.sale.products.showing_results, timeout=2000)
    assert window.sale.products.results.count() >= 1
    screenshot(window, "06-search")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert window.sale.model.rowCount() == 1
    assert "Grandiosa" in window.sale.model.data(window.sale.model.index(0, 0))


def test_paper_out_keeps_the_sale_and_reprints(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    demo.printer.paper_out = True
    scan(qtbot, window, some_gtin(demo, "melk")[0])
    press(window, Qt.Key.Key_F12)
    window.sale.payment.pay_exact_cash()
    assert sales_count(demo) == 1
    qtbot.waitUntil(lambda: demo.till.ctx.printer.state.waiting == 1, timeout=5000)
    qtbot.waitUntil(lambda: "paper" in window.status.printer.text().lower()
                    or "papir" in window.status.printer.text().lower(), timeout=5000)
    screenshot(window, "07-paper-out")
    assert demo.printer.receipts == []
    # The drawer still opened for the change: a real-time pulse, since ESC p would wait.
    assert demo.printer.wait_for(lambda p: p.drawer_kicks == 1, timeout=5)
    demo.printer.paper_out = False
    press(window, Qt.Key.Key_F11)  # F11 prints what waits, as the original
    receipts = demo.printer.wait_for_receipts(1, timeout=5)
    assert len(receipts) == 1 and "KOPI" not in receipts[0]
    qtbot.waitUntil(lambda: demo.till.ctx.printer.state.waiting == 0, timeout=5000)


def test_copy_receipt_is_marked_and_journaled(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    scan(qtbot, window, some_gtin(demo, "melk")[0])
    press(window, Qt.Key.Key_F12)
    window.sale.payment.pay_exact_cash()
    demo.printer.wait_for_receipts(1, timeout=5)
    window.sale.next_customer()
    press(window, Qt.Key.Key_F11)
    receipts = demo.printer.wait_for_receipts(2, timeout=5)
    assert "KOPI" in receipts[1] and "KOPI" not in receipts[0]
    events = [e.event for e in journal.entries(demo.till.ctx.db, "1")]
    assert "copy_receipt" in events


def test_park_and_resume(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    scan(qtbot, window, some_gtin(demo, "melk")[0])
    press(window, Qt.Key.Key_F9)
    assert window.sale.model.rowCount() == 0
    checkout = window.sale.checkout
    parked = demo.till.parked()
    assert len(parked) == 1
    checkout.resume(parked[0].id)
    window.sale.refresh()
    assert window.sale.model.rowCount() == 1
    events = [e.event for e in journal.entries(demo.till.ctx.db, "1")]
    assert "sale_parked" in events and "sale_resumed" in events


def test_goods_sold_by_weight_are_weighed_on_the_scale(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    bananas = demo.till.ctx.lookup("4011")
    assert bananas is not None and bananas.sold_by == "weight"
    scan(qtbot, window, "4011")  # the PLU keyed: the simulated scale (734 g, stable) answers
    qtbot.waitUntil(lambda: window.sale.model.rowCount() == 1, timeout=5000)
    assert window.sale.model.data(window.sale.model.index(0, 1)) == "0,734 kg"
    from drivers.base import WeightState

    assert demo.scale is not None
    demo.scale.set(500, WeightState.MOTION)  # never sells on a moving reading
    scan(qtbot, window, "4011")
    qtbot.waitUntil(lambda: window.sale.message.property("error") is True, timeout=8000)
    assert window.sale.model.rowCount() == 1


def test_a_damaged_database_stops_selling(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    demo.till.integrity_problems = ["*** in database main ***"]
    demo.till.integrity.emit(demo.till.integrity_problems)
    qtbot.waitUntil(lambda: window.pages.currentWidget().objectName() == "fatalPage", timeout=2000)
    assert not window.sale.isEnabled()
    screenshot(window, "10-database-damaged")
