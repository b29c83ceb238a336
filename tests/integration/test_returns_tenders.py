"""Where the money goes back: card through the simulated ZVT terminal (cash last), a return
without a receipt (cash or store credit, a supervisor's), and the void of the last sale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.app.card.sale_link import apply, pay_by_card
from pos.app.checkout import CheckoutError, to_item
from pos.app.demo import Demo, start_demo
from pos.app.return_quote import quote_without_receipt
from pos.core.cart import Cart
from pos.core.money import Money
from pos.store import card_payments, journal, sales


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    if demo.card_terminal is not None:
        demo.card_terminal.pace = 0  # no reading time for a person in tests
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


def unit_product(demo: Demo, text: str):  # type: ignore[no-untyped-def]
    return next(p for p in demo.till.ctx.search(text) if p.sold_by == "unit")


def test_card_part_goes_back_to_the_card_and_the_rest_in_cash(demo: Demo) -> None:
    till = demo.till
    till.login("2", "2222")
    checkout = till.checkout
    assert checkout is not None and till.ctx.card is not None
    checkout.add(unit_product(demo, "melk"), 2000)
    checkout.add(unit_product(demo, "kaffe"), 1000)
    attempt = pay_by_card(till.ctx.card, checkout, Money(3_000, "NOK"))  # 30 kr by card
    assert apply(till.ctx.card, checkout, attempt.future.result(30)) is None
    sale = checkout.pay_cash(Money(100_000, "NOK"))  # the rest in cash
    assert sale is not None
    checkout.next_sale()
    card_ref = next(p.reference for p in sale.receipt.payments if p.kind.value == "card")

    returns = till.returns()
    assert returns.card is not None  # the card service's refund() is wired in
    original = returns.find(sale.receipt.receipt_id)
    quote = returns.quote(original, {1: 2000})  # both milks: more than the card paid
    plan = returns.plan(quote, original)
    assert [p.tender for p in plan.parts] == ["card", "cash"]  # cash last
    assert plan.parts[0].amount_minor == 3_000 and plan.parts[0].reference == card_ref
    done = returns.complete(quote, original=original, reason="defective")
    stored = sales.get_sale(till.ctx.db, done.sale_id)
    assert stored is not None
    card, cash = stored.record.payments
    assert card.tender == "card" and card.amount_minor == -3_000 and card.reference
    assert cash.tender == "cash" and cash.amount_minor % 100 == 0
    refunds = [i for i in card_payments.for_sale(till.ctx.db, done.sale_id)
               if i.kind == "refund"]
    assert len(refunds) == 1 and refunds[0].outcome == "approved"
    assert refunds[0].amount_minor == 3_000

    # The card has nothing left to give back: the coffee comes back in cash only.
    again = returns.find(sale.receipt.receipt_id)
    later = returns.plan(returns.quote(again, {2: 1000}), again)
    assert [p.tender for p in later.parts] == ["cash"]


def test_return_without_receipt_to_store_credit_needs_a_supervisor(demo: Demo) -> None:
    till = demo.till
    till.login("1", "1234")  # a cashier
    returns = till.returns()
    coffee = unit_product(demo, "kaffe")
    cart = Cart("NOK").add(to_item(coffee, "NOK"), 2000)
    quote = quote_without_receipt(cart)
    assert quote.refund.minor == 2 * coffee.price_minor
    assert returns.needs_approval(quote, with_receipt=False)
    with pytest.raises(CheckoutError) as refused:
        returns.complete(quote, original=None, reason="defective", refund_to="store_credit")
    assert refused.value.kind == "approval_needed"
    supervisor = till.approve("2", "2222")
    done = returns.complete(quote, original=None, reason="defective", approver=supervisor,
                            refund_to="store_credit")
    stored = sales.get_sale(till.ctx.db, done.sale_id)
    assert stored is not None and stored.record.original_sale_id is None
    (credit,) = stored.record.payments
    assert credit.tender == "store_credit" and credit.amount_minor == -quote.refund.minor
    assert stored.record.rounding_minor == 0  # store credit is exact
    assert stored.record.lines[0].product_id == coffee.id  # the stock comes back
    assert demo.printer.wait_for(lambda p: len(p.receipts) >= 1, timeout=5)
    assert "Tilgodelapp" in demo.printer.receipts[-1]


def test_void_of_the_last_sale_in_this_session(demo: Demo) -> None:
    till = demo.till
    till.login("1", "1234")
    checkout = till.checkout
    assert checkout is not None
    checkout.add(unit_product(demo, "melk"), 3000)
    sale = checkout.pay_cash(Money(20_000, "NOK"))
    assert sale is not None
    checkout.next_sale()
    returns = till.returns()
    with pytest.raises(CheckoutError) as refused:
        returns.void_last_sale(None)
    assert refused.value.kind == "approval_needed"
    done = returns.void_last_sale(till.approve("2", "2222"))
    stored = sales.get_sale(till.ctx.db, done.sale_id)
    original = sales.get_sale(till.ctx.db, sale.sale_id)
    assert stored is not None and original is not None
    r, o = stored.record, original.record
    assert r.kind == "void" and r.original_sale_id == o.id
    assert r.total_minor == -o.total_minor and r.vat_minor == -o.vat_minor
    assert r.rounding_minor == -o.rounding_minor  # the cash handed back is what was taken
    entry = next(e for e in journal.entries(till.ctx.db, "1") if e.sale_id == r.id)
    assert entry.event_code == "13028"
    with pytest.raises(CheckoutError) as twice:  # the void is now the last transaction
        returns.void_last_sale(till.approve("2", "2222"))
    assert twice.value.kind == "no_sale_to_void"
    with pytest.raises(CheckoutError) as gone:  # and nothing of the sale is left to return
        returns.quote(returns.find(sale.receipt.receipt_id), {1: 1000})
    assert gone.value.kind == "over_return"
