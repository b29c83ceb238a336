"""The till as the UI sees it: log in, sell, reprint, park, log out. UI-neutral."""

from __future__ import annotations

from pos.app.checkout import Checkout, CheckoutError
from pos.app.context import TillContext
from pos.app.journal_codes import Event
from pos.app.receipt_layout import words_for
from pos.store import parking, printing, users
from pos.store.users import UserView


class Till:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx
        self.user: UserView | None = None
        self.checkout: Checkout | None = None

    def start(self) -> None:
        self.ctx.printer.start()
        self.ctx.journal(Event.APP_START, None, {"training": self.ctx.training})

    def shutdown(self) -> None:
        """Closing the till never loses an unfinished sale: it is parked for the next start."""
        checkout = self.checkout
        if checkout is not None and checkout.completed is None and not checkout.cart.is_empty:
            checkout.settlement = None if not checkout.paying else checkout.settlement
            if checkout.settlement is None or not checkout.settlement.payments:
                checkout.park("shutdown")
        if self.checkout is not None and self.checkout.completed is not None:
            self.checkout.next_sale()
        if self.user is not None and self.checkout is not None and self.checkout.cart.is_empty:
            self.logout()
        self.ctx.journal(Event.APP_STOP, None, {})
        self.ctx.printer.stop()

    # -- who is at the till -------------------------------------------------------------------

    def login(self, employee_no: str, pin: str) -> UserView:
        user = users.authenticate(self.ctx.db, employee_no, pin)
        if user is None:
            self.ctx.journal(Event.LOGIN_FAILED, None, {"employee_no": employee_no})
            raise CheckoutError("bad_login")
        self.user = user
        self.checkout = Checkout(self.ctx, user)
        self.ctx.journal(Event.LOGIN, user, {"role": user.role})
        return user

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
        banner = words_for(self.ctx.locale)["copy"]
        new_id = self.ctx.printer.reprint(job.id, banner)
        self.ctx.journal(Event.COPY_RECEIPT, self.user, {"sale_id": job.sale_id, "job": new_id})
        return new_id

    def retry_waiting(self) -> list[int]:
        """Print receipts that failed (paper out, offline) now that the printer is back."""
        waiting = printing.pending_jobs(self.ctx.db)
        return [self.ctx.printer.reprint(job.id, None) for job in waiting]

    def parked(self) -> list[parking.ParkedSaleView]:
        return parking.list_parked(self.ctx.db, self.ctx.register_id)
