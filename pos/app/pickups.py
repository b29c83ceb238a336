"""Click & collect at the till, UI-neutral (the Qt side is pos.ui.pickup_view).

`PickupBoard`: this store's open pickup orders, read from the hub (`refresh`) and kept live by
the `pickup` frames of the store's feed (HubLink.pickups_changed). The till keeps a copy
(pos.store.pickups, written with the feed's cursor), so a till restarted while the hub is away
still shows who is coming; the hand-over itself needs the hub. `Handing`: one order being
handed over: the cashier scans each item (or confirms them), and `hand_over` asks the hub to
record it. The hub answers at once and tells the web shop afterwards, so the till never waits on
Medusa. Offline, both say so (`PickupOffline`) and nothing is recorded on trust.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pos.app.events import Signal
from pos.store import pickups

if TYPE_CHECKING:
    from pos.app.hub_link import HubLink
    from pos.store.db import Database
    from pos.store.records import ProductView
    from sync.client import HubClient

log = logging.getLogger(__name__)
_NUMBER = re.compile(r"(\d{1,12})\s*$")


class PickupOffline(Exception):
    """The hub cannot be reached (or the till is not linked to one): say so, record nothing."""


class PickupRefused(Exception):
    """The hub refused the hand-over (already handed over, another store's order, ...)."""


@dataclass(frozen=True)
class PickupLine:
    line_item_id: str
    sku: str | None
    name: str
    quantity: int
    checked: int = 0

    @property
    def done(self) -> bool:
        return self.checked >= self.quantity


@dataclass(frozen=True)
class PickupOrder:
    order_id: str
    display_id: int | None
    customer_name: str
    lines: tuple[PickupLine, ...]
    total_minor: int
    currency: str
    flag: str | None = None

    @property
    def number(self) -> str:
        return f"#{self.display_id}" if self.display_id is not None else self.order_id

    @property
    def pieces(self) -> int:
        return sum(line.quantity for line in self.lines)

    @classmethod
    def of(cls, data: dict[str, Any]) -> PickupOrder:
        """From a PickupChange's JSON (a feed frame or GET /v1/pickups)."""
        return cls(
            order_id=str(data["order_id"]), display_id=data.get("display_id"),
            customer_name=str(data.get("customer_name") or data.get("email") or ""),
            lines=tuple(PickupLine(str(i["line_item_id"]), i.get("sku"),
                                   str(i.get("name") or i.get("sku") or "?"), int(i["quantity"]))
                        for i in data.get("items") or ()),
            total_minor=int(data.get("total_minor") or 0),
            currency=str(data.get("currency") or "NOK"), flag=data.get("flag"))


def order_number(text: str) -> int | None:
    """The web order's number in what was typed or scanned: "1042", "#1042", "WEB-1042", or a
    barcode with a prefix and leading zeros ("W000001042"): the digits at the end."""
    found = _NUMBER.search(text.strip())
    return int(found.group(1)) if found else None


class PickupBoard:
    def __init__(self, hub: HubLink | None, db: Database | None = None) -> None:
        self.hub, self.db = hub, db
        self.changed: Signal[None] = Signal()  # fires on the thread the change came on
        self._lock = threading.Lock()
        saved = pickups.open_orders(db) if db is not None else []
        self._orders: dict[str, PickupOrder] = {
            str(o["order_id"]): PickupOrder.of(o) for o in saved}
        if hub is not None:
            hub.pickups_changed.connect(self.apply)

    def _client(self) -> HubClient:
        client = None if self.hub is None else self.hub.client
        if client is None:
            raise PickupOffline("not linked to a hub")
        return client

    def refresh(self) -> list[PickupOrder]:
        """The store's open pickups as the hub has them now (a short timeout)."""
        from sync.client import HubError

        try:
            listed = self._client().pickups()
        except HubError as exc:
            raise PickupOffline(str(exc)) from exc
        listed_json = [p.model_dump(mode="json") for p in listed.pickups]
        if self.db is not None:
            pickups.replace_all(self.db, listed_json)
        with self._lock:
            self._orders = {str(o["order_id"]): PickupOrder.of(o) for o in listed_json}
        self.changed.emit(None)
        return self.orders()

    def apply(self, frames: tuple[dict[str, Any], ...]) -> None:
        """`pickup` frames from the feed, in order: open ones shown, the rest taken away."""
        with self._lock:
            for data in frames:
                if data.get("status") == "open":
                    self._orders[str(data["order_id"])] = PickupOrder.of(data)
                else:
                    self._orders.pop(str(data["order_id"]), None)
        self.changed.emit(None)

    def orders(self) -> list[PickupOrder]:
        """Oldest first, as the hub lists them (dicts keep the order of arrival)."""
        with self._lock:
            return list(self._orders.values())

    def find(self, text: str) -> PickupOrder | None:
        number = order_number(text)
        return next((o for o in self.orders() if o.display_id == number), None)

    def hand_over(self, handing: Handing, employee_no: str | None = None) -> None:
        from sync.client import HubError, Temporary
        from sync.protocol import HandedItem, Handover

        if not handing.complete:
            raise PickupRefused("not every item is checked")  # the view does not offer it
        body = Handover(items=tuple(HandedItem(line_item_id=line.line_item_id,
                                               quantity=line.quantity)
                                    for line in handing.order.lines), employee_no=employee_no)
        try:
            self._client().hand_over(handing.order.order_id, body)
        except Temporary as exc:
            raise PickupOffline(str(exc)) from exc
        except HubError as exc:  # another store's order, already handed over, ...
            detail = exc.body.detail if exc.body is not None else str(exc)
            raise PickupRefused(detail) from exc
        if self.db is not None:
            pickups.drop(self.db, handing.order.order_id)
        with self._lock:
            self._orders.pop(handing.order.order_id, None)
        self.changed.emit(None)


@dataclass(frozen=True)
class ScanNote:
    """What a scan at the pickup counter did: `kind` is checked (name: `checked` of
    `quantity`), all_checked, not_in_order (name) or unknown_code (the code, as `name`)."""

    kind: str
    name: str
    checked: int = 0
    quantity: int = 0


@dataclass
class Handing:
    """One order at the counter: what has been checked against it."""

    order: PickupOrder
    lookup: Callable[[str], ProductView | None]
    lines: list[PickupLine] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = list(self.order.lines)

    @property
    def complete(self) -> bool:
        return all(line.done for line in self.lines)

    def scan(self, code: str) -> ScanNote:
        """An item scanned (or its code typed): ticked off; what to tell the cashier (the
        view words it in her language)."""
        code = code.strip()
        product = self.lookup(code)
        if product is None:
            return ScanNote("unknown_code", code)
        for index, line in enumerate(self.lines):
            if line.sku == product.sku and not line.done:
                self.lines[index] = replace(line, checked=line.checked + 1)
                return ScanNote("checked", line.name, line.checked + 1, line.quantity)
        if any(line.sku == product.sku for line in self.lines):
            return ScanNote("all_checked", product.name)
        return ScanNote("not_in_order", product.name)

    def confirm_all(self) -> None:
        self.lines = [replace(line, checked=line.quantity) for line in self.lines]
