"""What a running till knows: its identity, its database, its clock and its printer.

Use cases (checkout, login) get one TillContext and call the store through it, so the
database session rules (one writer, short transactions) live in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pos.app.cart_codec import cart_from_data, cart_to_data
from pos.app.config import TillConfig
from pos.app.events import Signal
from pos.app.format import Formatter
from pos.app.journal_codes import SAFT_EVENT_CODE, Event
from pos.app.print_codec import job_to_data
from pos.app.printing import PrintService
from pos.app.receipt_layout import ReceiptExtras, layout_receipt
from pos.core.barcode import InStoreLayout
from pos.core.cart import Cart
from pos.core.receipt import Receipt, Seller
from pos.store import catalog, journal, parking, printing, sales
from pos.store.db import Database
from pos.store.printing import PrintKind
from pos.store.records import CommittedSale, ProductView, SaleRecord
from pos.store.users import UserView


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class TillContext:
    config: TillConfig
    db: Database
    seller: Seller
    printer: PrintService
    now: Callable[[], datetime] = utc_now
    layouts: tuple[InStoreLayout, ...] = ()
    journaled: Signal[Event] = field(default_factory=Signal)
    # After every committed sale (the hub link wakes its pusher; listeners must not block).
    committed: Signal[CommittedSale] = field(default_factory=Signal)
    # How the cash drawer is opened: through the printer (the default) or a drawer on its own
    # port (set by bootstrap).
    drawer_kicker: Callable[[], None] | None = None
    # Why this till may not sell (no usable signing key: pos.app.fiscal); None when it may.
    fiscal_problem: str | None = None
    # The card terminal's service (pos.app.card.CardPayments), when [devices] payment is set.
    card: Any = None

    def kick_drawer(self) -> None:
        if self.drawer_kicker is not None:
            self.drawer_kicker()
        else:
            self.printer.kick_drawer(self.config.drawer_pin)

    @property
    def currency(self) -> str:
        return self.config.till.currency

    @property
    def locale(self) -> str:
        return self.config.till.locale

    def today(self) -> date:
        """The store's local date (expiry dates are local), from the injected clock."""
        return self.now().astimezone(ZoneInfo(self.config.till.timezone)).date()

    @property
    def formatter(self) -> Formatter:
        return Formatter(self.locale, self.config.till.timezone)

    @property
    def training(self) -> bool:
        return self.config.till.training

    @property
    def register_id(self) -> str:
        return self.seller.register_id

    # -- catalog ------------------------------------------------------------------------------

    def lookup(self, code: str) -> ProductView | None:
        return catalog.lookup_barcode(self.db, code)

    def search(self, text: str, limit: int = 30) -> list[ProductView]:
        return catalog.search(self.db, text, limit=limit)

    # -- journal and sales --------------------------------------------------------------------

    def journal(self, event: Event, user: UserView | None, payload: dict[str, Any],
                transaction_no: int | None = None) -> None:
        journal.append_event(
            self.db, self.register_id, SAFT_EVENT_CODE[event], event.value,
            user.id if user else None, payload, transaction_no=transaction_no,
            at=self.now(),
        )
        self.journaled.emit(event)

    def commit_sale(self, record: SaleRecord) -> CommittedSale:
        committed = sales.commit_sale(self.db, record)
        self.committed.emit(committed)
        return committed

    def park(self, cart: Cart, user: UserView, label: str, sale_id: str) -> str:
        """Store the cart; the store journals the suspension (13010) in the same transaction."""
        parked_id = parking.park(self.db, self.register_id, user.id, label,
                                 cart_to_data(cart, sale_id))
        self.journaled.emit(Event.PARKED)
        return parked_id

    def resume(self, parked_id: str, user: UserView) -> Cart:
        parked = parking.resume(self.db, parked_id, user.id)
        self.journaled.emit(Event.RESUMED)
        return cart_from_data(parked.cart)

    # -- printing -----------------------------------------------------------------------------

    def print_receipt(self, receipt: Receipt, *, sale_id: str | None, open_drawer: bool,
                      kind: PrintKind = "receipt") -> int:
        if open_drawer:
            # Before the receipt and apart from it: the cashier needs the drawer for the change
            # even when the receipt cannot print (paper out sends a real-time pulse instead).
            self.kick_drawer()
        extras = self.config.receipt
        job = layout_receipt(
            receipt, self.locale, self.printer.columns, self.formatter,
            ReceiptExtras(str(extras.logo) if extras.logo else None, extras.qr_url, extras.footer),
        )
        if sale_id is not None and self.card is not None:  # the terminal's slips with ours
            from pos.app.card.slips import cards_of, merge

            job = merge(job, cards_of(self.db, sale_id), self.locale, self.printer.columns)
        job_id = printing.enqueue(self.db, kind, job_to_data(job), sale_id=sale_id)
        self.printer.submit(job_id)
        return job_id
