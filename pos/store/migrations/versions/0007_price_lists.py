"""Price lists from the hub (issue 9, "same price everywhere"): member and campaign prices the
till applies by pos.core.pricing; kept absolute by the hub's `price_list` frames.

Revision ID: 0007_price_lists
Revises: 0006_returns_index
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_price_lists"
down_revision: str | None = "0006_returns_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "price_lists",
        sa.Column("list_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("tier", sa.Text(), nullable=True),
        sa.Column("starts_at", sa.Text(), nullable=True),
        sa.Column("ends_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("list_id"),
    )
    op.create_table(
        "price_list_prices",
        sa.Column("list_id", sa.Text(), nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sku", "list_id"),
    )


def downgrade() -> None:
    op.drop_table("price_list_prices")
    op.drop_table("price_lists")
