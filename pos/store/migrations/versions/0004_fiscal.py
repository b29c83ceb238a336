"""Signed receipts and SAF-T export support (issue 7).

signing_keys: one row per key version that has signed receipts here, with the public key (RSA)
or a fingerprint (HMAC: the secret never enters the database). The till refuses to sign with a
different key under a version number already used, and the export and `verify` find the public
key of every keyVersion in the file.
receipt_series: the last number of each register's provisional and delivery receipt series.

Revision ID: 0004_fiscal
Revises: 0003_sync
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_fiscal"
down_revision: str | None = "0003_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signing_keys",
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("algorithm", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("public_key_pem", sa.Text(), nullable=True),
        sa.Column("first_used_at", sa.Text(), nullable=False),
        sa.CheckConstraint("algorithm IN ('rsa', 'hmac')", name="ck_signing_keys_algorithm"),
        sa.PrimaryKeyConstraint("key_version"),
    )


    # Provisional (13015) and delivery (13016) receipts are numbered in series of their own,
    # apart from the sales receipts' transaction numbers (Skatteetaten on § 2-8-7).
    op.create_table(
        "receipt_series",
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("series", sa.Text(), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        sa.CheckConstraint("series IN ('provisional', 'delivery')", name="ck_receipt_series"),
        sa.PrimaryKeyConstraint("register_id", "series"),
    )


def downgrade() -> None:
    op.drop_table("receipt_series")
    op.drop_table("signing_keys")
