"""Loyalty tiers from what the customer buys (hub/tiers.py): an administrator's tier is kept
as a floor the rule never goes below

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('customers') as batch:
        batch.add_column(sa.Column('tier_floor', sa.String(length=20), nullable=True))
    # Until now every tier was set by hand: each one above basic becomes its customer's floor.
    op.execute("UPDATE customers SET tier_floor = tier WHERE tier <> 'basic'")


def downgrade() -> None:
    with op.batch_alter_table('customers') as batch:
        batch.drop_column('tier_floor')
