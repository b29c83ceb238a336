"""Run X and Z reports: compute, store (Z), journal in full, print on the receipt printer.

X: any time, resets nothing (journaled 13008). Z: once per register and business day,
numbered consecutively (journaled 13009 with the whole report); the period runs from the
transaction after the last Z's to the last one now, so no transaction is on two Z reports.
"""

from __future__ import annotations

import logging
import threading

from pos.app.context import TillContext
from pos.app.journal_codes import SAFT_EVENT_CODE, Event
from pos.app.print_codec import job_to_data
from pos.core.money import Money
from pos.reports.xz_layout import layout_xz
from pos.reports.xz_model import XZReport, parse_report
from pos.reports.xz_report import ReportRequest, compute_report, warm_blocks
from pos.store import printing, shifts, z_reports
from pos.store.users import UserView
from pos.store.z_reports import ZReportError, ZRow

__all__ = ["ReportService", "ReportWarmer", "ZReportError"]
log = logging.getLogger(__name__)


class ReportService:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    def _request(self, kind: str, user: UserView | None, z_no: int | None) -> ReportRequest:
        seller = self.ctx.seller
        return ReportRequest(
            kind="Z" if kind == "Z" else "X",
            register_id=self.ctx.register_id,
            company_ident=seller.org_no,
            company_name=seller.company_name,
            currency=self.ctx.currency,
            timezone=self.ctx.config.till.timezone,
            now=self.ctx.now(),
            z_no=z_no,
            employee_no=user.employee_no if user else None,
        )

    def _with_open_shifts(self, report: XZReport) -> XZReport:
        open_now = tuple(
            f"{s.id}:{s.owner}" for s in shifts.open_shifts(self.ctx.db, self.ctx.register_id)
        )
        if not open_now:
            return report
        extras = report.extras.model_copy(update={"open_shifts": open_now})
        return report.model_copy(update={"extras": extras})

    # -- X ------------------------------------------------------------------------------------

    def x_report(self, user: UserView | None, *, print_it: bool = False) -> XZReport:
        """Compute and journal an X report (resets nothing); print it when asked."""
        report = self._with_open_shifts(compute_report(self.ctx.db, self._request("X", user, None)))
        self.ctx.journal(Event.X_REPORT, user, {"report": report.model_dump(mode="json")})
        if print_it:
            self.print_report(report, user)
        return report

    # -- Z ------------------------------------------------------------------------------------

    def business_date(self) -> str:
        return self.ctx.today().isoformat()

    def z_of_today(self) -> ZRow | None:
        return z_reports.z_for_day(self.ctx.db, self.ctx.register_id, self.business_date())

    def z_report(self, user: UserView | None, *, print_it: bool = True) -> tuple[ZRow, XZReport]:
        """Run today's Z: refused with `z_already_run` when the day has one."""
        day = self.business_date()
        done = self.z_of_today()
        if done is not None:
            raise ZReportError("z_already_run", f"Z {done.z_no} for {day} at {done.created_at}")
        last = z_reports.last_z(self.ctx.db, self.ctx.register_id)
        z_no = (last.z_no if last else 0) + 1
        report = self._with_open_shifts(
            compute_report(self.ctx.db, self._request("Z", user, z_no))
        )
        row = z_reports.store_z(
            self.ctx.db,
            register_id=self.ctx.register_id,
            z_no=z_no,
            business_date=day,
            first_transaction_no=report.extras.first_transaction_no,
            last_transaction_no=report.extras.last_transaction_no,
            employee_id=user.id if user else None,
            report_json=report.model_dump_json(),
            at=self.ctx.now(),
            event_code=SAFT_EVENT_CODE[Event.Z_REPORT],
            event=Event.Z_REPORT.value,
        )
        self.ctx.journaled.emit(Event.Z_REPORT)
        if print_it:
            self.print_report(report, user)
        return row, report

    def stored(self, limit: int = 60) -> list[tuple[ZRow, XZReport]]:
        rows = z_reports.list_z(self.ctx.db, self.ctx.register_id, limit)
        return [(row, parse_report(row.report_json)) for row in rows]

    # -- printing -----------------------------------------------------------------------------

    def print_report(self, report: XZReport, user: UserView | None = None) -> int:
        """Through the print service (stored first, so a paper-out waits for the reprint)."""
        fmt = self.ctx.formatter
        currency = report.extras.currency
        when = f"{report.report_date} {report.report_time}"
        job = layout_xz(
            report, self.ctx.locale, self.ctx.printer.columns,
            lambda minor: fmt.amount(Money(minor, currency)), when,
            run_by=f"{user.employee_no} {user.name}" if user else "",
        )  # fmt: skip
        job_id = printing.enqueue(self.ctx.db, "report", job_to_data(job))
        self.ctx.printer.submit(job_id)
        return job_id


class ReportWarmer:
    """Sums finished blocks of transactions in the background (pos.reports.xz_aggregate), so
    an X or Z at the end of a busy day reads a hundred cached sums instead of every line."""

    def __init__(self, ctx: TillContext, interval_s: float = 60.0) -> None:
        self.ctx = ctx
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="report-warmer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                warm_blocks(self.ctx.db, self.ctx.register_id)
            except Exception:  # a cache: never let it disturb the till
                log.exception("warming report blocks failed")
