"""End-of-day card reconciliation: the terminal's batch totals against Kassa's card payments.

    result = reconcile(service, employee_id=9)     # runs the terminal's end of day (06 50)
    result.ok, result.difference_minor, result.unresolved, result.lines()

Kassa's side is every intent since the last reconciliation whose outcome is approved:
purchases count in, refunds and reversals count out (a reversed purchase and its reversal
cancel out, as on the terminal). Intents whose outcome is still unknown are listed with their
terminal receipt numbers: they are the usual reason for a difference. The result is stored
(card_reconciliations) and journaled (13018, other report); a failed end of day is journaled
and stores nothing, so the next attempt covers the same period.

`reconcile_day(ctx, business_date)` is the hook the manager's end-of-day flow calls
(pos.app.end_of_day, step "card").
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from drivers.base import DeviceError
from drivers.payment.zvt_messages import TOTALS_BRANDS, result_text
from pos.app.card.model import CardError
from pos.app.card.results import note
from pos.app.card.service import CardPayments
from pos.app.journal_codes import Event
from pos.store import card_payments as store
from pos.store.card_payments import IntentView
from pos.store.journal import append_event

log = logging.getLogger(__name__)
EOD_WAIT_S = 120.0
SIGN = {"purchase": 1, "refund": -1, "reversal": -1}


@dataclass(frozen=True)
class BrandTotal:
    brand: str
    count: int
    amount_minor: int


@dataclass(frozen=True)
class CardReconciliation:
    ok: bool
    currency: str
    kassa_total_minor: int
    terminal_total_minor: int | None  # None: the terminal sent no totals (or failed)
    difference_minor: int | None  # terminal - kassa
    approved_count: int
    kassa_by_brand: tuple[BrandTotal, ...] = ()
    terminal_by_brand: tuple[BrandTotal, ...] = ()
    brand_differences: tuple[str, ...] = ()
    unresolved: tuple[dict[str, Any], ...] = ()  # reference, kind, amount, state, receipt_no
    result_code: int | None = None
    error: str | None = None
    reconciliation_id: int | None = None
    receipt_lines: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def kassa_totals(intents: list[IntentView]) -> tuple[int, int, dict[str, list[int]]]:
    """(signed total, approved count, brand -> [count, signed amount]) of approved intents."""
    total, count = 0, 0
    brands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for intent in intents:
        if intent.outcome != "approved":
            continue
        signed = SIGN[intent.kind] * intent.amount_minor
        total += signed
        count += 1
        brand = intent.card_brand if intent.card_brand in TOTALS_BRANDS else "Other"
        if intent.kind != "reversal":
            brands[brand][0] += 1
        brands[brand][1] += signed
    return total, count, dict(brands)


def _unresolved(intents: list[IntentView]) -> tuple[dict[str, Any], ...]:
    return tuple(
        {"reference": i.reference, "kind": i.kind, "amount_minor": i.amount_minor,
         "state": i.state, "receipt_no": i.receipt_no, "sale_id": i.sale_id}
        for i in intents if i.is_open
    )


def reconcile(service: CardPayments, *, employee_id: int | None) -> CardReconciliation:
    """Close the terminal's batch and compare. Blocks (the terminal may take a minute)."""
    db, register = service.db, service.register_id
    last = store.last_reconciliation(db, register)
    after = last.through_intent_id if last else 0
    through = store.last_intent_id(db, register)
    intents = [i for i in store.since(db, register, after) if i.id <= through]
    # intents still open from before the last reconciliation are listed too
    older_open = [i for i in store.open_intents(db, register) if i.id <= after]
    unresolved = _unresolved(older_open + intents)
    kassa, count, brands = kassa_totals(intents)
    kassa_by_brand = tuple(BrandTotal(b, c, a) for b, (c, a) in sorted(brands.items()))
    try:
        day = service.end_of_day().result(EOD_WAIT_S)
    except (DeviceError, CardError) as error:
        _journal_failure(service, employee_id, str(error))
        return CardReconciliation(False, service.currency, kassa, None, None, count,
                                  kassa_by_brand, unresolved=unresolved, error=str(error))
    if not day.completed:
        message = result_text(day.code)
        _journal_failure(service, employee_id, message, day.code)
        return CardReconciliation(False, service.currency, kassa, None, None, count,
                                  kassa_by_brand, unresolved=unresolved, result_code=day.code,
                                  error=message)
    totals = day.totals
    terminal_total = totals.amount_minor if totals is not None else (
        day.status.amount_minor if day.status is not None else None)
    terminal_by_brand = tuple(BrandTotal(t.brand, t.count, t.amount_minor)
                              for t in (totals.by_brand if totals is not None else ()))
    brand_differences = _brand_differences(kassa_by_brand, terminal_by_brand)
    difference = None if terminal_total is None else terminal_total - kassa
    ok = difference == 0 and not unresolved
    details = {
        "kassa_by_brand": [asdict(b) for b in kassa_by_brand],
        "terminal_by_brand": [asdict(b) for b in terminal_by_brand],
        "brand_differences": list(brand_differences), "unresolved": list(unresolved),
        "approved_count": count, "receipt_lines": list(day.receipt_lines),
    }
    row = store.record_reconciliation(
        db, register_id=register, employee_id=employee_id, through_intent_id=through,
        currency=service.currency, terminal_total_minor=terminal_total, kassa_total_minor=kassa,
        result_code=day.code, details=details, at=service.now(),
        note=note(Event.CARD_RECONCILED, employee_id, ok=ok, kassa_total_minor=kassa,
                  terminal_total_minor=terminal_total, difference_minor=difference,
                  unresolved=[u["reference"] for u in unresolved],
                  unresolved_receipts=[u["receipt_no"] for u in unresolved]),
    )
    service.emit_journal(Event.CARD_RECONCILED)
    if not ok:
        log.warning("card reconciliation: terminal %s, kassa %s, %d unresolved",
                    terminal_total, kassa, len(unresolved))
    return CardReconciliation(ok, service.currency, kassa, terminal_total, difference, count,
                              kassa_by_brand, terminal_by_brand, brand_differences,
                              unresolved, day.code, None, row.id, tuple(day.receipt_lines))


def _brand_differences(kassa: tuple[BrandTotal, ...],
                       terminal: tuple[BrandTotal, ...]) -> tuple[str, ...]:
    if not terminal:  # the terminal sent no per-brand totals: nothing to compare
        return ()
    ours = {b.brand: b.amount_minor for b in kassa}
    theirs = {b.brand: b.amount_minor for b in terminal}
    out = []
    for brand in sorted(set(ours) | set(theirs)):
        # the terminal's BCD totals cannot go below zero
        if max(ours.get(brand, 0), 0) != theirs.get(brand, 0):
            out.append(f"{brand}: terminal {theirs.get(brand, 0)}, kassa {ours.get(brand, 0)}")
    return tuple(out)


def _journal_failure(service: CardPayments, employee_id: int | None, error: str,
                     code: int | None = None) -> None:
    entry = note(Event.CARD_RECONCILED, employee_id, ok=False, error=error[:200],
                 result_code=code)
    append_event(service.db, service.register_id, entry.event_code, entry.event, employee_id,
                 entry.payload, at=service.now())
    service.emit_journal(Event.CARD_RECONCILED)


def reconcile_day(ctx: Any, business_date: object = None) -> CardReconciliation:
    """The manager's end-of-day step: reconcile the till's terminal (ctx.card)."""
    service: CardPayments | None = getattr(ctx, "card", None)
    if service is None:
        return CardReconciliation(True, ctx.currency, 0, None, None, 0,
                                  error="no card terminal configured")
    return reconcile(service, employee_id=None)
