"""Click & collect: pickup orders at the store's tills (issue 9; hub/medusa/pickup_tables.py)

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

NOW = sa.DateTime(timezone=True)

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('medusa_pickups',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('display_id', sa.BigInteger(), nullable=True),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('location_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('flag', sa.Text(), nullable=True),
    sa.Column('checked_at', NOW, nullable=True),
    sa.Column('customer_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('total_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('placed_at', NOW, nullable=False),
    sa.Column('handed_over_at', NOW, nullable=True),
    sa.Column('handed_over_by', sa.String(length=100), nullable=True),
    sa.Column('fulfillment_id', sa.String(length=64), nullable=True),
    sa.Column('delivered_at', NOW, nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('push_error', sa.Text(), nullable=True),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('order_id')
    )
    op.create_index('ix_medusa_pickups_store_status', 'medusa_pickups',
                    ['store_id', 'status'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_medusa_pickups_store_status', table_name='medusa_pickups')
    op.drop_table('medusa_pickups')
