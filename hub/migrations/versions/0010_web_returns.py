"""Returns anywhere and orders for home delivery (issue 9; hub/medusa/return_tables.py)

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

NOW = sa.DateTime(timezone=True)
ID = sa.String(length=64)

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sale_returns',
    sa.Column('return_sale_id', sa.String(length=36), nullable=False),
    sa.Column('original_sale_id', sa.String(length=36), nullable=False),
    sa.Column('inbox_id', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('return_sale_id')
    )
    op.create_index('ix_sale_returns_original_sale_id', 'sale_returns', ['original_sale_id'])
    op.create_table('web_returns',
    sa.Column('return_id', sa.String(length=36), nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('display_id', sa.BigInteger(), nullable=False),
    sa.Column('store_id', ID, nullable=False),
    sa.Column('register_id', ID, nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('refund_minor', sa.BigInteger(), nullable=False),
    sa.Column('refund_to', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('step', sa.String(length=20), nullable=False),
    sa.Column('medusa_return_id', ID, nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('lease_until', NOW, nullable=True),
    sa.Column('created_at', NOW, nullable=False),
    sa.Column('done_at', NOW, nullable=True),
    sa.PrimaryKeyConstraint('return_id')
    )
    op.create_index('ix_web_returns_order_id', 'web_returns', ['order_id'])
    op.create_table('home_deliveries',
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', ID, nullable=False),
    sa.Column('register_id', ID, nullable=False),
    sa.Column('sku', ID, nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('draft_order_id', ID, nullable=True),
    sa.Column('order_id', ID, nullable=True),
    sa.Column('display_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('request_id')
    )


def downgrade() -> None:
    op.drop_table('home_deliveries')
    op.drop_index('ix_web_returns_order_id', table_name='web_returns')
    op.drop_table('web_returns')
    op.drop_index('ix_sale_returns_original_sale_id', table_name='sale_returns')
    op.drop_table('sale_returns')
