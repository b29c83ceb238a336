"""Card payments through the till's use cases (no Qt): the demo's simulated ZVT terminal and
printer over TCP. Receipts with the terminal's slips, a sale brought back after the till lost
it, the refund hook for the returns desk, and no full PAN anywhere."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.sim.zvt_terminal import Script
from pos.app.card import CardError, sale_link
from pos.app.demo import Demo, start_demo
from pos.core.money import Money
from pos.store import card_payments, journal


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    assert demo.card_terminal is not None
    demo.card_terminal.pace = 0
    demo.till.start()
    demo.till.card_recovery.result(10)
    yield demo
    demo.till.shutdown()
    demo.stop()


def sell_something(demo: Demo) -> None:
    till = demo.till
    if till.user is None:
        till.login("1", "1234")
    assert till.checkout is not None
    till.checkout.scan(demo.till.ctx.search("melk")[0].gtin or "")


def test_card_sale_prints_the_terminal_slip_and_a_merchant_copy_to_sign(demo: Demo) -> None:
    assert demo.card_terminal is not None
    demo.card_terminal.script = Script("approve", receipt="lines", signature=True)
    sell_something(demo)
    service, checkout = demo.till.ctx.card, demo.till.checkout
    assert checkout is not None
    outcome = sale_link.pay_by_card(service, checkout).future.result(10)
    completed = sale_link.apply(service, checkout, outcome)
    assert completed is not None
    assert sale_link.apply(service, checkout, outcome) is completed  # twice: still one payment
    assert len(completed.receipt.payments) == 1
    receipt, merchant = demo.printer.wait_for_receipts(2, timeout=5)  # cut between them
    assert "Bankterminal" in receipt and "CUSTOMER COPY" in receipt
    assert "MERCHANT COPY" not in receipt
    assert "BRUKERSTEDETS KOPI" in merchant and "MERCHANT COPY" in merchant
    assert "Signatur" in merchant  # the terminal's own signature line, not a second one
    assert merchant.count("Signatur") == 1
    intent = card_payments.for_sale(demo.till.ctx.db, completed.sale_id)[0]
    assert intent.signature_required == 1 and intent.state == "resolved"


def test_part_card_part_cash(demo: Demo) -> None:
    sell_something(demo)
    service, checkout = demo.till.ctx.card, demo.till.checkout
    assert checkout is not None
    due = checkout.start_payment().due
    outcome = sale_link.pay_by_card(service, checkout, Money(500, "NOK")).future.result(10)
    assert sale_link.apply(service, checkout, outcome) is None  # part paid, still in payment
    assert checkout.settlement is not None and checkout.settlement.due.minor == due.minor - 500
    with pytest.raises(CardError):  # never more than what is left
        sale_link.pay_by_card(service, checkout, Money(due.minor, "NOK"))
    completed = checkout.pay_cash(checkout.settlement.cash_due)
    assert completed is not None
    demo.till.ctx.card.settle(completed.sale_id)
    intents = card_payments.for_sale(demo.till.ctx.db, completed.sale_id)
    assert [(i.amount_minor, i.state) for i in intents] == [(500, "resolved")]


def test_a_sale_the_till_lost_after_approval_is_brought_back(demo: Demo) -> None:
    sell_something(demo)
    service, checkout = demo.till.ctx.card, demo.till.checkout
    assert checkout is not None
    total = checkout.start_payment().due
    sale_id = checkout.sale_id
    part = sale_link.pay_by_card(service, checkout, Money(300, "NOK")).future.result(10)
    assert part.approved
    checkout.settlement = None  # the till died: the open sale was only in memory
    checkout.next_sale()
    restored = sale_link.restore(service, checkout)
    assert restored is True
    assert checkout.sale_id == sale_id and checkout.settlement is not None
    assert checkout.settlement.due.minor == total.minor - 300
    # the rest by card: the sale completes and both intents are settled, once each
    rest = sale_link.pay_by_card(service, checkout).future.result(10)
    completed = sale_link.apply(service, checkout, rest)
    assert completed is not None and [p.amount.minor for p in completed.receipt.payments] == [
        300, total.minor - 300]
    assert service.restorable() == []
    assert sale_link.restore(service, checkout) is False


def test_refund_hook_for_the_returns_desk(demo: Demo) -> None:
    sell_something(demo)
    service, checkout = demo.till.ctx.card, demo.till.checkout
    assert checkout is not None
    paid = sale_link.pay_by_card(service, checkout).future.result(10)
    completed = sale_link.apply(service, checkout, paid)
    assert completed is not None
    refunds = demo.till.card_refunds
    result = refunds.refund(Money(100, "NOK"), sale_id="RETURN-1",
                            original_sale_id=completed.sale_id, original_reference=None)
    intent = card_payments.get_intent(demo.till.ctx.db, result.reference)
    assert intent is not None and intent.kind == "refund" and intent.sale_id == "RETURN-1"
    assert intent.original_reference == paid.reference and intent.employee_id is not None
    assert demo.card_terminal is not None
    demo.card_terminal.script = Script("decline", result_code=0x05)
    with pytest.raises(CardError):
        refunds.refund(Money(100, "NOK"), sale_id="RETURN-2", original_sale_id=None,
                       original_reference=None)


def test_no_full_pan_in_the_database_the_log_or_the_receipt(
        demo: Demo, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert demo.card_terminal is not None
    # a terminal that sends the PAN unmasked (it must not, but the till must not care)
    demo.card_terminal.script = Script("approve", masked_pan="4111111111111111",
                                       receipt="lines")
    sell_something(demo)
    service, checkout = demo.till.ctx.card, demo.till.checkout
    assert checkout is not None
    outcome = sale_link.pay_by_card(service, checkout).future.result(10)
    assert sale_link.apply(service, checkout, outcome) is not None
    receipt = demo.printer.wait_for_receipts(1, timeout=5)[0]
    assert journal.verify_journal(demo.till.ctx.db, "1").ok
    intent = card_payments.get_intent(demo.till.ctx.db, outcome.reference)
    assert intent is not None and intent.masked_pan and intent.masked_pan.endswith("1111")
    assert "411111" not in intent.masked_pan
    files = [p for p in Path(demo.data_dir).iterdir() if p.name.startswith("till.db")]
    assert files
    for path in files:
        assert b"4111111111111111" not in path.read_bytes(), path
        assert b"411111111111" not in path.read_bytes(), path
    assert "411111111111" not in caplog.text
    assert "411111111111" not in receipt
