"""Returns at the till: with a receipt (found by its barcode, its number or in today's list),
without one, and the void of the last sale. UI-neutral, like pos.app.checkout.

A return is its own transaction (kind "return", original_sale_id set), never a negative line
in a sale: the Norwegian rules count sales receipts and returns apart on the X and Z reports
(kassasystemforskriften § 2-8-2 l and p), and a mixed receipt would need both counts split out
of one transaction. So an exchange is a return, then a sale.

One commit does it all (pos.store.sales.commit_sale): the return's rows, its journal entry
(13013), its outbox event, and, inside the same transaction, the over-return check against
every return committed by then and the return receipt's print job. Two cashiers returning the
same line at once: the second commit is refused. A crash after the commit: the receipt waits
in print_jobs and F11 prints it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from pos.app.checkout import CheckoutError
from pos.app.context import TillContext
from pos.app.journal_codes import Event
from pos.app.refund_card import CardRefunder, refund_cards
from pos.app.remote_returns import RemoteSales
from pos.app.return_quote import ReturnQuote, quote_with_receipt
from pos.app.return_record import (
    ReturnFacts,
    ReturnKind,
    journal_payload,
    print_document,
    receipt_builder,
    to_record,
)
from pos.core.barcode import parse_receipt_barcode
from pos.core.receipt import Receipt
from pos.core.refund import OverReturn, RefundPart, RefundPlan, TenderPaid, plan_refund
from pos.store import returns as store
from pos.store import sales
from pos.store.records import new_sale_id
from pos.store.returns import AlreadyReturned, ReturnableSale
from pos.store.users import UserView

# Reasons offered to the cashier; "other" asks for a text. The UI translates the keys.
REASONS = ("defective", "wrong_size", "changed_mind", "other")
RefundTo = Literal["original", "cash", "store_credit", "web_payment"]


@dataclass(frozen=True)
class CompletedReturn:
    sale_id: str
    transaction_no: int
    kind: ReturnKind
    receipt: Receipt
    refund: RefundPlan
    print_job_id: int


@dataclass
class Returns:
    """One cashier's returns desk. `card`: the card payments' refund API, when the till has a
    terminal; without it card parts are refunded in cash (and the receipt says so)."""

    ctx: TillContext
    user: UserView
    card: CardRefunder | None = None
    session_started: datetime | None = None  # for the void of the last sale
    completed: dict[str, CompletedReturn] = field(default_factory=dict)
    remote: RemoteSales | None = None  # sales of other stores, through the hub (issue 9)

    # -- finding the original -------------------------------------------------------------------

    def find(self, text: str) -> ReturnableSale:
        """A receipt barcode (R<register>-<number><check>) or a receipt number of this till."""
        text = text.strip()
        parsed = parse_receipt_barcode(text)
        if parsed is not None:
            register, number = parsed
        elif text.isdigit():
            register, number = self.ctx.register_id, int(text)
        else:
            raise CheckoutError("receipt_not_found", text)
        sale_id = store.find_sale_id(self.ctx.db, register, number)
        if sale_id is None and parsed is not None and self.remote is not None:
            return self.remote.find(register, number)  # sold in another store: the hub has it
        if sale_id is None:
            raise CheckoutError("receipt_not_found", text)
        return self.load(sale_id)

    def load(self, sale_id: str) -> ReturnableSale:
        original = store.load_returnable(self.ctx.db, sale_id)
        if original is None:
            raise CheckoutError("receipt_not_found", sale_id)
        if original.record.kind != "sale":
            raise CheckoutError("not_returnable", original.sale.receipt_no)
        return original

    def todays_sales(self) -> list[store.SaleSummary]:
        tz = self.ctx.formatter.timezone
        midnight = datetime.combine(self.ctx.today(), datetime.min.time(), tz)
        return [s for s in store.sales_since(self.ctx.db, self.ctx.register_id, midnight)
                if s.kind == "sale"]

    # -- what comes back ------------------------------------------------------------------------

    def quote(self, original: ReturnableSale, picks: dict[int, int]) -> ReturnQuote:
        try:
            return quote_with_receipt(original, picks)
        except OverReturn as error:
            raise CheckoutError("over_return", str(error)) from error

    def plan(self, quote: ReturnQuote, original: ReturnableSale | None,
             refund_to: RefundTo = "original") -> RefundPlan:
        amount = quote.refund.minor
        if refund_to == "store_credit":
            return RefundPlan((_store_credit(amount),), 0) if amount else RefundPlan((), 0)
        if refund_to == "web_payment":  # a web order: the hub refunds it through the web shop
            return RefundPlan((RefundPart("web_payment", amount),), 0)
        cards: tuple[TenderPaid, ...] = ()
        if original is not None and refund_to == "original" and self.card is not None:
            cards = _card_tenders(original)
        rounding = self.ctx.config.cash.rounding == "whole"
        return plan_refund(amount, quote.currency, cards, cash_rounding=rounding)

    def needs_approval(self, quote: ReturnQuote, with_receipt: bool) -> bool:
        if self.user.may("supervisor"):
            return False
        return not with_receipt or quote.refund.minor > self.ctx.config.returns.approval_above_minor

    # -- committing -----------------------------------------------------------------------------

    def complete(self, quote: ReturnQuote, *, original: ReturnableSale | None, reason: str,
                 approver: UserView | None = None, refund_to: RefundTo = "original",
                 return_id: str | None = None, kind: ReturnKind = "return",
                 with_receipt: bool | None = None) -> CompletedReturn:
        """Refund and commit. `return_id` (from new_return_id()) makes a repeat harmless."""
        if return_id is not None and return_id in self.completed:
            return self.completed[return_id]
        if not quote.lines:
            raise CheckoutError("nothing_to_return")
        if not reason.strip():
            raise CheckoutError("reason_required")
        receipt = original is not None if with_receipt is None else with_receipt
        if self.needs_approval(quote, receipt) and kind == "return" and (
                approver is None or not approver.may("supervisor")):
            raise CheckoutError("approval_needed")
        return_id = return_id or new_sale_id()
        if original is not None:  # what others returned meanwhile, before any money moves
            self._still_returnable(original, quote)
            if self.remote is not None:  # and held at the hub against another store's till
                self.remote.claim(original, {ln.line_no: -ln.quantity_milli
                                             for ln in quote.lines}, return_id,
                                  home=not self._remote(original))
        plan = self.plan(quote, original, refund_to)
        plan = refund_cards(self.card, plan, quote.currency, return_id,
                            original.record.id if original else None)
        facts = ReturnFacts(return_id, kind, quote, plan, original, self.ctx.now(), self.user,
                            reason)
        receipt_of = receipt_builder(self.ctx, facts)
        job: list[int] = []

        def inside(con: sqlite3.Connection, tx_no: int) -> None:
            if original is not None:  # the final word, inside the write transaction
                sold = {ln.line_no: ln.quantity_milli for ln in original.record.lines}
                wanted = {ln.line_no: -ln.quantity_milli for ln in quote.lines}
                if self._remote(original):
                    assert self.remote is not None
                    self.remote.guard(original, wanted)(con, tx_no)
                else:
                    store.over_return_guard(original.record.id, wanted, sold)(con, tx_no)
            document = print_document(self.ctx, receipt_of(tx_no))
            job.append(store.enqueue_print_in(con, return_id, document))

        event = Event.RETURN if kind == "return" else Event.SALE_REVERSED
        try:
            committed = sales.commit_sale(
                self.ctx.db, to_record(self.ctx, facts), inside=inside,
                journal_payload=journal_payload(facts, approver), event=event.value)
        except AlreadyReturned as error:
            self.ctx.journal(Event.RETURN_REFUSED, self.user, {
                "original_sale_id": error.sale_id, "lines": error.lines,
                "card_refunded": [p.reference for p in plan.parts if p.tender == "card"]})
            raise CheckoutError("over_return", str(error.lines)) from error
        self.ctx.journaled.emit(event)
        self.ctx.committed.emit(committed)  # as TillContext.commit_sale: the hub link wakes
        job_id = job[0] if job else (store.print_job_for(self.ctx.db, return_id) or 0)
        if not committed.already_committed:  # a repeat prints and opens nothing again
            if any(p.tender == "cash" for p in plan.parts):
                self.ctx.kick_drawer()
            if job_id:
                self.ctx.printer.submit(job_id)
        done = CompletedReturn(return_id, committed.transaction_no, kind,
                               receipt_of(committed.transaction_no), plan, job_id)
        self.completed[return_id] = done
        return done

    def _remote(self, original: ReturnableSale) -> bool:
        return self.remote is not None and self.remote.is_remote(original.record.id)

    def _still_returnable(self, original: ReturnableSale, quote: ReturnQuote) -> None:
        fresh = (self.remote.refresh(original.record.id) if self.remote and self._remote(original)
                 else store.load_returnable(self.ctx.db, original.record.id))
        assert fresh is not None
        self.quote(fresh, {ln.line_no: -ln.quantity_milli for ln in quote.lines})

    def void_last_sale(self, approver: UserView | None, reason: str = "void") -> CompletedReturn:
        """Reverse the till's last sale, made in this session by this cashier and not returned
        from yet, in full: a kind "void" transaction (13028), money back as it was paid."""
        last = sales.last_sale(self.ctx.db, self.ctx.register_id)
        since = self.session_started or (self.ctx.now() - timedelta(hours=12))
        if (last is None or last.record.kind != "sale" or last.record.training != self.ctx.training
                or last.record.employee_id != self.user.id or last.record.closed_at < since):
            raise CheckoutError("no_sale_to_void")
        if not self.user.may("supervisor") and (approver is None or not approver.may("supervisor")):
            raise CheckoutError("approval_needed")
        original = self.load(last.record.id)
        if original.return_ids:
            raise CheckoutError("already_returned", last.receipt_no)
        picks = {ln.line_no: ln.quantity_milli for ln in last.record.lines if not ln.voided}
        return self.complete(self.quote(original, picks), original=original, reason=reason,
                             approver=approver or self.user, kind="void")


def _card_tenders(original: ReturnableSale) -> tuple[TenderPaid, ...]:
    """The original's card payments with what earlier returns gave back to cards. A refund
    carries the terminal's new reference, not the purchase's, so what went back to cards is
    counted as a whole and taken off the card payments in order."""
    back = sum(v for (tender, _ref), v in original.refunded.items() if tender == "card")
    out = []
    for p in original.record.payments:
        if p.tender == "card":
            used = min(back, p.amount_minor)
            back -= used
            out.append(TenderPaid("card", p.amount_minor, used, p.reference))
    return tuple(out)


def _store_credit(amount_minor: int) -> RefundPart:
    # Placeholder until store credit is issued and redeemed through the hub: the amount is
    # booked to the store_credit tender (SAF-T 12010) and printed; no voucher ledger yet.
    return RefundPart("store_credit", amount_minor)


def new_return_id() -> str:
    return new_sale_id()
