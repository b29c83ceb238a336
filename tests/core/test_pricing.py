"""The one price rule (pos.core.pricing): the lowest applicable price wins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.cart import Cart, Item
from pos.core.money import Money
from pos.core.pricing import ListPrice, reprice, unit_price
from pos.core.vat import VatRate

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
GOLD = ListPrice("member", 74900, tier="gold")
ANY_MEMBER = ListPrice("member", 79900)
SALE = ListPrice("campaign", 69900, starts_at=NOW - HOUR, ends_at=NOW + HOUR)


def test_no_list_is_the_base_price() -> None:
    assert unit_price(89900, [], NOW, None) == 89900
    assert unit_price(89900, [], NOW, "gold") == 89900


def test_member_prices_need_a_loyalty_customer_of_the_tier() -> None:
    assert unit_price(89900, [GOLD, ANY_MEMBER], NOW, None) == 89900
    assert unit_price(89900, [GOLD, ANY_MEMBER], NOW, "silver") == 79900
    assert unit_price(89900, [GOLD, ANY_MEMBER], NOW, "gold") == 74900


def test_a_campaign_applies_inside_its_dates_only() -> None:
    assert unit_price(89900, [SALE], NOW, None) == 69900
    assert unit_price(89900, [SALE], NOW - HOUR, None) == 69900  # start inclusive
    assert unit_price(89900, [SALE], NOW + HOUR, None) == 89900  # end exclusive
    assert unit_price(89900, [SALE], NOW - 2 * HOUR, None) == 89900
    open_ended = ListPrice("campaign", 50000, starts_at=NOW)
    assert unit_price(89900, [open_ended], NOW + 1000 * HOUR, None) == 50000


def test_the_lowest_applicable_price_wins_and_no_list_raises_a_price() -> None:
    assert unit_price(89900, [GOLD, SALE], NOW, "gold") == 69900  # campaign below member
    cheap_gold = ListPrice("member", 59900, tier="gold")
    assert unit_price(89900, [cheap_gold, SALE], NOW, "gold") == 59900
    assert unit_price(50000, [GOLD, SALE], NOW, "gold") == 50000


def test_the_time_must_be_aware() -> None:
    with pytest.raises(ValueError):
        unit_price(100, [], datetime(2026, 1, 1), None)


@given(base=st.integers(0, 10_000_000),
       prices=st.lists(st.tuples(st.integers(0, 10_000_000), st.booleans()), max_size=6),
       tier=st.sampled_from([None, "basic", "gold"]))
def test_the_price_is_the_minimum_of_base_and_what_applies(
        base: int, prices: list[tuple[int, bool]], tier: str | None) -> None:
    offers = [ListPrice("member", p, tier="gold") if member else SALE.__class__(
        "campaign", p, starts_at=NOW - HOUR, ends_at=NOW + HOUR) for p, member in prices]
    applicable = [p for p, member in prices if not member or tier == "gold"]
    assert unit_price(base, offers, NOW, tier) == min([base, *applicable])


def test_reprice_moves_the_line_and_keeps_an_override() -> None:
    item = Item(1, "A", "Genser", Money(89900, "NOK"), VatRate("25", 2500))
    cart = Cart("NOK").add(item).add(item)
    cart = reprice(cart, 1, Money(74900, "NOK"))
    assert cart.line(1).unit_price.minor == 74900 and cart.line(1).quantity_milli == 2000
    overridden = cart.override_price(1, Money(100, "NOK"), "damaged")
    assert reprice(overridden, 1, Money(89900, "NOK")).line(1).unit_price.minor == 100
