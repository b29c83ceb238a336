"""Loyalty tiers follow what the customer buys: points earned in every channel over the last
year (a return's negative accrual counts against them) against two thresholds.

    basic  <  silver (TIER_SILVER_POINTS, default 5,000: 5,000 kr paid)  <  gold (15,000)

A till's sale is checked as it is applied (promotion at once); an hourly pass (hub.app) checks
every silver and gold customer, so a tier falls when last year's purchases age out. An
administrator's tier (PUT /v1/admin/customers/{id}/tier) is a floor: the customer never falls
below it and still climbs above it; setting "basic" removes the floor. A tier this rule does
not know (a chain's own, set by hand) is left alone. A change is a `customer` frame, as a
sign-up's: her store's tills show it and the web shop's pusher moves her to the tier's
customer group.

Thresholds and window from the environment: KASSA_HUB_TIER_SILVER_POINTS,
KASSA_HUB_TIER_GOLD_POINTS, KASSA_HUB_TIER_WINDOW_DAYS.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from hub import customer_identity, feed
from hub.models import customers, loyalty_entries

TIERS = ("basic", "silver", "gold")  # lowest first


@dataclass(frozen=True)
class TierRule:
    silver_points: int = 5_000
    gold_points: int = 15_000
    window_days: int = 365

    @classmethod
    def from_env(cls) -> TierRule:
        def number(name: str, default: int) -> int:
            text = os.environ.get(name, "")
            if text and not text.isdigit():
                raise ValueError(f"{name}: a whole number, not {text!r}")
            return int(text) if text else default

        rule = cls(number("KASSA_HUB_TIER_SILVER_POINTS", cls.silver_points),
                   number("KASSA_HUB_TIER_GOLD_POINTS", cls.gold_points),
                   number("KASSA_HUB_TIER_WINDOW_DAYS", cls.window_days))
        if not 0 < rule.silver_points <= rule.gold_points or rule.window_days < 1:
            raise ValueError("loyalty tiers: need 0 < silver points <= gold points, and a "
                             "window of at least a day")
        return rule

    def earned(self, points: int) -> str:
        return "gold" if points >= self.gold_points else \
            "silver" if points >= self.silver_points else "basic"


def _higher(a: str, b: str) -> str:
    return a if TIERS.index(a) >= TIERS.index(b) else b


def settle(conn: Connection, rule: TierRule, customer_ids: Iterable[str], now: datetime,
           pending: feed.Pending) -> dict[str, str]:
    """Each customer's tier as the rule and her floor make it; the changed ones (id -> new
    tier) are written and staged as `customer` frames in the caller's transaction."""
    ids = sorted(set(customer_ids))
    if not ids:
        return {}
    since = now - timedelta(days=rule.window_days)
    points = dict(conn.execute(
        select(loyalty_entries.c.customer_id, func.sum(loyalty_entries.c.points))
        .where(loyalty_entries.c.customer_id.in_(ids), loyalty_entries.c.kind == "accrual",
               loyalty_entries.c.created_at >= since)
        .group_by(loyalty_entries.c.customer_id)).all())
    changed: dict[str, str] = {}
    for row in conn.execute(select(customers.c.customer_id, customers.c.tier,
                                   customers.c.tier_floor)
                            .where(customers.c.customer_id.in_(ids))):
        floor = row.tier_floor or "basic"
        if row.tier not in TIERS or floor not in TIERS:
            continue  # a tier of the chain's own, set by hand: not this rule's to move
        tier = _higher(rule.earned(int(points.get(row.customer_id) or 0)), floor)
        if tier != row.tier:
            conn.execute(customers.update().where(customers.c.customer_id == row.customer_id)
                         .values(tier=tier))
            change = customer_identity.change_of(conn.execute(select(customers).where(
                customers.c.customer_id == row.customer_id)).one())
            feed.stage(pending, customer_identity.topic_of(change.home_store_id), "customer",
                       change)
            changed[row.customer_id] = tier
    return changed


def recheck(conn: Connection, rule: TierRule, now: datetime, pending: feed.Pending
            ) -> dict[str, str]:
    """Every customer above basic, checked again: last year's purchases age out."""
    ids = conn.execute(select(customers.c.customer_id).where(
        customers.c.tier.in_(TIERS[1:]))).scalars().all()
    return settle(conn, rule, ids, now, pending)
