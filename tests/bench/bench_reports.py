"""Z report over 100,000 sales (issue 7: <= 1 s), against bare SUMs over the same rows.

The database is built once per run: 1,000 sales committed through the real commit path (five
lines each, cash or card, spread over the day, three employees, departments on the lines),
then copied with shifted keys in bulk until it holds N sales (quick: 20,000). The report is
computed the way the till does (pos.reports.xz_report.compute_report); the baseline is one
bare SUM per table over the very rows the report reads.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import Result, Timer, bench_dir, benchmark, ns_to_ms, percentile, result, sample_ns

from pos.reports.xz_report import ReportRequest, compute_report, warm_blocks
from pos.store.db import open_database
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

SEED = 1_000
DEPARTMENTS = ("Meieri", "Bakeri", "Kolonial", "Husholdning", "Frukt og grønt")
REGISTER = "R1"


def build(path: Path, n: int) -> None:
    db = open_database(path)
    start = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    for i in range(SEED):
        at = start + timedelta(seconds=i * 50)  # 07:00 to 20:50
        commit_sale(db, sample_sale(
            REGISTER, closed_at=at, employee_id=1 + i % 3, tender="cash" if i % 3 else "card",
            kind="return" if i % 97 == 0 else "sale", training=i % 211 == 0,
        ))  # fmt: skip
    db.close()
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("BEGIN")
    con.execute(
        "UPDATE sale_lines SET department = CASE substr(sku, 1, 1) WHEN '1' THEN ? "
        "WHEN '2' THEN ? ELSE ? END", DEPARTMENTS[:3],
    )  # fmt: skip
    for k in range(1, n // SEED):
        off = k * SEED
        con.execute(
            "INSERT INTO sales SELECT sale_key + ?1, id || '-' || ?2, company_org_no, store_id, "
            "register_id, transaction_no + ?1, kind, training, employee_id, opened_at, "
            "closed_at, currency, total_minor, net_minor, vat_minor, rounding_minor, "
            "change_minor, signature, key_version, receipt_no, original_sale_id, "
            "journal_entry_no, outbox_seq FROM sales WHERE transaction_no <= ?3",
            (off, k, SEED),
        )
        shifted = off << 16
        con.execute(
            "INSERT INTO sale_lines SELECT line_key + ?1, sale_id || '-' || ?2, line_no, "
            "product_id, sku, gtin, name, department, quantity_milli, unit, unit_price_minor, "
            "original_price_minor, override_reason, discount_minor, discount_reason, "
            "total_minor, vat_code, vat_rate_bp, vat_minor, net_minor, voided FROM sale_lines "
            "WHERE line_key >> 16 & 68719476735 <= ?3",
            (shifted, k, SEED),
        )
        con.execute(
            "INSERT INTO sale_payments SELECT payment_key + ?1, sale_id || '-' || ?2, seq, "
            "tender, saft_payment_code, amount_minor, reference FROM sale_payments "
            "WHERE payment_key >> 16 & 68719476735 <= ?3",
            (shifted, k, SEED),
        )
        con.execute(
            "INSERT INTO sale_vat SELECT vat_key + ?1, sale_id || '-' || ?2, vat_code, rate_bp, "
            "gross_minor, net_minor, vat_minor FROM sale_vat "
            "WHERE vat_key >> 16 & 68719476735 <= ?3",
            (shifted, k, SEED),
        )
    con.execute("COMMIT")
    con.close()


def bare_sums(db_path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(db_path)
    tables = (("sales", "total_minor"), ("sale_lines", "total_minor"),
              ("sale_payments", "amount_minor"), ("sale_vat", "vat_minor"))
    for table, column in tables:
        con.execute(f"SELECT count(*), sum({column}) FROM {table}").fetchone()
    con.close()


@benchmark("z_report", goal="<= 1 s", unit="s")
def z_report(quick: bool) -> list[Result]:
    """Two lines: the Z as the till runs it (finished blocks of 1,024 transactions already
    summed by the background warmer, pos.app.xz_reports.ReportWarmer; the last partial block
    summed now), and the cold Z that sums every row (a till that never idled all day)."""
    n = 20_000 if quick else 100_000
    work = bench_dir()
    path = work / "reports.db"
    try:
        with Timer() as built:
            build(path, n)
        db = open_database(path)
        request = ReportRequest(
            "Z", REGISTER, "999999999", "Bench AS", "NOK", "Europe/Oslo",
            datetime(2026, 11, 23, 22, 0, tzinfo=UTC), z_no=1,
        )  # fmt: skip
        cold_report = compute_report(db, request, use_cache=False)  # warms the page cache
        assert cold_report.extras.last_transaction_no == n, cold_report.extras
        rounds = 3 if quick else 5
        cold = sample_ns(lambda: compute_report(db, request, use_cache=False), rounds)
        with Timer() as warming:
            warm_blocks(db, REGISTER)
        # n is not a multiple of the block: the last partial block is summed live, as on a till.
        warm = sample_ns(lambda: compute_report(db, request), rounds)
        assert compute_report(db, request) == cold_report  # the cache changes nothing
        db.close()
        baseline = percentile(50, sample_ns(lambda: bare_sums(path), rounds, warmup=1)) / 1e9
        name = "bare SUM over sales, lines, payments, VAT (same rows)"
        size = f"{n // 1000}k"
        sizes = {"sales": n, "lines": n * 5, "build_s": round(built.ns / 1e9, 1)}
        return [
            result(f"z_report_{size}_s", percentile(50, warm) / 1e9, n=rounds,
                   baseline=baseline, baseline_name=name, sizes=sizes,
                   notes=f"finished blocks summed in the background "
                         f"({warming.ns / 1e9:.1f} s once); max {ns_to_ms(max(warm)):.0f} ms"),
            result(f"z_report_{size}_cold_s", percentile(50, cold) / 1e9, n=rounds,
                   baseline=baseline, baseline_name=name, sizes=sizes,
                   notes=f"every row summed now; max {ns_to_ms(max(cold)):.0f} ms; receipts "
                         f"{cold_report.report_receipt_num}, training "
                         f"{cold_report.report_training_num}"),
        ]  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
