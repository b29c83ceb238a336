"""Users and PINs, parked sales, print jobs: each on a real database file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store import Database, InvalidRecord, NotFound, open_database, parking, printing, users
from pos.store.journal import entries, verify_journal


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.db")
    yield database
    database.close()


def test_pin_authentication(db: Database) -> None:
    anne = users.create_user(db, "1001", "Anne Cashier", "cashier", "4711")
    users.create_user(db, "2001", "Bjørn Boss", "manager", "918273")
    ok = users.authenticate(db, "1001", "4711")
    assert ok == anne and ok is not None and ok.role == "cashier"
    assert users.authenticate(db, "1001", "4712") is None
    assert users.authenticate(db, "9999", "4711") is None
    boss = users.authenticate(db, "2001", "918273")
    assert boss is not None and boss.may("supervisor") and not anne.may("supervisor")
    users.set_active(db, "1001", False)
    assert users.authenticate(db, "1001", "4711") is None
    users.set_active(db, "1001", True)
    users.set_pin(db, "1001", "1234")
    assert users.authenticate(db, "1001", "4711") is None
    assert users.authenticate(db, "1001", "1234") is not None


def test_pin_hash_is_salted_and_self_describing(db: Database) -> None:
    users.create_user(db, "1", "A", "cashier", "1234")
    users.create_user(db, "2", "B", "cashier", "1234")
    with db.read() as con:
        hashes = [r[0] for r in con.execute("SELECT pin_hash FROM users")]
    assert hashes[0] != hashes[1]
    assert all(h.startswith("scrypt$16384$8$1$") for h in hashes)
    assert "1234" not in "".join(hashes)


def test_bad_users_are_refused(db: Database) -> None:
    with pytest.raises(InvalidRecord):
        users.create_user(db, "1", "A", "king", "1234")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecord):
        users.create_user(db, "1", "A", "cashier", "12")
    users.create_user(db, "1", "A", "cashier", "1234")
    with pytest.raises(sqlite3.IntegrityError):
        users.create_user(db, "1", "A again", "cashier", "1234")


def test_park_and_resume_are_journaled(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    db = open_database(path)
    cart = {"lines": [{"sku": "1001", "qty_milli": 2000}], "note": "kunde henter lommebok"}
    pid = parking.park(db, "R1", 7, "Lommebok", cart)
    db.close()
    db = open_database(path)  # survives a restart
    (parked,) = parking.list_parked(db, "R1")
    assert parked.id == pid and parked.cart == cart and parked.label == "Lommebok"
    resumed = parking.resume(db, pid, 7)
    assert resumed.cart == cart
    assert parking.list_parked(db, "R1") == []
    with pytest.raises(NotFound):
        parking.resume(db, pid, 7)
    assert [(e.event_code, e.event) for e in entries(db, "R1")] == [
        ("13010", "sale_parked"),
        ("13011", "sale_resumed"),
    ]
    assert verify_journal(db, "R1").ok
    db.close()


def test_print_jobs_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    db = open_database(path)
    receipt = printing.enqueue(db, "receipt", {"lines": ["Melk 24,90"]}, sale_id="s-1")
    report = printing.enqueue(db, "report", {"title": "X"})
    printing.mark_failed(db, receipt, "paper out")
    printing.mark_printed(db, report)
    db.close()
    db = open_database(path)
    (job,) = printing.pending_jobs(db)
    assert (job.id, job.status, job.error, job.sale_id) == (receipt, "failed", "paper out", "s-1")
    assert job.document == {"lines": ["Melk 24,90"]}
    printing.mark_printed(db, receipt)
    assert printing.pending_jobs(db) == []
    with pytest.raises(NotFound):
        printing.mark_printed(db, 999)
    db.close()
