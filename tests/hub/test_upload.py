"""Exactly-once upload: duplicated, reordered and gapped batches, seq reuse, rejections."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import insert, select

from hub.db import MIGRATIONS, migrate, open_database, utcnow
from hub.models import applied_sales, inbox
from hub.testing import DEMO_STOCK_MILLI, HubProcess, fresh_postgres
from tests.hub.conftest import db_url_for, head
from tests.hub.sales import Till, envelope


def on_hand(hub: HubProcess, till: Till, sku: str, store: str = "S1") -> int:
    with till.client as http:
        levels = http.get(f"/v1/stock/{sku}").json()["stores"]
    return next(s["on_hand_milli"] for s in levels if s["store_id"] == store)


def test_a_sale_applies_once_and_its_duplicate_is_acked(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100003")
    event = till.sell([("100003", 2000)])
    first = till.post([event])
    again = till.post([event])
    assert first.status_code == 200, first.text
    assert first.json() == {"acked_through": 1,
                            "results": [{"seq": 1, "status": "applied", "reason": None}]}
    assert again.json()["results"] == [{"seq": 1, "status": "duplicate", "reason": None}]
    assert on_hand(hub, till, "100003") == before - 2000


def test_a_duplicated_batch_overlapping_new_events(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100004")
    events = [till.sell([("100004", 1000)]) for _ in range(5)]
    assert till.post(events[:3]).status_code == 200
    answer = till.post(events)  # 1-3 again, 4-5 new
    assert answer.status_code == 200
    assert [r["status"] for r in answer.json()["results"]] == \
        ["duplicate"] * 3 + ["applied"] * 2
    assert answer.json()["acked_through"] == 5
    assert on_hand(hub, till, "100004") == before - 5000


def test_a_gap_answers_409_with_the_expected_seq_and_applies_nothing_after_it(
        hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100002")
    events = [till.sell([("100002", 1000)]) for _ in range(4)]
    gapped = till.post([events[0], events[2], events[3]])
    assert gapped.status_code == 409
    assert gapped.json()["error"] == "gap"
    assert gapped.json()["expected_seq"] == 2
    assert gapped.json()["acked_through"] == 1  # seq 1 stays applied
    assert on_hand(hub, till, "100002") == before - 1000
    resent = till.post(events[1:])
    assert resent.status_code == 200
    assert resent.json()["acked_through"] == 4
    assert on_hand(hub, till, "100002") == before - 4000


def test_a_reordered_batch_is_a_gap_until_sent_in_order(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100009")
    events = [till.sell([("100009", 1000)]) for _ in range(3)]
    reordered = till.post([events[1], events[0], events[2]])
    assert reordered.status_code == 409
    assert reordered.json()["expected_seq"] == 1
    assert on_hand(hub, till, "100009") == before
    assert till.post(events).json()["acked_through"] == 3
    assert on_hand(hub, till, "100009") == before - 3000


def test_a_seq_reused_for_another_event_is_422(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    first = till.sell([("100001", 1000)])
    assert till.post([first]).status_code == 200
    impostor = dict(first, event_id="00000000-0000-4000-8000-000000000001")
    answer = till.post([impostor])
    assert answer.status_code == 422
    assert answer.json()["error"] == "seq_reused"
    assert answer.json()["seq"] == 1


def test_a_rejected_event_is_recorded_and_advances_the_cursor(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100001")
    bad = till.sell([("no-such-sku", 1000)])
    good = till.sell([("100001", 1000)])
    answer = till.post([bad, good])
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert results[0]["status"] == "rejected"
    assert results[0]["reason"].startswith("unknown_product")
    assert results[1]["status"] == "applied"
    assert answer.json()["acked_through"] == 2
    assert on_hand(hub, till, "100001") == before - 1000
    # and resending the rejected one is a duplicate, not a second rejection
    assert till.post([bad]).json()["results"][0]["status"] == "duplicate"


def test_unreadable_payloads_and_foreign_sales_are_rejected_not_500(hub: HubProcess,
                                                                    register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    broken = till.sell([("100001", 1000)])
    broken["payload"] = {"sale_id": "not a uuid"}
    foreign = till.sell([("100001", 1000)])
    foreign["payload"] = dict(foreign["payload"], store_id="S2")
    unknown = dict(till.sell([("100001", 1000)]), type="order.placed")
    answer = till.post([broken, foreign, unknown])
    assert answer.status_code == 200, answer.text
    reasons = [r["reason"].split(":")[0] for r in answer.json()["results"]]
    assert reasons == ["invalid_payload", "wrong_terminal", "unknown_type"]


def test_returns_put_stock_back_and_training_sales_move_nothing(hub: HubProcess,
                                                               register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100006")
    events = [till.sell([("100006", 1500)]),
              till.sell([("100006", -500)], kind="return"),
              till.sell([("100006", 9000)], training=True)]
    assert till.post(events).status_code == 200
    assert on_hand(hub, till, "100006") == before - 1000


def test_stock_may_go_negative_and_is_flagged(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S2", register_id)
    cursor = head(hub)
    event = till.sell([("100010", DEMO_STOCK_MILLI + 5000)])
    assert till.post([event]).status_code == 200
    assert on_hand(hub, till, "100010", "S2") < 0
    with till.client as http:
        page = http.get("/v1/feed/poll", params={"topics": "store:S2",
                                                  "after": cursor, "timeout": 5})
    stock = [c["data"] for c in page.json()["changes"] if c["data"]["sku"] == "100010"]
    assert stock[-1]["negative"] is True
    assert stock[-1]["src"] == {"store_id": "S2", "register_id": register_id, "seq": 1}


def test_re_enrolment_starts_a_new_epoch_where_seq_restarts(hub: HubProcess, register_id: str):
    old = Till.enrol(hub, "S1", register_id)
    assert old.post([old.sell([("100001", 1000)])]).status_code == 200
    new = Till.enrol(hub, "S1", register_id)
    assert new.enrolment.epoch == old.enrolment.epoch + 1
    answer = new.post([new.sell([("100001", 1000)])])
    assert answer.json()["results"][0]["status"] == "applied"
    wrong = new.post([new.sell([("100001", 1000)])], epoch=old.enrolment.epoch)
    assert wrong.status_code == 409
    assert wrong.json()["error"] == "wrong_epoch"


def test_the_same_event_twice_in_one_batch_applies_once(hub: HubProcess, register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100002")
    event = till.sell([("100002", 1000)])
    answer = till.post([event, event])
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "duplicate"]
    assert on_hand(hub, till, "100002") == before - 1000


def test_numbers_beyond_any_ledger_are_a_rejection_not_a_stuck_queue(hub: HubProcess,
                                                                    register_id: str):
    till = Till.enrol(hub, "S1", register_id)
    huge = till.sell([("100001", 10**20)])
    answer = till.post([huge, till.sell([("100001", 1000)])])
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert results[0]["status"] == "rejected"
    assert results[0]["reason"].startswith("invalid_payload")
    assert results[1]["status"] == "applied"


def test_a_sale_already_applied_is_rejected_under_another_seq_and_in_a_new_epoch(
        hub: HubProcess, register_id: str):
    """The business key: a sale applies once, whatever seq or epoch carries it (a till that
    was reset and re-enrolled sends its unacknowledged sales again under the new epoch)."""
    till = Till.enrol(hub, "S1", register_id)
    before = on_hand(hub, till, "100004")
    sale = till.sell([("100004", 1000)])
    rejected = till.sell([("100004", 5000)])  # seq 2 ...
    rejected["payload"] = sale["payload"]  # ... carries the sale of seq 1 again
    answer = till.post([sale, rejected]).json()
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected"]
    assert answer["results"][1]["reason"].startswith("duplicate_sale:")
    reset = Till.enrol(hub, "S1", register_id)
    again = reset.post([envelope(1, sale["payload"])]).json()
    assert again["results"][0]["status"] == "rejected"
    assert again["results"][0]["reason"].startswith("duplicate_sale:")
    assert on_hand(hub, till, "100004") == before - 1000


def test_revision_0005_lists_the_sales_applied_before_it(backend: str, tmp_path: Path):
    """A hub upgraded to 0005 finds, in applied_sales, every sale its inbox holds as applied
    (once, by its first inbox row), and none it only rejected."""
    with _empty_database(backend, tmp_path) as url:
        db = open_database(url)
        try:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            before = ScriptDirectory.from_config(config).get_revision("0005").down_revision
            with db.writer.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, str(before))
            rows = [("a", 1, "applied"), ("a", 2, "rejected"), ("b", 3, "rejected"),
                    ("c", 4, "applied")]
            with db.writer.begin() as conn:
                conn.execute(insert(inbox), [
                    {"store_id": "S1", "register_id": "R1", "epoch": 1, "seq": seq,
                     "event_id": f"e{seq}", "type": "sale.committed", "status": status,
                     "sale_id": sale, "payload": "{}", "received_at": utcnow()}
                    for sale, seq, status in rows])
            migrate(db)
            with db.reader.connect() as conn:
                listed = conn.execute(select(applied_sales.c.sale_id, inbox.c.seq).join(
                    inbox, inbox.c.id == applied_sales.c.inbox_id)).all()
        finally:
            db.dispose()
    assert sorted(listed) == [("a", 1), ("c", 4)]


@contextmanager
def _empty_database(backend: str, tmp_path: Path) -> Iterator[str]:
    url = db_url_for(backend)
    if url is None:
        yield str(tmp_path / "hub.sqlite3")
        return
    with fresh_postgres(url) as fresh:
        yield fresh
