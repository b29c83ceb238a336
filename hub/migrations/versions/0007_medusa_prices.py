"""Price lists: base, member and campaign prices (issue 9; hub/price_tables.py)

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

NOW = sa.DateTime(timezone=True)

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('price_lists',
    sa.Column('list_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('tier', sa.String(length=20), nullable=True),
    sa.Column('starts_at', NOW, nullable=True),
    sa.Column('ends_at', NOW, nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('list_id')
    )
    op.create_table('price_list_prices',
    sa.Column('list_id', sa.String(length=64), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('price_minor', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['price_lists.list_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('list_id', 'sku')
    )
    op.create_index('ix_price_list_prices_sku', 'price_list_prices', ['sku'], unique=False)
    op.create_table('medusa_price_lists',
    sa.Column('list_id', sa.String(length=64), nullable=False),
    sa.Column('part', sa.String(length=20), nullable=False),
    sa.Column('price_list_id', sa.String(length=64), nullable=False),
    sa.Column('pushed_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('list_id', 'part')
    )


def downgrade() -> None:
    op.drop_table('medusa_price_lists')
    op.drop_index('ix_price_list_prices_sku', table_name='price_list_prices')
    op.drop_table('price_list_prices')
    op.drop_table('price_lists')
