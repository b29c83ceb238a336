"""Kill a committing process with SIGKILL hundreds of times; nothing reported is ever lost,
nothing is duplicated or half-written, numbering stays gapless and the journal verifies."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pos.store import open_database
from pos.store.journal import verify_journal
from pos.store.payloads import SALE_COMMITTED

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("KASSA_CRASH_KILLS", "200"))
REGISTER = "R-CRASH"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def _run_once(db_path: Path, rng: random.Random, wait_ready: bool) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path), REGISTER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    if wait_ready:
        first = child.stdout.readline()
        assert first == b"READY\n", (first, child.stderr.read() if child.stderr else b"")
        time.sleep(rng.uniform(0.005, 0.200))
    else:  # now and then, kill it while it is still starting up / opening the database
        time.sleep(rng.uniform(0.005, 0.150))
    child.send_signal(signal.SIGKILL)
    rest, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err.decode(errors="replace")
    return rest.decode().splitlines()


@pytest.mark.slow
def test_sigkill_never_loses_or_tears_a_sale(tmp_path: Path) -> None:
    db_path = tmp_path / "till.db"
    open_database(db_path).close()  # create and migrate once, outside the kill loop
    rng = random.Random(20261123)
    reported: dict[str, int] = {}
    started = time.monotonic()
    for i in range(KILLS):
        for line in _run_once(db_path, rng, wait_ready=i % 10 != 9):
            if line.startswith("COMMITTED "):
                _, sale_id, tx_no = line.split()
                assert sale_id not in reported
                reported[sale_id] = int(tx_no)
    elapsed = time.monotonic() - started
    print(f"\n{KILLS} kills in {elapsed:.1f} s, {len(reported)} sales reported committed")

    db = open_database(db_path)  # runs the integrity check on the crashed file
    with db.read() as con:
        sales: dict[str, int] = dict(
            con.execute("SELECT id, transaction_no FROM sales WHERE register_id = ?", (REGISTER,))
        )
        # Every sale reported committed is there, with the number the child was told.
        for sale_id, reported_no in reported.items():
            assert sales.get(sale_id) == reported_no, sale_id
        # Transaction numbers gapless from 1.
        assert sorted(sales.values()) == list(range(1, len(sales) + 1))
        # No half-written sale: lines, payments and VAT rows all present.
        counts = {
            table: dict(con.execute(f"SELECT sale_id, COUNT(*) FROM {table} GROUP BY sale_id"))
            for table in ("sale_lines", "sale_payments", "sale_vat")
        }
        for sale_id in sales:
            assert counts["sale_lines"].get(sale_id) == 5, sale_id
            assert counts["sale_payments"].get(sale_id) == 1, sale_id
            assert counts["sale_vat"].get(sale_id) == 2, sale_id
        assert set(counts["sale_lines"]) == set(sales)  # no orphan lines either
        # Exactly one journal entry per sale, and the journal holds nothing else.
        journal = Counter(
            r[0]
            for r in con.execute("SELECT sale_id FROM journal WHERE register_id = ?", (REGISTER,))
        )
        assert journal == Counter({sale_id: 1 for sale_id in sales})
        # Outbox rows match sales one to one, seq gapless.
        rows = con.execute(
            "SELECT seq, type, payload FROM outbox WHERE register_id = ? ORDER BY seq", (REGISTER,)
        ).fetchall()
        assert [r[0] for r in rows] == list(range(1, len(sales) + 1))
        assert {r[1] for r in rows} <= {SALE_COMMITTED}
        outbox_sales = Counter(json.loads(r[2])["sale_id"] for r in rows)
        assert outbox_sales == Counter({sale_id: 1 for sale_id in sales})
        for r in rows:
            payload = json.loads(r[2])
            assert payload["transaction_no"] == sales[payload["sale_id"]]
    check = verify_journal(db, REGISTER)
    assert check.ok, check
    assert check.entries_checked == len(sales)
    db.close()
    assert len(reported) > KILLS  # the kills really landed among commits
