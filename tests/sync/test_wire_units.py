"""Small pieces of the till's side of sync, without a hub: the batch JSON, frames, the
[hub] config, the status texts."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from pos.app.hub_config import HubSection
from pos.app.hub_link import HubStatus
from pos.store import sync_state
from pos.store.db import open_database
from sync.protocol import EventBatch, FeedChange
from sync.pusher import batch_json
from sync.subscriber import backoff, parse_frame


def test_the_batch_json_is_an_event_batch_with_the_payloads_as_stored() -> None:
    payload = '{"schema_version":1,"a":"æøå \\"x\\"","n":[1,2]}'
    rows = [(11, str(uuid.uuid4()), "sale.committed", "2026-11-23T10:00:00.000001Z", payload),
            (12, str(uuid.uuid4()), "sale.committed", "2026-11-23T10:00:01.000001Z", payload)]
    batch = EventBatch.model_validate_json(batch_json(3, rows, seq_base=10))
    assert batch.epoch == 3
    assert [e.seq for e in batch.events] == [1, 2]  # counted within the epoch
    assert batch.events[0].payload == json.loads(payload)
    assert batch.events[1].event_id == uuid.UUID(rows[1][1])


def test_frames_are_checked_against_their_change_model() -> None:
    change = FeedChange(position=7, type="stock", topic="store:S1", data={
        "sku": "M1", "store_id": "S1", "on_hand_milli": -2000, "as_of": "2026-11-23T10:00:00Z",
        "src": {"store_id": "S1", "register_id": "R1", "seq": 4}})
    assert parse_frame("stock", change.model_dump_json(), "7") == change
    assert parse_frame("reset", "{}", "") is None
    bad = FeedChange(position=8, type="stock", topic="store:S1", data={"sku": "M1"})
    with pytest.raises(ValidationError):
        parse_frame("stock", bad.model_dump_json(), "8")


def test_backoff_is_jittered_and_capped() -> None:
    waits = [backoff(attempt) for attempt in range(40)]
    assert all(0.5 <= w <= 15.0 for w in waits)
    assert len({round(w, 6) for w in waits}) > 30


def test_hub_urls_need_tls_unless_on_this_machine() -> None:
    assert HubSection(url="https://hub.example.no/").url == "https://hub.example.no"
    assert HubSection(url="http://127.0.0.1:8080").url == "http://127.0.0.1:8080"
    with pytest.raises(ValidationError, match="https://"):
        HubSection(url="http://hub.example.no")
    with pytest.raises(ValidationError):
        HubSection(url="ftp://hub.example.no")
    assert HubSection(url="https://h.no", verify="/etc/ca.pem").tls_verify == "/etc/ca.pem"


def test_status_texts() -> None:
    from pos.ui.app import make_application
    from pos.ui.hub_status import age_text, hub_status_text

    make_application("en_GB")  # an earlier test in this process may have left Norwegian
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert age_text(None) == "never"
    assert age_text(now - timedelta(seconds=3), now) == "just now"
    assert age_text(now - timedelta(seconds=40), now) == "40 s ago"
    assert age_text(now - timedelta(minutes=14), now) == "14 min ago"
    assert age_text(now - timedelta(hours=5), now) == "5 h ago"
    assert hub_status_text(None, 4)[:2] == ("Hub: not set up · 4 queued", "warning")
    online = HubStatus(True, 0, now, in_sync=True)
    assert hub_status_text(online, 0, now)[:2] == ("Hub: online · in sync", "ok")
    offline = HubStatus(False, 12, now - timedelta(minutes=3), detail="ConnectError")
    text, level, tip = hub_status_text(offline, 12, now)
    assert (text, level, tip) == ("Hub: offline · 12 queued · last sync 3 min ago", "warning",
                                  "ConnectError")
    text, level, _ = hub_status_text(HubStatus(False, 2, None, problem="seq_reused"), 2, now)
    assert level == "error" and "numbers clash" in text and "2 queued" in text


def test_the_tills_mirror_of_the_point_value_is_the_protocols() -> None:
    from pos.app.loyalty import POINT_VALUE_MINOR as mirror
    from sync.protocol import POINT_VALUE_MINOR

    assert mirror == POINT_VALUE_MINOR


def test_a_newer_hubs_frame_type_is_taken_and_ignored(tmp_path: Path) -> None:
    """A hub upgraded before its tills may send frame types they do not know: the page still
    parses and the cursor moves past them, so the feed never stalls on an older till."""
    unknown = FeedChange.model_validate({"position": 5, "type": "gift_registry",
                                         "topic": "store:S1", "data": {"x": 1}})
    assert parse_frame("gift_registry", unknown.model_dump_json(), "5") == unknown
    with pytest.raises(ValidationError):
        FeedChange.model_validate({"position": 6, "type": "no spaces; or <tags>", "topic": "t"})
    db = open_database(tmp_path / "till.sqlite3", background_checkpoint=False)
    sync_state.save_enrolment(db, hub_url="https://hub.example", store_id="S1",
                              register_id="R1", epoch=1, credential_ref="file")
    applied = sync_state.apply_feed(db, [sync_state.FeedRow(5, unknown.type, unknown.data)],
                                    "S1", "R1")
    assert applied.position == 5 and applied.skus == () and applied.customers == ()
    assert sync_state.get_link(db).feed_position == 5  # type: ignore[union-attr]
    db.close()
