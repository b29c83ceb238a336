"""The manager's end of day: one guided flow, resumable, never run twice.

Steps, in order (STEPS): every shift closed (open ones listed; the manager may flag them and go
on: they are never closed behind the cashier's back); the card terminal's end-of-day
reconciliation; the Z report (stored, journaled, printed); the SAF-T file for the day; the
day's summary to the hub. Each step's result is saved as soon as it ends
(pos.store.end_of_day), so a till that dies half way resumes at the first step not done, and
the Z step never runs a second Z (a Z already stored for the day counts as done).

Steps whose machinery is not there (no card terminal configured, no SAF-T exporter installed,
no hub configured) are recorded as "skipped" with a note that says why.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pos.app.context import TillContext
from pos.app.journal_codes import Event
from pos.app.shifts import ShiftService
from pos.app.xz_reports import ReportService
from pos.reports.xz_model import parse_report
from pos.store import end_of_day as store
from pos.store.end_of_day import EndOfDayState
from pos.store.outbox import append_outbox_in, event_id_for
from pos.store.timeutil import from_utc_text
from pos.store.users import UserView
from pos.store.z_reports import ZReportError, ZRow
from sync.protocol import DAY_CLOSED, DayClosed, DayTenderV1, DayTotalsV1

log = logging.getLogger(__name__)

STEPS = ("shifts", "card", "z", "saft", "hub")
DONE = frozenset({"done", "skipped", "flagged"})

# Where the other engineers' pieces live when they have landed (looked up at run time, so this
# flow works before and after).
CARD_RECONCILE_MODULE = "pos.app.card_reconcile"
SAFT_MODULE = "pos.reports.saft"


class EndOfDayError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class StepResult:
    status: str  # "done" | "skipped" | "flagged" | "blocked" | "failed"
    note: str = ""
    data: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        extra = {"data": self.data} if self.data is not None else {}
        return {"status": self.status, "note": self.note, **extra}


def _module(name: str) -> Any:
    try:
        if importlib.util.find_spec(name) is None:
            return None
    except ModuleNotFoundError:
        return None
    return importlib.import_module(name)


class EndOfDay:
    def __init__(self, ctx: TillContext, *, saft_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.shifts = ShiftService(ctx)
        self.reports = ReportService(ctx)
        data_dir = ctx.config.till.data_dir or Path(ctx.db.path).parent
        self.saft_dir = saft_dir or Path(data_dir) / "saft"
        self.business_date = self.reports.business_date()

    # -- state --------------------------------------------------------------------------------

    def state(self) -> EndOfDayState | None:
        return store.get_run(self.ctx.db, self.ctx.register_id, self.business_date)

    def start(self, user: UserView) -> EndOfDayState:
        """Begin (or resume) today's end of day; refused once the day is done."""
        if not user.may("manager"):
            raise EndOfDayError("manager_only")
        state = self.state()
        if state is not None and state.status == "done":
            raise EndOfDayError("already_done", state.finished_at or "")
        if state is None:
            self.ctx.journal(Event.END_OF_DAY, user, {"step": "start",
                                                      "business_date": self.business_date})
        return store.start_run(
            self.ctx.db, self.ctx.register_id, self.business_date, user.id, self.ctx.now()
        )

    def next_step(self, state: EndOfDayState) -> str | None:
        for step in STEPS:
            if state.steps.get(step, {}).get("status") not in DONE:
                return step
        return None

    # -- running ------------------------------------------------------------------------------

    def run_step(self, user: UserView, step: str, *, flag_open: bool = False) -> StepResult:
        """Run one step and save its result at once (the resume point)."""
        if step not in STEPS:
            raise EndOfDayError("unknown_step", step)
        state = self.start(user)
        previous = state.steps.get(step, {})
        if previous.get("status") in DONE:
            return StepResult(previous["status"], previous.get("note", ""), previous.get("data"))
        runner: Callable[[UserView, bool], StepResult] = getattr(self, f"_step_{step}")
        try:
            result = runner(user, flag_open)
        except Exception as exc:  # a step that fails is shown and can be retried
            log.exception("end of day step %s failed", step)
            result = StepResult("failed", f"{type(exc).__name__}: {exc}")
        store.save_step(self.ctx.db, self.ctx.register_id, self.business_date, step,
                        result.as_dict())  # fmt: skip
        self.ctx.journal(Event.END_OF_DAY, user, {"step": step, **result.as_dict()})
        return result

    def run_all(self, user: UserView, *, flag_open: bool = False) -> EndOfDayState:
        """Run the steps from the first one not done; stop at the first that is not."""
        state = self.start(user)
        first = True  # "flag and go on" answers the step that stopped the flow, no other
        while (step := self.next_step(state)) is not None:
            result = self.run_step(user, step, flag_open=flag_open and first)
            first = False
            state = self.state() or state
            if result.status not in DONE:
                return state
        return self.finish(user)

    def finish(self, user: UserView) -> EndOfDayState:
        state = self.start(user)
        missing = [s for s in STEPS if state.steps.get(s, {}).get("status") not in DONE]
        if missing:
            raise EndOfDayError("steps_left", ", ".join(missing))
        store.finish_run(self.ctx.db, self.ctx.register_id, self.business_date, self.ctx.now())
        self.ctx.journal(Event.END_OF_DAY, user, {"step": "finished",
                                                  "business_date": self.business_date})
        final = self.state()
        assert final is not None
        return final

    # -- the steps ----------------------------------------------------------------------------

    def _step_shifts(self, user: UserView, flag_open: bool) -> StepResult:
        open_now = self.shifts.open_shifts()
        if not open_now:
            return StepResult("done", "all shifts closed")
        listed = [{"id": s.id, "owner": s.owner, "opened_at": s.opened_at} for s in open_now]
        if not flag_open:
            return StepResult("blocked", "open shifts", {"open": listed})
        ids = self.shifts.flag_left_open(user)
        return StepResult("flagged", "open shifts flagged, not closed", {"open": listed,
                                                                         "flagged": ids})

    def _step_card(self, user: UserView, flag: bool) -> StepResult:
        """The terminal's end of day against Kassa's approved card payments. A mismatch or
        unresolved payments are listed and flagged (the day still closes: the Z must run); a
        terminal that cannot be reached blocks until it answers or the manager flags it."""
        if not self.ctx.config.devices.payment:
            return StepResult("skipped", "no card terminal configured")
        module = _module(CARD_RECONCILE_MODULE)
        api = getattr(module, "reconcile_day", None) if module is not None else None
        if api is None:
            return StepResult("skipped", "no card terminal configured (card reconciliation "
                                         "not installed)")
        outcome = api(self.ctx, self.business_date)
        data = _plain(outcome)
        error = getattr(outcome, "error", None)
        if error == "no card terminal configured":
            return StepResult("skipped", "no card terminal configured")
        if getattr(outcome, "ok", False):
            return StepResult("done", "card totals reconciled", {"result": data})
        if getattr(outcome, "terminal_total_minor", None) is not None:
            return StepResult("flagged", "card totals do not match", {"result": data})
        if flag:
            return StepResult("flagged", f"card terminal end of day failed: {error}",
                              {"result": data})
        return StepResult("blocked", f"card terminal end of day failed: {error}",
                          {"result": data})

    def _step_z(self, user: UserView, _flag: bool) -> StepResult:
        existing = self.reports.z_of_today()
        if existing is not None:  # stored before a crash: never a second one, but print it
            # again (the crash may have come before the printer got it; a report, not a
            # receipt, so a second paper copy is harmless)
            self.reports.print_report(parse_report(existing.report_json), user)
            return StepResult("done", f"Z {existing.z_no} already stored, printed again",
                              {"z_no": existing.z_no})  # fmt: skip
        try:
            row, _report = self.reports.z_report(user, print_it=True)
        except ZReportError as exc:
            return StepResult("failed", str(exc))
        return StepResult("done", f"Z {row.z_no} printed", {"z_no": row.z_no})

    def _step_saft(self, user: UserView, _flag: bool) -> StepResult:
        module = _module(SAFT_MODULE)
        export = getattr(module, "export_day", None) if module is not None else None
        if export is None:
            return StepResult("skipped", "SAF-T export not available on this till yet")
        self.saft_dir.mkdir(parents=True, exist_ok=True)
        out = self.saft_dir / f"SAF-T_{self.ctx.seller.org_no}_{self.ctx.register_id}_" \
                              f"{self.business_date}.xml"
        export(self.ctx.db, self.business_date, out)
        return StepResult("done", f"written: {out}", {"path": str(out)})

    def _step_hub(self, user: UserView, _flag: bool) -> StepResult:
        hub = getattr(self.ctx.config, "hub", None)
        url = getattr(hub, "url", None) if hub is not None else None
        if not url:
            return StepResult("skipped", "no hub configured")
        z = self.reports.z_of_today()
        if z is None:  # the Z step comes first; without a Z there is no day to send
            return StepResult("failed", "no Z stored for the day: run the Z step first")
        summary = day_closed(self.ctx.seller.store_id, z)
        with self.ctx.db.write() as con:
            seq = append_outbox_in(
                con, self.ctx.register_id, DAY_CLOSED, summary.model_dump_json(),
                occurred_at=self.ctx.now(),
                event_id=event_id_for(DAY_CLOSED, f"{self.ctx.register_id}:{self.business_date}"),
            )  # fmt: skip
        return StepResult("done", f"queued for the hub (outbox {seq})", {"seq": seq})


def day_closed(store_id: str, z: ZRow) -> DayClosed:
    """The hub's summary of a stored Z (sync.protocol.DayClosed): totals per tender and the
    report's totals; the full report stays on the till and in its SAF-T file."""
    report = parse_report(z.report_json)
    return DayClosed(
        store_id=store_id, register_id=z.register_id,
        business_date=date.fromisoformat(z.business_date), z_no=z.z_no,
        currency=report.extras.currency, closed_at=from_utc_text(z.created_at),
        first_transaction_no=z.first_transaction_no, last_transaction_no=z.last_transaction_no,
        tenders=tuple(DayTenderV1(tender=t.tender, count=t.count, amount_minor=t.amount)
                      for t in report.extras.tenders),
        totals=DayTotalsV1(
            sales_minor=report.report_total_cash_sales.total_cash_sale_amnt,
            returns_minor=report.report_return_amnt, receipts=report.report_receipt_num,
            grand_total_sales_minor=report.report_grand_total_sales,
            grand_total_return_minor=report.report_grand_total_return,
            grand_total_sales_net_minor=report.report_grand_total_sales_net,
        ),
    )  # fmt: skip


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return value if isinstance(value, dict | list | str | int | float | bool) else repr(value)
