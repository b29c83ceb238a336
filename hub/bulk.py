"""Many small rows into one table in one statement, at the driver's level.

On PostgreSQL, `INSERT ... SELECT * FROM unnest(%b::text[], %b::bigint[], ...)`: one statement
with one binary array per column, however many rows; measured about twice as fast as psycopg's
pipelined executemany (one statement per row) for the 300 feed rows of a batch of 100 sales.
It may return columns of the new rows (the inbox ids) in the same round trip.
On SQLite, sqlite3's own executemany with the values run through each column's SQLAlchemy
bind processor (so a datetime is stored exactly as SQLAlchemy stores it): SQLAlchemy's
per-row parameter handling cost more than the insert itself.
Both run on the DBAPI connection of the caller's SQLAlchemy connection: the same transaction.
The driver's errors come out as SQLAlchemy's (OperationalError, IntegrityError, ...), as they
would from Connection.execute, so callers handle one kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Connection, DateTime, Integer, Table
from sqlalchemy.exc import DBAPIError

_PG_TYPES: tuple[tuple[type, str], ...] = (
    (BigInteger, "bigint"), (Integer, "integer"), (Boolean, "boolean"),
    (DateTime, "timestamptz"))


def _pg_type(column: Any) -> str:
    for kind, name in _PG_TYPES:
        if isinstance(column.type, kind):
            return name
    return "text"


def dbapi(conn: Connection) -> Any:
    """The driver's connection under `conn` (in its transaction)."""
    return conn.connection.dbapi_connection


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                returning: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """Insert `rows` (all with the same keys); the `returning` columns of the new rows (in no
    particular order; PostgreSQL only: on SQLite, read them back by a key)."""
    if not rows:
        return []
    if returning and conn.dialect.name != "postgresql":
        raise ValueError("returning: PostgreSQL only")
    driver_error = conn.dialect.loaded_dbapi.Error
    try:
        return _insert(conn, table, list(rows[0]), rows, returning)
    except driver_error as error:
        raise DBAPIError.instance(f"INSERT INTO {table.name}", None, error,
                                  driver_error) from error


def _insert(conn: Connection, table: Table, names: list[str], rows: Sequence[Mapping[str, Any]],
            returning: Sequence[str]) -> list[tuple[Any, ...]]:
    if conn.dialect.name != "postgresql":
        _sqlite_insert(conn, table, names, rows)
        return []
    arrays = [[row[name] for row in rows] for name in names]
    casts = ", ".join(f"%b::{_pg_type(table.c[name])}[]" for name in names)  # %b: binary
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM unnest({casts})"
    if returning:
        sql += f" RETURNING {', '.join(returning)}"
    with dbapi(conn).cursor() as cursor:  # psycopg's own cursor, in this same transaction
        cursor.execute(sql, arrays)
        return list(cursor.fetchall()) if returning else []


def _sqlite_insert(conn: Connection, table: Table, names: list[str],
                   rows: Sequence[Mapping[str, Any]]) -> None:
    processors = [table.c[name].type._cached_bind_processor(conn.dialect) for name in names]
    columns = []
    for name, process in zip(names, processors, strict=True):
        values = [row[name] for row in rows]
        if process is not None:
            memo: dict[Any, Any] = {}  # the same `now` in every row: processed once
            values = [memo[v] if v in memo else memo.setdefault(v, process(v)) for v in values]
        columns.append(values)
    marks = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    cursor = dbapi(conn).cursor()
    try:
        cursor.executemany(sql, list(zip(*columns, strict=True)))
    finally:
        cursor.close()
