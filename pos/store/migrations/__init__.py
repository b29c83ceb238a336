"""Alembic environment and revisions of the till database (shipped as package data).

KNOWN_REVISIONS lets open_database tell "up to date" and "too new" apart without importing
Alembic (a fast start matters on a till); a test keeps it equal to the script directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

MIGRATIONS_DIR: Final = Path(__file__).resolve().parent
KNOWN_REVISIONS: Final = (
    "0001_initial",
    "0002_card_payments",
    "0003_sync",
    "0004_fiscal",
    "0005_shifts",
    "0006_returns_index",
    "0007_price_lists",
    "0008_pickups",
)
HEAD_REVISION: Final = KNOWN_REVISIONS[-1]

# The FTS5 product index (created by raw SQL in the revisions; not an ORM table).
FTS_TABLE: Final = "product_fts"
