"""One customer (issue 9): the connector's customer tables (revision 0008), on the hub's
metadata so Alembic sees them. The link itself (Medusa customer -> hub customer) is
medusa_customers (hub/medusa/tables.py).

- medusa_customer_groups: a loyalty tier -> the Medusa customer group of its members. Medusa's
  groups are admin-only, so the tier a web customer is priced by can only come from the hub
  (customer.metadata is customer-writable: never read for loyalty).
- medusa_wishlists: the wish list a web customer keeps in her own `customer.metadata.wishlist`,
  as last re-read by the connector (one row per Medusa customer). A cached copy on purpose: the
  till's customer overview answers from the hub's tables and never waits on Medusa.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, String, Table, Text

from hub.models import metadata

ID = String(64)
NOW = DateTime(timezone=True)

medusa_customer_groups = Table(
    "medusa_customer_groups", metadata,
    Column("tier", String(20), primary_key=True),
    Column("group_id", ID, nullable=False, unique=True),  # cusgroup_...
    Column("created_at", NOW, nullable=False),
)

medusa_wishlists = Table(
    "medusa_wishlists", metadata,
    Column("medusa_customer_id", ID, primary_key=True),
    Column("items", Text, nullable=False),  # JSON [{sku, variant_id, added_at}], as sanitised
    Column("updated_at", NOW, nullable=False),  # when the hub last re-read it
)
