"""hub.medusa.prices.parts, the pure mapping of a hub price list onto Medusa's price lists
(no Medusa needed): why each part exists is in the module's docstring and docs/prices.md."""

from __future__ import annotations

from datetime import UTC, datetime

from hub.medusa.prices import parts
from sync.protocol import ListedPrice, PriceListChange

GROUPS = {"basic": "g-basic", "gold": "g-gold", "silver": "g-silver"}
BASE = {"A": (89900, "NOK"), "B": (29900, "NOK")}
VARIANTS = {"A": "var-a", "B": "var-b"}


def test_a_tier_list_is_an_override_for_its_group_never_above_the_base() -> None:
    change = PriceListChange(list_id="gold", title="Gull", kind="member", tier="gold", prices=(
        ListedPrice(sku="A", price_minor=74950), ListedPrice(sku="B", price_minor=39900),
        ListedPrice(sku="GONE", price_minor=100)))
    made = parts(change, GROUPS, BASE, VARIANTS)
    assert list(made) == ["member"]
    body = made["member"]
    assert body["type"] == "override" and body["status"] == "active"
    assert body["rules"] == {"customer.groups.id": ["g-gold"]}
    assert body["prices"] == [  # B clamped to its base; a sku Medusa lacks is left out
        {"variant_id": "var-a", "currency_code": "nok", "amount": 749.5},
        {"variant_id": "var-b", "currency_code": "nok", "amount": 299}]


def test_an_any_member_list_binds_every_tier_group() -> None:
    change = PriceListChange(list_id="m", title="Medlem", kind="member",
                             prices=(ListedPrice(sku="A", price_minor=1),))
    rules = parts(change, GROUPS, BASE, VARIANTS)["member"]["rules"]
    assert rules == {"customer.groups.id": ["g-basic", "g-gold", "g-silver"]}


def test_a_campaign_is_a_sale_for_everyone_and_one_for_the_members() -> None:
    start, end = datetime(2026, 11, 27, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    change = PriceListChange(list_id="bw", title="Black Week", kind="campaign", active=False,
                             starts_at=start, ends_at=end,
                             prices=(ListedPrice(sku="A", price_minor=99900),))
    made = parts(change, GROUPS, BASE, VARIANTS)
    assert list(made) == ["all", "members"]
    assert made["all"]["type"] == made["members"]["type"] == "sale"
    assert made["all"]["rules"] == {}
    assert made["members"]["rules"] == {"customer.groups.id": ["g-basic", "g-gold", "g-silver"]}
    assert made["all"]["status"] == "draft"  # withdrawn
    assert made["all"]["starts_at"] == "2026-11-27T00:00:00+00:00"
    assert made["all"]["prices"][0]["amount"] == 999  # a sale above the base: Medusa ignores it
