"""Returns with a receipt, against the demo database and the simulated ESC/POS printer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.app.checkout import CheckoutError, CompletedSale
from pos.app.demo import Demo, start_demo
from pos.app.return_record import ReturnFacts, to_record
from pos.app.returns import Returns
from pos.core.cart import Discount
from pos.core.money import Money
from pos.store import journal, outbox, sales
from pos.store.records import new_sale_id
from pos.store.returns import AlreadyReturned, over_return_guard
from sync.protocol import SaleCommitted


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


def product(demo: Demo, text: str):  # type: ignore[no-untyped-def]
    found = next(p for p in demo.till.ctx.search(text) if p.sold_by == "unit")
    return found


def sell(demo: Demo, *items: tuple[str, int], cash: int = 500_000,
         discount: Discount | None = None) -> CompletedSale:
    """A cash sale of (search text, pieces) through the real checkout."""
    checkout = demo.till.checkout
    assert checkout is not None
    for text, pieces in items:
        checkout.add(product(demo, text), pieces * 1000)
    if discount is not None:
        checkout.discount_receipt(discount)
    done = checkout.pay_cash(Money(cash, "NOK"))
    assert done is not None
    checkout.next_sale()
    return done


def desk(demo: Demo) -> Returns:
    return demo.till.returns()


def test_partial_return_then_the_rest_nets_the_sale_to_zero(demo: Demo) -> None:
    demo.till.login("2", "2222")  # a supervisor: no approval dialog needed
    sale = sell(demo, ("melk", 3), ("brød", 1), ("kaffe", 2),
                discount=Discount("staff", percent_bp=1000))
    returns = desk(demo)
    original = returns.find(sale.receipt.receipt_id)  # the receipt's barcode
    first = returns.complete(returns.quote(original, {1: 1000, 3: 1000}), original=original,
                             reason="defective")
    assert first.kind == "return" and first.receipt.total.minor < 0
    # The rest, found by the receipt number typed in.
    original = returns.find(str(sale.transaction_no))
    assert original.returned_of(1).quantity_milli == 1000
    rest = returns.quote(original, {1: 2000, 2: 1000, 3: 1000})
    second = returns.complete(rest, original=original, reason="changed_mind")

    stored = sales.get_sale(demo.till.ctx.db, sale.sale_id)
    assert stored is not None
    reversals = [sales.get_sale(demo.till.ctx.db, r.sale_id) for r in (first, second)]
    assert all(r is not None and r.record.kind == "return" for r in reversals)
    for line in stored.record.lines:  # per line: quantity, total and VAT exactly reversed
        back = [ln for r in reversals if r for ln in r.record.lines if ln.line_no == line.line_no]
        assert sum(ln.quantity_milli for ln in back) == -line.quantity_milli
        assert sum(ln.total_minor for ln in back) == -line.total_minor
        assert sum(ln.vat_minor for ln in back) == -line.vat_minor
    for vat in stored.record.vat:  # per rate
        back_vat = [v for r in reversals if r for v in r.record.vat if v.vat_code == vat.vat_code]
        assert sum(v.vat_minor for v in back_vat) == -vat.vat_minor
        assert sum(v.gross_minor for v in back_vat) == -vat.gross_minor
    # Nothing is left: one more piece is refused.
    with pytest.raises(CheckoutError) as refused:
        returns.quote(returns.find(str(sale.transaction_no)), {1: 1000})
    assert refused.value.kind == "over_return"


def test_over_return_refused_and_weighed_item_by_weight(demo: Demo) -> None:
    demo.till.login("2", "2222")
    checkout = demo.till.checkout
    assert checkout is not None
    bananas = demo.till.ctx.lookup("4011")
    assert bananas is not None and bananas.sold_by == "weight"
    checkout.add(bananas, 1250)
    sale = checkout.pay_cash(Money(100_000, "NOK"))
    assert sale is not None
    checkout.next_sale()
    returns = desk(demo)
    original = returns.find(sale.receipt.receipt_id)
    with pytest.raises(CheckoutError) as over:
        returns.quote(original, {1: 1251})
    assert over.value.kind == "over_return"
    done = returns.complete(returns.quote(original, {1: 500}), original=original,
                            reason="defective")
    stored = sales.get_sale(demo.till.ctx.db, done.sale_id)
    assert stored is not None
    (line,) = stored.record.lines
    assert line.unit == "kg" and line.quantity_milli == -500
    sold = sale.receipt.lines[0].amount.minor
    assert line.total_minor == -round(sold * 500 / 1250)
    left = returns.find(sale.receipt.receipt_id)
    assert left.returned_of(1).quantity_milli == 500
    with pytest.raises(CheckoutError):
        returns.quote(left, {1: 751})


def test_two_returns_racing_the_second_is_refused(demo: Demo) -> None:
    demo.till.login("2", "2222")
    sale = sell(demo, ("melk", 2))
    desks = [desk(demo), desk(demo)]
    seen = [d.find(sale.receipt.receipt_id) for d in desks]  # both see nothing returned yet
    go = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        go.wait()
        try:
            outcomes[i] = desks[i].complete(desks[i].quote(seen[i], {1: 2000}),
                                            original=seen[i], reason="defective")
        except CheckoutError as error:
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    refused = [o for o in outcomes if isinstance(o, CheckoutError)]
    assert len(refused) == 1 and refused[0].kind == "over_return", outcomes
    left = desk(demo).find(sale.receipt.receipt_id)
    assert left.returned_of(1).quantity_milli == 2000 and len(left.return_ids) == 1


def test_the_guard_in_the_commit_refuses_what_a_stale_check_let_through(demo: Demo) -> None:
    """The last word is the check inside the write transaction: a return built on a stale
    view is refused there, nothing is written, no number is used, and it is journaled."""
    demo.till.login("2", "2222")
    sale = sell(demo, ("melk", 2))
    returns = desk(demo)
    stale = returns.find(sale.receipt.receipt_id)
    quote = returns.quote(stale, {1: 1000})
    returns.complete(returns.quote(stale, {1: 2000}), original=stale, reason="defective")
    db = demo.till.ctx.db
    before = sales.last_sale(db, demo.till.ctx.register_id)
    facts = ReturnFacts(new_sale_id(), "return", quote, returns.plan(quote, stale), stale,
                        demo.till.ctx.now(), returns.user, "defective")
    sold = {ln.line_no: ln.quantity_milli for ln in stale.record.lines}
    with pytest.raises(AlreadyReturned) as refused:
        sales.commit_sale(db, to_record(demo.till.ctx, facts),
                          inside=over_return_guard(stale.record.id, {1: 1000}, sold))
    assert refused.value.lines == [1]
    after = sales.last_sale(db, demo.till.ctx.register_id)
    assert before is not None and after is not None
    assert after.transaction_no == before.transaction_no
    with pytest.raises(CheckoutError) as app_refused:  # the app says so before money moves
        returns.complete(quote, original=stale, reason="defective")
    assert app_refused.value.kind == "over_return"


def test_journal_outbox_and_printed_return_receipt(demo: Demo) -> None:
    demo.till.login("2", "2222")
    sale = sell(demo, ("melk", 2), ("brød", 1))
    returns = desk(demo)
    original = returns.find(sale.receipt.receipt_id)
    done = returns.complete(returns.quote(original, {1: 1000}), original=original,
                            reason="Feil størrelse")
    db = demo.till.ctx.db
    entry = next(e for e in journal.entries(db, "1") if e.sale_id == done.sale_id)
    assert entry.event_code == "13013" and entry.event == "return_committed"
    assert entry.payload["original_sale_id"] == sale.sale_id
    assert entry.payload["reason"] == "Feil størrelse"
    assert journal.verify_journal(db, "1").ok

    envelope = next(e for e in outbox.pending(db, "1") if e.payload["sale_id"] == done.sale_id)
    payload = envelope.parsed()
    assert isinstance(payload, SaleCommitted)
    assert payload.kind == "return" and str(payload.original_sale_id) == sale.sale_id
    (line,) = payload.lines  # negative: the hub puts the stock back
    assert line.quantity_milli == -1000 and line.total_minor < 0 and line.vat_minor < 0
    assert line.sku == sale.receipt.lines[0].name or line.sku
    assert payload.totals.total_minor < 0
    assert sum(p.amount_minor for p in payload.payments) < 0

    assert demo.printer.wait_for(lambda p: len(p.receipts) >= 2, timeout=5)
    text = demo.printer.receipts[-1]
    assert "RETURKVITTERING" in text
    assert f"Gjelder kvittering nr. {sale.transaction_no}, " in text
    assert "Årsak: Feil størrelse" in text  # the cashier's own words
    assert "TOTALT" in text and "-" in text
    assert demo.printer.drawer_kicks >= 2  # the sale's and the refund's


def test_cash_refund_is_rounded_and_vat_exact(demo: Demo) -> None:
    demo.till.login("2", "2222")
    sale = sell(demo, ("melk", 1), ("kaffe", 1))
    returns = desk(demo)
    original = returns.find(sale.receipt.receipt_id)
    quote = returns.quote(original, {1: 1000, 2: 1000})
    done = returns.complete(quote, original=original, reason="other: test")
    record = sales.get_sale(demo.till.ctx.db, done.sale_id)
    assert record is not None
    r = record.record
    (cash,) = r.payments
    assert cash.tender == "cash" and cash.amount_minor % 100 == 0
    assert cash.amount_minor - r.change_minor == r.total_minor + r.rounding_minor
    assert r.total_minor == -sale.receipt.total.minor
    assert r.vat_minor == -sum(v.vat_minor for v in sale.receipt.vat)


def test_approval_needed_above_the_limit_and_for_a_cashier(demo: Demo) -> None:
    demo.till.login("1", "1234")  # a cashier
    sale = sell(demo, ("kaffe", 20))  # well above 500 kr
    returns = desk(demo)
    original = returns.find(sale.receipt.receipt_id)
    quote = returns.quote(original, {1: 20_000})
    assert returns.needs_approval(quote, with_receipt=True)
    with pytest.raises(CheckoutError) as refused:
        returns.complete(quote, original=original, reason="defective")
    assert refused.value.kind == "approval_needed"
    small = returns.quote(original, {1: 1000})
    assert not returns.needs_approval(small, with_receipt=True)
    supervisor = demo.till.approve("2", "2222")
    done = returns.complete(quote, original=original, reason="defective", approver=supervisor)
    entry = next(e for e in journal.entries(demo.till.ctx.db, "1") if e.sale_id == done.sale_id)
    assert entry.payload["approved_by"] == supervisor.id


def test_a_return_is_not_returnable_and_unknown_receipts_are_refused(demo: Demo) -> None:
    demo.till.login("2", "2222")
    sale = sell(demo, ("melk", 1))
    returns = desk(demo)
    original = returns.find(sale.receipt.receipt_id)
    done = returns.complete(returns.quote(original, {1: 1000}), original=original,
                            reason="defective")
    for text, kind in ((done.receipt.receipt_id, "not_returnable"), ("999", "receipt_not_found"),
                       ("R1-1X", "receipt_not_found"), ("melk", "receipt_not_found")):
        with pytest.raises(CheckoutError) as refused:
            returns.find(text)
        assert refused.value.kind == kind, text
    assert [s.transaction_no for s in returns.todays_sales()] == [sale.transaction_no]
