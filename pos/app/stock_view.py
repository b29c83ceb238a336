"""Stock on hand as the cashier sees it: the hub's value in this store, minus this till's own
sales the hub has not confirmed yet (pos.store.stock explains why that never counts a sale
twice). The own unconfirmed lines are kept in memory and read incrementally, so showing the
badge after every scan costs two indexed look-ups even with a long offline backlog.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from pos.store import stock
from pos.store.db import Database


@dataclass(frozen=True)
class OnHand:
    sku: str
    hub_milli: int | None  # None: the hub has never told this till about this sku
    own_unconfirmed_milli: int  # sold here, not yet in the hub's value (a return: negative)
    as_of: datetime | None

    @property
    def known(self) -> bool:
        return self.hub_milli is not None

    @property
    def on_hand_milli(self) -> int:
        return (self.hub_milli or 0) - self.own_unconfirmed_milli


class StockView:
    def __init__(self, db: Database, register_id: str) -> None:
        self.db = db
        self.register_id = register_id
        self._confirmed = 0
        self._read_through = 0
        self._lines: dict[int, list[tuple[str, int]]] = {}  # seq -> (sku, quantity)
        self._by_sku: defaultdict[str, int] = defaultdict(int)

    def _catch_up(self) -> None:
        confirmed = stock.own_confirmed_seq(self.db)
        if confirmed > self._confirmed:
            for seq in [s for s in self._lines if s <= confirmed]:
                for sku, quantity in self._lines.pop(seq):
                    self._by_sku[sku] -= quantity
            self._confirmed = confirmed
        start = max(self._read_through, self._confirmed)
        for seq, sku, quantity in stock.own_lines_after(self.db, self.register_id, start):
            self._lines.setdefault(seq, []).append((sku, quantity))
            self._by_sku[sku] += quantity
            self._read_through = seq

    def on_hand(self, sku: str) -> OnHand:
        self._catch_up()
        hub = stock.hub_on_hand(self.db, sku)
        return OnHand(sku, hub.on_hand_milli if hub else None, self._by_sku.get(sku, 0),
                      hub.as_of if hub else None)
