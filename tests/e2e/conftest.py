"""End-to-end: a real hub (hub.testing.running_hub) and tills in their own processes.

Every test runs on SQLite, and on PostgreSQL too when KASSA_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hub.testing import HubProcess, running_hub
from sync.protocol import POINT_VALUE_MINOR, SaleCommitted, points_for
from tests.sync.tills import seed_hub

CHILD = Path(__file__).with_name("till_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HubProcess]:
    url = None
    if request.param == "postgresql":
        url = os.environ.get("KASSA_TEST_POSTGRES_URL")
        if not url:
            pytest.skip("KASSA_TEST_POSTGRES_URL is not set")
    with running_hub(tmp_path / "hub", url) as hub:
        seed_hub(hub, ("S1", "S2"))
        yield hub


class TillProcess:
    """`tests/e2e/till_child.py` in a subprocess, driven line by line."""

    def __init__(self, hub: HubProcess, data_dir: Path, store: str, register: str,
                 hub_url: str | None = None) -> None:
        self.hub, self.data_dir, self.store, self.register = hub, data_dir, store, register
        self.hub_url = hub_url or hub.url
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> TillProcess:
        args = [sys.executable, str(CHILD), str(self.data_dir), self.hub_url, self.store,
                self.register]
        if not (self.data_dir / "till.db").exists():
            answer = self.hub.admin.post("/v1/admin/enrolment-codes", json={
                "store_id": self.store, "register_id": self.register})
            answer.raise_for_status()
            args.append(answer.json()["code"])
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = (self.data_dir / "child.log").open("a")
        self.proc = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log, text=True)
        assert self.read() == {"ready": True}
        return self

    def read(self) -> dict[str, Any]:
        assert self.proc is not None and self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"till {self.register} died; see {self.data_dir / 'child.log'}")
        return json.loads(line)

    def send(self, command: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def ask(self, command: str) -> dict[str, Any]:
        self.send(command)
        return self.read()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def quit(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.ask("quit")
            self.proc.wait(30)

    # -- what the till's database says (read-only, while it runs) --------------------------

    def _rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        con = sqlite3.connect(f"file:{self.data_dir / 'till.db'}?mode=ro", uri=True)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def sold_milli(self, sku: str) -> int:
        """Committed, non-training sales of `sku` (every one of them is in the outbox)."""
        rows = self._rows("SELECT coalesce(sum(l.quantity_milli), 0) FROM sale_lines l "
                          "JOIN sales s ON s.id = l.sale_id WHERE l.sku = ? AND NOT l.voided "
                          "AND NOT s.training AND s.kind IN ('sale', 'return')", sku)
        return int(rows[0][0])

    def loyalty_delta(self, customer_id: str) -> int:
        """Points earned minus points spent by this till's sales to the customer."""
        total = 0
        for (payload,) in self._rows("SELECT payload FROM outbox"):
            sale = SaleCommitted.model_validate_json(payload)
            if sale.customer_id == customer_id:
                spent = sum(p.amount_minor for p in sale.payments if p.tender == "loyalty")
                total += points_for(sale) - spent // POINT_VALUE_MINOR
        return total

    def unacked(self) -> int:
        last = self._rows("SELECT coalesce(max(seq), 0) FROM outbox")[0][0]
        acked = self._rows("SELECT coalesce(max(acked_through), 0) FROM outbox_cursor")[0][0]
        return int(last) - int(acked)

    def credential(self) -> str:
        (ref,) = self._rows("SELECT credential_ref FROM hub_link")[0]
        return Path(ref.removeprefix("file:")).read_text().strip()


@pytest.fixture
def tills(hub: HubProcess) -> Iterator[list[TillProcess]]:
    started: list[TillProcess] = []
    yield started
    for till in started:
        try:
            till.quit()
        except Exception:
            if till.proc is not None and till.proc.poll() is None:
                till.kill()
