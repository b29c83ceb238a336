"""Click & collect (issue 9): the connector's pickup table (revision 0009), on the hub's
metadata so Alembic sees them.

- medusa_pickups: one row per web order for pickup in one of our stores, from `order.placed`
  (or the reconciliation poll) until Medusa has it delivered. `status`: open (waiting at the
  store) -> handed_over (recorded at the till; the hub is fulfilling it in Medusa) ->
  delivered (Medusa has the fulfilment from the store's location, marked delivered); or
  cancelled. `flag`: why the store may lack the goods (Medusa reserved them in another store
  and this one has none to move: the click & collect trap). The till never waits on Medusa:
  the hand-over is this row's change; hub.medusa.handover pushes it, with retries
  (`attempts`, `push_error`).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, String, Table, Text

from hub.models import metadata

ID = String(64)
NOW = DateTime(timezone=True)

medusa_pickups = Table(
    "medusa_pickups", metadata,
    Column("order_id", ID, primary_key=True),
    Column("display_id", BigInteger, nullable=True),
    Column("store_id", ID, nullable=False),
    Column("location_id", ID, nullable=False),  # the pickup store's Medusa stock location
    Column("status", String(20), nullable=False),  # open | handed_over | delivered | cancelled
    Column("flag", Text, nullable=True),  # None: reserved in the pickup store (once checked)
    Column("checked_at", NOW, nullable=True),  # the reservation checked (None: not yet)
    Column("customer_name", String(200), nullable=False),
    Column("email", String(200), nullable=True),
    Column("items", Text, nullable=False),  # JSON [PickupItem]
    Column("total_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("placed_at", NOW, nullable=False),  # when the hub first saw it
    Column("handed_over_at", NOW, nullable=True),
    Column("handed_over_by", String(100), nullable=True),  # register (and employee)
    Column("fulfillment_id", ID, nullable=True),  # Medusa's ful_... once created
    Column("delivered_at", NOW, nullable=True),  # Medusa marked it delivered
    Column("attempts", Integer, nullable=False),  # pushes of the hand-over tried
    Column("push_error", Text, nullable=True),  # the last failure (kept for a person)
    Column("updated_at", NOW, nullable=False),
    Index("ix_medusa_pickups_store_status", "store_id", "status"),
)
