"""Safe upgrades of the till database: backed up before a migration, put back when one fails,
refused when it comes from a newer Kassa. Real SQLite files and real Alembic runs; the broken
revision lives in a temporary copy of the script directory, never in the repository."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import textwrap
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine

from pos.store.backup import (
    BackupFailed,
    MigrationFailed,
    backup_database,
    backups_of,
    migrate_with_backup,
)
from pos.store.db import open_database
from pos.store.errors import DatabaseTooNew, StoreError
from pos.store.migrations import HEAD_REVISION, MIGRATIONS_DIR
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

BROKEN_REVISION = '''\
"""A revision that commits part of its work and then fails: the case a rollback cannot undo."""
import sqlalchemy as sa
from alembic import op

revision = "9000_broken"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO half_done (id) VALUES (1), (2), (3)")
    op.execute("DELETE FROM sale_lines")
    # A data migration that commits in batches (to keep the WAL small) cannot be rolled back.
    op.get_bind().connection.driver_connection.commit()
    op.execute("DELETE FROM sales")
    raise RuntimeError("the disk caught fire half way")


def downgrade() -> None:
    pass
'''


def till_with_sales(path: Path, sales: int = 5) -> None:
    db = open_database(path, background_checkpoint=False)
    for _ in range(sales):
        commit_sale(db, sample_sale())
    db.close()


def content(path: Path) -> list[str]:
    """The database's whole content as SQL (schema and every row), in a stable order."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def scripts_with_broken_revision(tmp_path: Path) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_broken.py").write_text(
        BROKEN_REVISION.format(head=HEAD_REVISION))
    return scripts


def upgrade(engine: Engine, scripts: Path, target: str = "head") -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(scripts))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def test_a_migration_failing_half_way_is_put_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    till_with_sales(path)
    before = content(path)
    scripts = scripts_with_broken_revision(tmp_path)

    # Without the backup, the committed half of the revision would stay behind:
    bare = tmp_path / "bare.db"
    shutil.copy(path, bare)
    with pytest.raises(RuntimeError):
        upgrade(create_engine(f"sqlite:///{bare}"), scripts)
    assert content(bare) != before and any("half_done" in line for line in content(bare))

    engine = create_engine(f"sqlite:///{path}")
    with pytest.raises(MigrationFailed) as failed:
        migrate_with_backup(path, lambda: upgrade(engine, scripts), from_revision=HEAD_REVISION,
                            before_restore=engine.dispose)
    message = str(failed.value)
    assert "the disk caught fire half way" in message
    assert "put back as it was" in message and "reinstall the previous version" in message
    assert isinstance(failed.value, StoreError)  # the CLI's one clear message path

    assert content(path) == before
    [backup] = backups_of(path)
    assert backup.name in message and backup.name.endswith(f"-{HEAD_REVISION}")
    assert content(backup) == before
    # The till starts the old way: this Kassa opens it as it did before the attempt.
    db = open_database(path, background_checkpoint=False)
    db.close()
    assert content(path) == before


def test_opening_an_old_database_backs_it_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    upgrade(create_engine(f"sqlite:///{path}"), MIGRATIONS_DIR, "0001_initial")
    before = content(path)

    open_database(path, background_checkpoint=False).close()

    [backup] = backups_of(path)
    assert backup.name.startswith("till.db.backup-") and backup.name.endswith("-0001_initial")
    assert content(backup) == before
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    con.close()
    # A current database opens without another copy.
    open_database(path, background_checkpoint=False).close()
    assert backups_of(path) == [backup]


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    till_with_sales(path, sales=1)
    made = [backup_database(path, f"r{i}", keep=3) for i in range(6)]
    assert backups_of(path) == made[-3:]
    assert not list(tmp_path.glob("*.tmp"))


def test_a_database_from_a_newer_kassa_is_refused_and_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    till_with_sales(path, sales=1)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNew):
        open_database(path)
    assert backups_of(path) == []


def test_no_room_for_the_backup_stops_before_migrating(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(small)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root) to fill a disk for real")
    try:
        path = small / "till.db"
        con = sqlite3.connect(path)  # ~400 kB of rows: too big to copy twice into 600 kB
        con.execute("CREATE TABLE filler (x BLOB)")
        con.executemany("INSERT INTO filler VALUES (randomblob(1000))", [()] * 380)
        con.commit()
        con.close()
        before = path.read_bytes()
        ran = []
        with pytest.raises(BackupFailed, match="not enough free disk") as failed:
            migrate_with_backup(path, lambda: ran.append(1), from_revision="0001_initial")
        assert ran == [] and path.read_bytes() == before
        assert "free some space" in str(failed.value)
        assert backups_of(path) == [] and not list(small.glob("*.tmp"))
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_broken_revision_text_is_a_real_alembic_revision() -> None:
    # Guards the fixture above: if the template stops parsing, the first test proves nothing.
    compile(textwrap.dedent(BROKEN_REVISION.format(head=HEAD_REVISION)), "9000_broken", "exec")
