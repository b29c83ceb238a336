"""A store day on the demo till, driven through the same use cases as the cashier's keys, on
a clock we move by hand: the SAF-T sample (docs/saft-sample.xml) and the export tests use it.

Sales in cash and by card, a copy receipt, a provisional receipt, a voided sale, a training
receipt, a no-sale drawer opening and, when the shifts and reports module is there, the Z.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pos.app.demo import Demo, start_demo
from pos.app.journal_codes import Event
from pos.app.series_receipts import issue_series_receipt
from pos.core.money import Money
from pos.core.tender import TenderKind

log = logging.getLogger(__name__)


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class DemoDay:
    demo: Demo
    clock: Clock
    notes: list[str]


def _try(notes: list[str], what: str, action: Callable[[], object]) -> None:
    """Parts built by other modules (returns, Z) are optional: the day goes on without them."""
    try:
        action()
    except Exception as exc:
        log.warning("demo day: %s skipped: %s", what, exc)
        notes.append(f"{what} skipped: {exc}")


def run_demo_day(data_dir: Path, day: date, timezone: str = "Europe/Oslo") -> DemoDay:
    demo = start_demo(data_dir)
    till = demo.till
    clock = Clock(datetime.combine(day, time(8, 55), ZoneInfo(timezone)))
    till.ctx.now = clock
    notes: list[str] = []
    till.start()
    clock.tick(minutes=5)
    till.login("1", "1234")

    def sell(words: list[str], pay: str, minutes: float = 7, provisional: bool = False) -> None:
        clock.tick(minutes=minutes)
        checkout = till.checkout
        assert checkout is not None and till.user is not None
        for word in words:
            product = next(p for p in till.ctx.search(word) if p.sold_by == "unit")
            clock.tick(seconds=9)
            checkout.scan(product.gtin or product.sku)
        if provisional:  # the customer asks for a provisional receipt before paying
            clock.tick(seconds=30)
            issue_series_receipt(till.ctx, "provisional", checkout.totals, till.user,
                                 checkout.sale_id)
        clock.tick(seconds=20)
        if pay == "cash":
            checkout.pay_cash(Money(50_000, till.ctx.currency))
        else:
            amount = checkout.totals.total
            checkout.pay_exact(TenderKind.CARD, amount, f"BAX: {clock.now:%H%M%S}")
        checkout.next_sale()

    sell(["melk", "brød", "egg"], "cash")
    sell(["kaffe", "smør"], "card")
    clock.tick(minutes=2)
    _try(notes, "copy receipt", till.reprint_last)
    sell(["ost"], "cash", minutes=30, provisional=True)
    supervisor = till.approve("2", "2222")
    clock.tick(minutes=1)
    _try(notes, "void of the last sale",
         lambda: till.returns().void_last_sale(supervisor, "customer changed their mind"))
    clock.tick(minutes=3)
    till.open_drawer(supervisor)
    _training_sale(till, clock, sell)
    sell(["juice", "banan"], "card", minutes=45)
    clock.tick(minutes=10)
    till.logout()
    clock.now = clock.now.replace(hour=21, minute=5)
    manager_z(demo, notes)
    clock.tick(minutes=2)
    till.shutdown()
    return DemoDay(demo, clock, notes)


def _training_sale(till, clock: Clock, sell) -> None:  # type: ignore[no-untyped-def]
    """Training mode for one receipt: marked, signed like any other, out of the grand totals."""
    config = till.ctx.config
    till.ctx.config = config.model_copy(
        update={"till": config.till.model_copy(update={"training": True})})
    till.ctx.journal(Event.TRAINING_ON, till.user, {})
    sell(["melk"], "cash", minutes=12)
    till.ctx.journal(Event.TRAINING_OFF, till.user, {})
    till.ctx.config = config


def manager_z(demo: Demo, notes: list[str]) -> None:
    till = demo.till
    manager = till.login("9", "9999")

    def z() -> None:
        from pos.app.xz_reports import ReportService

        ReportService(till.ctx).z_report(manager, print_it=False)

    _try(notes, "Z report", z)
    till.logout()
