"""Loyalty tiers follow purchases (hub.tiers), on both backends: a sale that takes the year's
points to 5,000 makes her silver at once (a `customer` frame to her store's tills, which the
web shop's pusher follows too); an administrator's tier is a floor a return cannot take her
below, and "basic" removes it; the hourly pass lets a tier fall once the purchases behind it
are over a year old."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hub.db import open_database, utcnow
from hub.models import customers, loyalty_entries
from hub.testing import HubProcess
from hub.tiers import TierRule, recheck
from tests.hub.conftest import head
from tests.hub.sales import Till

SKU = "100004"


def _tier(till: Till, customer_id: str) -> str:
    with till.client as http:
        return str(http.get(f"/v1/customers/{customer_id}").json()["tier"])


def _frames(till: Till, after: int, customer_id: str) -> list[str]:
    with till.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "store:S1", "after": after,
                                                 "timeout": 0}).json()
    return [c["data"]["tier"] for c in page["changes"]
            if c["type"] == "customer" and c["data"]["customer_id"] == customer_id]


def test_a_tier_follows_the_year_s_purchases_above_the_floor(hub: HubProcess,
                                                             register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    with till.client as http:
        kari = http.post("/v1/customers", json={"name": "Kari Kunde"}).json()["customer_id"]
    cursor = head(hub)
    sale = till.sell([(SKU, 490_000)], customer_id=kari)  # 4,900.00 paid: 4,900 points
    assert till.post([sale]).json()["results"][0]["status"] == "applied"
    assert _tier(till, kari) == "basic"
    more = till.sell([(SKU, 10_000)], customer_id=kari)  # 100.00 more: 5,000 in the year
    assert till.post([more]).json()["results"][0]["status"] == "applied"
    assert _tier(till, kari) == "silver"
    assert _frames(till, cursor, kari)[-1] == "silver"  # her store's tills, and the web

    # Gold set by an administrator: a floor. Everything comes back: she stays gold.
    assert hub.admin.put(f"/v1/admin/customers/{kari}/tier",
                         json={"tier": "gold"}).json()["tier"] == "gold"
    back = till.sell([(SKU, -500_000)], customer_id=kari, kind="return")
    assert till.post([back]).json()["results"][0]["status"] == "applied"
    assert _tier(till, kari) == "gold"
    # The floor removed: her tier is what her purchases earn, which is nothing now.
    assert hub.admin.put(f"/v1/admin/customers/{kari}/tier",
                         json={"tier": "basic"}).json()["tier"] == "basic"
    # A chain's own tier, set by hand, is not this rule's to move.
    assert hub.admin.put(f"/v1/admin/customers/{kari}/tier",
                         json={"tier": "staff"}).json()["tier"] == "staff"
    again = till.sell([(SKU, 600_000)], customer_id=kari)
    assert till.post([again]).json()["results"][0]["status"] == "applied"
    assert _tier(till, kari) == "staff"


def test_the_hourly_pass_lets_a_tier_fall_when_purchases_age_out(hub: HubProcess,
                                                                 register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    with till.client as http:
        ola = http.post("/v1/customers", json={"name": "Ola Kunde"}).json()["customer_id"]
    sale = till.sell([(SKU, 1_600_000)], customer_id=ola)  # 16,000 points: gold
    assert till.post([sale]).json()["results"][0]["status"] == "applied"
    assert _tier(till, ola) == "gold"
    db = open_database(hub.db_url, pool_size=1)
    try:
        now = utcnow()
        with db.writer.begin() as conn:
            assert recheck(conn, TierRule(), now, []).get(ola) is None  # nothing aged yet
            conn.execute(loyalty_entries.update().where(loyalty_entries.c.customer_id == ola)
                         .values(created_at=now - timedelta(days=366)))
            pending: list[tuple[str, str, str]] = []
            assert recheck(conn, TierRule(), now, pending)[ola] == "basic"
            assert [(topic, kind) for topic, kind, _ in pending] == [("store:S1", "customer")]
            tier = conn.execute(customers.select().where(
                customers.c.customer_id == ola)).one().tier
    finally:
        db.dispose()
    assert tier == "basic"


def test_a_broken_tier_setting_is_refused_with_its_reason(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setenv("KASSA_HUB_TIER_SILVER_POINTS", "20000")
    monkeypatch.setenv("KASSA_HUB_TIER_GOLD_POINTS", "10000")
    with pytest.raises(ValueError, match="silver points <= gold points"):
        TierRule.from_env()
    monkeypatch.setenv("KASSA_HUB_TIER_GOLD_POINTS", "lots")
    with pytest.raises(ValueError, match="KASSA_HUB_TIER_GOLD_POINTS"):
        TierRule.from_env()
    monkeypatch.delenv("KASSA_HUB_TIER_SILVER_POINTS")
    monkeypatch.delenv("KASSA_HUB_TIER_GOLD_POINTS")
    assert TierRule.from_env().earned(5_000) == "silver"
