"""Shifts, cash movements, X/Z reports and end of day (issue 7).

Revision ID: 0005_shifts
Revises: 0004_fiscal
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0005_shifts"
down_revision: str | None = "0004_fiscal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
