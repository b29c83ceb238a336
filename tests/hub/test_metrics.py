"""The hub in production: /healthz, /readyz, /metrics, JSON logs and the till's heartbeat,
against a real hub subprocess (SQLite, and PostgreSQL when KASSA_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from hub.db import open_database as open_hub_database
from hub.heartbeat import fleet
from hub.testing import HubProcess, running_hub
from pos.app.heartbeat import HeartbeatSender, till_devices
from pos.app.printing import PrintService
from pos.store import outbox
from pos.store.db import open_database
from sync.client import HubClient, Rejected
from tests.hub.sales import Till
from tests.hub.sse import FeedReader


def scrape(hub: HubProcess) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics by (name, sorted labels)."""
    response = httpx.get(f"{hub.url}/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.text)
            for s in family.samples}


def beat(backlog: int = 0, **extra: object) -> dict[str, object]:
    return {"kassa_version": "0.1.0", "clock": datetime.now(UTC).isoformat(),
            "outbox_backlog": backlog, "fiscal": "ok", **extra}


def test_liveness_and_readiness(hub: HubProcess) -> None:
    assert httpx.get(f"{hub.url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{hub.url}/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})


def test_readiness_refuses_a_schema_behind_the_code(tmp_path: Path) -> None:
    with running_hub(tmp_path) as hub:
        db = sqlite3.connect(hub.db_url.removeprefix("sqlite:///")
                             if hub.db_url.startswith("sqlite") else hub.db_url)
        with db:
            db.execute("UPDATE alembic_version SET version_num = '0001'")
        try:
            answer = httpx.get(f"{hub.url}/readyz")
            assert answer.status_code == 503
            assert answer.json()["status"] == "unavailable"
            assert "schema at 0001" in answer.json()["reason"]
            assert "kassa hub migrate" in answer.json()["reason"]
            assert httpx.get(f"{hub.url}/healthz").status_code == 200  # alive all the same
        finally:
            db.close()


def test_ingest_and_feed_metrics(hub: HubProcess, register_id: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    reader = FeedReader(hub, till.enrolment.credential, "store:S1")
    try:
        before = scrape(hub)
        events = [till.sell([("100001", 1000)]) for _ in range(3)]
        assert till.post(events).status_code == 200
        assert till.post(events[:1]).status_code == 200  # a resend: one duplicate
        reader.until(lambda frame: frame[1] == "stock")
        deadline = time.monotonic() + 10
        while True:  # the broadcaster observes after fanning out: wait for it
            after = scrape(hub)
            key = ("kassa_hub_feed_broadcast_seconds_count", ())
            if after[key] > before.get(key, 0) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    finally:
        reader.close()

    def grew(name: str, labels: tuple[tuple[str, str], ...] = ()) -> float:
        return after.get((name, labels), 0) - before.get((name, labels), 0)

    assert grew("kassa_hub_events_total", (("status", "applied"),)) >= 3
    assert grew("kassa_hub_events_total", (("status", "duplicate"),)) >= 1
    assert grew("kassa_hub_ingest_batch_seconds_count", (("outcome", "ok"),)) >= 2
    assert grew("kassa_hub_feed_broadcast_seconds_count") >= 1
    assert after[("kassa_hub_feed_head_position", ())] >= before[
        ("kassa_hub_feed_head_position", ())] + 3
    assert after[("kassa_hub_feed_clients", ())] >= 1
    assert after[("kassa_hub_enrolments_total", ())] >= 1


def test_heartbeats_show_as_backlog_per_till(hub: HubProcess, register_id: str) -> None:
    till = Till.enrol(hub, "S2", register_id)
    with till.client as http:
        answer = http.post("/v1/terminals/heartbeat", json=beat(
            7, outbox_oldest_age_s=125,
            devices={"printer": {"state": "warn", "text": "paper low"}}))
    assert answer.status_code == 200, answer.text
    assert abs(answer.json()["clock_skew_s"]) < 5
    metrics = scrape(hub)
    key = (("register", register_id), ("store", "S2"))
    assert metrics[("kassa_hub_till_outbox_backlog", key)] == 7
    assert metrics[("kassa_hub_till_outbox_oldest_seconds", key)] == 125
    assert 0 <= metrics[("kassa_hub_till_last_seen_seconds", key)] < 30
    assert metrics[("kassa_hub_outbox_backlog", ())] >= 7
    assert metrics[("kassa_hub_heartbeats_total", ())] >= 1


@pytest.mark.parametrize("body, field", [
    (beat(devices={"printer": {"state": "broken"}}), "state"),
    (beat(-1), "outbox_backlog"),
    ({**beat(), "clock": "2026-11-23T10:00:00"}, "clock"),  # no time zone
    ({**beat(), "fiscal": "maybe"}, "fiscal"),
])
def test_bad_heartbeats_are_refused_clearly(hub: HubProcess, register_id: str,
                                            body: dict[str, object], field: str) -> None:
    till = Till.enrol(hub, "S1", register_id)
    with till.client as http:
        answer = http.post("/v1/terminals/heartbeat", json=body)
    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid" and field in answer.json()["detail"]
    anonymous = httpx.post(f"{hub.url}/v1/terminals/heartbeat", json=beat())
    assert anonymous.status_code == 401


def test_the_tills_heartbeat_reports_its_outbox(hub: HubProcess, register_id: str,
                                                tmp_path: Path) -> None:
    """pos.app.heartbeat against the real hub, from a real till database with two events
    waiting (the oldest five minutes old)."""
    enrolled = hub.enrol("S1", register_id)
    db = open_database(tmp_path / "till.db", background_checkpoint=False)
    try:
        with db.write() as con:
            for minutes in (5, 1):
                outbox.append_outbox_in(con, register_id, "sale.committed", "{}",
                                        occurred_at=datetime.now(UTC) - timedelta(minutes=minutes))
        client = HubClient(hub.url, enrolled.credential, "S1", register_id)
        sender = HeartbeatSender(client, db, register_id,
                                 devices=till_devices(PrintService(db, None), None),
                                 fiscal_problem=lambda: "no signing key at /etc/kassa/key.pem")
        ack = sender.send()
        assert abs(ack.clock_skew_s) < 5 and sender.last_ack == ack
        metrics = scrape(hub)
        key = (("register", register_id), ("store", "S1"))
        assert metrics[("kassa_hub_till_outbox_backlog", key)] == 2
        assert 295 <= metrics[("kassa_hub_till_outbox_oldest_seconds", key)] < 400
        hub_db = open_hub_database(hub.db_url, pool_size=1)
        try:
            with hub_db.reader.connect() as conn:
                seen = next(t for t in fleet(conn) if t.register_id == register_id)
        finally:
            hub_db.dispose()
        assert seen.devices is not None and seen.devices["printer"].text == "none configured"
        assert (seen.fiscal, seen.fiscal_detail) == ("missing_key",
                                                      "no signing key at /etc/kassa/key.pem")
        client.close()
        revoked = HubClient(hub.url, "not-a-credential", "S1", register_id)
        with pytest.raises(Exception) as refused:
            HeartbeatSender(revoked, db, register_id, devices=dict,
                            fiscal_problem=lambda: None).send()
        assert not isinstance(refused.value, Rejected) and "401" in str(refused.value)
        revoked.close()
    finally:
        db.close()


def test_logs_are_one_json_object_per_line(hub: HubProcess) -> None:
    httpx.get(f"{hub.url}/healthz?probe=json-log")
    deadline = time.monotonic() + 5
    while True:
        lines = [line for line in hub.log_path.read_text().splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]  # every line is JSON
        access = [r for r in records if r.get("path") == "/healthz?probe=json-log"]
        if access or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert access, "no access log line for the probe"
    assert access[-1]["method"] == "GET" and access[-1]["status"] == 200
    assert access[-1]["logger"] == "uvicorn.access" and access[-1]["level"] == "INFO"
    assert all("time" in r and "message" in r for r in records)
