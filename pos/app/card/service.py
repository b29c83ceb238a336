"""CardPayments: the card terminal on its own thread, every amount behind a committed intent.

    service = CardPayments(db, register_id="1", currency="NOK",
                           terminal_factory=lambda: open_device("zvt+tcp://10.0.0.30:20007"))
    service.updates.connect(show)                       # CardUpdate, from the worker thread
    attempt = service.purchase(19990, sale_id=..., employee_id=7, snapshot={...})
    outcome = attempt.future.result()                   # CardOutcome

Rules (DESIGN.md "never charged twice"):
- The intent (reference, kind, amount, sale, register, employee) and its journal entry are
  committed on the caller's thread BEFORE the worker hands the amount to the terminal.
- One operation at a time, and none while an intent's outcome is unknown: the cashier (or
  recover()) settles it first. Nothing here ever sends a payment again by itself.
- A lost answer (OutcomeUnknown, a dropped link, garbage, a crash found at start()) is settled
  by asking the terminal (recovery.ask_terminal); what it cannot settle, the cashier does with
  resolve_manually() and a supervisor.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from drivers.base import DeviceError, DeviceOffline
from drivers.payment.zvt_client import (
    IntermediateStatus,
    OutcomeUnknown,
    PaymentResult,
    TerminalRefused,
)
from pos.app.card.model import CardError, CardOutcome, CardUpdate, Status
from pos.app.card.recovery import Verdict, ask_terminal
from pos.app.card.results import note, outcome_payload, result_columns, summary
from pos.app.events import Signal
from pos.app.journal_codes import Event
from pos.store import card_payments as store
from pos.store.card_payments import OPEN_STATES, IntentView
from pos.store.db import Database
from pos.store.records import new_sale_id
from pos.store.timeutil import utc_now

log = logging.getLogger(__name__)

Runner = Callable[[Any, Callable[[IntermediateStatus], None]], PaymentResult]
# The intent's state once its outcome is known. An approved purchase stays "approved" until
# its sale is committed (settle()); refunds and reversals are done when the terminal says so.
STATE_OF: dict[Status, str] = {
    "approved": "approved", "declined": "declined", "aborted": "aborted",
    "not_charged": "aborted", "unknown": "unknown",
}  # fmt: skip
EVENT_OF: dict[Status, Event] = {
    "approved": Event.CARD_APPROVED, "declined": Event.CARD_DECLINED,
    "aborted": Event.CARD_ABORTED, "not_charged": Event.CARD_ABORTED,
    "unknown": Event.CARD_IN_DOUBT,
}  # fmt: skip


@dataclass(frozen=True)
class CardAttempt:
    reference: str
    future: Future[CardOutcome]


def outcome_of(intent: IntentView, recovered: bool = False) -> CardOutcome:
    """The outcome an intent's stored state stands for."""
    if intent.outcome in ("approved", "declined", "aborted", "not_charged"):
        status: Status = intent.outcome  # type: ignore[assignment]
    else:
        status = "unknown"
    return CardOutcome(intent.reference, intent.kind, status, intent.amount_minor,
                       intent.result_code, intent.result_text or "", intent, recovered)


class CardPayments:
    def __init__(
        self,
        db: Database,
        register_id: str,
        currency: str,
        terminal_factory: Callable[[], Any],
        *,
        now: Callable[[], datetime] = utc_now,
        journaled: Signal[Event] | None = None,
    ) -> None:
        self.db = db
        self.register_id = register_id
        self.currency = currency
        self.now = now
        self.updates: Signal[CardUpdate] = Signal()
        self._factory = terminal_factory
        self._journaled = journaled
        self._terminal: Any = None
        self._registered = False
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="card-terminal")
        self._running: set[Future[Any]] = set()  # what stop() waits for
        self._running_lock = threading.Lock()
        self._lock = threading.Lock()
        self._active: str | None = None
        self._cancel = threading.Event()

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> Future[list[CardOutcome]]:
        """Connect and register, then settle what a crash left open (on the worker thread)."""
        return self._submit(self._startup)

    def stop(self, timeout: float = 5.0) -> None:
        """Cancel what has not started, close the terminal (which ends a wait on it), then
        wait a moment for the work in progress: the till closes its database next, and a
        worker still reading it then would crash the process (seen in a test)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        terminal = self._terminal
        if terminal is not None:
            with contextlib.suppress(DeviceError):
                terminal.close()
        with self._running_lock:
            running = list(self._running)
        wait(running, timeout=timeout)

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = self._executor.submit(fn, *args)
        with self._running_lock:
            self._running.add(future)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, future: Future[Any]) -> None:
        with self._running_lock:
            self._running.discard(future)

    def use_terminal(self, terminal_factory: Callable[[], Any]) -> None:
        """Talk to another terminal from the next operation on (a changed config, a test)."""
        self._submit(self._swap, terminal_factory).result()

    def _swap(self, factory: Callable[[], Any]) -> None:
        old, self._terminal, self._factory, self._registered = self._terminal, None, factory, False
        if old is not None:
            with contextlib.suppress(DeviceError):
                old.close()

    @property
    def busy(self) -> bool:
        return self._active is not None

    # -- what the till asks -------------------------------------------------------------------

    def purchase(self, amount_minor: int, *, sale_id: str | None, employee_id: int | None,
                 snapshot: Mapping[str, Any] | None = None) -> CardAttempt:
        """Charge `amount_minor` (never more than the sale's due: the caller checks)."""
        return self._begin("purchase", amount_minor, lambda t, cb: t.purchase(amount_minor, cb),
                           sale_id=sale_id, employee_id=employee_id, snapshot=snapshot)

    def refund(self, amount_minor: int, *, employee_id: int | None,
               original_sale_id: str | None = None, original_reference: str | None = None,
               sale_id: str | None = None) -> CardAttempt:
        """Pay `amount_minor` back to a card (06 31), referencing the original sale.

        `original_reference`: the purchase intent being refunded (looked up from
        `original_sale_id` when not given). `sale_id`: the return sale this refund belongs to.
        Same intent and recovery rules as a purchase; the outcome's status says what happened.
        """
        if original_reference is None and original_sale_id is not None:
            paid = [i for i in store.for_sale(self.db, original_sale_id)
                    if i.kind == "purchase" and i.outcome == "approved"]
            original_reference = paid[-1].reference if paid else None
        return self._begin("refund", amount_minor, lambda t, cb: t.refund(amount_minor, cb),
                           sale_id=sale_id, employee_id=employee_id,
                           original_reference=original_reference)

    def reversal(self, *, employee_id: int | None,
                 original_reference: str | None = None) -> CardAttempt:
        """Void a card payment of this batch (06 30 with its terminal receipt number): the
        last approved purchase unless `original_reference` names another."""
        original = (store.get_intent(self.db, original_reference) if original_reference
                    else store.last_approved(self.db, self.register_id))
        if original is None or original.outcome != "approved" or original.receipt_no is None:
            raise CardError("nothing_to_reverse")
        if original.resolution == "reversed":
            raise CardError("already_reversed")
        receipt_no = original.receipt_no
        return self._begin("reversal", original.amount_minor,
                           lambda t, cb: t.reversal(receipt_no, cb), sale_id=original.sale_id,
                           employee_id=employee_id, original_reference=original.reference)

    def abort(self) -> None:
        """The cashier's Cancel: stop what is running (never blocks the caller)."""
        if self._active is None:
            return
        self._cancel.set()
        threading.Thread(target=self._send_abort, name="card-abort", daemon=True).start()

    def recover(self) -> Future[list[CardOutcome]]:
        """Ask the terminal about every intent whose outcome is unknown (worker thread)."""
        return self._submit(self._recover_all)

    def resolve_manually(self, reference: str, approved: bool, *, employee_id: int | None,
                         approver_id: int) -> CardOutcome:
        """The cashier looked at the terminal / the customer's receipt, a supervisor confirmed:
        record what they saw. Only for an intent still unknown; journaled with both people."""
        intent = store.get_intent(self.db, reference)
        if intent is None:
            raise CardError("no_intent", reference)
        status: Status = "approved" if approved else "not_charged"
        updated = store.update_intent(
            self.db, reference, STATE_OF[status] if intent.kind == "purchase" or not approved
            else "resolved",
            note(Event.CARD_MANUAL, employee_id, **summary(intent), decision=status,
                 approved_by=approver_id),
            expect=OPEN_STATES, at=self.now(), outcome=status, resolution="cashier",
            approved_by=approver_id,
        )
        self.emit_journal(Event.CARD_MANUAL)
        current = updated or store.get_intent(self.db, reference)
        assert current is not None
        return outcome_of(current)

    def settle(self, sale_id: str) -> None:
        """The sale holding these card payments is committed: nothing left to recover."""
        for intent in store.for_sale(self.db, sale_id):
            if intent.state == "approved" and intent.kind == "purchase":
                store.update_intent(self.db, intent.reference, "resolved",
                                    note(Event.CARD_SETTLED, intent.employee_id,
                                         **summary(intent)),
                                    expect=("approved",), at=self.now(),
                                    resolution=intent.resolution or "terminal")
                self.emit_journal(Event.CARD_SETTLED)

    def end_of_day(self) -> Future[Any]:
        """The terminal's end of day (06 50), on the card thread: its Transaction (with
        ``.totals``). pos.app.card_reconcile compares it with Kassa's payments."""
        if self._active is not None:
            raise CardError("busy")
        return self._submit(lambda: self._ready_terminal().end_of_day())

    def open_intents(self) -> list[IntentView]:
        return store.open_intents(self.db, self.register_id)

    def restorable(self) -> list[IntentView]:
        """Approved purchases whose sale never got committed (the till died in between)."""
        return [i for i in store.approved_unsettled(self.db, self.register_id)
                if i.sale_id is not None and not store.sale_committed(self.db, i.sale_id)]

    # -- the operation ------------------------------------------------------------------------

    def _begin(self, kind: str, amount_minor: int, run: Runner, *, sale_id: str | None,
               employee_id: int | None, snapshot: Mapping[str, Any] | None = None,
               original_reference: str | None = None) -> CardAttempt:
        if amount_minor <= 0:
            raise CardError("bad_amount", str(amount_minor))
        with self._lock:
            if self._active is not None:
                raise CardError("busy")
            waiting = store.open_intents(self.db, self.register_id)
            if waiting:
                raise CardError("unresolved", waiting[-1].reference)
            reference = new_sale_id()
            payload = {"reference": reference, "kind": kind, "amount_minor": amount_minor,
                       "currency": self.currency, "original_reference": original_reference}
            intent = store.create_intent(
                self.db, reference=reference, register_id=self.register_id, kind=kind,
                amount_minor=amount_minor, currency=self.currency, sale_id=sale_id,
                employee_id=employee_id, original_reference=original_reference,
                snapshot=snapshot, at=self.now(),
                note=note(Event.CARD_INTENT, employee_id, **payload),
            )
            self._active = reference
            self._cancel.clear()
        self.emit_journal(Event.CARD_INTENT)
        self.updates.emit(CardUpdate(reference, "sending"))
        return CardAttempt(reference, self._submit(self._run, intent, run))

    def _run(self, intent: IntentView, run: Runner) -> CardOutcome:
        try:
            outcome = self._talk(intent, run)
        except Exception:  # a bug must not leave the cashier waiting: the terminal decides
            log.exception("card operation %s failed", intent.reference)
            outcome = self._in_doubt(intent, "internal error", after_ack=True)
        finally:
            self._active = None
        self.updates.emit(CardUpdate(intent.reference, "done", outcome=outcome))
        return outcome

    def _talk(self, intent: IntentView, run: Runner) -> CardOutcome:
        if self._cancel.is_set():  # cancelled before the amount left: nothing to ask
            return self._record(intent, "not_charged", {"result_text": "cancelled"}, "cancelled")
        sent = False

        def on_status(status: IntermediateStatus) -> None:
            nonlocal sent
            if not sent:  # the terminal took the command: journal it once
                sent = True
                store.update_intent(self.db, intent.reference, "sent",
                                    note(Event.CARD_SENT, intent.employee_id,
                                         reference=intent.reference, status=status.code),
                                    expect=("pending",), at=self.now())
            self.updates.emit(CardUpdate(intent.reference, "status", status.text, status.code,
                                         key=status.key))

        try:
            terminal = self._ready_terminal()
            result = run(terminal, on_status)
        except TerminalRefused as refused:  # 84 xx: nothing started
            return self._record(intent, "declined", {"result_code": refused.code,
                                                     "result_text": str(refused)}, "refused")
        except OutcomeUnknown as lost:
            return self._in_doubt(intent, str(lost), after_ack=True)
        except DeviceError as error:  # before the terminal's ACK: the driver says not started
            return self._in_doubt(intent, str(error), after_ack=False)
        columns = result_columns(result)
        status: Status = result.outcome.value
        return self._record(intent, status, columns, "terminal")

    def _in_doubt(self, intent: IntentView, error: str, *, after_ack: bool) -> CardOutcome:
        """The answer was lost: journal that, then ask the terminal."""
        store.update_intent(self.db, intent.reference, "unknown",
                            note(Event.CARD_IN_DOUBT, intent.employee_id, **summary(intent),
                                 error=error[:200], after_ack=after_ack),
                            expect=OPEN_STATES, at=self.now())
        self.emit_journal(Event.CARD_IN_DOUBT)
        self.updates.emit(CardUpdate(intent.reference, "checking"))
        verdict = ask_terminal(self._terminal_or_none(), self.db, intent)
        if verdict.status == "unknown" and verdict.reason == "unreachable" and not after_ack:
            # The terminal never acknowledged the command and cannot be reached now: it never
            # started (drivers/payment/README.md), so nothing was charged.
            verdict = Verdict("not_charged", "never_acknowledged")
        return self._record(intent, verdict.status, verdict.columns, verdict.reason,
                            recovered=True)

    def _record(self, intent: IntentView, status: Status, columns: dict[str, Any], how: str,
                *, recovered: bool = False) -> CardOutcome:
        """Store the outcome once (only while the intent is still open) and journal it."""
        state = STATE_OF[status]
        if status == "approved" and intent.kind != "purchase":
            state = "resolved"
        event = Event.CARD_RECOVERED if recovered else EVENT_OF[status]
        payload = {**summary(intent), "outcome": status, "how": how,
                   "cancel_requested": self._cancel.is_set(), **outcome_payload(columns)}
        fields = dict(columns)
        if status != "unknown":
            fields.update(outcome=status, resolution="recovered" if recovered else "terminal")
        updated = store.update_intent(self.db, intent.reference, state,
                                      note(event, intent.employee_id, **payload),
                                      expect=OPEN_STATES, at=self.now(), **fields)
        if updated is None:  # settled meanwhile (recovery raced a late answer): theirs stands
            current = store.get_intent(self.db, intent.reference)
            assert current is not None
            return outcome_of(current, recovered)
        self.emit_journal(event)
        if status == "approved" and intent.kind == "reversal" and intent.original_reference:
            original = store.get_intent(self.db, intent.original_reference)
            if original is not None:
                store.update_intent(self.db, original.reference, "resolved", None,
                                    at=self.now(), resolution="reversed")
        return outcome_of(updated, recovered)

    # -- recovery at start and on demand ---------------------------------------------------------

    def _startup(self) -> list[CardOutcome]:
        try:
            self._ready_terminal()
        except DeviceError as error:
            log.warning("card terminal not ready at start: %s", error)
        return self._recover_all()

    def _recover_all(self) -> list[CardOutcome]:
        outcomes = []
        waiting = store.open_intents(self.db, self.register_id)
        for older in waiting[:-1]:  # only the newest can be the terminal's last transaction
            if older.state != "unknown":
                store.update_intent(self.db, older.reference, "unknown",
                                    note(Event.CARD_IN_DOUBT, older.employee_id,
                                         **summary(older), error="superseded"),
                                    expect=OPEN_STATES, at=self.now())
            outcomes.append(outcome_of(older))
        if waiting:
            newest = waiting[-1]
            if newest.state != "unknown":
                store.update_intent(self.db, newest.reference, "unknown",
                                    note(Event.CARD_IN_DOUBT, newest.employee_id,
                                         **summary(newest), error="found open at start"),
                                    expect=OPEN_STATES, at=self.now())
            self.updates.emit(CardUpdate(newest.reference, "checking"))
            verdict = ask_terminal(self._terminal_or_none(), self.db, newest)
            outcome = self._record(newest, verdict.status, verdict.columns, verdict.reason,
                                   recovered=True)
            self.updates.emit(CardUpdate(newest.reference, "done", outcome=outcome))
            outcomes.append(outcome)
        for intent in store.approved_unsettled(self.db, self.register_id):
            if intent.sale_id is not None and store.sale_committed(self.db, intent.sale_id):
                self.settle(intent.sale_id)
        return outcomes

    # -- the terminal (worker thread only, but abort) ----------------------------------------------

    def _terminal_or_none(self) -> Any:
        if self._terminal is None:
            try:
                self._terminal = self._factory()
            except (ValueError, DeviceError) as error:
                return _Unreachable(str(error))
        return self._terminal

    def _ready_terminal(self) -> Any:
        terminal = self._terminal_or_none()
        if isinstance(terminal, _Unreachable):
            raise DeviceOffline(terminal.reason)
        if not self._registered and hasattr(terminal, "register"):
            terminal.register(self.currency)
            self._registered = True
        return terminal

    def _send_abort(self) -> None:
        terminal = self._terminal
        if terminal is None:
            return
        try:
            terminal.abort()
        except DeviceError as error:
            log.info("card abort not sent: %s", error)

    def emit_journal(self, event: Event) -> None:
        if self._journaled is not None:
            self._journaled.emit(event)


class _Unreachable:
    """Stands in for a terminal that could not even be created (bad URL, missing driver)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def close(self) -> None:
        pass

    def status_enquiry(self) -> Any:
        raise DeviceOffline(self.reason)

    def repeat_receipt(self) -> Any:
        raise DeviceOffline(self.reason)
