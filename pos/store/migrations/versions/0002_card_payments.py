"""Card payment intents and terminal results (issue 4).

card_intents: one row per amount sent (or about to be sent) to a card terminal, committed
before the terminal sees it, updated as the outcome becomes known (pos.store.card_payments).
card_reconciliations: one row per end-of-day comparison of the terminal's totals with ours.

Revision ID: 0002_card_payments
Revises: 0001_initial
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_card_payments"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = "kind IN ('purchase', 'refund', 'reversal')"
STATES = "state IN ('pending', 'sent', 'approved', 'declined', 'aborted', 'unknown', 'resolved')"


def upgrade() -> None:
    op.create_table(
        "card_intents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("sale_id", sa.Text(), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("original_reference", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("result_code", sa.Integer(), nullable=True),
        sa.Column("result_text", sa.Text(), nullable=True),
        sa.Column("masked_pan", sa.Text(), nullable=True),
        sa.Column("card_brand", sa.Text(), nullable=True),
        sa.Column("auth_code", sa.Text(), nullable=True),
        sa.Column("receipt_no", sa.Integer(), nullable=True),
        sa.Column("trace_no", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.Text(), nullable=True),
        sa.Column("terminal_time", sa.Text(), nullable=True),
        sa.Column("receipt_lines", sa.Text(), nullable=True),
        sa.Column("signature_required", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(KINDS, name="ck_card_intents_kind"),
        sa.CheckConstraint(STATES, name="ck_card_intents_state"),
        sa.CheckConstraint("amount_minor >= 0", name="ck_card_intents_amount"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reference"),
    )
    op.create_index("ix_card_intents_state", "card_intents", ["register_id", "state"])
    op.create_index("ix_card_intents_sale", "card_intents", ["sale_id"])
    op.create_index("ix_card_intents_terminal_tx", "card_intents", ["terminal_id", "trace_no"])
    op.create_table(
        "card_reconciliations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("through_intent_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("terminal_total_minor", sa.Integer(), nullable=True),
        sa.Column("kassa_total_minor", sa.Integer(), nullable=False),
        sa.Column("difference_minor", sa.Integer(), nullable=True),
        sa.Column("result_code", sa.Integer(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_card_reconciliations_register", "card_reconciliations", ["register_id", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_card_reconciliations_register", table_name="card_reconciliations")
    op.drop_table("card_reconciliations")
    op.drop_index("ix_card_intents_terminal_tx", table_name="card_intents")
    op.drop_index("ix_card_intents_sale", table_name="card_intents")
    op.drop_index("ix_card_intents_state", table_name="card_intents")
    op.drop_table("card_intents")
