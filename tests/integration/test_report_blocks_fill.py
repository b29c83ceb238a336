"""No cold Z: a block's sums are made by the commit that fills it, and once after a schema
upgrade for the blocks an older Kassa filled (pos.store.report_blocks)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.reports import xz_aggregate
from pos.reports.xz_report import ReportRequest, compute_report
from pos.store import open_database, report_blocks, z_reports
from pos.store.db import Database
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

DAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_blocks, "BLOCK", 4)  # the commit hook and the upgrade
    monkeypatch.setattr(xz_aggregate, "BLOCK", 4)  # the report's split into blocks


def sell(db: Database, start: int, n: int) -> None:
    for i in range(start, start + n):
        commit_sale(db, sample_sale(
            "R1", closed_at=DAY + timedelta(minutes=7 * i), employee_id=1 + i % 2,
            tender=("cash", "card")[i % 2], kind="return" if i % 11 == 0 else "sale",
            training=i % 13 == 0, items=(0, 1 + i % 4),
        ))  # fmt: skip


def blocks(db: Database) -> list[int]:
    with db.read() as con:
        return [b for (b,) in con.execute(
            "SELECT block_no FROM report_blocks WHERE register_id = 'R1' ORDER BY block_no")]


def request(z_no: int = 1) -> ReportRequest:
    return ReportRequest("Z", "R1", "999999999", "Firma AS", "NOK", "Europe/Oslo",
                         DAY + timedelta(days=z_no - 1, hours=12), z_no=z_no)  # fmt: skip


def test_the_commit_that_fills_a_block_sums_it(tmp_path: Path) -> None:
    db = open_database(tmp_path / "till.db")
    sell(db, 0, 11)
    assert blocks(db) == [0, 1]  # 1-4 and 5-8; 9-11 is not full yet
    sell(db, 11, 1)
    assert blocks(db) == [0, 1, 2]
    cold = compute_report(db, request(), use_cache=False)
    with db.read() as con:  # what the hook stored is what a report would have summed
        for block in (0, 1, 2):
            (text,) = con.execute("SELECT data_json FROM report_blocks WHERE block_no = ?",
                                  (block,)).fetchone()
            assert text == report_blocks.block_json(
                report_blocks.aggregate_range(con, 1, block * 4 + 1, block * 4 + 4), 4)
    assert compute_report(db, request()) == cold
    db.close()


def test_an_upgrade_sums_the_blocks_an_older_kassa_left_and_only_after_the_last_z(
        tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    db = open_database(path)
    sell(db, 0, 6)
    first = compute_report(db, request(1))
    z_reports.store_z(db, register_id="R1", z_no=1, business_date="2026-11-23",
                      first_transaction_no=1, last_transaction_no=6, employee_id=None,
                      report_json=first.model_dump_json(), at=DAY + timedelta(hours=12),
                      event_code="13009", event="z_report")  # fmt: skip
    sell(db, 6, 13)  # transactions 7..19: blocks 2, 3 and 4 (9-12, 13-16, 17-20 not full)
    cold = compute_report(db, request(2), use_cache=False)
    db.close()
    con = sqlite3.connect(path, isolation_level=None)  # as an older Kassa left it
    con.execute("DELETE FROM report_blocks")
    con.execute("DROP INDEX ix_sales_original_sale_id")  # 0006
    con.execute("DROP TABLE price_list_prices")  # 0007
    con.execute("DROP TABLE price_lists")
    con.execute("DROP TABLE pickup_orders")  # 0008
    con.execute("UPDATE alembic_version SET version_num = '0005_shifts'")
    con.close()

    db = open_database(path)  # the upgrade: migrated, then the open period's blocks summed
    assert blocks(db) == [2, 3]  # block 1 (5-8) straddles the Z: the report sums it live
    assert compute_report(db, request(2)) == cold
    assert report_blocks.warm_missing(db) == 0  # nothing left to do
    with db.write() as con:
        con.execute("DELETE FROM report_blocks WHERE block_no = 3")
    db.close()
    db = open_database(path)  # an ordinary start (no upgrade) pays nothing
    assert blocks(db) == [2]
    assert compute_report(db, request(2)) == cold  # the report sums the missing block live
    db.close()
