"""The /metrics part read from the database at scrape time (the same in every hub process):
the feed's head and this process's lag behind it, enrolments, and what each till's latest
heartbeat reported (outbox backlog and age, last seen, clock skew). A few indexed queries and
one pass over the terminals per scrape."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from hub import feed
from hub.db import utcnow
from hub.fleet_web import web_shop_gauges
from hub.heartbeat import fleet
from hub.models import credentials, enrolment_codes

if TYPE_CHECKING:
    from hub.state import Hub


class FleetCollector(Collector):
    """What the database knows, read at each scrape (a few indexed queries)."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def collect(self) -> Iterator[Metric]:
        now = time.time()
        with self.hub.db.reader.connect() as conn:
            _pruned, head = feed.bounds(conn)
            tills = fleet(conn)
            enrolments = conn.execute(select(func.count()).select_from(credentials)).scalar()
            codes = conn.execute(select(func.count()).select_from(enrolment_codes).where(
                enrolment_codes.c.used_at.is_(None), enrolment_codes.c.revoked_at.is_(None),
                enrolment_codes.c.expires_at > utcnow())).scalar()
            web_shop = web_shop_gauges(conn, utcnow()) if self.hub.config.medusa else {}
        yield GaugeMetricFamily("kassa_hub_feed_head_position", "The last feed position "
                                "committed", value=head)
        yield GaugeMetricFamily("kassa_hub_feed_lag_frames", "Feed positions committed but not "
                                "yet fanned out by this process",
                                value=max(0, head - self.hub.broadcaster.last))
        yield CounterMetricFamily("kassa_hub_enrolments", "Tills enrolled (credentials issued)",
                                  value=enrolments or 0)
        yield GaugeMetricFamily("kassa_hub_enrolment_codes_open", "Enrolment codes not used, "
                                "revoked or expired", value=codes or 0)
        yield GaugeMetricFamily("kassa_hub_tills_active", "Tills holding a live credential",
                                value=sum(t.active for t in tills))
        labels = ["store", "register"]
        backlog = GaugeMetricFamily("kassa_hub_till_outbox_backlog",
                                    "Events on the till not yet acknowledged (its heartbeat)",
                                    labels=labels)
        oldest = GaugeMetricFamily("kassa_hub_till_outbox_oldest_seconds",
                                   "Age of the till's oldest unacknowledged event", labels=labels)
        seen = GaugeMetricFamily("kassa_hub_till_last_seen_seconds",
                                 "Seconds since the till's last heartbeat", labels=labels)
        skew = GaugeMetricFamily("kassa_hub_till_clock_skew_seconds",
                                 "The till's clock minus the hub's", labels=labels)
        for till in tills:
            if till.last_seen is None or not till.active:
                continue
            key = [till.store_id, till.register_id]
            backlog.add_metric(key, till.backlog or 0)
            oldest.add_metric(key, till.oldest_age_s or 0)
            seen.add_metric(key, max(0.0, now - till.last_seen.timestamp()))
            skew.add_metric(key, till.clock_skew_s or 0.0)
        yield from (backlog, oldest, seen, skew)
        for name, (text, value) in web_shop.items():
            yield GaugeMetricFamily(name, text, value=value)
        yield GaugeMetricFamily("kassa_hub_outbox_backlog", "Events on all tills not yet "
                                "acknowledged", value=sum(t.backlog or 0 for t in tills
                                                          if t.active))
