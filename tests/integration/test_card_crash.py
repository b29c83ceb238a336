"""SIGKILL the till between "amount sent" and "result recorded", again and again: every
payment the terminal approved ends up recorded exactly once, in exactly one committed sale,
and nothing is ever charged twice. The terminal is one ZVT simulator over TCP for the whole
run, with a few milliseconds per intermediate status so the kills land inside payments.

Each till is a process of its own, killed with SIGKILL, that opens the database and the link
itself and recovers what the one before it left. It is forked from a fork server that imported
the child's modules once (no database or socket open there): a start costs milliseconds instead
of an interpreter's start and imports. The final recovery runs in a fresh interpreter.
Most kills are aimed: the till is killed a random moment after it said SENT for its first,
second or third payment, or a moment after the terminal booked that payment (approved there,
not yet recorded here); every fifth lands anywhere (recovery, commit, between sales). The run
goes on until at least KILLS kills with IN_WINDOW of them between SENT and RESULT."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal
from pos.store import card_payments, open_database
from pos.store.journal import verify_journal
from tests.integration import card_crash_child

CHILD = Path(__file__).with_name("card_crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("KASSA_CARD_KILLS", "50"))
IN_WINDOW = int(os.environ.get("KASSA_CARD_IN_WINDOW", str(KILLS * 4 // 5)))  # 40 of 50
REGISTER = "R-CARD"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL and fork")


def approved_by(sim: SimulatedZvtTerminal) -> dict[int, int]:
    """What the terminal booked (its batch): receipt number -> amount."""
    return {b.receipt_no: b.amount_minor for b in sim.batch if b.kind == "purchase"}


def _fresh_child(db_path: Path, url: str, seed: int, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(CHILD), str(db_path), url, str(seed), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _read_until(lines: Connection, proc: multiprocessing.process.BaseProcess, seen: list[str],
                word: str, count: int = 1) -> None:
    """Read the child's lines until `word` has started `count` of them."""
    while sum(1 for x in seen if x.startswith(word)) < count:
        try:
            assert lines.poll(30), f"child silent, waiting for {word}: {seen[-3:]}"
            seen.append(lines.recv_bytes().decode())
        except EOFError:
            proc.join(5)
            died = f"child died ({proc.exitcode}) before {word}: {seen[-3:]}"
            raise AssertionError(died) from None


def _drain(lines: Connection, seen: list[str]) -> None:
    """What the killed child wrote before it died (the pipe ends at its death)."""
    while True:
        try:
            seen.append(lines.recv_bytes().decode())
        except EOFError:
            return


def _quiet() -> None:
    """A real terminal serves one ECR and finishes (or gives up) its transaction before it
    takes the next connection; the simulator serves connections in parallel, so give the
    killed child's connection the few milliseconds it takes to wind down."""
    time.sleep(0.03)


@pytest.mark.slow
def test_sigkill_between_sent_and_recorded_never_charges_twice(tmp_path: Path) -> None:
    db_path = tmp_path / "till.db"
    open_database(db_path).close()
    rng = random.Random(20261123)
    forks = multiprocessing.get_context("forkserver")
    forks.set_forkserver_preload(["tests.integration.card_crash_child"])
    kills = in_window = 0
    started = time.monotonic()
    with SimulatedZvtTerminal() as sim:
        sim.script = Script("approve", statuses=(0x0A, 0x01, 0x04), status_delay=0.004)
        url = f"{sim.url}?timeout=5&ack_timeout=2"
        while kills < KILLS or in_window < IN_WINDOW:
            assert kills < 3 * KILLS, f"only {in_window} of {kills} kills between sent and result"
            ours, theirs = forks.Pipe(duplex=False)
            child = forks.Process(target=card_crash_child.forked, daemon=True,
                                  args=(str(db_path), url, kills, theirs))
            child.start()
            theirs.close()  # the child holds the only writing end: EOF when it dies
            seen: list[str] = []
            _read_until(ours, child, seen, "READY")
            booked = len(sim.batch)
            if kills % 5 in (0, 2):  # aimed: inside the first, second or third payment
                _read_until(ours, child, seen, "SENT", rng.randint(1, 3))
                time.sleep(rng.uniform(0.0, 0.05))
            elif kills % 5 in (1, 3):  # aimed: the terminal approved, the till has not recorded
                nth = rng.randint(1, 3)
                _read_until(ours, child, seen, "SENT", nth)
                deadline = time.monotonic() + 5
                while len(sim.batch) < booked + nth and time.monotonic() < deadline:
                    time.sleep(0.0005)
                time.sleep(rng.uniform(0.0, 0.001))
            else:  # anywhere: recovery, a commit, between sales
                time.sleep(rng.uniform(0.0, 0.3))
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)
            child.join(30)
            assert child.exitcode == -signal.SIGKILL, seen[-3:]
            _drain(ours, seen)
            ours.close()
            kills += 1
            in_window += seen[-1].startswith("SENT ")
            _quiet()
        final = _fresh_child(db_path, url, kills, "--recover-only")
        _out, err = final.communicate(timeout=60)
        assert final.returncode == 0, err.decode(errors="replace")
        approved_by_terminal = approved_by(sim)
        authorizations = sum(1 for a in sim.commands() if a.command == (0x06, 0x01))
    elapsed = time.monotonic() - started
    print(f"\n{kills} kills in {elapsed:.1f} s, {in_window} between sent and recorded, "
          f"{len(approved_by_terminal)} payments approved by the terminal")

    db = open_database(db_path)
    assert card_payments.open_intents(db, REGISTER) == []  # the terminal settled every one
    intents = card_payments.since(db, REGISTER, 0)
    approved = [i for i in intents if i.outcome == "approved"]
    recovered = sum(1 for i in approved if i.resolution == "recovered")
    print(f"{recovered} approved payments were recorded only by a later till's recovery")
    # Every payment the terminal approved is recorded exactly once, for its amount...
    by_receipt = Counter(i.receipt_no for i in approved)
    assert set(by_receipt) == set(approved_by_terminal)
    assert all(n == 1 for n in by_receipt.values())
    for intent in approved:
        assert approved_by_terminal[intent.receipt_no] == intent.amount_minor  # type: ignore[index]
        assert intent.state == "resolved"
    # ... in exactly one committed sale, whose single card payment names it.
    with db.read() as con:
        payments = con.execute(
            "SELECT sale_id, reference, amount_minor FROM sale_payments WHERE tender = 'card'"
        ).fetchall()
    assert Counter(r[1] for r in payments) == Counter({i.reference: 1 for i in approved})
    assert {r[0] for r in payments} == {i.sale_id for i in approved}
    # Nothing charged twice: one terminal transaction per sale, never a second authorization
    # for the same intent.
    assert len({i.sale_id for i in approved}) == len(approved)
    assert authorizations <= len(intents)
    assert verify_journal(db, REGISTER).ok
    db.close()
    assert kills >= KILLS and in_window >= IN_WINDOW  # the kills really landed inside payments
