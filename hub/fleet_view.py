"""What the fleet page shows of each till: words and a level (ok, warn, fail, idle) per
column, so the template only lays them out. Colour is never the only signal: every badge
carries a word and a symbol as well.

Thresholds: a till sends a heartbeat every 60 s, so one not heard from for 3 minutes is late
and after 15 minutes offline; an outbox whose oldest event waits 15 minutes is behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hub.db import aware
from hub.heartbeat import Till

LATE_S, OFFLINE_S, BEHIND_S = 180, 900, 900
RANK = {"ok": 0, "idle": 1, "warn": 2, "fail": 3}
SYMBOL = {"ok": "✓", "warn": "!", "fail": "✕", "idle": "–"}


@dataclass(frozen=True)
class Badge:
    level: str  # ok | warn | fail | idle
    text: str
    title: str = ""

    @property
    def symbol(self) -> str:
        return SYMBOL[self.level]


@dataclass
class TillRow:
    till: Till
    overall: Badge
    seen: Badge
    backlog: Badge
    fiscal: Badge
    devices: list[tuple[str, Badge]]


@dataclass
class StoreView:
    store_id: str
    name: str
    tills: list[TillRow] = field(default_factory=list)


def ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min ago"
    return f"{seconds // 86400} d ago"


def _seen(till: Till, now: datetime) -> Badge:
    if not till.active:
        return Badge("idle", "credential revoked")
    if till.last_seen is None:
        return Badge("idle", "no heartbeat yet")
    age = (now - till.last_seen).total_seconds()
    stamp = till.last_seen.strftime("%Y-%m-%d %H:%M:%S UTC")
    level = "ok" if age < LATE_S else "warn" if age < OFFLINE_S else "fail"
    words = {"ok": "online", "warn": "late", "fail": "offline"}[level]
    return Badge(level, f"{words}, {ago(age)}", stamp)


def _backlog(till: Till) -> Badge:
    if till.backlog is None:
        return Badge("idle", "unknown")
    if till.backlog == 0:
        return Badge("ok", "0 waiting")
    oldest = till.oldest_age_s or 0
    level = "warn" if oldest >= BEHIND_S else "ok"
    return Badge(level, f"{till.backlog} waiting, oldest {ago(oldest).removesuffix(' ago')}")


def _fiscal(till: Till) -> Badge:
    if till.fiscal is None:
        return Badge("idle", "unknown")
    if till.fiscal == "ok":
        return Badge("ok", "signing key present")
    return Badge("fail", "signing key missing", till.fiscal_detail)


def _devices(till: Till) -> list[tuple[str, Badge]]:
    words = {"ok": "OK", "warn": "warning", "fail": "fault"}
    return [(name, Badge(report.state, f"{words[report.state]}"
                         + (f": {report.text}" if report.text else "")))
            for name, report in sorted((till.devices or {}).items())]


def row(till: Till, now: datetime) -> TillRow:
    seen, backlog, fiscal, devices = _seen(till, now), _backlog(till), _fiscal(till), \
        _devices(till)
    worst = max([seen, backlog, fiscal, *(b for _n, b in devices)],
                key=lambda b: RANK[b.level])
    if not till.active or till.last_seen is None:
        overall = seen
    elif worst.level == "ok":
        overall = Badge("ok", "all well")
    else:
        overall = Badge(worst.level, "needs a look" if worst.level == "warn" else "fault")
    return TillRow(till, overall, seen, backlog, fiscal, devices)


def stores_view(tills: Sequence[Till], now: datetime) -> list[StoreView]:
    stores: dict[str, StoreView] = {}
    for till in tills:
        store = stores.setdefault(till.store_id, StoreView(till.store_id, till.store_name))
        store.tills.append(row(till, now))
    return list(stores.values())


def codes_view(codes: Sequence[Any], now: datetime) -> list[dict[str, str]]:
    return [{"id": c.code_hash, "store": c.store_id, "register": c.register_id,
             "expires": aware(c.expires_at).strftime("%Y-%m-%d %H:%M UTC"),
             "left": ago((aware(c.expires_at) - now).total_seconds()).replace(" ago", " left")}
            for c in codes]
