"""Look-ups the till waits on: a web order by its number (a return, a pickup scan) and a
customer by e-mail in any case (every sign-up, hub.customer_identity)

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_medusa_orders_display_id', 'medusa_orders', ['display_id'])
    op.create_index('ix_customers_email_lower', 'customers', [sa.text('lower(email)')])


def downgrade() -> None:
    op.drop_index('ix_customers_email_lower', table_name='customers')
    op.drop_index('ix_medusa_orders_display_id', table_name='medusa_orders')
