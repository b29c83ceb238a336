"""The Alembic revisions create exactly the ORM schema, and open_database guards the file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.orm import Session

from pos.store import (
    DatabaseCorrupt,
    DatabaseForeign,
    DatabaseMissing,
    DatabaseTooNew,
    StoreError,
    open_database,
)
from pos.store.migrations import HEAD_REVISION, KNOWN_REVISIONS, MIGRATIONS_DIR
from pos.store.models import FTS_TABLE, Base, Sale, SaleLine
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_script_directory() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == HEAD_REVISION
    walked = [rev.revision for rev in script.walk_revisions()]
    assert sorted(walked) == sorted(KNOWN_REVISIONS)


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "till.db")
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda obj, name, type_, refl, other: (
                    not (type_ == "table" and name and name.startswith(FTS_TABLE))
                )
            },
        )
        diffs = compare_metadata(ctx, Base.metadata)
    db.close()
    assert diffs == []


def test_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    db = open_database(tmp_path / "till.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    with db.write() as con:
        assert con.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_orm_models_read_what_the_fast_path_wrote(tmp_path: Path) -> None:
    db = open_database(tmp_path / "till.db")
    sale = sample_sale()
    commit_sale(db, sale)
    with Session(db.engine) as session:
        row = session.get(Sale, sale.id)
        assert row is not None and row.transaction_no == 1 and row.total_minor == sale.total_minor
        lines = session.query(SaleLine).filter_by(sale_id=sale.id).count()
        assert lines == len(sale.lines)
    db.close()


def test_reopen_is_fast_path_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    db = open_database(path)
    commit_sale(db, sample_sale())
    db.close()
    db = open_database(path)
    with db.read() as con:
        assert con.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1
    db.close()


def test_garbage_file_is_corrupt_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    path.write_bytes(b"this is not a database\x00" * 200)
    before = _digest(path)
    with pytest.raises(DatabaseCorrupt, match=r"till\.db"):
        open_database(path)
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_damaged_pages_fail_the_integrity_check_untouched(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    db = open_database(path)
    for _ in range(30):
        commit_sale(db, sample_sale())
    db.close()
    data = bytearray(path.read_bytes())
    assert data[:16] == b"SQLite format 3\x00"
    page = 4096
    for offset in range(page * 3, len(data), page * 2):  # scribble over every other page
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(DatabaseCorrupt):
        open_database(path)
    assert _digest(path) == before


def test_future_revision_is_too_new_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseTooNew, match="9999_from_the_future"):
        open_database(path)
    assert _digest(path) == before
    assert issubclass(DatabaseTooNew, StoreError)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseForeign):
        open_database(path)
    assert _digest(path) == before


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        open_database(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_zero_byte_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    path.touch()
    db = open_database(path)
    with db.read() as con:
        assert con.execute("SELECT COUNT(*) FROM vat_classes").fetchone()[0] == 4
    db.close()


def test_close_stops_the_checkpointer(tmp_path: Path) -> None:
    import threading

    db = open_database(tmp_path / "till.db")
    for _ in range(20):
        commit_sale(db, sample_sale())
    assert any(t.name == "kassa-db-checkpoint" for t in threading.enumerate())
    db.close()
    assert db._checkpointer is not None and not db._checkpointer.is_alive()
    con = sqlite3.connect(tmp_path / "till.db")  # everything committed is readable afterwards
    assert con.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 20
    con.close()
