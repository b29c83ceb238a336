"""Safe upgrades of the till database: a backup before every migration, put back if it fails.

Alembic runs the till's revisions in one SQLite transaction, so most failures roll back by
themselves; the backup is for what a rollback cannot undo: a revision that commits part of
its work (an `autocommit_block`, a table rebuild that runs outside the transaction), a full
disk, a crash or power cut half way. The copy is taken with SQLite's online backup API (a
consistent snapshot even of a WAL database another process has open), written to a temporary
name, fsync'd and renamed, so a half-written backup never looks like a good one.

Backups sit next to the database as `till.db.backup-<UTC time>-<revision>`, newest last; the
last KEEP_BACKUPS are kept. A database from a newer Kassa is refused before any of this
(pos.store.db raises DatabaseTooNew): it is never downgraded and never backed up over.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pos.store.errors import StoreError

KEEP_BACKUPS = 5
# Room the migration itself may need on top of the backup (table rebuilds copy a table).
FREE_SPACE_FACTOR = 2


class BackupFailed(StoreError):
    """No backup could be written before a migration; the migration was not started."""


class MigrationFailed(StoreError):
    """A migration failed; the database was restored from the backup taken just before."""


def backups_of(path: Path) -> list[Path]:
    """The backups of the database at `path`, oldest first."""
    found = path.parent.glob(f"{path.name}.backup-*")
    return sorted((p for p in found if not p.name.endswith(".tmp")), key=lambda p: p.name)


def backup_database(path: Path, label: str, *, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the database at `path` next to it (online backup API); keep the last `keep`.

    `label` names what the copy is of (the schema revision). Raises BackupFailed, with the
    database untouched, when the copy cannot be written (no room, read-only directory)."""
    size = path.stat().st_size + _wal_size(path)
    free = shutil.disk_usage(path.parent).free
    if free < size * FREE_SPACE_FACTOR:
        raise BackupFailed(
            f"not enough free disk to back up {path} before upgrading it: "
            f"{_mb(free)} free under {path.parent}, {_mb(size * FREE_SPACE_FACTOR)} needed; "
            "free some space and start Kassa again"
        )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")[:-3] + "Z"
    target = path.with_name(f"{path.name}.backup-{stamp}-{label}")
    partial = target.with_name(target.name + ".tmp")
    try:
        _copy(path, partial)
        os.replace(partial, target)
        _fsync_directory(path.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BackupFailed(
            f"could not back up {path} before upgrading it ({exc}); "
            f"check the disk and the permissions of {path.parent}"
        ) from exc
    for old in backups_of(path)[:-keep] if keep > 0 else []:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def restore_database(backup: Path, path: Path) -> None:
    """Put the content of `backup` back into the database at `path` (through SQLite, so its
    WAL and shared-memory files stay consistent). Close every connection to `path` first."""
    source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()
        source.close()


def migrate_with_backup(
    path: Path,
    migrate: Callable[[], None],
    *,
    from_revision: str,
    before_restore: Callable[[], None] = lambda: None,
    keep: int = KEEP_BACKUPS,
) -> Path:
    """Back the database up, run `migrate()`, and restore the backup if it raises.

    `before_restore` closes the migration's connections (engine.dispose). Returns the backup.
    Raises BackupFailed (nothing was migrated) or MigrationFailed (restored; the message says
    what to do)."""
    backup = backup_database(path, from_revision, keep=keep)
    try:
        migrate()
    except Exception as exc:
        before_restore()
        cause = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        try:
            restore_database(backup, path)
        except (OSError, sqlite3.Error) as restore_error:
            raise MigrationFailed(
                f"upgrading the database {path} from schema {from_revision} failed ({cause}), "
                f"and putting back its backup failed too ({restore_error}). The backup "
                f"{backup} is complete: with Kassa stopped, copy it over {path} (and delete "
                f"{path.name}-wal and {path.name}-shm), then call support"
            ) from exc
        raise MigrationFailed(
            f"upgrading the database {path} from schema {from_revision} failed ({cause}). "
            f"It was put back as it was from the backup taken just before ({backup.name}), "
            "so no sale is lost. This version of Kassa cannot use it: reinstall the previous "
            "version, which still can, and send this message to support"
        ) from exc
    return backup


def _copy(path: Path, target: Path) -> None:
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # The copy is a file on its own: no WAL beside it (it is opened read-only to restore).
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        source.close()
    with target.open("rb") as fh:
        os.fsync(fh.fileno())


def _wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB"
