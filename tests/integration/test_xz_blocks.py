"""The block cache of report sums changes nothing: cached and cold reports are equal, across
block edges, Z boundaries and training, returns and mixed tenders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.reports import xz_aggregate
from pos.reports.xz_report import ReportRequest, compute_report, warm_blocks
from pos.store import open_database, z_reports
from pos.store.db import Database
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

DAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def sell(db: Database, start: int, n: int) -> None:
    for i in range(start, start + n):
        commit_sale(db, sample_sale(
            "R1", closed_at=DAY + timedelta(minutes=7 * i), employee_id=1 + (i // 5) % 2,
            tender=("cash", "card")[i % 2], kind="return" if i % 11 == 0 else "sale",
            training=i % 13 == 0, items=(0, 1 + i % 4),
        ))  # fmt: skip


def request(z_no: int, at: datetime = DAY) -> ReportRequest:
    return ReportRequest("Z", "R1", "999999999", "Firma AS", "NOK", "Europe/Oslo",
                         at + timedelta(hours=12), z_no=z_no)  # fmt: skip


def test_cached_blocks_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xz_aggregate, "BLOCK", 4)  # many block edges in a few sales
    db = open_database(tmp_path / "till.db")
    sell(db, 0, 23)
    cold = compute_report(db, request(1), use_cache=False)
    assert warm_blocks(db, "R1") == 5  # 23 sales: five whole blocks, three live
    assert compute_report(db, request(1)) == cold
    assert warm_blocks(db, "R1") == 0  # already there

    z_reports.store_z(db, register_id="R1", z_no=1, business_date="2026-11-23",
                      first_transaction_no=1, last_transaction_no=23, employee_id=None,
                      report_json=cold.model_dump_json(), at=DAY + timedelta(hours=12),
                      event_code="13009", event="z_report")  # fmt: skip
    sell(db, 23, 17)  # the next period starts mid-block
    second_cold = compute_report(db, request(2, DAY + timedelta(days=1)), use_cache=False)
    warm_blocks(db, "R1")
    second = compute_report(db, request(2, DAY + timedelta(days=1)))
    assert second == second_cold
    assert second.extras.first_transaction_no == 24 and second.report_receipt_num > 0
    assert second.report_grand_total_sales == (
        cold.report_grand_total_sales + second.report_total_cash_sales.total_cash_sale_amnt
        + second.report_return_amnt
    )
    db.close()


def test_blocks_split_a_range_into_whole_blocks_and_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xz_aggregate, "BLOCK", 4)
    assert xz_aggregate.blocks_in(3, 14) == ([1, 2], [(3, 4), (13, 14)])
    assert xz_aggregate.blocks_in(1, 4) == ([0], [])
    assert xz_aggregate.blocks_in(5, 4) == ([], [])
    assert xz_aggregate.block_range(2) == (9, 12)
