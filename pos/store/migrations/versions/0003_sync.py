"""Hub sync state: credential, cursors, stock and customer caches (issue 5).

hub_link: one row (id = 1): the hub this till is enrolled with, where its credential is kept,
its epoch and the outbox seq that epoch counts from (seq_base), the change-feed cursor and the
highest of its own outbox seqs the feed has confirmed.
stock_levels: the hub's on-hand value per sku for this till's store (absolute, as of `position`).
customers: the hub's customers seen by this till (snapshot + feed), with their loyalty balance.

Revision ID: 0003_sync
Revises: 0002_card_payments
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_sync"
down_revision: str | None = "0002_card_payments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hub_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hub_url", sa.Text(), nullable=False),
        sa.Column("store_id", sa.Text(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq_base", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("credential_ref", sa.Text(), nullable=False),
        sa.Column("enrolled_at", sa.Text(), nullable=False),
        sa.Column("feed_position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("own_confirmed_seq", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("snapshot_at", sa.Text(), nullable=True),
        sa.Column("last_sync_at", sa.Text(), nullable=True),
        sa.CheckConstraint("id = 1", name="ck_hub_link_single"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "stock_levels",
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("on_hand_milli", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sku"),
    )
    op.create_table(
        "customers",
        sa.Column("customer_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("loyalty_card", sa.Text(), nullable=True),
        sa.Column("home_store_id", sa.Text(), nullable=True),
        sa.Column("tier", sa.Text(), nullable=False),
        sa.Column("balance_points", sa.Integer(), nullable=False),
        sa.Column("balance_as_of", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    op.create_index("ix_customers_phone", "customers", ["phone"])
    op.create_index("ix_customers_loyalty_card", "customers", ["loyalty_card"])


def downgrade() -> None:
    op.drop_index("ix_customers_loyalty_card", table_name="customers")
    op.drop_index("ix_customers_phone", table_name="customers")
    op.drop_table("customers")
    op.drop_table("stock_levels")
    op.drop_table("hub_link")
