"""Shift close (blind count, variance, approval), the X/Z screen with its charts, the end of
day and the printed Z: by keyboard against the demo till and the simulated printer; writes
the screenshots of issue 7."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from pos.app.demo import Demo
from pos.app.shifts import ShiftService
from pos.core.money import Money
from pos.core.tender import TenderKind
from pos.store import catalog, z_reports
from tests.ui.conftest import SCREENSHOTS, screenshot

MORNING = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)  # 08:05 in Oslo


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def english(demo: Demo) -> Iterator[Demo]:
    """These screens in English (their nb/sv strings come with the lead's translation run)."""
    from pos.ui.app import install_translations, make_application

    app = make_application("en_GB")
    for translator in app.findChildren(__import__("PySide6.QtCore").QtCore.QTranslator):
        app.removeTranslator(translator)
    config = demo.till.ctx.config
    demo.till.ctx.config = config.model_copy(update={
        "till": config.till.model_copy(update={"locale": "en_GB"}),
        "shifts": config.shifts.model_copy(update={"required_to_sell": True}),
    })  # fmt: skip
    yield demo
    install_translations(app, "nb_NO")


def sell_a_day(demo: Demo, clock: Clock) -> None:
    """Sales from 08 to 20 o'clock, cash and card, over several departments."""
    till = demo.till
    checkout = till.checkout
    assert checkout is not None
    words = ("melk", "brød", "kaffe", "banan", "sjokolade", "ost", "vaskemiddel", "pizza")
    for i in range(26):
        clock.now = MORNING + timedelta(minutes=29 * i)
        for word in words[i % len(words):][:1 + i % 3]:
            found = catalog.search(till.ctx.db, word, limit=1)
            if found and found[0].gtin and found[0].sold_by == "unit":
                checkout.scan(found[0].gtin)
        if checkout.cart.is_empty:
            continue
        due = checkout.totals.total
        if i % 3:
            done = checkout.pay_cash(Money((due.minor // 10_000 + 1) * 10_000, "NOK"))
        else:
            done = checkout.pay_exact(TenderKind.CARD, due, f"T{i:04d}")
        assert done is not None
        checkout.next_sale()


def approve_when_asked(qtbot, employee: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """The supervisor steps up: fills the approval dialog as soon as it is shown."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "pin"):
            QTimer.singleShot(20, fill)
            return
        qtbot.keyClicks(dialog.employee, employee)
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    QTimer.singleShot(20, fill)


def test_blind_close_with_variance_reason_and_approval(qtbot, english: Demo) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.shift_views import CloseShiftDialog, OpenShiftDialog

    demo = english
    clock = Clock(MORNING)
    demo.till.ctx.now = clock
    till = demo.till
    cashier = till.login("1", "1234")

    opening = OpenShiftDialog(None, till, cashier)  # type: ignore[arg-type]
    qtbot.addWidget(opening)
    opening.show()
    qtbot.keyClicks(opening.count.fields[10_000], "-2")  # a negative count is refused
    opening.open_shift()
    assert "negative" in opening.error.text()
    opening.count.fields[10_000].clear()
    for denomination, pieces in ((10_000, "3"), (5_000, "4"), (2_000, "5"), (1_000, "10"),
                                 (500, "8"), (100, "20")):  # fmt: skip
        qtbot.keyClicks(opening.count.fields[denomination], pieces)
    screenshot(opening, "shift-open-float")
    opening.open_shift()
    assert opening.result() == QDialog.DialogCode.Accepted and opening.shift is not None
    assert opening.shift.opening_float_minor == 76_000

    sell_a_day(demo, clock)
    shift = ShiftService(till.ctx).current(cashier)
    assert shift is not None
    expected, _ = ShiftService(till.ctx).expected(shift)

    dialog = CloseShiftDialog(None, till, cashier, shift)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.resize(1100, 720)
    dialog.show()
    for denomination, pieces in ((50_000, "1"), (20_000, "2"), (10_000, "6"), (5_000, "3"),
                                 (2_000, "4"), (1_000, "7"), (500, "6"), (100, "17")):  # fmt: skip
        qtbot.keyClicks(dialog.count.fields[denomination], pieces)
    card = expected["card"]
    qtbot.keyClicks(dialog.other["card"], f"{card // 100},{card % 100:02d}")  # the slips' total
    # Blind: the expected cash is nowhere on the count page.
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert till.ctx.formatter.money(Money(expected["cash"], "NOK")) not in shown
    screenshot(dialog, "shift-close-blind-count")

    dialog.count_done()
    review = dialog.review
    assert review is not None and dialog.pages.currentIndex() == 1
    assert [line.expected for line in review.lines] == [expected["cash"], expected["card"]]
    assert review.needs_reason  # counted short by more than the threshold
    dialog.approve_and_close()  # no reason yet: refused, stays open
    assert "reason" in dialog.error.text().lower() and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "Short after two recounts; checked with the supervisor")
    screenshot(dialog, "shift-close-variance")
    approve_when_asked(qtbot, "2", "2222")
    dialog.approve_and_close()
    assert dialog.closed is not None and dialog.closed.approved_by is not None
    assert dialog.closed.variance_minor == review.variance
    assert ShiftService(till.ctx).current(cashier) is None


def test_report_screen_end_of_day_and_printed_z(qtbot, english: Demo) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.manager_view import EndOfDayDialog, ManagerView

    demo = english
    clock = Clock(MORNING)
    demo.till.ctx.now = clock
    till = demo.till
    cashier = till.login("1", "1234")
    ShiftService(till.ctx).open(cashier, {10_000: 3, 2_000: 5})
    sell_a_day(demo, clock)
    clock.now = MORNING + timedelta(hours=13)
    till.login("9", "9999")

    view = ManagerView(till)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert view.report is not None and view.report.report_type == "X report"
    assert len(view.panel.by_hour.bars) >= 12 and len(view.panel.by_tender.bars) == 2
    assert len(view.panel.by_department.bars) >= 3
    qtbot.wait(50)
    screenshot(view, "xz-report-screen")

    eod = EndOfDayDialog(till, view)
    qtbot.addWidget(eod)
    eod.show()
    eod.run()  # the cashier's shift is still open: the flow stops and lists it
    assert eod.flag_button.isVisible()
    screenshot(eod, "end-of-day-open-shift")
    eod.flag_and_run()
    assert not eod.run_button.isEnabled()
    screenshot(eod, "end-of-day-done")
    (z,) = z_reports.list_z(till.ctx.db, "1")
    assert z.z_no == 1

    again = EndOfDayDialog(till, view)  # never twice
    qtbot.addWidget(again)
    assert "does not run twice" in again.message.text()

    view.show_report(view.reports.stored(1)[0][1])
    qtbot.wait(50)
    screenshot(view, "z-report-screen")

    assert demo.printer.wait_for(
        lambda p: any("Z REPORT No. 1" in text for text in p.receipts), timeout=10
    )
    png = next(p for p, text in zip(demo.printer.png_paths, demo.printer.receipts, strict=False)
               if "Z REPORT" in text)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, SCREENSHOTS / "z-receipt.png")
