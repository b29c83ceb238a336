"""Price lists (issue 9, "same price everywhere"; revision 0007), on the hub's metadata so
Alembic sees them. The base price stays products.price_minor; these are the lists that may
offer less (the rule: pos.core.pricing).

- price_lists: one row per list, member (a tier, or every loyalty customer) or campaign (dated);
- price_list_prices: the list's price per sku, øre VAT-inclusive;
- medusa_price_lists: the Medusa price lists the connector made for a hub list (one per
  `part`: "member", or for a campaign "all" and "members", see hub/medusa/prices.py).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from hub.models import metadata

NOW = DateTime(timezone=True)

price_lists = Table(
    "price_lists", metadata,
    Column("list_id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # member | campaign
    Column("tier", String(20)),  # member lists: one tier, NULL = every loyalty customer
    Column("starts_at", NOW),
    Column("ends_at", NOW),
    Column("active", Boolean, nullable=False),
    Column("updated_at", NOW, nullable=False),
)

price_list_prices = Table(
    "price_list_prices", metadata,
    Column("list_id", String(64), ForeignKey("price_lists.list_id", ondelete="CASCADE"),
           primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("price_minor", Integer, nullable=False),
    Index("ix_price_list_prices_sku", "sku"),
)

medusa_price_lists = Table(
    "medusa_price_lists", metadata,
    Column("list_id", String(64), primary_key=True),
    Column("part", String(20), primary_key=True),
    Column("price_list_id", String(64), nullable=False),  # plist_...
    Column("pushed_at", NOW, nullable=False),
)
