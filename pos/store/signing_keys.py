"""Which key signed the receipts: one row per key version (SAF-T keyVersion).

Recorded when the till starts with a key, before its first sale. A version number is bound to
one key for good: starting with another key under a used number is refused, because the
receipts already signed under that number could no longer be verified by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.store.db import Database
from pos.store.timeutil import to_utc_text


@dataclass(frozen=True, slots=True)
class KeyRecord:
    key_version: int
    algorithm: str
    fingerprint: str
    public_key_pem: str | None
    first_used_at: str


def record_key(
    db: Database,
    key_version: int,
    algorithm: str,
    fingerprint: str,
    public_key_pem: str | None,
    at: datetime,
) -> str | None:
    """Bind key_version to this key. Returns None when it is (now) bound to it, or a sentence
    saying why this key cannot be used under that version."""
    with db.write() as con:
        row = con.execute(
            "SELECT algorithm, fingerprint FROM signing_keys WHERE key_version = ?",
            (key_version,),
        ).fetchone()
        if row is None:
            con.execute(
                "INSERT INTO signing_keys (key_version, algorithm, fingerprint, public_key_pem, "
                "first_used_at) VALUES (?,?,?,?,?)",
                (key_version, algorithm, fingerprint, public_key_pem, to_utc_text(at)),
            )
            return None
    if tuple(row) != (algorithm, fingerprint):
        return (
            f"key version {key_version} already signed receipts with another key; a new key "
            "needs a new key_version"
        )
    return None


def keys(db: Database) -> list[KeyRecord]:
    with db.read() as con:
        rows = con.execute(
            "SELECT key_version, algorithm, fingerprint, public_key_pem, first_used_at "
            "FROM signing_keys ORDER BY key_version"
        ).fetchall()
    return [KeyRecord(*r) for r in rows]
