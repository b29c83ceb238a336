"""The checkout use case: one cashier, one cart, from the first scan to the committed sale.

UI-neutral: every method returns a plain result or raises an app error; the UI translates the
error kind into the cashier's language. Nothing here waits on a device: printing is handed to
the print service after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from pos.app.context import TillContext
from pos.app.journal_codes import Event
from pos.app.lookup import Found, NeedsWeight, ScanResult, resolve
from pos.app.sale_record import to_sale_record
from pos.core.barcode import receipt_barcode
from pos.core.cart import MILLI, Cart, Discount, Item
from pos.core.money import Money
from pos.core.pricing import reprice, unit_price
from pos.core.receipt import Receipt, build_receipt
from pos.core.tender import Settlement, TenderKind
from pos.core.totals import Totals, compute_totals
from pos.core.vat import VatRate
from pos.store import customers, prices
from pos.store.records import ProductView, new_sale_id
from pos.store.users import UserView


class CheckoutError(Exception):
    """A refused action; `kind` names it for the UI's translated message."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class CompletedSale:
    sale_id: str
    transaction_no: int
    receipt: Receipt
    print_job_id: int | None


def to_item(product: ProductView, currency: str) -> Item:
    return Item(
        product_id=product.id,
        sku=product.sku,
        name=product.name,
        unit_price=Money(product.price_minor, currency),
        vat=VatRate(product.vat_code, product.vat_rate_bp),
        department=product.department,
        gtin=product.gtin,
        sold_by="weight" if product.sold_by == "weight" else "unit",
    )


class Checkout:
    def __init__(self, ctx: TillContext, user: UserView) -> None:
        self.ctx = ctx
        self.user = user
        self._new_sale()

    def _new_sale(self) -> None:
        self.cart = Cart(self.ctx.currency)
        self.settlement: Settlement | None = None
        self.sale_id = new_sale_id()  # time-ordered: appends to the sales index
        self.opened_at: datetime = self.ctx.now()
        self.completed: CompletedSale | None = None
        self.customer_id: str | None = None  # a hub customer: loyalty (pos.app.loyalty)
        self._list_priced: dict[int, int] = {}  # line id -> base price, for repricing

    def attach_customer(self, customer_id: str | None) -> None:
        """Attach (or with None, detach) a loyalty customer; possible until the sale is paid."""
        if self.completed is not None:
            raise CheckoutError("sale_completed")
        self.customer_id = customer_id
        self._reprice()  # member prices follow the customer (pos.core.pricing)

    def _tier(self) -> str | None:
        if self.customer_id is None:
            return None
        found = customers.get(self.ctx.db, self.customer_id)
        return found.tier if found is not None else "basic"  # a member, whatever her tier

    def _list_price(self, sku: str, base_minor: int) -> Money:
        """The price of one unit by the hub's price lists (issue 9): the lowest applicable."""
        offers = prices.offers(self.ctx.db, sku)
        if not offers:
            return Money(base_minor, self.ctx.currency)
        return Money(unit_price(base_minor, offers, self.ctx.now(), self._tier()),
                     self.ctx.currency)

    def _reprice(self) -> None:
        for line_id, base_minor in self._list_priced.items():
            line = self.cart.line(line_id)
            self.cart = reprice(self.cart, line_id, self._list_price(line.item.sku, base_minor))

    # -- building the cart ------------------------------------------------------------------

    @property
    def totals(self) -> Totals:
        return compute_totals(self.cart)

    @property
    def paying(self) -> bool:
        return self.settlement is not None

    def _editable(self) -> None:
        if self.completed is not None:
            raise CheckoutError("sale_completed")
        if self.settlement is not None and self.settlement.payments:
            raise CheckoutError("payment_started")
        self.settlement = None

    def scan(self, data: str, symbology: str | None = None) -> ScanResult:
        """A scanned or keyed code. Raises ScanRefused for unknown or unreadable codes."""
        if self.completed is not None:  # the next customer's first item
            self.next_sale()
        self._editable()
        result = resolve(self.ctx, data, symbology)
        if isinstance(result, Found):
            self.add(result.product, result.quantity_milli, result.price_minor)
        return result

    def add(self, product: ProductView, quantity_milli: int = MILLI,
            price_minor: int | None = None) -> None:
        self._editable()
        item = to_item(product, self.ctx.currency)
        if price_minor is not None:  # a price-embedded label sets the line's price
            item = replace(item, unit_price=Money(price_minor, self.ctx.currency), sold_by="unit")
        else:  # member and campaign prices from the hub (issue 9)
            item = replace(item, unit_price=self._list_price(product.sku, product.price_minor))
        self.cart = self.cart.add(item, quantity_milli)
        if price_minor is None:
            self._list_priced[self.cart.lines[-1].line_id] = product.price_minor

    def set_quantity(self, line_id: int, quantity_milli: int) -> None:
        self._editable()
        self.cart = self.cart.set_quantity(line_id, quantity_milli)

    def void_line(self, line_id: int) -> None:
        self._editable()
        line = self.cart.line(line_id)
        self.cart = self.cart.void_line(line_id)
        self.ctx.journal(Event.LINE_VOIDED, self.user, {
            "sale_id": self.sale_id, "line": line_id, "sku": line.item.sku,
            "quantity_milli": line.quantity_milli, "unit_price_minor": line.unit_price.minor,
        })

    def override_price(self, line_id: int, price: Money, reason: str) -> None:
        self._editable()
        before = self.cart.line(line_id).unit_price
        self.cart = self.cart.override_price(line_id, price, reason)
        self.ctx.journal(Event.PRICE_OVERRIDE, self.user, {
            "sale_id": self.sale_id, "line": line_id, "from_minor": before.minor,
            "to_minor": price.minor, "reason": reason,
        })

    def discount_line(self, line_id: int, discount: Discount) -> None:
        self._editable()
        self.cart = self.cart.discount_line(line_id, discount)
        self.ctx.journal(Event.DISCOUNT, self.user, {
            "sale_id": self.sale_id, "line": line_id, "percent_bp": discount.percent_bp,
            "amount_minor": discount.amount_minor, "reason": discount.reason,
        })

    def discount_receipt(self, discount: Discount) -> None:
        self._editable()
        self.cart = self.cart.discount_receipt(discount)
        self.ctx.journal(Event.DISCOUNT, self.user, {
            "sale_id": self.sale_id, "line": None, "percent_bp": discount.percent_bp,
            "amount_minor": discount.amount_minor, "reason": discount.reason,
        })

    def void_sale(self) -> None:
        """Cancel the whole sale before payment; journaled with what was in the cart."""
        self._editable()
        if not self.cart.lines:
            return
        totals = self.totals
        self.ctx.journal(Event.SALE_VOIDED, self.user, {
            "sale_id": self.sale_id, "lines": len(self.cart.active_lines),
            "total_minor": totals.total.minor,
        })
        self._new_sale()

    # -- parking ------------------------------------------------------------------------------

    def park(self, label: str = "") -> str:
        self._editable()
        if self.cart.is_empty:
            raise CheckoutError("nothing_to_park")
        parked_id = self.ctx.park(self.cart, self.user, label, self.sale_id)
        self._new_sale()
        return parked_id

    def resume(self, parked_id: str) -> None:
        self._editable()
        if not self.cart.is_empty:
            raise CheckoutError("cart_not_empty")
        self.cart = self.ctx.resume(parked_id, self.user)

    # -- payment ------------------------------------------------------------------------------

    def start_payment(self) -> Settlement:
        if self.cart.is_empty:
            raise CheckoutError("empty_cart")
        if self.settlement is None:
            self.settlement = Settlement(self.totals.total)
        return self.settlement

    def cancel_payment(self) -> None:
        if self.settlement is not None and self.settlement.payments:
            raise CheckoutError("payment_started")
        self.settlement = None

    def pay_cash(self, tendered: Money) -> CompletedSale | None:
        """Take cash. Returns the completed sale when it is settled, None for a part payment.

        A second call after completion (a double Enter) returns the same completed sale.
        """
        if self.completed is not None:
            return self.completed
        settlement = self.start_payment().pay_cash(tendered)
        self.settlement = settlement
        return self._complete() if settlement.is_settled else None

    def pay_exact(self, kind: TenderKind, amount: Money, reference: str) -> CompletedSale | None:
        if self.completed is not None:
            return self.completed
        self.settlement = self.start_payment().pay_exact(kind, amount, reference)
        return self._complete() if self.settlement.is_settled else None

    def _complete(self) -> CompletedSale:
        assert self.settlement is not None and self.settlement.is_settled
        totals = self.totals
        closed_at = self.ctx.now()
        record = to_sale_record(
            ctx=self.ctx, sale_id=self.sale_id, user=self.user, opened_at=self.opened_at,
            closed_at=closed_at, totals=totals, settlement=self.settlement,
            receipt_discount_reason=(
                self.cart.receipt_discount.reason if self.cart.receipt_discount else None
            ),
        )
        if self.customer_id is not None:
            record = replace(record, customer_id=self.customer_id)
        committed = self.ctx.commit_sale(record)
        offer = self.cart.receipt_discount
        receipt = build_receipt(
            seller=self.ctx.seller, transaction_no=committed.transaction_no,
            receipt_id=receipt_barcode(self.ctx.register_id, committed.transaction_no),
            closed_at=closed_at, employee=self.user.name,
            totals=totals, settlement=self.settlement, training=self.ctx.training,
            receipt_discount_reason=offer.reason if offer else None,
        )
        cash = any(p.kind is TenderKind.CASH for p in self.settlement.payments)
        job_id = self.ctx.print_receipt(receipt, sale_id=self.sale_id, open_drawer=cash)
        self.completed = CompletedSale(self.sale_id, committed.transaction_no, receipt, job_id)
        return self.completed

    def next_sale(self) -> None:
        """After the receipt: a fresh cart for the next customer."""
        self._new_sale()

    # -- a sale brought back after a crash (pos.app.card.sale_link) ---------------------------

    def restore(self, sale_id: str, cart: Cart, settlement: Settlement,
                opened_at: datetime) -> None:
        """Reopen a sale whose card payment was approved but never committed, in payment."""
        self._editable()
        self.sale_id, self.cart, self.opened_at = sale_id, cart, opened_at
        self.settlement, self.completed = settlement, None

    def complete_restored(self) -> CompletedSale:
        assert self.settlement is not None and self.settlement.is_settled
        return self.completed or self._complete()


__all__ = ["Checkout", "CheckoutError", "CompletedSale", "NeedsWeight", "to_item"]
