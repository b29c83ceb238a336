"""The hub of `kassa demo`: a real hub (hub/, SQLite) in a subprocess on localhost, seeded
once with the demo catalog and the demo store's stock; the demo tills enrol with it by
themselves. No network needed.

The till does not wait for it: the window opens at once on the till's own catalog, and the
hub link comes up in the background a second or two later (status bar: not enrolled, then
online).
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.app.demo import sample_rows
from pos.app.enrol import enrol_till
from pos.app.hub_config import HubSection
from pos.app.till import Till
from pos.store import sync_state

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
DEMO_STORE = "demo"
PIECES_MILLI = 40_000  # 40 of each
WEIGHED_MILLI = 25_000  # 25 kg of each weighed item
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def catalog_rows() -> list[dict[str, Any]]:
    """The sample catalog as the hub's import rows (sync.protocol.CatalogRow)."""
    return [
        {"sku": r["sku"], "name": r["name"], "price_minor": r["price_minor"],
         "vat_code": r["vat_code"], "barcodes": r["gtins"], "department": r["department"],
         "sold_by": r["sold_by"], "currency": "NOK"}
        for r in sample_rows()
    ]


class DemoHub:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.admin_token = secrets.token_urlsafe(16)
        self.section = HubSection(url=self.url)
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> DemoHub:
        """Starts the hub process and returns at once (see wait_ready)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, KASSA_HUB_ADMIN_TOKEN=self.admin_token)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        with (self.directory / "hub.log").open("ab") as out:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "hub.cli", "serve", "--db",
                 str(self.directory / "hub.sqlite3"), "--host", "127.0.0.1",
                 "--port", str(self.port)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                # Below the till in the CPU's queue: the till's window comes first.
                preexec_fn=(lambda: os.nice(10)) if os.name == "posix" else None)
        return self

    def wait_ready(self, timeout: float = 60.0) -> bool:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                return False
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        return False

    def _admin(self) -> httpx.Client:
        import httpx

        return httpx.Client(base_url=self.url, timeout=60,
                            headers={"Authorization": f"Bearer {self.admin_token}"})

    def seed_once(self) -> None:
        """The demo catalog and the demo store's stock, on the hub's first run only."""
        marker = self.directory / "seeded"
        if marker.exists():
            return
        rows = catalog_rows()
        with self._admin() as admin:
            admin.post("/v1/admin/catalog", json=rows).raise_for_status()
            stock = [{"store_id": DEMO_STORE, "sku": r["sku"],
                      "on_hand_milli": WEIGHED_MILLI if r["sold_by"] == "weight"
                      else PIECES_MILLI} for r in rows]
            admin.post("/v1/admin/stock", json=stock).raise_for_status()
        marker.write_text("seeded\n")

    def enrol(self, till: Till) -> None:
        """Enrol a demo till once (its database remembers the link)."""
        db = till.ctx.db
        if sync_state.get_link(db) is not None:
            return
        seller = till.ctx.seller
        with self._admin() as admin:
            answer = admin.post("/v1/admin/enrolment-codes", json={
                "store_id": seller.store_id, "register_id": seller.register_id})
            answer.raise_for_status()
        enrol_till(db, self.section, db.path.parent, answer.json()["code"],
                   store_id=seller.store_id, register_id=seller.register_id,
                   till_name=f"demo till {seller.register_id}")

    def connect(self, tills: Sequence[Till]) -> threading.Thread:
        """In the background: wait for the hub, seed it, enrol the tills, start their links."""

        def work() -> None:
            if not self.wait_ready():
                log.error("the demo hub did not start; see %s", self.directory / "hub.log")
                return
            try:
                self.seed_once()
                for till in tills:
                    self.enrol(till)
                    if till.hub is not None:
                        till.hub.start()
            except Exception:
                log.exception("connecting the demo tills to the demo hub failed")

        thread = threading.Thread(target=work, name="demo-hub", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
