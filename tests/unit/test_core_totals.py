"""Property and example tests for money, VAT, cart totals, cash rounding and settlement."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.cart import AbsurdPrice, AbsurdQuantity, Cart, Discount, Item, ReasonRequired
from pos.core.money import Money, allocate, div_round_half_away
from pos.core.rounding import round_cash
from pos.core.tender import PaymentError, Settlement, TenderKind
from pos.core.totals import compute_totals
from pos.core.vat import VatRate, vat_in_gross

FOOD = VatRate("food", 1500)
STANDARD = VatRate("standard", 2500)
ZERO = VatRate("zero", 0)


def item(pid: int, price: int, vat: VatRate = FOOD, sold_by: str = "unit") -> Item:
    return Item(pid, f"SKU{pid}", f"Vare {pid}", Money(price, "NOK"), vat, sold_by=sold_by)  # type: ignore[arg-type]


def test_money_refuses_float_and_mixed_currency() -> None:
    with pytest.raises(TypeError):
        Money(1.5, "NOK")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money(100, "NOK") + Money(100, "SEK")


def test_vat_examples() -> None:
    assert vat_in_gross(12500, 2500) == 2500  # 125,00 incl. 25 % holds 25,00
    assert vat_in_gross(11500, 1500) == 1500
    assert vat_in_gross(1000, 1500) == 130  # 130.43 -> 130
    assert vat_in_gross(-1000, 1500) == -130  # a return mirrors the sale


def test_cash_rounding_nok() -> None:
    assert round_cash(Money(4949, "NOK")).payable == Money(4900, "NOK")
    assert round_cash(Money(4950, "NOK")).payable == Money(5000, "NOK")
    assert round_cash(Money(4950, "NOK")).difference == Money(50, "NOK")
    assert round_cash(Money(-4950, "SEK")).payable == Money(-5000, "SEK")


def test_scanning_twice_adds_quantity_and_weighed_items_do_not_merge() -> None:
    milk = item(1, 2490)
    cart = Cart("NOK").add(milk).add(milk)
    assert len(cart.lines) == 1 and cart.lines[0].quantity_milli == 2000
    apples = item(2, 3990, sold_by="weight")
    cart = cart.add(apples, 512).add(apples, 300)
    assert len(cart.lines) == 3
    totals = compute_totals(cart)
    # 39.90/kg x 0.512 kg = 20.4288 -> 20.43; 39.90 x 0.300 = 11.97
    assert [a.total.minor for a in totals.lines] == [4980, 2043, 1197]


def test_void_override_and_discounts() -> None:
    cart = Cart("NOK").add(item(1, 10000, STANDARD)).add(item(2, 5000))
    cart = cart.override_price(2, Money(4000, "NOK"), "damaged pack")
    cart = cart.discount_line(1, Discount("staff", percent_bp=1000))
    totals = compute_totals(cart)
    assert totals.total.minor == 9000 + 4000
    cart = cart.discount_receipt(Discount("coupon", amount_minor=1300))
    totals = compute_totals(cart)
    assert totals.total.minor == 13000 - 1300
    assert sum(a.receipt_discount.minor for a in totals.lines) == 1300
    assert compute_totals(cart.void_line(1)).total.minor == 4000 - 1300
    with pytest.raises(ReasonRequired):
        cart.override_price(1, Money(1, "NOK"), " ")


@pytest.mark.parametrize("quantity", [0, 1_000_000, 1500])
def test_absurd_quantities_are_refused(quantity: int) -> None:
    with pytest.raises(AbsurdQuantity):
        Cart("NOK").add(item(1, 100), quantity)


def test_absurd_price_is_refused() -> None:
    cart = Cart("NOK").add(item(1, 100))
    with pytest.raises(AbsurdPrice):
        cart.override_price(1, Money(-5, "NOK"), "typo")
    with pytest.raises(AbsurdPrice):
        cart.override_price(1, Money(10**12, "NOK"), "typo")


def test_split_payment_card_then_cash_with_rounding() -> None:
    settlement = Settlement(Money(12345, "NOK"))
    settlement = settlement.pay_exact(TenderKind.CARD, Money(10000, "NOK"), "AUTH1")
    assert settlement.due == Money(2345, "NOK")
    assert settlement.cash_due == Money(2300, "NOK")
    settlement = settlement.pay_cash(Money(5000, "NOK"))
    assert settlement.is_settled
    assert settlement.rounding == Money(-45, "NOK")
    assert settlement.change == Money(2700, "NOK")
    with pytest.raises(PaymentError):
        settlement.pay_cash(Money(100, "NOK"))
    with pytest.raises(PaymentError):
        Settlement(Money(100, "NOK")).pay_exact(TenderKind.CARD, Money(200, "NOK"))


rates = st.sampled_from([FOOD, STANDARD, ZERO])
items = st.builds(
    lambda pid, price, vat, weighed: item(pid, price, vat, "weight" if weighed else "unit"),
    st.integers(1, 30),
    st.integers(0, 500_000),
    rates,
    st.booleans(),
)
actions = st.lists(
    st.tuples(items, st.integers(1, 20), st.integers(0, 5000), st.booleans()),
    min_size=1,
    max_size=25,
)


def build(acts: list[tuple[Item, int, int, bool]], receipt_pct: int) -> Cart:
    cart = Cart("NOK")
    for it, pieces, discount_bp, void in acts:
        qty = pieces * 137 if it.sold_by == "weight" else pieces * 1000
        cart = cart.add(it, qty)
        last = cart.lines[-1].line_id
        if discount_bp:
            cart = cart.discount_line(last, Discount("promo", percent_bp=discount_bp))
        if void:
            cart = cart.void_line(last)
    if receipt_pct:
        cart = cart.discount_receipt(Discount("member", percent_bp=receipt_pct))
    return cart


@given(actions, st.integers(0, 10_000))
def test_totals_equal_sum_of_lines_and_vat_adds_up(acts: list, receipt_pct: int) -> None:  # type: ignore[type-arg]
    totals = compute_totals(build(acts, receipt_pct))
    assert totals.total.minor == sum(a.total.minor for a in totals.lines)
    assert all(a.total.minor >= 0 for a in totals.lines)
    for vat_line in totals.vat:
        lines = [a for a in totals.lines if a.line.item.vat == vat_line.rate]
        assert vat_line.gross_minor == sum(a.total.minor for a in lines)
        assert vat_line.vat_minor == sum(a.vat.minor for a in lines)
        assert vat_line.vat_minor == vat_in_gross(vat_line.gross_minor, vat_line.rate.rate_bp)
        assert vat_line.net_minor + vat_line.vat_minor == vat_line.gross_minor
    assert sum(v.gross_minor for v in totals.vat) == totals.total.minor
    assert totals.net_total + totals.vat_total == totals.total


@given(st.integers(-(10**9), 10**9))
def test_cash_rounding_never_loses_an_ore(due: int) -> None:
    r = round_cash(Money(due, "NOK"))
    assert r.payable.minor % 100 == 0
    assert abs(r.difference.minor) <= 50
    assert r.due + r.difference == r.payable


@given(st.integers(0, 10**8), st.lists(st.integers(1, 10_000), min_size=1, max_size=40))
def test_cash_settlement_accounts_for_every_ore(total: int, notes: list[int]) -> None:
    s = Settlement(Money(total, "NOK"))
    for note in notes:
        if s.is_settled:
            break
        s = s.pay_cash(Money(note * 100, "NOK"))
    if s.is_settled:
        handed = sum(p.tendered.minor if p.tendered else p.amount.minor for p in s.payments)
        assert handed - s.change.minor == total + s.rounding_minor
        assert s.paid.minor == total + s.rounding_minor


@given(st.integers(-(10**9), 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=30))
def test_allocate_is_exact(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert sum(parts) == total
    if sum(weights):
        for part, weight in zip(parts, weights, strict=True):
            # |part - total*weight/sum| < 1, in integers
            assert abs(part * sum(weights) - total * weight) < sum(weights)


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_div_round_half_away_is_symmetric(n: int, d: int) -> None:
    assert div_round_half_away(-n, d) == -div_round_half_away(n, d)
    assert abs(div_round_half_away(n, d) * d - n) * 2 <= d
