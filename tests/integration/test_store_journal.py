"""The journal chain verifies, and any edit to a stored row is caught at that entry."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from pos.store import InvalidRecord, open_database
from pos.store.journal import GENESIS_HASH, append_event, entries, verify_journal
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale


def _build(path: Path) -> None:
    db = open_database(path)
    append_event(db, "R1", "13001", "app_start", None)
    append_event(db, "R1", "13003", "login", 7, {"employee_no": "1001"})
    for _ in range(3):
        commit_sale(db, sample_sale("R1", employee_id=7))
    append_event(db, "R1", "13021", "price_override", 7, {"sku": "1001", "to": 1990})
    append_event(db, "R1", "13004", "logout", 7)
    db.close()


def _tamper(path: Path, sql: str) -> None:
    # What someone with a SQLite shell could do: drop the guard triggers, then edit.
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER IF EXISTS journal_no_update")
    con.execute("DROP TRIGGER IF EXISTS journal_no_delete")
    con.execute(sql)
    con.commit()
    con.close()


def test_chain_verifies_and_links(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    _build(path)
    db = open_database(path)
    check = verify_journal(db, "R1")
    assert check.ok and check.entries_checked == 7 and check.first_bad_entry is None
    rows = entries(db, "R1")
    assert rows[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert [r.entry_no for r in rows] == list(range(1, 8))
    assert rows[1].payload == {"employee_no": "1001"}
    assert verify_journal(db, "nobody").ok  # an empty journal is a valid one
    db.close()


@pytest.mark.parametrize(
    ("sql", "bad_entry"),
    [
        ('UPDATE journal SET payload = \'{"sku":"1001","to":1}\' WHERE entry_no = 6', 6),
        ("UPDATE journal SET employee_id = 8 WHERE entry_no = 2", 2),
        ("UPDATE journal SET at = '2020-01-01T00:00:00.000000Z' WHERE entry_no = 4", 4),
        ("DELETE FROM journal WHERE entry_no = 5", 5),
        ("UPDATE journal SET hash = '" + "ab" * 32 + "' WHERE entry_no = 3", 3),
    ],
)
def test_tampering_is_detected_at_that_entry(tmp_path: Path, sql: str, bad_entry: int) -> None:
    path = tmp_path / "till.db"
    _build(path)
    _tamper(path, sql)
    db = open_database(path)
    check = verify_journal(db, "R1")
    db.close()
    assert not check.ok
    assert check.first_bad_entry == bad_entry
    assert check.entries_checked == bad_entry - 1


def test_journal_refuses_edits_through_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    _build(path)
    db = open_database(path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), db.write() as con:
        con.execute("UPDATE journal SET event = 'x' WHERE entry_no = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), db.write() as con:
        con.execute("DELETE FROM journal")
    assert verify_journal(db, "R1").ok
    db.close()


def test_unknown_event_code_is_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "till.db")
    with pytest.raises(InvalidRecord):
        append_event(db, "R1", "99999", "nonsense", None)
    assert entries(db, "R1") == []
    db.close()
