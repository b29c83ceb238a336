"""Stock on hand in this till's store: the hub's value plus the till's own unconfirmed sales.

The hub's value (stock_levels) is absolute and arrives with the feed; it already includes
every own sale up to `hub_link.own_confirmed_seq` (the highest own seq a frame's `src` named:
the hub applies a till's events in seq order, and the feed is in commit order). Own sales
above that seq are not in it yet, so the till adds them: never counted twice, never missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.store.db import Database
from pos.store.keys import RANGE_HI, RANGE_LO, in_register
from pos.store.timeutil import from_utc_text


@dataclass(frozen=True, slots=True)
class HubStock:
    sku: str
    on_hand_milli: int
    as_of: datetime


def hub_on_hand(db: Database, sku: str) -> HubStock | None:
    row = db.fast_reader().execute(
        "SELECT sku, on_hand_milli, as_of FROM stock_levels WHERE sku = ?", (sku,)
    ).fetchone()
    return None if row is None else HubStock(row[0], row[1], from_utc_text(row[2]))


def own_confirmed_seq(db: Database) -> int:
    row = db.fast_reader().execute(
        "SELECT own_confirmed_seq FROM hub_link WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


# Lines of the register's own stock-moving events after a seq: what the hub does with them
# (sync/README.md, "Upload"): every line of a non-training sale or return moves -quantity.
_OWN_LINES = (
    "SELECT o.seq, json_extract(l.value, '$.sku'), json_extract(l.value, '$.quantity_milli') "
    "FROM outbox o, json_each(o.payload, '$.lines') l "
    f"WHERE o.outbox_key > {RANGE_LO} + ?2 AND o.outbox_key <= {RANGE_HI} "
    "AND o.type = 'sale.committed' "
    "AND json_extract(o.payload, '$.training') = 0 "
    "AND json_extract(o.payload, '$.kind') IN ('sale', 'return') ORDER BY o.outbox_key"
)


def own_lines_after(db: Database, register_id: str, after_seq: int) -> list[tuple[int, str, int]]:
    """(seq, sku, quantity_milli) of the register's own sale lines with seq > after_seq."""
    return db.fast_reader().execute(_OWN_LINES, (register_id, after_seq)).fetchall()


def last_seq(db: Database, register_id: str) -> int:
    row = db.fast_reader().execute(
        "SELECT max(seq) FROM outbox WHERE " + in_register("outbox_key"), (register_id,)
    ).fetchone()
    return int(row[0] or 0)
