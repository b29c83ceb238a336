"""Paying by card at the till: the dialog with the terminal's texts, a decline, split tender,
and the guided recovery when the terminal's answer is lost. Against the demo's simulated ZVT
terminal over TCP. Screenshots: tests/artifacts/screenshots/card-*.png."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from drivers.payment.zvt_client import ZvtTerminal
from drivers.sim.zvt_terminal import Script
from pos.app.demo import Demo
from pos.store import card_payments, journal
from pos.ui.card_dialog import CardDialog
from pos.ui.dialogs import ApprovalDialog
from tests.ui.conftest import screenshot
from tests.ui.test_sale_flow import login, press, scan, some_gtin


def while_modal(qtbot, kind: type, action: Callable[[QDialog], None]) -> list[BaseException]:  # type: ignore[no-untyped-def]
    """Run `action` on the next modal dialog of `kind` once it is open (exec() blocks the
    test); a failure closes it so the test reports instead of hanging."""
    errors: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, run)
            return
        try:
            action(dialog)
        except BaseException as error:
            errors.append(error)
            if isinstance(dialog, CardDialog) and dialog.outcome is None:
                dialog.service.abort()
                qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
            QDialog.done(dialog, 0)

    QTimer.singleShot(0, run)
    return errors


def start_paying(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    demo.card_terminal.script.status_delay = 0.25  # type: ignore[union-attr]
    login(qtbot, window)
    gtin, _name = some_gtin(demo, "melk")
    scan(qtbot, window, gtin)
    press(window, Qt.Key.Key_F12)
    assert window.sale.payment.card.isVisible()


def test_card_payment_shows_the_terminal_and_completes_the_sale(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    start_paying(qtbot, window, demo)
    due = window.sale.checkout.settlement.due

    def at_the_terminal(dialog: CardDialog) -> None:
        qtbot.waitUntil(lambda: "PIN" in dialog.status.text(), timeout=5000)
        assert dialog.cancel.isVisible() and dialog.amount_label.text()
        screenshot(dialog, "card-01-waiting-for-pin")

    screenshot(window, "card-00-payment-panel")
    errors = while_modal(qtbot, CardDialog, at_the_terminal)
    press(window, Qt.Key.Key_F5)
    assert errors == []
    completed = window.sale.checkout.completed
    assert completed is not None and completed.receipt.payments[0].kind.value == "card"
    intents = card_payments.for_sale(demo.till.ctx.db, completed.sale_id)
    assert [(i.state, i.amount_minor) for i in intents] == [("resolved", due.minor)]
    receipts = demo.printer.wait_for_receipts(1, timeout=5)
    assert "Bankterminal" in receipts[0] and "Visa CONTACTLESS" in receipts[0]
    events = [e.event for e in journal.entries(demo.till.ctx.db, "1")]
    assert events.index("card_intent") < events.index("card_approved") < events.index(
        "card_settled")
    screenshot(window, "card-02-paid")


def test_declined_card_leaves_the_sale_in_payment(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    start_paying(qtbot, window, demo)
    demo.card_terminal.script = Script("decline", result_code=0x33, statuses=(0x0A,))  # type: ignore[union-attr]

    def declined(dialog: CardDialog) -> None:
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=5000)
        assert dialog.outcome.status == "declined"  # type: ignore[union-attr]
        assert dialog.close_button.isVisible() and not dialog.cancel.isVisible()
        screenshot(dialog, "card-03-declined")
        dialog.close_button.click()

    errors = while_modal(qtbot, CardDialog, declined)
    press(window, Qt.Key.Key_F5)
    assert errors == []
    assert window.sale.checkout.completed is None
    assert window.sale.checkout.settlement.payments == ()
    assert window.sale.right.currentWidget() is window.sale.payment


def test_split_tender_card_then_cash(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    start_paying(qtbot, window, demo)
    demo.card_terminal.script.status_delay = 0  # type: ignore[union-attr]
    total = window.sale.checkout.settlement.due
    qtbot.keyClicks(window.sale.payment.amount, "10")
    errors = while_modal(qtbot, CardDialog, lambda d: None)
    press(window, Qt.Key.Key_F5)
    assert errors == []
    settlement = window.sale.checkout.settlement
    assert [p.amount.minor for p in settlement.payments] == [1000]
    assert settlement.due.minor == total.minor - 1000
    assert window.sale.checkout.completed is None
    window.sale.payment.pay_exact_cash()
    completed = window.sale.checkout.completed
    assert completed is not None
    assert [p.kind.value for p in completed.receipt.payments] == ["card", "cash"]
    intents = card_payments.for_sale(demo.till.ctx.db, completed.sale_id)
    assert [i.state for i in intents] == ["resolved"]


def test_lost_answer_guides_the_cashier_and_a_supervisor(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    start_paying(qtbot, window, demo)
    sim = demo.card_terminal
    assert sim is not None
    sim.script = Script("hold", statuses=(0x0A,))
    # a terminal that goes silent: give up on it after a second rather than the demo's 90 s
    demo.till.ctx.card.use_terminal(lambda: ZvtTerminal.from_url(f"{sim.url}?timeout=1"))

    def supervisor(dialog: ApprovalDialog) -> None:
        qtbot.keyClicks(dialog.employee, "2")
        qtbot.keyClicks(dialog.pin, "2222")
        dialog.accept()

    def lost(dialog: CardDialog) -> None:
        qtbot.waitUntil(lambda: "card" in dialog.status.text().lower()
                        or "kort" in dialog.status.text().lower(), timeout=5000)
        sim.stop()  # the terminal goes away while the customer is at it
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
        assert dialog.outcome.status == "unknown"  # type: ignore[union-attr]
        assert dialog.yes.isVisible() and dialog.no.isVisible()
        screenshot(dialog, "card-04-recovery-prompt")
        errors.extend(while_modal(qtbot, ApprovalDialog, supervisor))
        dialog.yes.click()

    errors = while_modal(qtbot, CardDialog, lost)
    press(window, Qt.Key.Key_F5)
    assert errors == []
    completed = window.sale.checkout.completed
    assert completed is not None
    intent = card_payments.for_sale(demo.till.ctx.db, completed.sale_id)[0]
    assert intent.resolution == "cashier" and intent.approved_by is not None
    events = [e.event for e in journal.entries(demo.till.ctx.db, "1")]
    assert "card_in_doubt" in events and "card_resolved_by_cashier" in events


def test_manager_card_end_of_day(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    from pos.app.card import sale_link
    from pos.ui.card_end_of_day import ReconcileDialog

    demo.card_terminal.script.status_delay = 0  # type: ignore[union-attr]
    login(qtbot, window, employee="9", pin="9999")
    checkout = demo.till.checkout
    checkout.scan(some_gtin(demo, "melk")[0])
    service = demo.till.ctx.card
    outcome = sale_link.pay_by_card(service, checkout).future.result(10)
    assert sale_link.apply(service, checkout, outcome) is not None
    dialog = ReconcileDialog(window, service, demo.till.ctx.formatter, demo.till.user.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.reconciliation is not None, timeout=10000)
    done = dialog.reconciliation
    assert done.ok and done.kassa_total_minor == outcome.amount_minor
    assert dialog.close_button.isEnabled()
    screenshot(dialog, "card-05-end-of-day")
    dialog.accept()


def test_reverse_last_card_payment_from_the_devices_page(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from pos.app.card import sale_link
    from pos.core.money import Money
    from pos.ui.devices_view import DevicesView

    sim = demo.card_terminal
    assert sim is not None
    sim.script.status_delay = 0
    login(qtbot, window)  # a cashier: a manager must approve the reversal
    checkout = demo.till.checkout
    checkout.scan(some_gtin(demo, "melk")[0])
    service = demo.till.ctx.card
    paid = sale_link.pay_by_card(service, checkout).future.result(10)
    assert sale_link.apply(service, checkout, paid) is not None
    view = DevicesView(demo.till, window, open_drawer=lambda: None)  # as the sale screen opens it
    qtbot.addWidget(view)
    view.show()
    screenshot(view, "09-devices-card")
    label = view.tr("Reverse last card payment")  # in the screen's language
    button = next(b for b in view.findChildren(QPushButton) if b.text().startswith(label))
    told: list[str] = []

    def acknowledge(box: QDialog) -> None:
        told.append(box.text())  # type: ignore[attr-defined]
        box.accept()

    def manager(dialog: ApprovalDialog) -> None:
        screenshot(dialog, "card-06-reversal-approval")
        qtbot.keyClicks(dialog.employee, "9")
        qtbot.keyClicks(dialog.pin, "9999")
        errors.extend(while_modal(qtbot, QMessageBox, acknowledge))
        dialog.accept()

    errors = while_modal(qtbot, ApprovalDialog, manager)
    button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert errors == []
    assert demo.till.ctx.formatter.money(Money(paid.amount_minor, "NOK")) in told[0]
    original = card_payments.get_intent(demo.till.ctx.db, paid.reference)
    assert original is not None and original.resolution == "reversed"
    reversal = card_payments.last_approved(demo.till.ctx.db, service.register_id, "reversal")
    assert reversal is not None and reversal.original_reference == paid.reference
    assert reversal.amount_minor == paid.amount_minor and reversal.employee_id is not None
    assert [(b.kind, b.reversed) for b in sim.batch] == [("purchase", True), ("reversal", False)]
    assert service.open_intents() == []
    assert view.table.item(2, 1).text() == view.tr("configured")  # refreshed after the reversal
    # nothing left to reverse: said, and nothing sent to the terminal
    sent = len(sim.commands())
    errors = while_modal(qtbot, QMessageBox, acknowledge)
    button.click()
    assert errors == [] and len(told) == 2 and told[1] != told[0]
    assert len(sim.commands()) == sent
    screenshot(view, "card-07-devices-with-reversal")
