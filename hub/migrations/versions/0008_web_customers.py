"""One customer: web links, tiers, wish lists (issue 9; hub/medusa/customer_tables.py)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

NOW = sa.DateTime(timezone=True)

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('medusa_customer_groups',
    sa.Column('tier', sa.String(length=20), nullable=False),
    sa.Column('group_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('tier'),
    sa.UniqueConstraint('group_id')
    )
    op.create_table('medusa_wishlists',
    sa.Column('medusa_customer_id', sa.String(length=64), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('medusa_customer_id')
    )


def downgrade() -> None:
    op.drop_table('medusa_wishlists')
    op.drop_table('medusa_customer_groups')
