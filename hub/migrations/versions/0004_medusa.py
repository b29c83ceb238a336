"""The Medusa connector's tables (hub/medusa/tables.py)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

BIGID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')  # SQLite rowid alias
NOW = sa.DateTime(timezone=True)

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('medusa_cursor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('medusa_products',
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('product_id', sa.String(length=64), nullable=False),
    sa.Column('variant_id', sa.String(length=64), nullable=False),
    sa.Column('pushed_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('sku')
    )
    op.create_table('medusa_push_failures',
    sa.Column('id', BIGID, autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.Column('created_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('medusa_events',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('sent_at_ms', sa.BigInteger(), nullable=False),
    sa.Column('received_at', NOW, nullable=False),
    sa.Column('processed_at', NOW, nullable=True),
    sa.PrimaryKeyConstraint('event_id')
    )
    with op.batch_alter_table('medusa_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_medusa_events_received_at'), ['received_at'],
                              unique=False)
    op.create_table('medusa_orders',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('display_id', sa.BigInteger(), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('fulfillment_status', sa.String(length=30), nullable=True),
    sa.Column('payment_status', sa.String(length=30), nullable=True),
    sa.Column('total_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('shipping_option_id', sa.String(length=64), nullable=True),
    sa.Column('problem', sa.Text(), nullable=True),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('order_id')
    )
    op.create_table('medusa_customers',
    sa.Column('medusa_customer_id', sa.String(length=64), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('hub_customer_id', sa.String(length=64), nullable=True),
    sa.Column('updated_at', NOW, nullable=False),
    sa.PrimaryKeyConstraint('medusa_customer_id')
    )
    with op.batch_alter_table('medusa_customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_medusa_customers_hub_customer_id'),
                              ['hub_customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('medusa_customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_medusa_customers_hub_customer_id'))
    op.drop_table('medusa_customers')
    op.drop_table('medusa_orders')
    with op.batch_alter_table('medusa_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_medusa_events_received_at'))
    op.drop_table('medusa_events')
    op.drop_table('medusa_push_failures')
    op.drop_table('medusa_products')
    op.drop_table('medusa_cursor')
