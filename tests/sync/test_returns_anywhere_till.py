"""Returns anywhere at the till, against a real hub: a sale made in Oslo (S1) returned at a
Bergen (S2) till by its receipt barcode (the hub has it), priced from the original, restocked in
Bergen, counted as a return in Bergen's X report, and refused once all of it has come back in
either store; a web order returned at an Oslo till by its number, refunded to the web payment
(no cash out), counted as a return, and a second return of the whole order refused."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from hub.db import open_database, utcnow
from hub.medusa.tables import medusa_orders
from hub.testing import HubProcess, running_hub
from pos.app.checkout import CheckoutError
from pos.app.returns import new_return_id
from pos.app.web_returns import WebReturns
from pos.app.xz_reports import ReportService
from pos.core.barcode import receipt_barcode
from tests.sync.tills import drained, hub_stock, make_till, seed_hub, sell, wait_for

MILK = "7038010000010"  # M1, 24.90


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        seed_hub(running, ("S1", "S2"))
        yield running


def test_an_oslo_sale_is_returned_in_bergen_and_never_more_than_was_sold(
        hub: HubProcess, tmp_path: Path) -> None:
    oslo = make_till(hub, tmp_path / "oslo", "S1", "OSL1")
    bergen = make_till(hub, tmp_path / "bergen", "S2", "BGO1")
    number = sell(oslo, MILK, MILK)
    wait_for(lambda: drained(oslo), what="the Oslo sale at the hub")
    before = hub_stock(hub, bergen, "M1")

    returns = bergen.returns()
    original = returns.find(receipt_barcode("OSL1", number))
    assert original.record.store_id == "S1" and original.record.total_minor == 4980
    quote = returns.quote(original, {1: 1000})
    done = returns.complete(quote, original=original, reason="defective",
                            return_id=new_return_id())
    # cash, rounded to whole kroner
    assert done.refund.parts[0].tender == "cash" and done.refund.parts[0].amount_minor == 2500
    wait_for(lambda: drained(bergen), what="the Bergen return at the hub")
    assert hub_stock(hub, bergen, "M1") == before + 1000  # restocked where it came back

    x = ReportService(bergen.ctx).x_report(bergen.user)
    assert x.report_return_num == 1 and x.report_return_amnt == 2490

    # The second milk comes back in Oslo; then Bergen may take back nothing more.
    at_home = oslo.returns()
    mine = at_home.find(receipt_barcode("OSL1", number))
    at_home.complete(at_home.quote(mine, {1: 1000}), original=mine, reason="defective",
                     return_id=new_return_id())
    wait_for(lambda: drained(oslo), what="the Oslo return at the hub")
    again = bergen.returns().find(receipt_barcode("OSL1", number))
    assert again.returned_of(1).quantity_milli == 2000
    with pytest.raises(CheckoutError) as refused:
        bergen.returns().quote(again, {1: 1000})
    assert refused.value.kind == "over_return"


def test_a_stale_copy_cannot_return_what_another_store_took_back(
        hub: HubProcess, tmp_path: Path) -> None:
    """Found before the other store's return reached the hub: asked again before money moves."""
    oslo = make_till(hub, tmp_path / "oslo", "S1", "OSL2")
    bergen = make_till(hub, tmp_path / "bergen", "S2", "BGO2")
    number = sell(oslo, MILK)
    wait_for(lambda: drained(oslo), what="the sale at the hub")
    desk = bergen.returns()
    stale = desk.find(receipt_barcode("OSL2", number))
    home = oslo.returns()
    mine = home.find(receipt_barcode("OSL2", number))
    home.complete(home.quote(mine, {1: 1000}), original=mine, reason="defective",
                  return_id=new_return_id())
    wait_for(lambda: drained(oslo), what="the Oslo return at the hub")
    with pytest.raises(CheckoutError) as refused:
        desk.complete(desk.quote(stale, {1: 1000}), original=stale, reason="defective",
                      return_id=new_return_id())
    assert refused.value.kind == "over_return"


def test_two_stores_returning_the_same_line_at_once_only_one_refunds(
        hub: HubProcess, tmp_path: Path) -> None:
    """Both find the sale before either return reaches the hub: the first claims the line at
    the hub just before its refund (hub.return_claims), the second is refused before any money
    moves, with the store that holds it; the first's own repeat (same return id) still holds."""
    oslo = make_till(hub, tmp_path / "oslo", "S1", "OSL4")
    other_oslo = make_till(hub, tmp_path / "oslo2", "S1", "OSL5")
    bergen = make_till(hub, tmp_path / "bergen", "S2", "BGO5")
    number = sell(oslo, MILK)
    wait_for(lambda: drained(oslo), what="the sale at the hub")
    first, second = bergen.returns(), other_oslo.returns()
    mine = first.find(receipt_barcode("OSL4", number))
    theirs = second.find(receipt_barcode("OSL4", number))
    assert bergen.hub is not None and bergen.hub.pusher is not None
    bergen.hub.pusher.stop()  # Bergen's return stays on its till: only the claim is at the hub
    return_id = new_return_id()
    done = first.complete(first.quote(mine, {1: 1000}), original=mine, reason="defective",
                          return_id=return_id)
    assert done.refund.parts[0].amount_minor == 2500
    with pytest.raises(CheckoutError) as refused:
        second.complete(second.quote(theirs, {1: 1000}), original=theirs, reason="defective",
                        return_id=new_return_id())
    assert refused.value.kind == "over_return" and "store S2" in refused.value.detail
    assert second.completed == {}  # nothing refunded, nothing committed
    home = oslo.returns()  # the till that sold it asks the hub too, while it is online
    own = home.find(receipt_barcode("OSL4", number))
    with pytest.raises(CheckoutError) as at_home:
        home.complete(home.quote(own, {1: 1000}), original=own, reason="defective",
                      return_id=new_return_id())
    assert at_home.value.kind == "over_return" and "store S2" in at_home.value.detail
    assert first.remote is not None
    first.remote.claim(mine, {1: 1000}, return_id)  # the same claim again: still Bergen's


def test_a_card_sale_from_oslo_is_refunded_to_the_card_in_bergen(
        hub: HubProcess, tmp_path: Path) -> None:
    """The card part goes back through Bergen's own terminal (a ZVT refund, 06 31: the Oslo
    terminal's receipt cannot be reversed from Bergen), the milk is restocked in Bergen and
    Bergen's X report counts the return with its card refund."""
    from drivers.sim.zvt_terminal import SimulatedZvtTerminal
    from pos.app.card.sale_link import apply, pay_by_card
    from pos.core.money import Money

    terminals = [SimulatedZvtTerminal().start() for _ in range(2)]
    try:
        oslo = make_till(hub, tmp_path / "oslo", "S1", "OSL6", payment=terminals[0].url)
        bergen = make_till(hub, tmp_path / "bergen", "S2", "BGO6", payment=terminals[1].url)
        checkout = oslo.checkout
        assert checkout is not None and oslo.ctx.card is not None
        checkout.scan(MILK)
        checkout.scan(MILK)
        attempt = pay_by_card(oslo.ctx.card, checkout, Money(4980, "NOK"))
        sale = apply(oslo.ctx.card, checkout, attempt.future.result(30))  # paid in full
        assert sale is not None
        number = sale.transaction_no
        checkout.next_sale()
        wait_for(lambda: drained(oslo), what="the Oslo card sale at the hub")
        before = hub_stock(hub, bergen, "M1")

        desk = bergen.returns()
        assert desk.card is not None
        original = desk.find(receipt_barcode("OSL6", number))
        quote = desk.quote(original, {1: 1000})
        plan = desk.plan(quote, original)
        assert [(p.tender, p.amount_minor) for p in plan.parts] == [("card", 2490)]
        done = desk.complete(quote, original=original, reason="defective",
                             return_id=new_return_id())
        assert [(p.tender, p.amount_minor) for p in done.refund.parts] == [("card", 2490)]
        refunds = [b for b in terminals[1].batch if b.kind == "refund"]
        assert [b.amount_minor for b in refunds] == [2490]  # on Bergen's terminal
        assert not [b for b in terminals[0].batch if b.kind != "purchase"]  # Oslo's: untouched
        wait_for(lambda: drained(bergen), what="the Bergen return at the hub")
        assert hub_stock(hub, bergen, "M1") == before + 1000
        x = ReportService(bergen.ctx).x_report(bergen.user)
        assert x.report_return_num == 1 and x.report_return_amnt == 2490
    finally:
        for terminal in terminals:
            terminal.stop()


def _web_order(hub: HubProcess, display_id: int, pieces: int) -> None:
    db = open_database(hub.db_url, pool_size=1)
    try:
        with db.writer.begin() as conn:
            conn.execute(medusa_orders.insert().values(
                order_id=f"order_{uuid.uuid4().hex[:10]}", display_id=display_id,
                email="kari@example.no", status="completed", fulfillment_status="delivered",
                payment_status="captured", total_minor=2490 * pieces, currency="NOK",
                items=json.dumps([{"sku": "M1", "quantity": pieces, "unit_price_minor": 2490}]),
                updated_at=utcnow()))
    finally:
        db.dispose()


def test_a_web_order_is_returned_at_an_oslo_till_to_the_web_payment(
        hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "oslo", "S1", "OSL3")
    display_id = 500_000 + uuid.uuid4().int % 100_000
    _web_order(hub, display_id, 2)
    before = hub_stock(hub, till, "M1")
    assert till.hub is not None
    wait_for(lambda: till.hub.client is not None, what="the hub link")  # type: ignore[union-attr]
    desk = WebReturns(till.returns(), till.hub.client)
    order = desk.find(f"#{display_id}")
    assert [(ln.sku, ln.quantity, ln.returned) for ln in order.lines] == [("M1", 2, 0)]
    with pytest.raises(CheckoutError) as too_many:
        desk.quote(order, {"M1": 3})
    assert too_many.value.kind == "over_return"
    return_id = new_return_id()
    done = desk.complete(order, {"M1": 2}, reason="defective", return_id=return_id)
    assert [(p.tender, p.amount_minor) for p in done.refund.parts] == [("web_payment", 4980)]
    assert done.receipt.kind == "return"
    wait_for(lambda: drained(till), what="the till's return at the hub")
    # Medusa restocks the store when it receives the return; the till's upload does not.
    assert hub_stock(hub, till, "M1") == before

    x = ReportService(till.ctx).x_report(till.user)
    assert x.report_return_num == 1 and x.report_return_amnt == 4980
    assert x.extras.expected_cash_amnt == 0  # nothing left the drawer
    assert [(t.tender, t.amount) for t in x.extras.tenders] == [("web_payment", -4980)]

    again = desk.find(str(display_id))
    assert again.lines[0].returned == 2
    with pytest.raises(CheckoutError) as refused:
        desk.complete(again, {"M1": 1}, reason="defective", return_id=new_return_id())
    assert refused.value.kind == "over_return"
    with pytest.raises(CheckoutError) as unknown:
        desk.find("#1999999999")
    assert unknown.value.kind == "web_order_not_found"
