"""Shifts and cash on the demo till: counted float, movements, blind close, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.app.demo import Demo, start_demo
from pos.app.shifts import CountError, ShiftError, ShiftService
from pos.core.money import Money
from pos.store import journal
from pos.store.users import UserView


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


def sell_cash(demo: Demo, text: str, tendered: int) -> int:
    checkout = demo.till.checkout
    assert checkout is not None
    gtin = demo.till.ctx.search(text)[0].gtin
    assert gtin
    checkout.scan(gtin)
    done = checkout.pay_cash(Money(tendered, "NOK"))
    assert done is not None
    checkout.next_sale()
    return done.receipt.total.minor


def events(demo: Demo) -> list[str]:
    return [e.event for e in journal.entries(demo.till.ctx.db, "1", limit=10_000)]


def test_a_shift_from_float_to_blind_close(demo: Demo) -> None:
    till = demo.till
    cashier = till.login("1", "1234")
    service = ShiftService(till.ctx)
    assert service.current(cashier) is None
    shift = service.open(cashier, {10_000: 2, 2_000: 5, 100: 30})  # 200 + 100 + 30 kr
    assert shift.opening_float_minor == 33_000
    assert service.current(cashier) == shift
    with pytest.raises(ShiftError) as twice:
        service.open(cashier, {10_000: 1})
    assert twice.value.code == "shift_already_open"

    paid = sell_cash(demo, "melk", 10_000)  # change goes back out of the drawer
    service.move_cash(cashier, "drop", 5_000, "to the safe")
    service.move_cash(cashier, "pay_in", 1_000, "change from the bank")
    with pytest.raises(ShiftError) as needs:
        service.move_cash(cashier, "pay_out", 2_000, "window cleaner")
    assert needs.value.code == "approval_required"
    supervisor = till.approve("2", "2222")
    service.move_cash(cashier, "pay_out", 2_000, "window cleaner", supervisor)

    in_drawer = (paid + 50) // 100 * 100  # cash totals round to whole kroner
    expected_cash = 33_000 + in_drawer + 1_000 - 2_000 - 5_000
    assert service.tenders_to_count(shift) == ["cash"]  # names only: the count is blind
    review = service.count_close(shift, {10_000: 2}, {})  # well short
    (cash,) = review.lines
    assert (cash.tender, cash.expected) == ("cash", expected_cash)
    assert review.variance == cash.counted - expected_cash
    assert review.variance < -review.threshold and review.needs_reason
    with pytest.raises(CountError) as reason:
        service.close(cashier, review, {}, supervisor)
    assert reason.value.code == "reason_required"
    with pytest.raises(ShiftError) as approval:
        service.close(cashier, review, {}, None, "miscounted float")
    assert approval.value.code == "approval_required"
    closed = service.close(cashier, review, {10_000: 2}, supervisor, "coin roll missing")
    assert closed.status == "closed" and closed.variance_minor == review.variance
    assert closed.approved_by == supervisor.id and closed.variance_reason == "coin roll missing"
    assert closed.expected == {"cash": expected_cash}

    with pytest.raises(ShiftError) as again:  # a shift closed twice
        service.close(cashier, review, {}, supervisor, "again")
    assert again.value.code == "shift_closed"
    assert service.current(cashier) is None
    for event in ("shift_opened", "cash_drop", "pay_in", "pay_out", "shift_closed"):
        assert event in events(demo)
    assert demo.printer.wait_for(lambda p: p.drawer_kicks >= 4, timeout=5)
    assert journal.verify_journal(till.ctx.db, "1").ok


@pytest.mark.parametrize(
    ("pieces", "code"),
    [({100: -1}, "negative_count"), ({100: 10**9}, "absurd_count"),
     ({333: 1}, "unknown_denomination"), ({100: 1.5}, "not_a_number")],
)  # fmt: skip
def test_counts_that_cannot_be_right_are_refused(
    demo: Demo, pieces: dict[int, int], code: str
) -> None:
    cashier = demo.till.login("1", "1234")
    service = ShiftService(demo.till.ctx)
    with pytest.raises(CountError) as refused:
        service.open(cashier, pieces)
    assert refused.value.code == code
    assert service.current(cashier) is None  # nothing stored


def test_amounts_that_cannot_be_right_are_refused(demo: Demo) -> None:
    cashier = demo.till.login("1", "1234")
    service = ShiftService(demo.till.ctx)
    service.open(cashier, {})
    for amount, code in ((-500, "negative_amount"), (0, "zero_amount"),
                         (10**12, "absurd_amount")):  # fmt: skip
        with pytest.raises(CountError) as refused:
            service.move_cash(cashier, "drop", amount, "safe")
        assert refused.value.code == code
    with pytest.raises(CountError) as no_reason:
        service.move_cash(cashier, "pay_in", 100, "   ")
    assert no_reason.value.code == "reason_required"
    with pytest.raises(CountError):
        service.count_close(service.current(cashier), {}, {"card": -1})  # type: ignore[arg-type]


def test_per_drawer_shifts_are_shared_and_open_ones_are_flagged(tmp_path: Path) -> None:
    demo = start_demo(tmp_path / "till")
    ctx = demo.till.ctx
    ctx.config = ctx.config.model_copy(update={
        "shifts": ctx.config.shifts.model_copy(update={"per": "drawer", "drawer_id": "A"})
    })  # fmt: skip
    try:
        service = ShiftService(ctx)
        cashier = demo.till.login("1", "1234")
        shift = service.open(cashier, {5_000: 4})
        other = UserView(2, "2", "Ola", "supervisor", True)
        assert service.current(other) == shift  # the drawer's shift, whoever sells
        assert service.flag_left_open(cashier) == [shift.id]
        still = service.current(cashier)
        assert still is not None and still.is_open and still.flagged_at is not None
        assert "shifts_left_open" in events(demo)
    finally:
        demo.till.shutdown()
        demo.stop()
