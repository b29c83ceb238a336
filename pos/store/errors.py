"""The store's error tree: callers catch `StoreError` and show one clear message."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error raised by pos.store."""


class DatabaseMissing(StoreError):
    """open_database(create=False) was asked for a file that does not exist."""


class DatabaseCorrupt(StoreError):
    """The file is not a SQLite database, or its integrity check failed. It is left untouched."""


class DatabaseTooNew(StoreError):
    """The file was migrated by a newer Kassa; this code does not know its schema revision."""


class DatabaseForeign(StoreError):
    """A valid SQLite database that was not created by Kassa (no alembic_version, other tables)."""


class InvalidRecord(StoreError):
    """A record handed to the store breaks an invariant (totals do not add up, naive datetime)."""


class NotFound(StoreError):
    """The row asked for does not exist."""
