"""The till's copy of its store's open click & collect orders (issue 9): kept from the hub's
`pickup` frames and its list, so a till restarted while the hub is away still shows who is
coming to collect (pos.store.pickups).

Revision ID: 0008_pickups
Revises: 0007_price_lists
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_pickups"
down_revision: str | None = "0007_price_lists"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pickup_orders",
        sa.Column("order_id", sa.Text(), nullable=False),
        sa.Column("arrived", sa.Integer(), nullable=False),  # the hub's order: oldest first
        sa.Column("data", sa.Text(), nullable=False),  # the PickupChange, as JSON
        sa.PrimaryKeyConstraint("order_id"),
    )


def downgrade() -> None:
    op.drop_table("pickup_orders")
