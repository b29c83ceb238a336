"""Z report over 100,000 sales (issue 7: <= 1 s), against bare SUMs over the same rows.

The database is built once per run: 1,000 sales committed through the real commit path (five
lines each, cash or card, spread over the day, three employees, departments on the lines),
then copied with shifted keys in bulk until it holds N sales (quick: 20,000). The bulk copy
sums no blocks, like a file an older Kassa filled; it is then opened as after a software
upgrade. The report is computed the way the till does (pos.reports.xz_report.compute_report);
the baseline is one bare SUM per table over the very rows the report reads. Every line
carries os.getloadavg() at the time it was measured.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import Result, Timer, bench_dir, benchmark, ns_to_ms, percentile, result, sample_ns

from pos.reports.xz_report import ReportRequest, compute_report
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


def look_like_an_older_kassa(path: Path) -> None:
    """Turn the built file into one an older Kassa left behind (schema 0005_shifts, nothing
    summed): the next open_database is an upgrade, as on a till after a software update."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("DROP INDEX IF EXISTS ix_sales_original_sale_id")  # what 0006 adds
    con.execute("UPDATE alembic_version SET version_num = '0005_shifts'")
    con.execute("DELETE FROM report_blocks")
    con.close()


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _commit_cost(work: Path, n: int) -> dict[str, float]:
    """Sale commit p50 with the block hook (pos.store.report_blocks.fill_in) and without it,
    interleaved in rounds of 100 on two files; and the one commit in BLOCK that sums a block."""
    from pos.store import report_blocks, sales

    hooked, bare = open_database(work / "commit-hook.db"), open_database(work / "commit-bare.db")
    start = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    times: dict[str, list[int]] = {"hook": [], "bare": [], "filling": []}
    real = sales.fill_report_block
    try:
        for i in range(0, n, 100):
            for db, kind in ((hooked, "hook"), (bare, "bare")):
                sales.fill_report_block = real if kind == "hook" else _no_hook  # type: ignore
                for k in range(i, i + 100):
                    sale = sample_sale(REGISTER, closed_at=start + timedelta(seconds=k),
                                       employee_id=1)
                    with Timer() as t:
                        done = commit_sale(db, sale)
                    fills = kind == "hook" and done.transaction_no % report_blocks.BLOCK == 0
                    times["filling" if fills else kind].append(t.ns)
    finally:
        sales.fill_report_block = real  # type: ignore[assignment]
        hooked.close()
        bare.close()
    return {"commit_p50_ms": round(percentile(50, times["hook"]) / 1e6, 3),
            "commit_without_hook_p50_ms": round(percentile(50, times["bare"]) / 1e6, 3),
            "commit_p99_ms": round(percentile(99, times["hook"]) / 1e6, 3),
            "block_filling_commit_ms": round(max(times["filling"], default=0) / 1e6, 2),
            "commits_each": len(times["bare"])}


def _no_hook(*_args: object) -> None:
    return None


@benchmark("z_report", goal="<= 1 s", unit="s")
def z_report(quick: bool) -> list[Result]:
    """Three lines, each against bare SUMs over the same rows in the same run: the Z right
    after a software upgrade of a database an older Kassa filled with n sales (open_database
    migrates and sums the finished blocks before the till is ready; the Z sums only the last
    partial block), the same Z's upgrade cost, and the Z with nothing summed (the cold path
    this makes unreachable, kept as the reference)."""
    n = 20_000 if quick else 100_000
    work = bench_dir()
    path = work / "reports.db"
    try:
        with Timer() as built:
            build(path, n)
        request = ReportRequest(
            "Z", REGISTER, "999999999", "Bench AS", "NOK", "Europe/Oslo",
            datetime(2026, 11, 23, 22, 0, tzinfo=UTC), z_no=1,
        )  # fmt: skip
        db = open_database(path)
        cold_report = compute_report(db, request, use_cache=False)  # warms the page cache
        assert cold_report.extras.last_transaction_no == n, cold_report.extras
        rounds = 3 if quick else 5
        load_cold = _load()
        cold = sample_ns(lambda: compute_report(db, request, use_cache=False), rounds)
        db.close()
        look_like_an_older_kassa(path)
        load_upgrade = _load()
        with Timer() as upgrading:
            db = open_database(path)  # backup, migration, blocks summed: as the till starts
        with Timer() as first:  # the first Z after the upgrade, as the till runs it
            first_report = compute_report(db, request)
        assert first_report == cold_report  # the sums change nothing
        load_warm = _load()
        warm = sample_ns(lambda: compute_report(db, request), rounds)
        db.close()
        baseline = percentile(50, sample_ns(lambda: bare_sums(path), rounds, warmup=1)) / 1e9
        commits = _commit_cost(work, 1100 if quick else 3100)
        name = "bare SUM over sales, lines, payments, VAT (same rows)"
        size = f"{n // 1000}k"
        sizes = {"sales": n, "lines": n * 5, "build_s": round(built.ns / 1e9, 1)}
        return [
            result(f"z_report_{size}_after_upgrade_s", first.ns / 1e9, n=1,
                   baseline=baseline, baseline_name=name,
                   sizes={**sizes, "loadavg": load_upgrade, **commits},
                   notes=f"first Z after the upgrade; p50 of {rounds} more "
                         f"{percentile(50, warm) / 1e9:.3f} s (load {load_warm}); the upgrade "
                         f"(backup + migration + summing the blocks) took "
                         f"{upgrading.ns / 1e9:.1f} s once"),
            result(f"z_report_{size}_upgrade_open_s", upgrading.ns / 1e9, n=1, goal="<= 60 s",
                   baseline=baseline, baseline_name=name,
                   sizes={**sizes, "loadavg": load_upgrade},
                   notes="open_database of the older file: backup, migration to head, and "
                         "report_blocks.warm_missing (once, before the till is ready)"),
            result(f"z_report_{size}_nothing_summed_s", percentile(50, cold) / 1e9, n=rounds,
                   baseline=baseline, baseline_name=name,
                   sizes={**sizes, "loadavg": load_cold},
                   notes=f"reference: every row summed now (unreachable on a till since "
                         f"blocks are summed at commit and on upgrade); max "
                         f"{ns_to_ms(max(cold)):.0f} ms; receipts "
                         f"{cold_report.report_receipt_num}, training "
                         f"{cold_report.report_training_num}"),
        ]  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
