"""A web order returned at this till (issue 9): found by its number through the hub, the
items picked, the return taken by the hub (which checks it against what was bought and what
earlier returns took back, and pushes it to Medusa afterwards: a return received at this
store's location, which restocks it, and the web payment refunded), then the till's own return
transaction, committed like any return (journal, receipt, X/Z as a return).

The money: back to the web payment (tender web_payment: the web shop refunds it, nothing
leaves the drawer), or store credit. The till never waits on Medusa, only on the hub (a short
time-out): without the hub it cannot know what the order holds, and says so.

The till's return carries the return's id, which is also the web return's id at the hub, so
the hub does not put the stock back a second time when the till uploads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pos.app.checkout import CheckoutError
from pos.app.return_quote import ReturnQuote, vat_by_rate
from pos.app.returns import CompletedReturn, Returns
from pos.core.vat import vat_in_gross
from pos.store import catalog
from pos.store.records import SaleLineRecord
from pos.store.users import UserView

if TYPE_CHECKING:
    from sync.client import HubClient
    from sync.web_protocol import WebOrderForReturn

WebRefundTo = Literal["web_payment", "store_credit"]


def order_number(text: str) -> int | None:
    """"#1042", "1042" or "W1042" (as printed on the web shop's e-mail): the display id."""
    digits = text.strip().lstrip("#").removeprefix("W").removeprefix("w").strip()
    return int(digits) if digits.isdigit() and 0 < len(digits) <= 12 else None


@dataclass
class WebReturns:
    returns: Returns  # the cashier's returns desk: approval, commit, receipt, drawer
    client: HubClient | None

    def _hub(self) -> HubClient:
        if self.client is None:
            raise CheckoutError("hub_unavailable", "the till is not connected to the hub")
        return self.client

    def find(self, text: str) -> WebOrderForReturn:
        from sync.client import HubError, Rejected

        number = order_number(text)
        if number is None:
            raise CheckoutError("web_order_not_found", text)
        try:
            return self._hub().web_order(number)
        except Rejected as error:
            raise CheckoutError("web_order_not_found", str(number)) from error
        except HubError as error:
            raise CheckoutError("hub_unavailable", str(error)) from error

    def quote(self, order: WebOrderForReturn, picks: dict[str, int]) -> ReturnQuote:
        """picks: sku -> pieces. Priced at what the customer paid; VAT at the item's rate in
        this till's catalog (the web shop's prices include the same MVA)."""
        if order.lines and all(ln.returned >= ln.quantity for ln in order.lines):
            raise CheckoutError("over_return",  # the hub's own words (hub.medusa.web_returns)
                                f"web order #{order.display_id} is already returned in full")
        lines = []
        for line_no, line in enumerate(order.lines, start=1):
            pieces = picks.get(line.sku, 0)
            if not pieces:
                continue
            if pieces > line.quantity - line.returned:
                raise CheckoutError("over_return", (
                    f"web order #{order.display_id}: {line.sku} bought {line.quantity}, "
                    f"returned {line.returned} already; at most "
                    f"{line.quantity - line.returned} more"))
            product = catalog.get_product(self.returns.ctx.db, line.sku)
            if product is None:
                raise CheckoutError("unknown_product", line.sku)
            total = line.unit_price_minor * pieces
            vat = vat_in_gross(total, product.vat_rate_bp)
            lines.append(SaleLineRecord(
                line_no=line_no, sku=line.sku, name=line.name, quantity_milli=-pieces * 1000,
                unit="pcs", unit_price_minor=line.unit_price_minor, total_minor=-total,
                vat_code=product.vat_code, vat_rate_bp=product.vat_rate_bp, vat_minor=-vat,
                net_minor=-(total - vat), product_id=product.id, gtin=product.gtin,
                department=product.department))
        frozen = tuple(lines)
        return ReturnQuote(order.currency, frozen, vat_by_rate(frozen))

    def needs_approval(self, order: WebOrderForReturn, picks: dict[str, int]) -> bool:
        return self.returns.needs_approval(self.quote(order, picks), True)

    def take(self, order: WebOrderForReturn, picks: dict[str, int], *, reason: str,
             return_id: str, refund_to: WebRefundTo = "web_payment",
             approver: UserView | None = None) -> ReturnQuote:
        """The hub takes the return (or refuses it: more than was bought, already returned);
        the quote the till then commits. A network call: the view runs it off the GUI thread.
        A repeat with the same `return_id` is the same return at the hub."""
        from uuid import UUID

        from sync.client import HubError, Rejected
        from sync.web_protocol import WebReturnItem, WebReturnRequest

        quote = self.quote(order, picks)
        if not quote.lines:
            raise CheckoutError("nothing_to_return")
        if not reason.strip():
            raise CheckoutError("reason_required")
        # Everything the till could refuse is checked before the hub takes the return: once
        # taken, the hub pushes it to the web shop (and refunds there).
        if self.returns.needs_approval(quote, True) and (
                approver is None or not approver.may("supervisor")):
            raise CheckoutError("approval_needed")
        request = WebReturnRequest(
            return_id=UUID(return_id), display_id=order.display_id, refund_to=refund_to,
            items=tuple(WebReturnItem(sku=s, quantity=q) for s, q in sorted(picks.items()) if q))
        try:
            self._hub().web_return(request)
        except Rejected as error:
            detail = error.body.detail if error.body else str(error)
            raise CheckoutError("over_return", detail) from error
        except HubError as error:
            raise CheckoutError("hub_unavailable", str(error)) from error
        return quote

    def commit(self, order: WebOrderForReturn, quote: ReturnQuote, *, reason: str,
               return_id: str, refund_to: WebRefundTo = "web_payment",
               approver: UserView | None = None) -> CompletedReturn:
        """The till's own return transaction for a return the hub took (journal, receipt)."""
        return self.returns.complete(
            quote, original=None, reason=f"Nettordre #{order.display_id}: {reason}",
            refund_to=refund_to, return_id=return_id, with_receipt=True, approver=approver)

    def complete(self, order: WebOrderForReturn, picks: dict[str, int], *, reason: str,
                 return_id: str, refund_to: WebRefundTo = "web_payment",
                 approver: UserView | None = None) -> CompletedReturn:
        """take, then commit, in one go (a caller with no GUI thread to keep free)."""
        quote = self.take(order, picks, reason=reason, return_id=return_id,
                          refund_to=refund_to, approver=approver)
        return self.commit(order, quote, reason=reason, return_id=return_id,
                           refund_to=refund_to, approver=approver)
