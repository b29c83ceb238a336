"""A till killed between a return's commit and its receipt's printing loses nothing: the return
is committed and its receipt waits in print_jobs for F11 on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pos.app.demo import start_demo
from pos.store import sales

ROOT = Path(__file__).resolve().parents[2]

# The child sells, returns, and is SIGKILLed as soon as the return is committed: its print
# service was never started, so the receipt had not reached the printer.
CHILD = """
import os, signal, sys
from pathlib import Path
from pos.app.demo import start_demo
from pos.core.money import Money
demo = start_demo(Path(sys.argv[1]))
till = demo.till
till.login("2", "2222")
checkout = till.checkout
milk = [p for p in till.ctx.search("melk") if p.sold_by == "unit"][0]
checkout.add(milk, 2000)
sale = checkout.pay_cash(Money(100_000, "NOK"))
checkout.next_sale()
returns = till.returns()
original = returns.find(sale.receipt.receipt_id)
done = returns.complete(returns.quote(original, {1: 1000}), original=original, reason="defective")
print("RETURNED", done.sale_id, done.transaction_no, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def test_crash_between_commit_and_print_loses_nothing(tmp_path: Path) -> None:
    data = tmp_path / "till"
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    child = subprocess.run([sys.executable, "-c", CHILD, str(data)], capture_output=True,
                           env=env, timeout=120, cwd=ROOT)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode(errors="replace")
    _, return_id, tx_no = child.stdout.decode().split()

    demo = start_demo(data)  # the next start of the same till
    try:
        demo.till.start()
        stored = sales.get_sale(demo.till.ctx.db, return_id)
        assert stored is not None and stored.record.kind == "return"
        assert stored.transaction_no == int(tx_no)
        jobs = demo.till.retry_waiting()  # F11: what never printed goes out now
        assert len(jobs) == 2  # the sale's receipt and the return's: neither had printed
        assert demo.printer.wait_for(lambda p: len(p.receipts) >= 2, timeout=5)
        printed = "\n".join(demo.printer.receipts)
        assert "RETURKVITTERING" in printed
        assert f"Kvittering nr. {tx_no}" in printed
    finally:
        demo.till.shutdown()
        demo.stop()
