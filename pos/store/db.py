"""Opening the till database: integrity checks, migrations, connections, transactions.

Why raw sqlite3 connections next to the SQLAlchemy engine: the scan lookup and the sale commit
are on the cashier's critical path, and a prepared statement on the DBAPI connection costs a few
microseconds where a Core statement costs tens. `write()`, `read()` and `fast_reader()` use
per-thread sqlite3 connections with the same settings as the engine's; the engine (and the
~0.4 s SQLAlchemy import) is created on first use, by migrations, ORM or reporting code.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.store.errors import DatabaseCorrupt, DatabaseForeign, DatabaseMissing, DatabaseTooNew
from pos.store.migrations import HEAD_REVISION, KNOWN_REVISIONS, MIGRATIONS_DIR

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
CHECKPOINT_GAP_S = 0.02  # after a commit, gather this long, then checkpoint
CHECKPOINT_IDLE_S = 1.0  # with no commits, look this often (another process may write)
SAFETY_AUTOCHECKPOINT_PAGES = 10_000

# Set on every connection: WAL so readers never block the writer; synchronous=FULL so a
# committed sale survives a power cut (WAL+NORMAL may lose the last commits).
_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA temp_store=MEMORY",
)


def _configure(con: sqlite3.Connection) -> None:
    # isolation_level=None: the driver never opens transactions behind our back; we say
    # BEGIN IMMEDIATE ourselves (write) or the engine's "begin" hook says BEGIN.
    con.isolation_level = None
    for pragma in _PRAGMAS:
        con.execute(pragma)


class Database:
    """The open till database. Thread-safe: each thread gets its own SQLite connections
    (one writer, one fast reader); SQLite's lock and busy_timeout serialise the writers."""

    def __init__(
        self, path: Path, engine: Engine | None = None, *, background_checkpoint: bool = True
    ) -> None:
        self.path = path
        self._engine = engine
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._committed = threading.Event()  # set by every write(): wakes the checkpointer
        self._checkpointer: threading.Thread | None = None
        if background_checkpoint:
            self._checkpointer = threading.Thread(
                target=self._checkpoint_loop, name="kassa-db-checkpoint", daemon=True
            )
            self._checkpointer.start()

    def _checkpoint_loop(self) -> None:
        """Copy the WAL back into the database off the commit path.

        With SQLite's automatic checkpoint, every ~1000th page written makes one unlucky
        commit also fsync the main file (a 5-20 ms stall at the till). Here our writers raise
        that threshold tenfold (a safety net only) and this thread runs a PASSIVE checkpoint
        (never blocks a writer) at once, then CHECKPOINT_GAP_S after a commit (gathering a
        burst of them), or every CHECKPOINT_IDLE_S when idle. Checkpointing soon keeps the
        WAL short: the next writer starts it over from the top, rewriting the same few file
        blocks (cheap to fsync) instead of appending (measured: the sale commit's p50 is
        ~15 % lower with a 20 ms gap than with a fixed 0.2 s timer, under back-to-back commits).
        """
        con = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            while True:  # first round at once: a WAL left by a crash is folded in right away
                with contextlib.suppress(sqlite3.Error):  # busy: the next round will do it
                    con.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self._committed.wait(CHECKPOINT_IDLE_S)
                if self._stop.wait(CHECKPOINT_GAP_S):
                    break
                self._committed.clear()
        finally:
            con.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: takes the write lock up front, so reads
        of counters inside it cannot race another writer). Commits on success.

        Uses this thread's own connection (no pool checkout on the commit path); nested use
        on one thread is refused rather than silently joined."""
        con = self._writer()
        if con.in_transaction:
            raise RuntimeError("nested Database.write() on one thread; pass the connection")
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
            con.execute("COMMIT")
            self._committed.set()
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise

    def _writer(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "writer", None)
        if con is None:
            con = self._connect()
            _configure(con)
            if self._checkpointer is not None:
                # Not 0: a safety net should this thread ever starve (WAL <= ~40 MB).
                con.execute(f"PRAGMA wal_autocheckpoint={SAFETY_AUTOCHECKPOINT_PAGES}")
            self._local.writer = con
        return con

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, cached_statements=128
        )
        with self._lock:
            self._connections.append(con)
        return con

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (created on first use) for ORM, reports and migrations."""
        if self._engine is None:
            self._engine = _make_engine(self.path)
        return self._engine

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent read snapshot across several statements (nested use joins it)."""
        con = self.fast_reader()
        if con.in_transaction:
            yield con
            return
        con.execute("BEGIN")
        try:
            yield con
        finally:
            if con.in_transaction:
                con.execute("COMMIT")

    def fast_reader(self) -> sqlite3.Connection:
        """A per-thread read-only connection for single-statement lookups on the scan path
        (no pool checkout; the sqlite3 statement cache keeps the query prepared)."""
        con: sqlite3.Connection | None = getattr(self._local, "reader", None)
        if con is None:
            con = self._connect()
            con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA query_only=ON")
            self._local.reader = con
        return con

    def integrity_problems(self) -> list[str]:
        """A full `PRAGMA quick_check` on a connection of its own (safe on any thread while
        the till sells: WAL readers do not block the writer). Empty when the file is sound."""
        con = self._connect()
        try:
            return _quick_check(con)
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        finally:
            con.close()

    def close(self) -> None:
        self._stop.set()
        self._committed.set()
        if self._checkpointer is not None and self._checkpointer is not threading.current_thread():
            self._checkpointer.join(timeout=5)
        with self._lock:
            for con in self._connections:
                con.close()
            self._connections.clear()
        self._local = threading.local()
        if self._engine is not None:
            self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    background_checkpoint: bool = True,
    check_integrity: bool = True,
) -> Database:
    """Open (and create or migrate) the till database at `path`.

    Raises DatabaseCorrupt (not SQLite, or integrity check failed), DatabaseTooNew (migrated
    by a newer Kassa), DatabaseForeign (some other program's SQLite file), DatabaseMissing
    (create=False and no file). In every error case the file is not modified. An upgrade of an
    existing file is backed up first (pos.store.backup): BackupFailed stops before migrating,
    MigrationFailed means the migration failed and the backup was put back.
    background_checkpoint: see Database._checkpoint_loop; call close() to stop it.
    check_integrity=False skips the full `PRAGMA quick_check` (about 0.8 s on a 1M-product
    catalog): the header, schema and revision are still read, which catches a file that is not
    a database or is damaged at its root; the caller runs `integrity_problems()` later, off
    the start-up path.
    """
    path = Path(path).resolve()
    revision: str | None = None
    if path.exists():
        revision = _inspect_existing(path, check_integrity)
    elif not create:
        raise DatabaseMissing(f"{path}: no such database")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    if revision != HEAD_REVISION:
        engine = _make_engine(path)
        if revision is None:  # a new (or empty) file: nothing to lose
            _migrate(engine)
        else:  # an upgrade: backed up first, put back if it fails (pos.store.backup)
            from pos.store.backup import migrate_with_backup

            migrate_with_backup(path, lambda: _migrate(engine), from_revision=revision,
                                before_restore=engine.dispose)
            upgraded = Database(path, engine, background_checkpoint=background_checkpoint)
            from pos.store.report_blocks import warm_missing

            warm_missing(upgraded)  # X/Z sums an older Kassa did not keep (report_blocks)
            return upgraded
        return Database(path, engine, background_checkpoint=background_checkpoint)
    return Database(path, background_checkpoint=background_checkpoint)


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "cached_statements": 128},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_con: Any, _record: Any) -> None:
    _configure(dbapi_con)


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _inspect_existing(path: Path, check_integrity: bool = True) -> str | None:
    """Check an existing file read-only; return its Alembic revision (None if empty)."""
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if not header:
        return None  # a zero-byte file is an empty database to SQLite; we create the schema
    if header != SQLITE_HEADER:
        raise DatabaseCorrupt(f"{path} is not a SQLite database (bad header); left untouched")
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseCorrupt(f"{path} cannot be opened: {exc}; left untouched") from exc
    try:
        problems = _quick_check(con) if check_integrity else []
        if problems:
            detail = "; ".join(problems[:5])
            raise DatabaseCorrupt(f"{path} failed its integrity check: {detail}; left untouched")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseForeign(f"{path} is a SQLite database but not a Kassa one")
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(f"{path} is damaged: {exc}; left untouched") from exc
    finally:
        con.close()
    revision = row[0] if row else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(
            f"{path} has schema revision {revision!r}, unknown to this Kassa "
            f"(newest known: {HEAD_REVISION!r}); it was written by a newer version"
        )
    return revision


def _quick_check(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("PRAGMA quick_check").fetchall()
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def _migrate(engine: Engine) -> None:
    # Imported here: Alembic costs ~0.3 s to import and is needed only on first run or upgrade.
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
