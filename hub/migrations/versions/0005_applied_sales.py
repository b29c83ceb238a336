"""applied_sales: the sales applied, keyed by sale id (the duplicate-sale check, hub.apply_sale)

The check asked inbox.sale_id for a batch's 100 ids. That index is not unique (a rejected copy
of a sale carries its id too), so without statistics (a fresh or fast-growing table; this
PostgreSQL runs without autovacuum) the planner guessed 0.5 % of the inbox per id and scanned
the whole inbox instead: an apply that slowed as the inbox grew (100,000 sales: 2,504/s at
10,000 rows, 1,347/s at 100,000). A primary key is estimated at one row per id, statistics or
not, and it enforces "applied at most once" in the database as well.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 19:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('applied_sales',
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('inbox_id', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('sale_id')
    )
    # The sales a hub applied before this revision (one row each; MIN guards against a copy
    # applied twice by two epochs racing, which this key now makes impossible).
    op.execute("INSERT INTO applied_sales (sale_id, inbox_id) SELECT sale_id, MIN(id) FROM inbox"
               " WHERE status = 'applied' AND sale_id IS NOT NULL GROUP BY sale_id")


def downgrade() -> None:
    op.drop_table('applied_sales')
