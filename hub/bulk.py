"""Many small rows into one table in one statement.

On PostgreSQL, `INSERT ... SELECT * FROM unnest(%b::text[], %b::bigint[], ...)`: one statement
with one binary array per column, however many rows; measured about twice as fast as psycopg's
pipelined executemany (one statement per row) for the 300 feed rows of a batch of 100 sales.
On SQLite, the driver's executemany, which runs in-process anyway.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Connection, DateTime, Integer, Table, insert

_PG_TYPES: tuple[tuple[type, str], ...] = (
    (BigInteger, "bigint"), (Integer, "integer"), (Boolean, "boolean"),
    (DateTime, "timestamptz"))


def _pg_type(column: Any) -> str:
    for kind, name in _PG_TYPES:
        if isinstance(column.type, kind):
            return name
    return "text"


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    arrays = [[row[name] for row in rows] for name in names]
    casts = ", ".join(f"%b::{_pg_type(table.c[name])}[]" for name in names)  # %b: binary
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM unnest({casts})"
    with conn.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(sql, arrays)  # psycopg's own cursor, in this same transaction
