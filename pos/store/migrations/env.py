"""Alembic env: open_database passes its connection in config.attributes["connection"].

Run by hand (e.g. `alembic -c <ini> revision --autogenerate`) it builds an engine from the
ini's sqlalchemy.url instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pos.store.models import FTS_TABLE, Base

config = context.config


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 virtual table and its shadow tables are managed by raw SQL in the revisions.
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _migrate(conn)
        return
    _migrate(connection)


def _migrate(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
