"""Loyalty at the till: find the customer, show the balance, earn points, pay with points.

Look-ups ask the hub first (a short timeout) and fall back to the till's customer cache, so a
card still finds its customer offline. The balance shown is the hub's plus this till's own
sales the hub has not confirmed yet. Paying with points needs the hub: the points are reserved
there first (sync/README.md, "Live look-ups"); offline it is refused with a reason, never
spent on trust.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.app.checkout import Checkout, CheckoutError, CompletedSale
from pos.app.context import TillContext
from pos.core.money import Money
from pos.core.tender import Settlement, TenderKind
from pos.store import customers, stock

if TYPE_CHECKING:
    from sync.protocol import SaleCommitted

if TYPE_CHECKING:
    from pos.app.hub_link import HubLink

log = logging.getLogger(__name__)
__all__ = ["POINT_VALUE_MINOR", "CustomerInfo", "Loyalty"]
# = sync.protocol.POINT_VALUE_MINOR (a test holds them equal): the protocol module builds its
# pydantic models on import, which the till's start does not need.
POINT_VALUE_MINOR = 10


@dataclass(frozen=True)
class CustomerInfo:
    customer_id: str
    name: str
    phone: str | None
    loyalty_card: str | None
    tier: str
    balance_points: int  # the hub's (or the cache's) balance
    pending_points: int = 0  # this till's sales the hub has not confirmed yet (earned - spent)
    live: bool = False  # the balance came from the hub just now

    @property
    def points(self) -> int:
        return self.balance_points + self.pending_points


def _spent(sale: SaleCommitted) -> int:
    return sum(p.amount_minor for p in sale.payments if p.tender == "loyalty") // POINT_VALUE_MINOR


class Loyalty:
    def __init__(self, ctx: TillContext, hub: HubLink | None) -> None:
        self.ctx = ctx
        self.hub = hub

    @property
    def _client(self):  # type: ignore[no-untyped-def]
        return None if self.hub is None else self.hub.client

    def find(self, text: str) -> tuple[list[CustomerInfo], bool]:
        """Customers matching a card number, phone, e-mail or name; (found, from the hub)."""
        client = self._client
        if client is not None:
            from sync.client import HubError

            try:
                found = client.search_customers(text)
            except HubError as exc:
                log.info("customer look-up offline, using the cache: %s", exc)
            else:
                data = [c.model_dump(mode="json") for c in found]
                customers.remember(self.ctx.db, data)
                return [self._with_pending(CustomerInfo(
                    c.customer_id, c.name, c.phone, c.loyalty_card, c.tier,
                    c.balance_points - c.reserved_points, live=True)) for c in found], True
        cached = customers.find(self.ctx.db, text)
        return [self._with_pending(CustomerInfo(
            c.customer_id, c.name, c.phone, c.loyalty_card, c.tier, c.balance_points))
            for c in cached], False

    def sign_up(self, name: str, phone: str | None, email: str | None,
                loyalty_card: str | None) -> tuple[CustomerInfo, bool]:
        """A new loyalty member, made by the hub (one customer in every store and on the web:
        she may be one already, signed up on the web or elsewhere; then that customer comes
        back). (the customer, True when new). Needs the hub: offline it is refused, never
        made up here (a second customer made offline could not be merged later).
        CheckoutError kinds: signup_invalid, signup_offline (no answer), signup_refused (the
        hub's reason: her card belongs to another customer, say)."""
        name, phone, email = name.strip(), (phone or "").strip(), (email or "").strip()
        card = (loyalty_card or "").strip()
        if not name or not (phone or email):
            raise CheckoutError("signup_invalid")
        client = self._client
        if client is None:
            raise CheckoutError("signup_offline")
        from sync.client import HubError, Temporary
        from sync.protocol import NewCustomer

        try:
            made, new = client.create_customer(NewCustomer(
                name=name, phone=phone or None, email=email or None,
                loyalty_card=card or None, home_store_id=self.ctx.config.till.store_id))
        except Temporary as exc:
            raise CheckoutError("signup_offline", str(exc)) from exc
        except HubError as exc:
            detail = exc.body.detail if exc.body is not None and exc.body.detail else str(exc)
            raise CheckoutError("signup_refused", detail) from exc
        customers.remember(self.ctx.db, [made.model_dump(mode="json")])
        return self._with_pending(CustomerInfo(
            made.customer_id, made.name, made.phone, made.loyalty_card, made.tier,
            made.balance_points - made.reserved_points, live=True)), new

    def info(self, customer_id: str) -> CustomerInfo | None:
        """The customer as the till knows it now (cache + pending), without asking the hub:
        called on every feed change, on the GUI thread."""
        c = customers.get(self.ctx.db, customer_id)
        if c is None:
            return None
        return self._with_pending(CustomerInfo(
            c.customer_id, c.name, c.phone, c.loyalty_card, c.tier, c.balance_points))

    def _with_pending(self, info: CustomerInfo) -> CustomerInfo:
        from sync.protocol import SaleCommitted, points_for

        confirmed = stock.own_confirmed_seq(self.ctx.db)
        pending = 0
        for payload in customers.unconfirmed_sales(
                self.ctx.db, self.ctx.register_id, confirmed, info.customer_id):
            sale = SaleCommitted.model_validate_json(payload)
            pending += points_for(sale) - _spent(sale)
        return CustomerInfo(**{**info.__dict__, "pending_points": pending})

    # -- this sale ----------------------------------------------------------------------------

    def points_earned(self, checkout: Checkout) -> int:
        """What the sale in progress earns (sync.protocol.points_for: the hub's own rule)."""
        if checkout.customer_id is None:
            return 0
        from sync.protocol import PaymentV1, SaleCommitted, TotalsV1, points_for

        settlement = checkout.settlement or Settlement(checkout.totals.total)
        # What each tender paid (a cash payment's amount, not what was handed over).
        payments = [PaymentV1.model_construct(tender=p.kind.value, amount_minor=p.amount.minor)
                    for p in settlement.payments]
        if not settlement.is_settled:  # the rest, as if in cash (rounded as cash is)
            payments.append(PaymentV1.model_construct(
                tender="cash", amount_minor=settlement.cash_due.minor))
        sale = SaleCommitted.model_construct(
            customer_id=checkout.customer_id, training=self.ctx.training, kind="sale",
            payments=tuple(payments), totals=TotalsV1.model_construct(change_minor=0))
        return points_for(sale)

    def pay_with_points(self, checkout: Checkout,
                        points: int | None = None) -> tuple[int, CompletedSale | None]:
        """Reserve points on the hub and take them as a tender (at most what is due).
        Returns (points used, the completed sale when they settled it). CheckoutError kinds:
        no_customer, loyalty_offline (with the reason), no_points."""
        if checkout.customer_id is None:
            raise CheckoutError("no_customer")
        client = self._client
        if client is None or self.hub is None or not self.hub.online:
            raise CheckoutError("loyalty_offline")
        from sync.client import HubError
        from sync.protocol import ReservationRequest

        settlement = checkout.start_payment()
        try:
            customer = client.customer(checkout.customer_id)
            available = customer.balance_points - customer.reserved_points
            wanted = min(available, settlement.due.minor // POINT_VALUE_MINOR)
            if points is not None:
                wanted = min(wanted, points)
            if wanted <= 0:
                raise CheckoutError("no_points")
            reservation = client.reserve_points(ReservationRequest(
                customer_id=checkout.customer_id, points=wanted,
                sale_id=uuid.UUID(checkout.sale_id)))
        except HubError as exc:
            raise CheckoutError("loyalty_offline", str(exc)) from exc
        amount = Money(min(reservation.value_minor, settlement.due.minor), checkout.ctx.currency)
        completed = checkout.pay_exact(TenderKind.LOYALTY, amount, reservation.reservation_id)
        return reservation.points, completed
