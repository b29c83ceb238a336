"""The customer card at the till (issue 9, "one customer"): her tier and points, her wish list
from the web shop with this store's stock, her open web orders and recent purchases in every
channel. UI-neutral: the Qt panel listens to `ready` and draws.

The hub answers from its own tables (it never waits on the web shop), and the till asks on a
worker thread with the look-up timeout, so the sale never waits either. Hub offline: a result
that says so, and the sale goes on with the customer as the till's cache knows her.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.app.checkout import CheckoutError
from pos.app.context import TillContext
from pos.app.events import Signal
from pos.store import catalog
from pos.store.records import ProductView

if TYPE_CHECKING:
    from pos.app.hub_link import HubLink
    from sync.protocol import CustomerOverview, WishItem

log = logging.getLogger(__name__)
LOADING = "asked, no answer yet"


@dataclass(frozen=True)
class OverviewResult:
    customer_id: str
    overview: CustomerOverview | None  # None: the hub could not be asked (see `offline`)
    offline: str = ""  # why not, for the log; the panel says "hub offline" in its own words

    @property
    def loading(self) -> bool:
        return self.overview is None and self.offline == LOADING

    @property
    def wishes_in_stock(self) -> int:
        return 0 if self.overview is None else sum(
            1 for w in self.overview.wishlist if w.in_stock)


class CustomerOverviews:
    """Fetches customer cards in the background; one `ready` per request, latest wins."""

    def __init__(self, ctx: TillContext, hub: HubLink | None) -> None:
        self.ctx, self.hub = ctx, hub
        self.ready: Signal[OverviewResult] = Signal()
        self._wanted: str | None = None
        self._lock = threading.Lock()

    def request(self, customer_id: str) -> None:
        """Ask the hub for `customer_id`'s card; `ready` fires with it (on a worker thread)."""
        with self._lock:
            self._wanted = customer_id
        if self.hub is None or not self.hub.online:
            self._deliver(OverviewResult(customer_id, None, "the hub is offline"))
            return
        threading.Thread(target=self._fetch, args=(customer_id,), daemon=True,
                         name="kassa-customer-card").start()

    def fetch(self, customer_id: str) -> OverviewResult:
        """The card, asked now on this thread (never raises for the hub being away)."""
        client = None if self.hub is None else self.hub.client
        if client is None:
            return OverviewResult(customer_id, None, "no hub")
        from sync.client import HubError

        try:
            return OverviewResult(customer_id, client.customer_overview(customer_id))
        except HubError as error:
            log.info("customer card of %s: hub not reached: %s", customer_id, error)
            return OverviewResult(customer_id, None, str(error))

    def _fetch(self, customer_id: str) -> None:
        self._deliver(self.fetch(customer_id))

    def _deliver(self, result: OverviewResult) -> None:
        with self._lock:
            current = self._wanted == result.customer_id
        if current:  # a card for a customer since detached or replaced is dropped
            self.ready.emit(result)

    def forget(self) -> None:
        with self._lock:
            self._wanted = None

    def product_for(self, wish: WishItem) -> ProductView:
        """The till's product for a wish-list item, to add to the sale. CheckoutError kinds:
        wish_unavailable (the hub no longer sells it, or this till's catalog lacks it)."""
        if wish.sku is None or wish.name is None or not wish.active:
            raise CheckoutError("wish_unavailable", wish.sku or "?")
        product = catalog.get_product(self.ctx.db, wish.sku)
        if product is None:
            raise CheckoutError("wish_unavailable", wish.sku)
        return product
