"""The guided end of day: open shifts block (or are flagged), steps resume, never twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos.app.demo import Demo, start_demo
from pos.app.end_of_day import EndOfDay, EndOfDayError
from pos.app.shifts import ShiftService
from pos.app.xz_reports import ReportService, ZReportError
from pos.store import journal, z_reports
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

NOW = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    demo.till.ctx.now = lambda: NOW
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


def test_open_shifts_block_until_flagged_then_the_day_closes_once(demo: Demo) -> None:
    ctx = demo.till.ctx
    cashier = demo.till.login("1", "1234")
    shift = ShiftService(ctx).open(cashier, {10_000: 1})
    commit_sale(ctx.db, sample_sale("1", closed_at=NOW))
    manager = demo.till.login("9", "9999")
    with pytest.raises(EndOfDayError) as not_manager:
        EndOfDay(ctx).start(cashier)
    assert not_manager.value.code == "manager_only"

    flow = EndOfDay(ctx)
    state = flow.run_all(manager)
    assert state.status == "running" and flow.next_step(state) == "shifts"
    blocked = state.steps["shifts"]
    assert blocked["status"] == "blocked" and blocked["data"]["open"][0]["id"] == shift.id
    assert z_reports.list_z(ctx.db, "1") == []  # nothing past the blocked step

    state = flow.run_all(manager, flag_open=True)
    assert state.status == "done"
    steps = state.steps
    assert steps["shifts"]["status"] == "flagged"
    # Until pos.app.card_reconcile lands (or with no terminal): a marked, skipped step.
    assert steps["card"]["status"] in ("skipped", "done")
    if steps["card"]["status"] == "skipped":
        assert steps["card"]["note"].startswith("no card terminal configured")
    assert steps["z"]["status"] == "done" and steps["z"]["data"] == {"z_no": 1}
    assert steps["hub"]["note"] == "no hub configured"
    assert steps["saft"]["status"] in ("done", "skipped")
    still_open = ShiftService(ctx).current(cashier)
    assert still_open is not None and still_open.flagged_at is not None  # flagged, not closed

    with pytest.raises(EndOfDayError) as again:
        EndOfDay(ctx).run_all(manager)
    assert again.value.code == "already_done"
    with pytest.raises(ZReportError) as second_z:
        ReportService(ctx).z_report(manager)
    assert second_z.value.code == "z_already_run"
    assert len(z_reports.list_z(ctx.db, "1")) == 1
    assert demo.printer.wait_for(
        lambda p: any("Z-RAPPORT" in text for text in p.receipts), timeout=10
    )
    assert journal.verify_journal(ctx.db, "1").ok


def test_a_till_that_died_half_way_resumes_without_a_second_z(demo: Demo) -> None:
    ctx = demo.till.ctx
    manager = demo.till.login("9", "9999")
    commit_sale(ctx.db, sample_sale("1", closed_at=NOW))
    first = EndOfDay(ctx)
    first.run_step(manager, "shifts")
    first.run_step(manager, "card")
    # The Z was stored, then the till died before the flow saved the step.
    ReportService(ctx).z_report(manager, print_it=False)

    resumed = EndOfDay(ctx)  # a fresh start of the till
    state = resumed.start(manager)
    assert resumed.next_step(state) == "z"
    state = resumed.run_all(manager)
    assert state.status == "done"
    assert state.steps["z"]["note"] == "Z 1 already stored, printed again"
    assert [z.z_no for z in z_reports.list_z(ctx.db, "1")] == [1]
    assert demo.printer.wait_for(
        lambda p: any("Z-RAPPORT Nr. 1" in text for text in p.receipts), timeout=10
    )
