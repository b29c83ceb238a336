"""store_days: one row per register and business date, from the till's `day.closed` (hub.days)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 19:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

BIGID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')  # SQLite rowid alias

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_days',
    sa.Column('id', BIGID, autoincrement=True, nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('register_id', sa.String(length=64), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('z_no', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('first_transaction_no', sa.BigInteger(), nullable=True),
    sa.Column('last_transaction_no', sa.BigInteger(), nullable=True),
    sa.Column('tenders', sa.Text(), nullable=False),
    sa.Column('totals', sa.Text(), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    # one Z per register and day; also the index of the store's date-range read
    sa.UniqueConstraint('store_id', 'register_id', 'business_date', name='uq_store_days_day')
    )


def downgrade() -> None:
    op.drop_table('store_days')
