"""Shifts, cash movements, X/Z reports and end of day (issue 7).

Tables as in pos.store.models (Shift, CashMovement, ZReportRow, EndOfDayRun), plus what the
models cannot say: z_reports is append-only (a fiscal record, like the journal).

Revision ID: 0005_shifts
Revises: 0004_fiscal
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_shifts"
down_revision: str | None = "0004_fiscal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NUMBER_MASK = 68719476735  # pos.store.keys.NUMBER_MASK


def upgrade() -> None:
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("business_date", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("opening_float_minor", sa.Integer(), nullable=False),
        sa.Column("opening_count_json", sa.Text(), nullable=False),
        sa.Column("first_transaction_no", sa.Integer(), nullable=False),
        sa.Column("last_transaction_no", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("count_json", sa.Text(), nullable=True),
        sa.Column("expected_json", sa.Text(), nullable=True),
        sa.Column("variance_minor", sa.Integer(), nullable=True),
        sa.Column("variance_reason", sa.Text(), nullable=True),
        sa.Column("flagged_at", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_shifts_status"),
        sa.CheckConstraint("opening_float_minor >= 0", name="ck_shifts_float"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index("ix_shifts_register_status", ["register_id", "status"], unique=False)

    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("journal_entry_no", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('drop', 'pay_in', 'pay_out', 'no_sale')", name="ck_cash_movements_kind"
        ),
        sa.CheckConstraint("amount_minor >= 0", name="ck_cash_movements_amount"),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.create_index("ix_cash_movements_shift", ["shift_id"], unique=False)

    op.create_table(
        "z_reports",
        sa.Column("z_key", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("z_no", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("first_transaction_no", sa.Integer(), nullable=True),
        sa.Column("last_transaction_no", sa.Integer(), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("report_json", sa.Text(), nullable=False),
        sa.CheckConstraint(f"z_no = (z_key & {_NUMBER_MASK})", name="ck_z_reports_key"),
        sa.PrimaryKeyConstraint("z_key"),
    )
    with op.batch_alter_table("z_reports", schema=None) as batch_op:
        batch_op.create_index("ux_z_reports_day", ["register_id", "business_date"], unique=True)
    # A Z report is a fiscal record: written once, never changed (as the journal).
    op.execute(
        "CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports BEGIN "
        "SELECT RAISE(ABORT, 'z_reports is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports BEGIN "
        "SELECT RAISE(ABORT, 'z_reports is append-only'); END"
    )

    op.create_table(
        "end_of_day_runs",
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("business_date", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("started_at", sa.Text(), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=True),
        sa.Column("steps_json", sa.Text(), nullable=False),
        sa.Column("finished_at", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('running', 'done')", name="ck_end_of_day_status"),
        sa.PrimaryKeyConstraint("register_id", "business_date"),
    )

    op.create_table(
        "report_blocks",
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("block_no", sa.Integer(), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("register_id", "block_no"),
    )


def downgrade() -> None:
    op.drop_table("report_blocks")
    op.drop_table("end_of_day_runs")
    op.execute("DROP TRIGGER IF EXISTS z_reports_no_delete")
    op.execute("DROP TRIGGER IF EXISTS z_reports_no_update")
    with op.batch_alter_table("z_reports", schema=None) as batch_op:
        batch_op.drop_index("ux_z_reports_day")
    op.drop_table("z_reports")
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.drop_index("ix_cash_movements_shift")
    op.drop_table("cash_movements")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index("ix_shifts_register_status")
    op.drop_table("shifts")
