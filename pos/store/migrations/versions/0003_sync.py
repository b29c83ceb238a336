"""Hub sync state: credential, cursors, stock and customer caches (issue 5).

Revision ID: 0003_sync
Revises: 0002_card_payments
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0003_sync"
down_revision: str | None = "0002_card_payments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
