"""Fiscal numbers (issue 7): what signing adds to a sale commit, and the SAF-T export of a
busy store's year.

    python tests/bench/run.py --only fiscal_sign_overhead saft_export [--quick]
    python tests/bench/bench_fiscal.py --transactions 1000000   # the export alone, full size

- sign_overhead_ms: p50 of a durable sale commit signed with RSA-SHA1-1024 (the till's signer,
  inside the commit transaction) minus p50 of the same commit unsigned, interleaved in one run
  on one database; baseline = the unsigned commit (ratio = overhead / unsigned commit).
- saft_export_s / saft_export_rss_mb: `export_saft` of N transactions (3 lines, 1 payment, 2 VAT
  rates each, one journal entry each with a valid hash chain), in a child process so its peak
  RSS is its own; baseline = the same child reading the same rows bare (sqlite3 cursors, no
  XML). The rows are generated with bulk SQL, not through the UI. Full run: 1,000,000; --quick:
  20,000 (the goal is stated for a million).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for entry in (str(ROOT), str(HERE)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

from common import bench_dir, benchmark, ns_to_ms, percentile, result  # noqa: E402

FULL, QUICK = 1_000_000, 20_000
START = "2025-01-01T00:00:00"  # one sale every 30 s from here: a million fill 347 days


# -- signing overhead -----------------------------------------------------------------------------


@benchmark("fiscal_sign_overhead", goal="<= 2 ms", unit="ms")
def sign_overhead(quick: bool) -> list[dict[str, object]]:
    import time

    from pos.reports.signing import ReceiptSigner, generate_rsa_pem, load_rsa_private_key
    from pos.store.db import open_database
    from pos.store.sales import commit_sale
    from pos.store.samples import sample_sale

    rounds = 150 if quick else 1000
    signer = ReceiptSigner.rsa(load_rsa_private_key(generate_rsa_pem()), 1, "Europe/Oslo")
    with tempfile.TemporaryDirectory(dir=bench_dir()) as tmp:
        db = open_database(Path(tmp) / "till.db")
        try:
            signed: list[int] = []
            unsigned: list[int] = []
            sales = [sample_sale("S") for _ in range(rounds + 20)]
            plain = [sample_sale("U") for _ in range(rounds + 20)]
            for i in range(rounds + 20):  # interleaved, alternating which goes first
                order = ((sales[i], signer, signed), (plain[i], None, unsigned))
                for sale, with_signer, samples in order if i % 2 else order[::-1]:
                    start = time.perf_counter_ns()
                    commit_sale(db, sale, signer=with_signer)
                    if i >= 20:  # warm-up rounds dropped
                        samples.append(time.perf_counter_ns() - start)
            sign_only = []
            for sale in sales[:200]:
                start = time.perf_counter_ns()
                signer.sign_text(f"0;2026-11-23;12:00:00;{sale.id[:8]};100.00;80.00")
                sign_only.append(time.perf_counter_ns() - start)
        finally:
            db.close()
    s50, u50 = ns_to_ms(percentile(50, signed)), ns_to_ms(percentile(50, unsigned))
    return [
        result("sign_overhead_ms", s50 - u50, n=rounds, baseline=u50,
               baseline_name="unsigned durable sale commit p50, same run",
               notes=f"signed commit p50 {s50:.3f} ms, unsigned {u50:.3f} ms, "
                     f"signed p99 {ns_to_ms(percentile(99, signed)):.3f} ms"),
        result("rsa_sha1_1024_sign_p50_ms", ns_to_ms(percentile(50, sign_only)), n=200,
               goal="<= 2 ms", baseline=u50, baseline_name="unsigned durable sale commit p50"),
    ]


# -- SAF-T export ---------------------------------------------------------------------------------


def generate(path: Path, n: int) -> None:
    """A till database with n sales on register "1", built with bulk SQL (and the journal's
    hash chain in Python: it must verify, or the export would stop checking after entry 1)."""
    from pos.store.db import open_database
    from pos.store.journal import GENESIS_HASH, canonical_fields

    open_database(path, background_checkpoint=False).close()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("BEGIN")
    con.execute("INSERT INTO registers (no, register_id) VALUES (1, '1')")
    con.execute("INSERT INTO departments (id, name) VALUES (1, 'Meieri'), (2, 'Bakeri')")
    con.executemany(
        "INSERT INTO users (id, employee_no, name, role, pin_hash, active) VALUES (?,?,?,?,'x',1)",
        [(1, "1", "Kari Nordmann", "cashier"), (2, "2", "Ola Hansen", "supervisor"),
         (3, "9", "Marit Berg", "manager")])
    con.executemany(
        "INSERT INTO products (id, sku, name, department_id, price_minor, currency, vat_code, "
        "sold_by, active) VALUES (?,?,?,?,?, 'NOK', ?, 'unit', 1)",
        [(i, f"P{i:04d}", f"Vare {i}", 1 + i % 2, 1000 + i, "31" if i % 3 else "3")
         for i in range(1, 501)])
    con.execute(f"""
        CREATE TEMP TABLE gen AS WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL
          SELECT n + 1 FROM c WHERE n < {n})
        SELECT n, 1000 + (n * 7) % 9000 AS p1, 1500 + (n * 11) % 9000 AS p2,
               2000 + (n * 13) % 9000 AS p3,
               strftime('%Y-%m-%dT%H:%M:%S.000000Z', '{START}', '+' || (n * 30) || ' seconds')
                 AS ts FROM c""")
    con.execute("""CREATE TEMP TABLE amounts AS SELECT n, p1, p2, p3, ts,
        (p1 * 1500 + 5750) / 11500 AS v1, (p2 * 1500 + 5750) / 11500 AS v2,
        (p3 * 2500 + 6250) / 12500 AS v3 FROM gen""")
    con.execute("""INSERT INTO sales SELECT (1 << 36) | n, 'sale-' || n, '923609016', 'demo',
        '1', n, 'sale', 0, 1 + n % 3, ts, ts, 'NOK', p1 + p2 + p3, p1 + p2 + p3 - v1 - v2 - v3,
        v1 + v2 + v3, 0, 0, 'sig' || hex(randomblob(64)), 1, CAST(n AS TEXT), NULL, n, n
        FROM amounts""")
    for line, price, vat, code, rate, sku in (
        (1, "p1", "v1", "31", 1500, "(n * 7) % 500 + 1"),
        (2, "p2", "v2", "31", 1500, "(n * 11) % 500 + 1"),
        (3, "p3", "v3", "3", 2500, "(n * 13) % 500 + 1"),
    ):
        con.execute(f"""INSERT INTO sale_lines SELECT (((1 << 36) | n) << 16) | {line},
            'sale-' || n, {line}, {sku}, printf('P%04d', {sku}), NULL, 'Vare ' || ({sku}),
            'Meieri', 1000, 'pcs', {price}, NULL, NULL, 0, NULL, {price}, '{code}', {rate},
            {vat}, {price} - {vat}, 0 FROM amounts""")
    con.execute("""INSERT INTO sale_payments SELECT (((1 << 36) | n) << 16) | 1, 'sale-' || n,
        1, 'card', '12002', p1 + p2 + p3, 'BAX ' || n FROM amounts""")
    con.execute("""INSERT INTO sale_vat SELECT (((1 << 36) | n) << 16), 'sale-' || n, '31',
        1500, p1 + p2, p1 + p2 - v1 - v2, v1 + v2 FROM amounts""")
    con.execute("""INSERT INTO sale_vat SELECT (((1 << 36) | n) << 16) | 1, 'sale-' || n, '3',
        2500, p3, p3 - v3, v3 FROM amounts""")
    prev = GENESIS_HASH
    batch = []
    for no, ts, total in con.execute("SELECT n, ts, p1 + p2 + p3 FROM amounts ORDER BY n"):
        payload = (f'{{"currency":"NOK","kind":"sale","lines":3,"receipt_no":"{no}",'
                   f'"total_minor":{total}}}')
        emp = 1 + no % 3
        text = canonical_fields("1", no, ts, emp, "13012", "sale_committed", no, f"sale-{no}",
                                payload)
        digest = hashlib.sha256((prev + text).encode()).hexdigest()
        batch.append(((1 << 36) | no, "1", no, ts, emp, "13012", "sale_committed", no,
                      f"sale-{no}", payload, prev, digest))
        prev = digest
        if len(batch) == 50_000:
            _insert_journal(con, batch)
    _insert_journal(con, batch)
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _insert_journal(con: sqlite3.Connection, batch: list[tuple[object, ...]]) -> None:
    con.executemany("INSERT INTO journal VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    batch.clear()


_CHILD = r"""
import json, sqlite3, sys, time
from datetime import date
from pathlib import Path
db_path, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
if mode == "bare":
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = 0
    for sql in ("SELECT * FROM sales", "SELECT * FROM sale_lines", "SELECT * FROM sale_payments",
                "SELECT * FROM sale_vat", "SELECT * FROM journal"):
        for _row in con.execute(sql):
            rows += 1
    extra = {"rows": rows}
else:
    from pos.reports.saft import Identity, Period, export_saft
    from pos.store.db import open_database
    db = open_database(db_path, check_integrity=False, background_checkpoint=False)
    identity = Identity("Kassa Bench AS", "923609016", "Bench", "Storgata 1, 0155 Oslo", "NOK",
                        "Europe/Oslo", "bench")
    res = export_saft(db, identity, Period(date(2025, 1, 1), date(2025, 12, 31), "Europe/Oslo"),
                      Path(out))
    db.close()
    extra = {"transactions": res.transactions, "events": res.events, "warnings": res.warnings[:3],
             "file_mb": Path(out).stat().st_size / 1e6}
elapsed = time.perf_counter() - start
# VmHWM: this process's own peak (ru_maxrss would count the parent's pages before exec).
rss_mb = next(int(line.split()[1]) for line in open("/proc/self/status")
              if line.startswith("VmHWM")) / 1024
print(json.dumps({"seconds": elapsed, "rss_mb": rss_mb, **extra}))
"""


def run_child(db_path: Path, out: Path, mode: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db_path), str(out), mode],
        check=True, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def export_numbers(n: int, reuse: Path | None = None) -> list[dict[str, object]]:
    """reuse: a database `generate` made before (with n sales), to time the export again."""
    with tempfile.TemporaryDirectory(dir=bench_dir()) as tmp:
        db_path, out = reuse or Path(tmp) / "till.db", Path(tmp) / "saft.xml"
        if reuse is None:
            generate(db_path, n)
        bare = run_child(db_path, out, "bare")
        export = run_child(db_path, out, "export")
    assert export["transactions"] == n, export
    sizes = {"transactions": n, "lines": 3 * n, "events": export["events"],
             "file_mb": round(float(export["file_mb"]), 1)}  # type: ignore[arg-type]
    note = "" if n == FULL else f"--quick: {n:,} transactions; the goal is for 1,000,000"
    warnings = export.get("warnings") or []
    if warnings:
        note += f" warnings: {warnings}"
    return [
        result("saft_export_s", float(export["seconds"]), n=n,  # type: ignore[arg-type]
               baseline=float(bare["seconds"]),  # type: ignore[arg-type]
               baseline_name="the same rows read bare (sqlite3 cursors, no XML), same run",
               sizes=sizes, notes=note or None),
        result("saft_export_rss_mb", float(export["rss_mb"]), n=n,  # type: ignore[arg-type]
               goal="<= 250 MB", unit="MB", baseline=float(bare["rss_mb"]),  # type: ignore[arg-type]
               baseline_name="peak RSS of the bare read", sizes=sizes,
               notes=(note + " " if note else "") + "the exporting process; the worker "
                     "rendering the last transactions (pos.reports.saft.parallel, 50,000+ "
                     "entries) is a process of its own"),
    ]


@benchmark("saft_export", goal="<= 60 s", unit="s")
def saft_export(quick: bool) -> list[dict[str, object]]:
    return export_numbers(QUICK if quick else FULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--transactions", type=int, default=FULL)
    parser.add_argument("--db", type=Path, help="reuse a database generated before")
    parser.add_argument("--generate-only", type=Path, help="write the database here and stop")
    args = parser.parse_args()
    if args.generate_only:
        generate(args.generate_only, args.transactions)
        return
    from common import defaults

    with defaults("<= 60 s", "s"):
        for line in export_numbers(args.transactions, args.db):
            print(json.dumps(line))


if __name__ == "__main__":
    main()
