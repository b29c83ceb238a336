"""Benchmarks of the till database (pos.store), called by tests/bench/run.py.

Each bench_* returns one result dict in the contract of DESIGN.md "Benchmarks":
name, value, unit, baseline, baseline_name, ratio, goal, met, n (plus extra detail keys).
Run alone: python tests/bench/bench_store.py [--quick] [--catalog N]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from stdnum import ean

from pos.store.catalog import import_products, lookup_barcode, search
from pos.store.db import Database, open_database
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

# Norwegian-looking product names: brand + product + variant + size.
BRANDS = (
    "Tine", "Gilde", "Prior", "Freia", "Nidar", "Stabburet", "Mills", "Idun", "Kavli", "Synnøve",
    "Q-meieriene", "Bama", "Hatting", "Mesterbakeren", "Rema", "First Price", "Coop", "Eldorado",
    "Jacobs", "Lerum", "Nora", "Toro", "Findus", "Lofoten", "Grandiosa", "Sætre", "Kims",
    "Ringnes", "Hansa", "Solo", "Friele", "Evergood", "Møllerens", "Regal", "Dr. Greve", "Zalo",
    "Lano", "Jordan", "Klar", "Omo",
)  # fmt: skip
PRODUCTS = (
    "melk", "lettmelk", "helmelk", "yoghurt", "smør", "ost", "brunost", "gulost", "fløte",
    "rømme", "skinke", "salami", "kjøttkaker", "pølser", "kyllingfilet", "laks", "torsk",
    "fiskeboller", "brød", "rundstykker", "knekkebrød", "lefse", "flatbrød", "havregryn",
    "müsli", "syltetøy", "leverpostei", "kaviar", "makrell", "sjokolade", "kjeks", "potetgull",
    "brus", "juice", "kaffe", "te", "epler", "bananer", "poteter", "gulrøtter", "løk",
    "tomater", "agurk", "paprika", "pizza", "taco", "ris", "pasta", "mel", "sukker", "salt",
    "pepper", "ketchup", "sennep", "majones", "vaskemiddel", "oppvaskmiddel", "tannkrem",
    "sjampo", "såpe", "toalettpapir", "tørkerull", "batterier", "lyspærer", "servietter",
    "stearinlys", "blomster", "vafler", "boller", "kanelsnurrer", "pinnekjøtt", "ribbe",
    "lutefisk", "multekrem", "risgrøt", "karbonadedeig", "kjøttdeig", "bacon", "egg",
)  # fmt: skip
VARIANTS = (
    "original", "lett", "mager", "grov", "fin", "økologisk", "naturell", "jordbær", "vanilje",
    "sjokolade", "krydret", "røkt", "fersk", "frossen", "hjemmelaget", "ekstra", "mild",
    "sterk", "klassisk", "familiepakke", "laktosefri", "glutenfri", "sukkerfri", "usaltet",
)  # fmt: skip
SIZES = ("1 l", "0,5 l", "1,5 l", "250 g", "500 g", "1 kg", "200 g", "6 pk", "12 stk", "400 g")
DEPARTMENTS = (
    "Meieri", "Kjøtt", "Fisk", "Bakeri", "Frukt og grønt", "Kolonial", "Frys", "Drikke",
    "Snacks", "Husholdning", "Personlig pleie", "Sesong",
)  # fmt: skip
VAT_CODES = ("31", "31", "31", "3")  # most grocery is food (15 %), the rest 25 %


def synthetic_catalog(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """n products with valid, unique EAN-13 GTINs (Norwegian 70 prefix), SKUs, names, prices."""
    rng = random.Random(seed)
    for i in range(n):
        body = f"70{i:010d}"  # 12 digits: unique by construction
        gtin = body + ean.calc_check_digit(body)
        weighed = rng.random() < 0.02
        yield {
            "sku": f"{100000 + i}",
            "name": " ".join(
                (rng.choice(BRANDS), rng.choice(PRODUCTS), rng.choice(VARIANTS), rng.choice(SIZES))
            ),
            "department": DEPARTMENTS[i % len(DEPARTMENTS)],
            "price_minor": rng.randrange(990, 49990, 10)
            if not weighed
            else rng.randrange(4990, 39990, 100),
            "vat_code": rng.choice(VAT_CODES),
            "sold_by": "weight" if weighed else "unit",
            "gtin": gtin,
        }


def build_bench_catalog(path: Path, n: int, seed: int = 1) -> dict[str, Any]:
    """Create a fresh database at path holding an n-product synthetic catalog."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_database(path)
    try:
        count = import_products(db, synthetic_catalog(n, seed))
    finally:
        db.close()
    seconds = time.perf_counter() - started
    return {
        "name": "catalog_build_s",
        "value": round(seconds, 2),
        "unit": "s",
        "baseline": 120.0,
        "baseline_name": "two minutes",
        "ratio": round(seconds / 120.0, 3),
        "goal": "<= 120 s for 1,000,000 products" if n >= 1_000_000 else "<= 120 s",
        "met": seconds <= 120.0,
        "n": count,
        "rows_per_s": round(count / seconds),
        "db_mb": round(path.stat().st_size / 1e6, 1),
    }


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _baseline_connect(path: Path) -> sqlite3.Connection:
    """The baseline's connection: WAL and synchronous=FULL like the till DB, in the same
    directory (same file system) as the till DB under test."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, at TEXT, v INTEGER)")
    return con


def _baseline_insert(con: sqlite3.Connection, i: int) -> None:
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO t (at, v) VALUES (?, ?)", ("2026-01-01T00:00:00Z", i))
    con.execute("COMMIT")


def _baseline_commits(path: Path, n: int, con: sqlite3.Connection | None = None) -> list[float]:
    """n bare single-row inserts + commits (one fsync of the WAL each), timed one by one.

    con: the baseline's long-lived connection. Without one, a connection is opened for these n
    and closed after, as this bench did before 2026-11-23: closing the last connection
    checkpoints and deletes the WAL, so every round re-grows a fresh WAL file, and an fsync
    that must also journal the file's new size costs ~1.8x one that rewrites blocks of a
    reused WAL (measured here: p50 0.24-0.29 ms against 0.14-0.16 ms). The till keeps its
    connection and its checkpointer restarts the WAL from the top, so the fair baseline keeps
    its connection and WAL too; the reconnecting one is still reported, for comparison."""
    own = con is None
    if con is None:
        con = _baseline_connect(path)
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        _baseline_insert(con, i)
        times.append(time.perf_counter() - t0)
    if own:
        con.close()
    return times


def _wal_pages(wal: Path, before: int, page_size: int, n: int) -> float:
    """WAL frames appended per commit (each frame is one page written and fsynced)."""
    return (wal.stat().st_size - max(before, 32)) / (page_size + 24) / n


def _pages_per_commit(tmpdir: Path, n: int = 200) -> tuple[float, float]:
    """Pages written per commit for the sale commit and for the baseline insert, counted from
    the WAL's growth with checkpoints held off (a count, not a timing: stable run to run)."""
    db = open_database(tmpdir / "bench_pages.db", background_checkpoint=False)
    try:
        for _ in range(50):
            commit_sale(db, sample_sale())
        con = db._writer()
        con.execute("PRAGMA wal_autocheckpoint=0")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal = Path(str(db.path) + "-wal")
        before = wal.stat().st_size
        for _ in range(n):
            commit_sale(db, sample_sale())
        sale = _wal_pages(wal, before, con.execute("PRAGMA page_size").fetchone()[0], n)
    finally:
        db.close()
    con = _baseline_connect(tmpdir / "bench_baseline.db")
    try:
        for i in range(50):
            _baseline_insert(con, i)
        con.execute("PRAGMA wal_autocheckpoint=0")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal = tmpdir / "bench_baseline.db-wal"
        before = wal.stat().st_size
        for i in range(n):
            _baseline_insert(con, i)
        base = _wal_pages(wal, before, con.execute("PRAGMA page_size").fetchone()[0], n)
    finally:
        con.close()
    return sale, base


def bench_commit(tmpdir: Path, n: int = 2000) -> dict[str, Any]:
    """Durable sale commit (sale + 5 lines + payment + VAT + journal + outbox) vs a bare
    fsync'd single-row insert, interleaved in rounds so drift hits both alike.

    Both are warmed up the same way and keep their connection (and so their WAL, rewritten
    in place after each checkpoint) for the whole run: see _baseline_commits."""
    tmpdir = Path(tmpdir)
    db = open_database(tmpdir / "bench_commit.db")
    sales = [sample_sale() for _ in range(n)]
    for s in sales[: min(50, n)]:  # warm up statement caches and the WAL
        commit_sale(db, s)
    base_path = tmpdir / "bench_baseline.db"
    base_con = _baseline_connect(base_path)
    _baseline_commits(base_path, 1200, base_con)  # grow its WAL once, like the till's
    sale_times: list[float] = []
    base_times: list[float] = []
    reconnect_times: list[float] = []
    rounds = 10
    per = max(1, (n - 50) // rounds)
    it = iter(sales[50:])
    for _ in range(rounds):
        base_times += _baseline_commits(base_path, per, base_con)
        reconnect_times += _baseline_commits(tmpdir / "bench_baseline_reconnect.db", per)
        for _ in range(per):
            rec = next(it, None)
            if rec is None:
                break
            t0 = time.perf_counter()
            commit_sale(db, rec)
            sale_times.append(time.perf_counter() - t0)
    base_con.close()
    db.close()
    sale_pages, base_pages = _pages_per_commit(tmpdir)
    p50, p99 = _pct(sale_times, 0.5) * 1e3, _pct(sale_times, 0.99) * 1e3
    b50, b99 = _pct(base_times, 0.5) * 1e3, _pct(base_times, 0.99) * 1e3
    r50 = _pct(reconnect_times, 0.5) * 1e3
    ratio = p50 / b50
    return {
        "name": "sale_commit_p50_ms",
        "value": round(p50, 3),
        "unit": "ms",
        "baseline": round(b50, 3),
        "baseline_name": "bare fsync'd SQLite insert+commit (WAL, synchronous=FULL, one "
        "long-lived connection) p50",
        "ratio": round(ratio, 2),
        "goal": "ratio <= 2.0",
        "met": ratio <= 2.0,
        "n": len(sale_times),
        "p99_ms": round(p99, 3),
        "baseline_p99_ms": round(b99, 3),
        "p99_ratio": round(p99 / b99, 2),
        "mean_ms": round(statistics.fmean(sale_times) * 1e3, 3),
        "pages_per_commit": round(sale_pages, 2),
        "baseline_pages_per_commit": round(base_pages, 2),
        # The baseline as measured before 2026-11-23 (reconnecting each round; see
        # _baseline_commits), and the ratio against it, to compare with older runs.
        "reconnect_baseline_ms": round(r50, 3),
        "reconnect_ratio": round(p50 / r50, 2),
    }


def _query_prefixes(rng: random.Random, n: int) -> list[str]:
    """What a cashier types: a prefix of a product word, sometimes a second word started."""
    out = []
    for _ in range(n):
        word = rng.choice(PRODUCTS + BRANDS).lower().split()[0]
        text = word[: rng.randint(1, len(word))]
        if rng.random() < 0.3:
            second = rng.choice(VARIANTS)
            text += " " + second[: rng.randint(1, len(second))]
        out.append(text)
    return out


def bench_search(db: Database, n: int = 2000, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    queries = _query_prefixes(rng, n)
    for q in queries[:50]:
        search(db, q)
    times = []
    hits = 0
    for q in queries:
        t0 = time.perf_counter()
        hits += len(search(db, q, limit=20))
        times.append(time.perf_counter() - t0)
    p99 = _pct(times, 0.99) * 1e3
    return {
        "name": "search_as_you_type_p99_ms",
        "value": round(p99, 3),
        "unit": "ms",
        "baseline": 30.0,
        "baseline_name": "goal: 30 ms keystroke budget",
        "ratio": round(p99 / 30.0, 3),
        "goal": "<= 30 ms (LIMIT 20)",
        "met": p99 <= 30.0,
        "n": n,
        "p50_ms": round(_pct(times, 0.5) * 1e3, 3),
        "max_ms": round(max(times) * 1e3, 3),
        "mean_hits": round(hits / n, 1),
        "catalog": _catalog_size(db),
    }


def bench_lookup(db: Database, n: int = 20000, seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    size = _catalog_size(db)
    codes = []
    for _ in range(n):
        body = f"70{rng.randrange(size):010d}"
        codes.append(body + ean.calc_check_digit(body))
    for c in codes[:100]:
        lookup_barcode(db, c)
    times = []
    misses = 0
    for c in codes:
        t0 = time.perf_counter()
        if lookup_barcode(db, c) is None:
            misses += 1
        times.append(time.perf_counter() - t0)
    p99 = _pct(times, 0.99) * 1e3
    return {
        "name": "barcode_lookup_p99_ms",
        "value": round(p99, 4),
        "unit": "ms",
        "baseline": 1.0,
        "baseline_name": "goal: well under 1 ms",
        "ratio": round(p99 / 1.0, 4),
        "goal": "<= 1 ms",
        "met": p99 <= 1.0 and misses == 0,
        "n": n,
        "p50_ms": round(_pct(times, 0.5) * 1e3, 4),
        "misses": misses,
        "catalog": size,
    }


def _catalog_size(db: Database) -> int:
    return int(db.fast_reader().execute("SELECT COUNT(*) FROM products").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--catalog", type=int, default=None, help="products (default 1M)")
    parser.add_argument("--dir", type=Path, default=None, help="keep the catalog DB here")
    args = parser.parse_args(argv)
    size = args.catalog or (50_000 if args.quick else 1_000_000)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="kassa-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        print(json.dumps(bench_commit(workdir, 500 if args.quick else 3000)), flush=True)
        catalog = workdir / f"catalog_{size}.db"
        if not catalog.exists():
            print(json.dumps(build_bench_catalog(catalog, size)), flush=True)
        db = open_database(catalog)
        try:
            print(json.dumps(bench_lookup(db, 5000 if args.quick else 20000)), flush=True)
            print(json.dumps(bench_search(db, 500 if args.quick else 3000)), flush=True)
        finally:
            db.close()
    finally:
        if args.dir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
