"""Stock everywhere, for the cashier (issue 9): an item's stock in every store (the hub's
ledger) and in the web shop's locations (Medusa, live through the hub), and an order for home
delivery when this store lacks it (the hub creates it in the web shop; its number comes back).
UI-neutral; the hub's answers are sync.web_protocol's."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pos.app.checkout import CheckoutError

if TYPE_CHECKING:
    from sync.client import HubClient
    from sync.web_protocol import HomeDeliveryOrder, StockEverywhere


@dataclass(frozen=True)
class Customer:
    email: str
    first_name: str
    last_name: str
    address_1: str
    postal_code: str
    city: str
    phone: str | None = None


@dataclass
class StockDesk:
    client: HubClient | None
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))  # one per order form

    def _hub(self) -> HubClient:
        if self.client is None:
            raise CheckoutError("hub_unavailable", "the till is not connected to the hub")
        return self.client

    def look(self, sku: str) -> StockEverywhere:
        from sync.client import HubError

        try:
            return self._hub().stock_everywhere(sku)
        except HubError as error:
            raise CheckoutError("hub_unavailable", str(error)) from error

    def order_home_delivery(self, sku: str, quantity: int, customer: Customer
                            ) -> HomeDeliveryOrder:
        """The same request id until it succeeds, so a retry after a lost answer is the same
        order, not a second one."""
        from pydantic import ValidationError

        from sync.client import HubError, Rejected
        from sync.web_protocol import HomeDeliveryRequest

        try:
            request = HomeDeliveryRequest(
                request_id=uuid.UUID(self.request_id), sku=sku, quantity=quantity,
                email=customer.email.strip(), first_name=customer.first_name.strip(),
                last_name=customer.last_name.strip(), address_1=customer.address_1.strip(),
                postal_code=customer.postal_code.strip(), city=customer.city.strip(),
                phone=(customer.phone or "").strip() or None)
        except ValidationError as error:
            fields = ", ".join(str(e["loc"][0]) for e in error.errors())
            raise CheckoutError("customer_incomplete", fields) from None
        try:
            order = self._hub().home_delivery(request)
        except Rejected as error:
            raise CheckoutError("web_order_refused",
                                error.body.detail if error.body else str(error)) from error
        except HubError as error:
            raise CheckoutError("hub_unavailable", str(error)) from error
        self.request_id = str(uuid.uuid4())  # the next order is a new one
        return order
