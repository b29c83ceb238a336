"""The arithmetic of returns (pos.core.refund): exact reversal in any steps, the tender split."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.refund import (
    OverReturn,
    SoldPart,
    TenderPaid,
    plan_refund,
    return_part,
)


def returned_after(sold: SoldPart, quantity: int) -> SoldPart:
    part = return_part(sold, quantity)
    return SoldPart(
        sold.quantity_milli, sold.total_minor, sold.vat_minor, sold.discount_minor,
        sold.returned_milli + part.quantity_milli,
        sold.returned_total_minor + part.total_minor,
        sold.returned_vat_minor + part.vat_minor,
        sold.returned_discount_minor + part.discount_minor,
    )


@given(
    quantity=st.integers(1, 50_000),
    total=st.integers(0, 10_000_000),
    vat_share=st.integers(0, 2_000),
    steps=st.lists(st.integers(1, 50_000), min_size=1, max_size=8),
)
def test_returns_in_any_steps_add_up_to_the_line_exactly(
    quantity: int, total: int, vat_share: int, steps: list[int]
) -> None:
    sold = SoldPart(quantity, total, total * vat_share // 10_000, discount_minor=total // 7)
    for step in steps:
        left = sold.returnable_milli
        if left == 0:
            break
        sold = returned_after(sold, min(step, left))
    if sold.returnable_milli:
        sold = returned_after(sold, sold.returnable_milli)
    assert sold.returned_total_minor == sold.total_minor
    assert sold.returned_vat_minor == sold.vat_minor
    assert sold.returned_discount_minor == sold.discount_minor


def test_a_part_is_priced_from_what_was_paid() -> None:
    sold = SoldPart(3000, 6723, 877)  # three pieces, a discount spread in
    first = return_part(sold, 1000)
    assert (first.total_minor, first.vat_minor) == (2241, 292)
    assert first.net_minor == 2241 - 292


def test_over_return_and_nonsense_are_refused() -> None:
    sold = SoldPart(2000, 5000, 1000, returned_milli=1500)
    with pytest.raises(OverReturn):
        return_part(sold, 501)
    with pytest.raises(OverReturn):
        return_part(sold, 0)
    assert return_part(sold, 500).quantity_milli == 500


def test_refund_split_card_first_cash_last_and_rounded() -> None:
    card = TenderPaid("card", 3000, refunded_minor=1000, reference="C1")
    plan = plan_refund(7545, "NOK", (card,))
    assert [(p.tender, p.amount_minor, p.reference) for p in plan.parts] == [
        ("card", 2000, "C1"), ("cash", 5500, None)]
    assert plan.rounding_minor == 45  # the customer gets 0,45 less in coins
    assert plan.paid_back_minor + plan.rounding_minor == 7545


def test_refund_to_cash_only_and_exact_when_no_rounding() -> None:
    card = TenderPaid("card", 10_000)
    assert [p.tender for p in plan_refund(500, "NOK", (card,), to_cash_only=True).parts] == [
        "cash"]
    exact = plan_refund(1999, "NOK", (), cash_rounding=False)
    assert exact.parts[0].amount_minor == 1999 and exact.rounding_minor == 0
    assert plan_refund(0, "NOK", (card,)).parts == ()
    tiny = plan_refund(40, "NOK", ())  # rounds to nothing in coins
    assert tiny.parts == () and tiny.rounding_minor == 40
