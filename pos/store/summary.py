"""A read-only look at a till database for the helpdesk (`kassa support-bundle`).

Opened with SQLite's `mode=ro` and a short busy timeout, never migrated, never written: the
till may be selling on it right now. A till holding the file exclusively (or a migration in
progress) makes it "locked", which is reported as such rather than waited for.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_S = 1.0


def summarise(path: Path, timeout_s: float = BUSY_TIMEOUT_S) -> dict[str, Any]:
    """Revision, row counts and the outbox per register; {"locked": True, ...} when the
    database cannot be read within the timeout."""
    info: dict[str, Any] = {"path": str(path)}
    if not path.exists():
        return {**info, "exists": False}
    info["size_bytes"] = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    info["wal_bytes"] = wal.stat().st_size if wal.exists() else 0
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout_s)
    except sqlite3.Error as exc:
        return {**info, "error": str(exc)}
    try:
        con.execute(f"PRAGMA busy_timeout={int(timeout_s * 1000)}")
        info["revision"] = _scalar(con, "SELECT version_num FROM alembic_version")
        for table in ("sales", "journal", "outbox", "products"):
            info[f"{table}_rows"] = _scalar(con, f"SELECT count(*) FROM {table}")
        info["outbox"] = _outbox(con)
        link = con.execute("SELECT hub_url, store_id, register_id, epoch, last_sync_at, "
                           "credential_ref FROM hub_link WHERE id = 1").fetchone()
        if link:  # credential_ref: where the credential is, never the credential
            info["hub_link"] = dict(zip(("hub_url", "store_id", "register_id", "epoch",
                                         "last_sync_at", "credential_ref"), link, strict=True))
    except sqlite3.OperationalError as exc:
        locked = "locked" in str(exc) or "busy" in str(exc)
        return {**info, "locked": locked, "error": str(exc)}
    except sqlite3.DatabaseError as exc:
        return {**info, "error": str(exc)}
    finally:
        con.close()
    return info


def _scalar(con: sqlite3.Connection, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    return row[0] if row else None


def _outbox(con: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT o.register_id, count(*), max(o.seq), coalesce(c.acked_through, 0), "
        "min(CASE WHEN o.seq > coalesce(c.acked_through, 0) THEN o.occurred_at END) "
        "FROM outbox o LEFT JOIN outbox_cursor c ON c.register_id = o.register_id "
        "GROUP BY o.register_id").fetchall()
    return [{"register_id": register, "events": events, "last_seq": last,
             "acked_through": acked, "pending": last - acked, "oldest_pending_at": oldest}
            for register, events, last, acked, oldest in rows]
