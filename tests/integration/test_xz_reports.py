"""X and Z reports on the demo till: numbering, ranges, training, printing, the journal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.app.demo import Demo, start_demo
from pos.app.xz_reports import ReportService, ZReportError
from pos.core.money import Money
from pos.reports.xz_model import parse_report
from pos.store import journal, z_reports
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

DAY1 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    demo.till.ctx.now = lambda: DAY1
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


def sell(demo: Demo, n: int, *, at: datetime, training: bool = False, kind: str = "sale",
         tender: str = "card") -> int:
    total = 0
    for i in range(n):
        record = sample_sale("1", closed_at=at + timedelta(minutes=i), training=training,
                             kind=kind, tender=tender, items=(0, 3))
        commit_sale(demo.till.ctx.db, record)
        total += record.total_minor
    return total


def test_x_resets_nothing_and_z_runs_once_a_day(demo: Demo) -> None:
    ctx = demo.till.ctx
    manager = demo.till.login("9", "9999")
    reports = ReportService(ctx)
    sold = sell(demo, 3, at=DAY1)
    returned = -sell(demo, 1, at=DAY1, kind="return")
    training = sell(demo, 2, at=DAY1, training=True)

    x1, x2 = reports.x_report(manager), reports.x_report(manager, print_it=True)
    assert x1.report_receipt_num == x2.report_receipt_num == 4
    assert x1.report_grand_total_sales == sold
    assert x1.report_training_num == 2 and x1.report_training_amnt == training

    row, z = reports.z_report(manager)
    assert (row.z_no, row.business_date) == (1, "2026-11-23")
    assert (row.first_transaction_no, row.last_transaction_no) == (1, 6)
    assert z.report_type == "Z report" and z.report_id == "1"
    assert z.report_grand_total_sales == sold and z.report_grand_total_return == returned
    assert z.report_grand_total_sales_net == sold - returned  # training left out
    assert z.report_return_num == 1 and z.report_return_amnt == returned
    assert sum(p.payment_amnt for p in z.report_payments) == sold - returned
    assert sum(v.cash_sale_amnt + v.vat_amnt for v in z.report_cash_sales_vat) == sold - returned
    assert parse_report(row.report_json) == z

    with pytest.raises(ZReportError) as twice:
        reports.z_report(manager)
    assert twice.value.code == "z_already_run"
    assert len(z_reports.list_z(ctx.db, "1")) == 1

    # The journal holds each X (13008) and the Z (13009) in full.
    entries = journal.entries(ctx.db, "1", limit=10_000)
    assert [e.event_code for e in entries if e.event == "x_report"] == ["13008", "13008"]
    (z_entry,) = [e for e in entries if e.event == "z_report"]
    assert z_entry.event_code == "13009" and z_entry.payload["report"] == json.loads(
        row.report_json
    )
    assert journal.verify_journal(ctx.db, "1").ok
    # Printed on the receipt printer: the X asked for and the Z.
    printed = demo.printer.wait_for_receipts(2, timeout=10)
    assert any("X-RAPPORT" in text for text in printed)
    assert any("Z-RAPPORT Nr. 1" in text for text in printed)


def test_next_day_z_continues_the_numbers_and_the_grand_totals(demo: Demo) -> None:
    ctx = demo.till.ctx
    manager = demo.till.login("9", "9999")
    reports = ReportService(ctx)
    day1 = sell(demo, 2, at=DAY1)
    first, _ = reports.z_report(manager, print_it=False)
    day2_at = DAY1 + timedelta(days=1)
    ctx.now = lambda: day2_at
    x = reports.x_report(manager)
    assert x.report_receipt_num == 0 and x.extras.first_transaction_no is None  # period is empty
    day2 = sell(demo, 3, at=day2_at)
    second, z2 = reports.z_report(manager, print_it=False)
    assert second.z_no == first.z_no + 1
    assert second.first_transaction_no == (first.last_transaction_no or 0) + 1
    assert z2.report_receipt_num == 3
    assert z2.report_total_cash_sales.total_cash_sale_amnt == day2
    assert z2.report_grand_total_sales == day1 + day2
    # A day without sales still gets its Z, and the next one starts after the last covered.
    ctx.now = lambda: DAY1 + timedelta(days=2)
    empty, z3 = reports.z_report(manager, print_it=False)
    assert empty.first_transaction_no is None and z3.report_grand_total_sales == day1 + day2
    ctx.now = lambda: DAY1 + timedelta(days=3)
    sell(demo, 1, at=DAY1 + timedelta(days=3))
    fourth, _ = reports.z_report(manager, print_it=False)
    assert fourth.first_transaction_no == (second.last_transaction_no or 0) + 1


def test_z_counts_cash_floats_movements_and_journal_events(demo: Demo) -> None:
    from pos.app.shifts import ShiftService

    ctx = demo.till.ctx
    cashier = demo.till.login("1", "1234")
    shifts = ShiftService(ctx)
    shifts.open(cashier, {10_000: 1})
    checkout = demo.till.checkout
    assert checkout is not None
    gtin = ctx.search("melk")[0].gtin
    assert gtin
    checkout.scan(gtin)
    other = ctx.search("brød")[0].gtin
    assert other
    checkout.scan(other)
    checkout.void_line(checkout.cart.lines[-1].line_id)
    done = checkout.pay_cash(Money(5_000, "NOK"))
    assert done is not None
    checkout.next_sale()
    demo.till.reprint_last()
    supervisor = demo.till.approve("2", "2222")
    demo.till.open_drawer(supervisor)
    shifts.move_cash(cashier, "drop", 1_000, "safe")
    shifts.move_cash(cashier, "pay_in", 500, "coins")
    z = ReportService(ctx).x_report(cashier)
    assert z.report_opening_change_float == 10_000
    assert z.report_emp_opening_change_floats is not None
    assert z.report_emp_opening_change_floats[0].emp_id == "1"
    assert z.report_open_cash_box_num == 1
    assert z.report_receipt_copy_num == 1
    assert z.report_receipt_copy_amnt == done.receipt.total.minor
    (corr,) = z.report_corr_lines
    assert (corr.corr_line_type, corr.corr_line_num) == ("Delete line", 1)
    assert z.report_pay_ins is not None and z.report_pay_ins[0].pay_in_amnt == 500
    assert z.extras.cash_drops_amnt == 1_000
    cash = (done.receipt.total.minor + 50) // 100 * 100
    assert z.extras.expected_cash_amnt == 10_000 + cash + 500 - 1_000
    assert z.extras.open_shifts  # the cashier's shift is still open: flagged on the report
    (group,) = z.report_art_groups
    assert group.art_group_num == 1000 and group.art_group_id != "None"
