"""Engines for the hub's database: SQLite (one shop) or PostgreSQL (a chain), and migrations.

SQLite: WAL, synchronous=FULL, a busy timeout, and two engines: `writer` begins every
transaction with BEGIN IMMEDIATE (one writer at a time, no lock upgrades that deadlock),
`reader` with a plain deferred BEGIN (a consistent WAL snapshot that never blocks writers).
PostgreSQL: psycopg 3; one engine serves both roles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.engine import make_url

from hub.models import feed_sequencer

MIGRATIONS = Path(__file__).with_name("migrations")


def utcnow() -> datetime:
    return datetime.now(UTC)


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here; a bare path means a SQLite file."""
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


@dataclass
class Database:
    url: str
    writer: Engine
    reader: Engine

    @property
    def is_postgres(self) -> bool:
        return self.writer.dialect.name == "postgresql"

    def dispose(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def open_database(url: str, *, pool_size: int = 10) -> Database:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        return Database(url, _sqlite_engine(url, immediate=True), _sqlite_engine(url, False))
    # No pre-ping (a round trip per checkout): a connection that died with the server fails
    # its request with 503 and is discarded; the till retries.
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size * 2,
                           pool_recycle=600)
    return Database(url, engine, engine)


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                           pool_size=8, max_overflow=16)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def migrate(db: Database) -> None:
    """Bring the schema to the newest revision (idempotent), and seed the sequencer row."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with db.writer.begin() as connection:
        if connection.execute(select(feed_sequencer.c.id)).first() is None:
            connection.execute(insert(feed_sequencer).values(id=1, position=0, pruned_through=0))


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes from timezone-aware columns; they were stored as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
