"""Signed receipts and SAF-T export support (issue 7).

Revision ID: 0004_fiscal
Revises: 0003_sync
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0004_fiscal"
down_revision: str | None = "0003_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
