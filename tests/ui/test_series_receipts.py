"""Provisional and delivery receipts from the sale screen (Ctrl+B, then 1 or 2; or by touch):
each in its own number series, marked, printed on the simulated ESC/POS printer, journaled,
counted in the X report; the cart is left as it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos.app.demo import Demo
from pos.app.xz_reports import ReportService
from pos.store import journal
from pos.ui.series_receipt_dialog import SeriesReceiptDialog
from tests.ui.conftest import SCREENSHOTS, screenshot
from tests.ui.test_card_dialog import while_modal
from tests.ui.test_sale_flow import login, scan, some_gtin


def ctrl_b(window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+B as the window system delivers it (the window active again after a dialog)."""
    window.activateWindow()
    QApplication.processEvents()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def answer_dialog(qtbot, action: Callable[[SeriesReceiptDialog], None]) -> list[BaseException]:  # type: ignore[no-untyped-def]
    """Run `action` on the dialog once it is open (tests.ui.test_card_dialog.while_modal)."""
    return while_modal(qtbot, SeriesReceiptDialog, action)  # type: ignore[arg-type]


def key(number: str) -> Callable[[SeriesReceiptDialog], None]:
    def press(dialog: SeriesReceiptDialog) -> None:
        QTest.keyClick(dialog, getattr(Qt.Key, f"Key_{number}"))

    return press


def mark_lines(demo: Demo, index: int) -> list[tuple[str, int]]:
    """The printed receipt's text lines with their character height (2: double size)."""
    document = demo.printer.documents[index]
    return [(line.text.strip(), max((s.height for s in line.segments), default=1))
            for line in document.lines if line.text.strip()]


def test_provisional_and_delivery_receipts_by_keyboard(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    view = window.sale
    ctrl_b(window)  # an empty cart: refused with the reason, no dialog, nothing printed
    assert "empty" in view.message.text() or "tom" in view.message.text()
    gtin_a, name_a = some_gtin(demo, "melk")
    scan(qtbot, window, gtin_a)
    scan(qtbot, window, some_gtin(demo, "brød")[0])
    total = view.checkout.totals.total.minor
    screenshot(window, "series-receipt-button")  # docs/screenshots/ holds a copy

    def shoot_then_one(dialog: SeriesReceiptDialog) -> None:
        screenshot(dialog, "series-receipt-dialog")
        key("1")(dialog)

    errors = answer_dialog(qtbot, shoot_then_one)
    ctrl_b(window)
    assert errors == []
    receipts = demo.printer.wait_for_receipts(1, timeout=5)
    assert "FORELØPIG KVITTERING\nNr. 1" in receipts[0] and name_a[:20] in receipts[0]
    lines = mark_lines(demo, 0)
    # The name first, double size, broken between words to fit 42 columns
    assert lines[:2] == [("FORELØPIG KVITTERING", 2), ("Nr. 1", 2)]
    mark = [("IKKJE KVITTERING", 2), ("FOR KJØP", 2)]  # kassasystemforskrifta § 2-8-8
    assert lines[2:4] == mark and lines[-2:] == mark  # and at the bottom
    assert "1" in view.message.text() and not view.message.property("error")

    errors = answer_dialog(qtbot, key("2"))
    ctrl_b(window)
    assert errors == []
    receipts = demo.printer.wait_for_receipts(2, timeout=5)
    assert mark_lines(demo, 1)[:3] == [("UTLEVERINGSKVITTERING", 2), ("Nr. 1", 2),  # own series
                                       ("IKKJE KVITTERING", 2)]
    assert demo.printer.png_paths  # the printed receipt as the paper shows it (docs copy)
    shutil.copy(demo.printer.png_paths[0], SCREENSHOTS / "provisional-receipt.png")

    errors = answer_dialog(qtbot, key("1"))
    ctrl_b(window)
    assert errors == []
    receipts = demo.printer.wait_for_receipts(3, timeout=5)
    assert mark_lines(demo, 2)[:2] == [("FORELØPIG KVITTERING", 2), ("Nr. 2", 2)]

    errors = answer_dialog(qtbot, lambda dialog: QTest.keyClick(dialog, Qt.Key.Key_Escape))
    ctrl_b(window)  # cancelled: nothing issued
    assert errors == []
    assert view.model.rowCount() == 2 and view.checkout.completed is None  # the cart stays

    entries = [e for e in journal.entries(demo.till.ctx.db, "1")
               if e.event in ("provisional_receipt", "delivery_receipt")]
    assert [(e.event_code, e.event) for e in entries] == [
        ("13015", "provisional_receipt"), ("13016", "delivery_receipt"),
        ("13015", "provisional_receipt")]
    assert journal.verify_journal(demo.till.ctx.db, "1").ok
    report = ReportService(demo.till.ctx).x_report(demo.till.user)
    assert (report.report_receipt_proforma_num, report.report_receipt_proforma_amnt) == \
        (2, 2 * total)
    assert (report.report_receipt_delivery_num, report.report_receipt_delivery_amnt) == \
        (1, total)
    assert len(demo.printer.receipts) == 3


def test_by_touch_and_refused_after_the_sale_is_paid(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    login(qtbot, window)
    view = window.sale
    scan(qtbot, window, some_gtin(demo, "melk")[0])
    button = view.findChild(type(view.pay_button), "seriesReceiptButton")
    assert button is not None and button.isVisible() and button.height() >= 48
    errors = answer_dialog(qtbot, lambda dialog: dialog.buttons["delivery"].click())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert errors == []
    receipts = demo.printer.wait_for_receipts(1, timeout=5)
    assert "UTLEVERINGSKVITTERING\nNr. 1" in receipts[0]

    view.start_payment()
    view.payment.pay_exact_cash()
    demo.printer.wait_for_receipts(2, timeout=5)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # paid: refused, no dialog
    assert "F11" in view.message.text()
    assert len(demo.printer.wait_for_receipts(3, timeout=1)) == 2
