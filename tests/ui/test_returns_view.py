"""A return at the till by keyboard: scan the receipt on the sale screen, pick, refund."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.app.demo import Demo
from pos.store import sales
from pos.ui.returns_view import ReturnsView
from tests.ui.conftest import SCREENSHOTS, screenshot
from tests.ui.test_sale_flow import login, press, scan, some_gtin


def key(widget, k: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget.windowHandle(), k)


def test_return_with_receipt_by_keyboard(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window, "2", "2222")  # a supervisor approves her own returns
    gtin_a, _ = some_gtin(demo, "melk")
    gtin_b, name_b = some_gtin(demo, "brød")
    for code in (gtin_a, gtin_a, gtin_a, gtin_b):
        scan(qtbot, window, code)
    press(window, Qt.Key.Key_F12)
    qtbot.keyClicks(window.sale.payment.amount, "500")
    qtbot.keyClick(window.sale.payment.amount, Qt.Key.Key_Return)
    sold = window.sale.checkout.completed
    assert sold is not None

    scan(qtbot, window, sold.receipt.receipt_id)  # the receipt's barcode on the sale screen
    view = window.sale.findChild(ReturnsView)
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    assert view.original is not None and view.original.record.id == sold.sale_id
    assert view.table.rowCount() == 2
    key(view, Qt.Key.Key_Down)  # the bread
    key(view, Qt.Key.Key_F5)  # all of it
    assert view.picks == {2: 1000}
    view.set_quantity(0, "2", weighed=False)  # two of the three milks (F2 asks the same)
    assert view.picks == {1: 2000, 2: 1000}
    assert not view.refund_button.isEnabled()  # no reason yet
    reason = next(b for b in view.reasons.buttons() if b.property("reason") == "wrong_size")
    qtbot.mouseClick(reason, Qt.MouseButton.LeftButton)
    assert view.refund_button.isEnabled()
    assert view.quote is not None and view.quote.refund.minor > 0
    screenshot(view, "returns-01-screen")

    key(view, Qt.Key.Key_F12)
    assert view.result_return is not None
    stored = sales.get_sale(demo.till.ctx.db, view.result_return.sale_id)
    assert stored is not None and stored.record.kind == "return"
    assert stored.record.original_sale_id == sold.sale_id
    assert {ln.line_no: ln.quantity_milli for ln in stored.record.lines} == {1: -2000, 2: -1000}
    assert "saved" in view.message.text() or view.message.text()
    screenshot(view, "returns-02-done")
    assert demo.printer.wait_for(lambda p: len(p.png_paths) >= 2, timeout=5)
    text = demo.printer.receipts[-1]
    assert "RETURKVITTERING" in text and name_b in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo.printer.png_paths[-1], SCREENSHOTS / "returns-receipt.png")
    key(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_return_without_receipt_needs_a_supervisor(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)  # a cashier
    press(window, Qt.Key.Key_F6)
    view = window.sale.findChild(ReturnsView)
    assert view is not None
    qtbot.waitExposed(view)
    key(view, Qt.Key.Key_F4)  # without a receipt
    gtin, _ = some_gtin(demo, "kaffe")
    qtbot.keyClicks(view.entry, gtin)
    qtbot.keyClick(view.entry, Qt.Key.Key_Return)
    assert view.quote is not None and len(view.quote.lines) == 1
    qtbot.mouseClick(next(b for b in view.reasons.buttons()
                      if b.property("reason") == "defective"), Qt.MouseButton.LeftButton)
    assert view.returns.needs_approval(view.quote, with_receipt=False)
    screenshot(view, "returns-03-no-receipt")


def test_pick_from_todays_sales_and_void_the_last_sale(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos.ui.dialogs import ChoiceDialog

    login(qtbot, window, "2", "2222")
    gtin, _ = some_gtin(demo, "melk")
    scan(qtbot, window, gtin)
    press(window, Qt.Key.Key_F12)
    qtbot.keyClicks(window.sale.payment.amount, "100")
    qtbot.keyClick(window.sale.payment.amount, Qt.Key.Key_Return)
    sold = window.sale.checkout.completed
    assert sold is not None
    press(window, Qt.Key.Key_F6)  # Return, right after the sale
    view = window.sale.findChild(ReturnsView)
    assert view is not None
    qtbot.waitExposed(view)

    def accept_first() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChoiceDialog) and dialog.list.count() == 1
        dialog.accept()

    QTimer.singleShot(100, accept_first)
    key(view, Qt.Key.Key_F3)  # today's sales: the one sale, picked with Enter
    assert view.original is not None and view.original.record.id == sold.sale_id

    # Void it, by touch this time (the offscreen platform leaves no active window after the
    # list's own window closes, so keys would go nowhere): a supervisor is at the till.
    void = next(b for b in view.action_buttons if b.text().startswith(view.tr("Void last sale")))
    qtbot.mouseClick(void, Qt.MouseButton.LeftButton)
    assert view.result_return is not None and view.result_return.kind == "void"
    stored = sales.get_sale(demo.till.ctx.db, view.result_return.sale_id)
    assert stored is not None and stored.record.total_minor == -sold.receipt.total.minor
    assert not view.refund_button.isEnabled()
