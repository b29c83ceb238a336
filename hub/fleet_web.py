"""The web shop's part of the fleet page: how far the Medusa connector is behind the hub, and
what it could not do on its own, for a person to settle.

- pushes Medusa refused (medusa_push_failures: a product it rejected, a store without a stock
  location): fix the cause, then dismiss; the next change of that sku pushes it again;
- stock levels the reconciliation poll found different (medusa_mismatches): never written over
  on either side, because which one is right is a person's call (count the shelf, or accept a
  change made in Medusa's admin); dismissed once settled, and found again if it is not;
- web returns Medusa refused (web_returns `failed`: the return taken at a till, not recorded
  in Medusa, so the web payment is not refunded yet): retry once the cause is fixed (each step
  checks first, so nothing is done twice), or dismiss once a person settled it in Medusa;
- web events not yet applied after a minute (Medusa unreachable for the re-read);
- web orders with a problem (an item of a sku the hub does not know).

Read from the hub's own tables only: the page never waits on Medusa.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, select

from hub import feed
from hub.db import aware
from hub.fleet_view import Badge, ago
from hub.medusa.return_tables import web_returns
from hub.medusa.tables import (
    medusa_cursor,
    medusa_events,
    medusa_mismatches,
    medusa_orders,
    medusa_push_failures,
)

SHOWN = 20  # rows of each list; the count says how many there are
STUCK_S = 60  # a web event still "received" after this long is waiting on Medusa
BEHIND = 1000  # feed changes not yet pushed before the connector counts as behind


@dataclass
class WebShopView:
    configured: bool
    sync: Badge
    failures: list[dict[str, str]] = field(default_factory=list)
    failure_count: int = 0
    mismatches: list[dict[str, str]] = field(default_factory=list)
    mismatch_count: int = 0
    stuck_events: int = 0
    problem_orders: list[dict[str, str]] = field(default_factory=list)
    failed_returns: list[dict[str, str]] = field(default_factory=list)
    failed_return_count: int = 0

    @property
    def stuck(self) -> Badge | None:
        if not self.stuck_events:
            return None
        events = "1 web event" if self.stuck_events == 1 else f"{self.stuck_events} web events"
        return Badge("warn", f"{events} waiting for Medusa",
                     "re-read by id once Medusa answers (every 5 s)")

    @property
    def anything(self) -> bool:
        return bool(self.configured or self.failure_count or self.mismatch_count
                    or self.stuck_events or self.problem_orders or self.failed_return_count)


def _stamp(moment: Any) -> str:
    return aware(moment).strftime("%Y-%m-%d %H:%M UTC")


def _sync(conn: Connection, configured: bool, now: datetime) -> Badge:
    _, head = feed.bounds(conn)
    cursor = conn.execute(select(medusa_cursor.c.position, medusa_cursor.c.updated_at)
                          .where(medusa_cursor.c.id == 1)).one_or_none()
    if cursor is None:
        return Badge("idle" if not configured else "warn",
                     "never pushed" if configured else "not connected")
    behind = max(0, head - int(cursor.position))
    when = ago((now - aware(cursor.updated_at)).total_seconds())
    if behind == 0:
        return Badge("ok", f"up to date, last push {when}")
    level = "warn" if behind >= BEHIND or not configured else "ok"
    return Badge(level, f"{behind} changes to push, last push {when}")


def web_shop_view(conn: Connection, configured: bool, now: datetime) -> WebShopView:
    view = WebShopView(configured, _sync(conn, configured, now))
    view.failure_count = conn.execute(select(func.count()).select_from(medusa_push_failures)
                                      ).scalar_one()
    view.failures = [
        {"id": str(r.id), "kind": r.kind, "key": r.key, "reason": r.reason[:300],
         "when": _stamp(r.created_at)}
        for r in conn.execute(select(medusa_push_failures)
                              .order_by(medusa_push_failures.c.id.desc()).limit(SHOWN))]
    view.mismatch_count = conn.execute(select(func.count()).select_from(medusa_mismatches)
                                       ).scalar_one()
    view.mismatches = [
        {"kind": r.kind, "key": r.key, "medusa": r.medusa_value, "hub": r.hub_value,
         "seen": str(r.seen), "first": _stamp(r.first_seen), "last": _stamp(r.last_seen)}
        for r in conn.execute(select(medusa_mismatches)
                              .order_by(medusa_mismatches.c.last_seen.desc()).limit(SHOWN))]
    view.stuck_events = conn.execute(
        select(func.count()).select_from(medusa_events).where(
            medusa_events.c.status == "received",
            medusa_events.c.received_at < now - timedelta(seconds=STUCK_S))).scalar_one()
    view.problem_orders = [
        {"order": str(r.display_id or r.order_id), "problem": r.problem[:300],
         "when": _stamp(r.updated_at)}
        for r in conn.execute(select(medusa_orders).where(medusa_orders.c.problem.is_not(None))
                              .order_by(medusa_orders.c.updated_at.desc()).limit(SHOWN))]
    failed = web_returns.c.status == "failed"
    view.failed_return_count = conn.execute(select(func.count()).select_from(web_returns)
                                            .where(failed)).scalar_one()
    view.failed_returns = [
        {"id": r.return_id, "order": str(r.display_id), "store": r.store_id,
         "refund": f"{r.refund_minor // 100},{r.refund_minor % 100:02d} ({r.refund_to})",
         "step": r.step, "reason": (r.last_error or "")[:300], "when": _stamp(r.created_at)}
        for r in conn.execute(select(web_returns).where(failed)
                              .order_by(web_returns.c.created_at.desc()).limit(SHOWN))]
    return view


def retry_return(conn: Connection, return_id: str) -> bool:
    """Back to the pusher: it goes on from the step it reached (each step checks first)."""
    return conn.execute(web_returns.update().where(
        web_returns.c.return_id == return_id, web_returns.c.status == "failed")
        .values(status="pending", lease_until=None)).rowcount > 0


def dismiss_return(conn: Connection, return_id: str) -> bool:
    """Settled by a person in Medusa's admin: kept, marked so, and no longer shown."""
    return conn.execute(web_returns.update().where(
        web_returns.c.return_id == return_id, web_returns.c.status == "failed")
        .values(status="dismissed", lease_until=None)).rowcount > 0


def dismiss_failure(conn: Connection, failure_id: int) -> bool:
    return conn.execute(delete(medusa_push_failures)
                        .where(medusa_push_failures.c.id == failure_id)).rowcount > 0


def dismiss_mismatch(conn: Connection, kind: str, key: str) -> bool:
    return conn.execute(delete(medusa_mismatches).where(
        medusa_mismatches.c.kind == kind, medusa_mismatches.c.key == key)).rowcount > 0


def web_shop_gauges(conn: Connection, now: datetime) -> dict[str, tuple[str, int]]:
    """The same facts as numbers for /metrics: name -> (help, value)."""
    _, head = feed.bounds(conn)
    cursor = conn.execute(select(medusa_cursor.c.position)
                          .where(medusa_cursor.c.id == 1)).scalar()
    view = web_shop_view(conn, False, now)
    gauges = {
        "kassa_hub_medusa_push_failures": ("Pushes Medusa refused, not yet dismissed",
                                           view.failure_count),
        "kassa_hub_medusa_stock_mismatches": ("Stock levels the reconciliation found "
                                              "different, not yet dismissed",
                                              view.mismatch_count),
        "kassa_hub_medusa_events_waiting": ("Web events received over a minute ago and not "
                                            "yet applied", view.stuck_events),
        "kassa_hub_medusa_web_returns_failed": ("Web returns Medusa refused, not yet retried "
                                                "or dismissed", view.failed_return_count),
    }
    if cursor is not None:
        gauges["kassa_hub_medusa_push_lag_frames"] = (
            "Feed positions committed but not yet pushed to Medusa", max(0, head - int(cursor)))
    return gauges
