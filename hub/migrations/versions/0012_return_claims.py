"""Return claims: what a till is about to take back of a sale made in another store, held
before money moves so two stores cannot both return the same line (hub/return_claims.py)

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('return_claims',
    sa.Column('return_id', sa.String(length=36), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('register_id', sa.String(length=64), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('return_id')
    )
    op.create_index('ix_return_claims_sale_id', 'return_claims', ['sale_id'])


def downgrade() -> None:
    op.drop_index('ix_return_claims_sale_id', table_name='return_claims')
    op.drop_table('return_claims')
