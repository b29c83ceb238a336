"""The Medusa connector's web stock moves and reconciliation mismatches (hub/medusa/tables.py)

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

NOW = sa.DateTime(timezone=True)

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('medusa_stock_moves',
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('applied_milli', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('source_id', 'sku')
    )
    op.create_index('ix_medusa_stock_moves_store_sku', 'medusa_stock_moves',
                    ['store_id', 'sku'], unique=False)
    op.create_table('medusa_mismatches',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('medusa_value', sa.Text(), nullable=False),
    sa.Column('hub_value', sa.Text(), nullable=False),
    sa.Column('seen', sa.Integer(), nullable=False),
    sa.Column('first_seen', NOW, nullable=False),
    sa.Column('last_seen', NOW, nullable=False),
    sa.PrimaryKeyConstraint('kind', 'key')
    )


def downgrade() -> None:
    op.drop_table('medusa_mismatches')
    op.drop_index('ix_medusa_stock_moves_store_sku', table_name='medusa_stock_moves')
    op.drop_table('medusa_stock_moves')
