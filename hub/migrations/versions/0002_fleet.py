"""Fleet: the latest heartbeat of each till, and revoked enrolment codes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('terminal_heartbeats',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('register_id', sa.String(length=64), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('kassa_version', sa.String(length=40), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clock_skew_ms', sa.BigInteger(), nullable=False),
    sa.Column('outbox_backlog', sa.BigInteger(), nullable=False),
    sa.Column('outbox_oldest_age_s', sa.BigInteger(), nullable=True),
    sa.Column('devices', sa.Text(), nullable=False),
    sa.Column('fiscal', sa.String(length=20), nullable=False),
    sa.Column('fiscal_detail', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('store_id', 'register_id')
    )
    # A nullable column: a plain ALTER TABLE ADD COLUMN on SQLite too (no table copy).
    op.add_column('enrolment_codes',
                  sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('enrolment_codes') as batch:
        batch.drop_column('revoked_at')
    op.drop_table('terminal_heartbeats')
