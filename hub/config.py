"""The hub's settings: from the command line, or the environment (KASSA_HUB_*)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from hub.medusa.config import MedusaSettings
from hub.tiers import TierRule

MIB = 1024 * 1024


@dataclass(frozen=True)
class HubConfig:
    db_url: str
    admin_token: str = field(default_factory=lambda: os.environ.get("KASSA_HUB_ADMIN_TOKEN", ""))
    currency: str = "NOK"  # of imported products that name none
    keepalive_s: float = 15.0  # SSE comment so proxies and tills see a live connection
    poll_interval_s: float = 1.0  # the broadcaster's safety poll (other processes on SQLite)
    retention_days: float = 7.0  # feed rows older than this are pruned; older cursors reset
    max_body: int = MIB  # a till's request
    max_admin_body: int = 64 * MIB  # a catalog import
    reservation_minutes: int = 10
    sse_queue: int = 10_000  # frames held for one slow SSE client before it is cut off
    medusa: MedusaSettings | None = field(default_factory=MedusaSettings.from_env)  # env
    tiers: TierRule = field(default_factory=TierRule.from_env)  # env: hub.tiers

    @classmethod
    def from_env(cls, db_url: str | None = None) -> HubConfig:
        url = db_url or os.environ.get("KASSA_HUB_DB", "")
        if not url:
            raise ValueError("the hub needs a database: --db URL or KASSA_HUB_DB")
        return cls(db_url=url)
