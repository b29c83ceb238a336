"""The till as the UI sees it: log in, sell, reprint, park, log out. UI-neutral."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from drivers.base import Barcode, Cut, Feed, PrintJob, QrCode, TextLine
from pos.app.card.setup import CardRefunds, card_service_for
from pos.app.cart_codec import cart_to_data
from pos.app.checkout import Checkout, CheckoutError
from pos.app.context import TillContext
from pos.app.customer_view import CustomerView
from pos.app.devices import DeviceHub
from pos.app.drawer import DrawerMonitor
from pos.app.events import Signal
from pos.app.heartbeat import till_devices
from pos.app.hub_link import hub_link_for
from pos.app.journal_codes import Event
from pos.app.loyalty import Loyalty
from pos.app.print_codec import job_to_data
from pos.app.receipt_layout import words_for
from pos.app.remote_returns import RemoteSales
from pos.app.returns import Returns
from pos.app.xz_reports import ReportWarmer
from pos.store import parking, printing, receipt_copies, users
from pos.store.users import Role, UserView

log = logging.getLogger(__name__)
MAX_FAILURES = 5
LOCKOUT_WINDOW = timedelta(minutes=5)


class Till:
    def __init__(self, ctx: TillContext, devices: DeviceHub | None = None) -> None:
        self.ctx = ctx
        self.devices = devices
        self.user: UserView | None = None
        self.checkout: Checkout | None = None
        self._failures: dict[str, list[datetime]] = {}
        # What the customer should see now; pole displays and the customer window follow it.
        self.customer: Signal[CustomerView] = Signal()
        # A damaged database found after start-up: the UI stops selling and says why. Kept as
        # well as signalled, for a window built after the check has finished.
        self.integrity: Signal[list[str]] = Signal()
        self.integrity_problems: list[str] = []
        self.drawer = DrawerMonitor(lambda event, payload: ctx.journal(event, self.user, payload))
        ctx.printer.state_changed.connect(self.drawer.observe)
        # Card payments (pos.app.card), when [devices] payment names a terminal.
        if ctx.card is None:
            ctx.card = card_service_for(ctx)
        if ctx.card is not None:
            self.card_refunds = CardRefunds(ctx.card, lambda: self.user.id if self.user else None)
        # The commerce hub (pos.app.hub_link), when the config has a [hub] section.
        self.hub = hub_link_for(ctx)
        self.loyalty = Loyalty(ctx, self.hub)

    def start(self) -> None:
        threading.Thread(target=self._check_integrity, name="integrity", daemon=True).start()
        self.ctx.printer.start()
        self.report_warmer = ReportWarmer(self.ctx)  # X/Z sums of finished blocks (issue 7)
        self.report_warmer.start()
        if self.devices is not None:
            self.customer.connect(self.devices.show_customer)
            self.devices.start()
        self.ctx.journal(Event.APP_START, None, {"training": self.ctx.training})
        if self.hub is not None:
            # The heartbeat reports every device's last known health (pos.app.heartbeat).
            self.hub.devices = till_devices(self.ctx.printer, self.devices)
            self.hub.start()
        if self.ctx.card is not None:  # connect, then settle what a crash left open
            self.card_recovery = self.ctx.card.start()
        if self.ctx.training:
            self.ctx.journal(Event.TRAINING_ON, None, {})

    def _check_integrity(self) -> None:
        problems = self.ctx.db.integrity_problems()
        if problems:
            log.error("till database failed its integrity check: %s", problems[:5])
            self.integrity_problems = problems
            self.integrity.emit(problems)

    def shutdown(self) -> None:
        """Closing the till never loses an unfinished sale: it is parked for the next start.

        A sale with part of its payment taken cannot be parked (the money is in the drawer):
        it is journaled in full so the manager can settle it.
        """
        checkout = self.checkout
        if checkout is not None:
            if checkout.completed is not None:
                checkout.next_sale()
            elif checkout.settlement is not None and checkout.settlement.payments:
                self.ctx.journal(Event.SALE_INTERRUPTED, self.user, {
                    "sale_id": checkout.sale_id, "cart": cart_to_data(checkout.cart),
                    "paid_minor": checkout.settlement.paid.minor,
                })
                checkout.next_sale()
            elif not checkout.cart.is_empty:
                checkout.cancel_payment()
                checkout.park("shutdown")
        if self.user is not None:
            self.logout()
        self.ctx.journal(Event.APP_STOP, None, {})
        if getattr(self, "report_warmer", None) is not None:
            self.report_warmer.stop()
        self.ctx.printer.stop()
        if self.devices is not None:
            self.devices.stop()
        if self.ctx.card is not None:
            self.ctx.card.stop()
        if self.hub is not None:
            self.hub.stop()

    # -- who is at the till -------------------------------------------------------------------

    def _authenticate(self, employee_no: str, pin: str) -> UserView:
        """Check a PIN, with a lock-out after repeated failures: a 4-digit PIN is only as
        strong as the number of guesses allowed."""
        now = self.ctx.now()
        failures = [t for t in self._failures.get(employee_no, []) if now - t < LOCKOUT_WINDOW]
        if len(failures) >= MAX_FAILURES:
            raise CheckoutError("locked_out")
        user = users.authenticate(self.ctx.db, employee_no, pin)
        if user is None:
            self._failures[employee_no] = [*failures, now]
            self.ctx.journal(Event.LOGIN_FAILED, None, {"employee_no": employee_no})
            raise CheckoutError("bad_login")
        self._failures.pop(employee_no, None)
        return user

    def approve(self, employee_no: str, pin: str, role: Role = "supervisor") -> UserView:
        """A second person's PIN for an action the cashier may not do alone."""
        approver = self._authenticate(employee_no, pin)
        if not approver.may(role):
            raise CheckoutError("not_allowed")
        return approver

    def open_drawer(self, approver: UserView | None = None) -> None:
        """A no-sale drawer opening: a supervisor's (or the user's own) right, journaled."""
        assert self.user is not None
        by = self.user if self.user.may("supervisor") else approver
        if by is None or not by.may("supervisor"):
            raise CheckoutError("not_allowed")
        self.ctx.journal(Event.NO_SALE, self.user, {"approved_by": by.id})
        self.ctx.kick_drawer()

    def login(self, employee_no: str, pin: str) -> UserView:
        user = self._authenticate(employee_no, pin)
        self.user = user
        self.checkout = Checkout(self.ctx, user)
        self.session_started = self.ctx.now()  # the void of the last sale is for this session
        self.ctx.journal(Event.LOGIN, user, {"role": user.role})
        return user

    def returns(self) -> Returns:
        """The returns desk for the cashier at the till (pos.app.returns). Card parts go back
        through the card service's refund() when the till has one (`self.card_refunds`)."""
        assert self.user is not None
        return Returns(self.ctx, self.user, card=getattr(self, "card_refunds", None),
                       session_started=getattr(self, "session_started", None),
                       remote=RemoteSales.of(self.hub, self.ctx.db))  # other stores' sales

    def logout(self) -> None:
        if self.checkout is not None and not self.checkout.cart.is_empty:
            raise CheckoutError("cart_not_empty")
        if self.user is not None:
            self.ctx.journal(Event.LOGOUT, self.user, {})
        self.user = None
        self.checkout = None

    def active_users(self) -> list[UserView]:
        return users.list_users(self.ctx.db)

    # -- receipts -----------------------------------------------------------------------------

    def print_again(self) -> str:
        """F11: receipts that never printed go out now as originals; otherwise a copy of the
        last one. Returns "waiting" or "copy" so the UI can say which."""
        if self.retry_waiting():
            return "waiting"
        self.reprint_last()
        return "copy"

    def reprint_last(self) -> int:
        """Reprint the last sale's receipt, marked COPY, and journal it (13014)."""
        job = printing.last_receipt_job(self.ctx.db)
        if job is None:
            raise CheckoutError("no_receipt")
        if job.sale_id and receipt_copies.copies_of(self.ctx.db, job.sale_id) >= 1:
            raise CheckoutError("copy_already_printed")  # one copy per sale (§ 2-6 (4))
        banner = words_for(self.ctx.locale)["copy"]
        new_id = self.ctx.printer.reprint(job.id, banner)
        self.ctx.journal(Event.COPY_RECEIPT, self.user, {"sale_id": job.sale_id, "job": new_id})
        return new_id

    def retry_waiting(self) -> list[int]:
        """Print receipts that failed (paper out, offline) now that the printer is back."""
        waiting = printing.pending_jobs(self.ctx.db)
        return [self.ctx.printer.reprint(job.id, None) for job in waiting]

    def test_print(self) -> int:
        """A test page: Nordic letters, the euro sign, a barcode and a QR code."""
        seller = self.ctx.seller
        job = PrintJob((
            TextLine("Kassa test", bold=True, double=True, align="center"),
            TextLine(f"{seller.store_name} · {seller.register_id}", align="center"),
            TextLine(self.ctx.formatter.datetime(self.ctx.now()), align="center"),
            TextLine("æøå ÆØÅ äö ÄÖ € 0123456789"),
            TextLine("-" * self.ctx.printer.columns),
            Barcode("R1-0T"), QrCode("https://kassa.example/test"), Feed(3), Cut(),
        ))
        job_id = printing.enqueue(self.ctx.db, "report", job_to_data(job))
        self.ctx.printer.submit(job_id)
        return job_id

    def parked(self) -> list[parking.ParkedSaleView]:
        return parking.list_parked(self.ctx.db, self.ctx.register_id)
