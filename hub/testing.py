"""A real hub for tests: a uvicorn subprocess on a free port, over a fresh database.

    from hub.testing import running_hub, DEMO_PRODUCTS

    def test_something(tmp_path):
        with running_hub(tmp_path) as hub:            # SQLite file in tmp_path
            hub.seed_demo(stores=("S1", "S2"))        # 10 products, 100 of each in every store
            till = hub.enrol("S1", "R1")              # EnrolResponse: .credential, .epoch
            client = httpx.Client(base_url=hub.url,
                                  headers={"Authorization": f"Bearer {till.credential}"})
            ...
            hub.kill()                                # SIGKILL, mid-whatever
            hub.restart()                             # same database, same port

`running_hub(tmp_path, db_url)` with a PostgreSQL URL (e.g. $KASSA_TEST_POSTGRES_URL) creates
a fresh database next to the URL's (CREATE DATABASE kassa_hub_<random>) and drops it at the
end. `HubProcess` has `.url`, `.admin_token`, `.db_url`, `.pid`, `.kill()`, `.stop()`,
`.restart()`, `.enrol(store, register)`, `.import_catalog(rows | csv_text)`,
`.set_stock({(store, sku): on_hand_milli})`, `.seed_demo(stores)`, `.admin` (an httpx.Client
with the admin token) and `.client(credential)` (an httpx.Client for a till). The hub's log is
`tmp_path / "hub.log"`.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from hub.admin_client import AdminClient

ROOT = Path(__file__).resolve().parents[1]

DEMO_PRODUCTS: tuple[dict[str, Any], ...] = tuple(
    {"sku": sku, "name": name, "price_minor": price, "vat_code": vat, "barcodes": [gtin],
     "department": dept, "sold_by": sold_by}
    for sku, name, price, vat, gtin, dept, sold_by in (
        ("100001", "Melk lett 1 l", 2490, "food", "7038010000010", "Meieri", "unit"),
        ("100002", "Brød grovt", 3990, "food", "7038010000027", "Bakeri", "unit"),
        ("100003", "Egg 12 stk", 5490, "food", "7038010000034", "Meieri", "unit"),
        ("100004", "Kaffe 500 g", 8990, "food", "7038010000041", "Kolonial", "unit"),
        ("100005", "Bananer", 2790, "food", "2000000000015", "Frukt", "weight"),
        ("100006", "Epler", 3490, "food", "2000000000022", "Frukt", "weight"),
        ("100007", "Oppvaskmiddel", 3290, "standard", "7038010000058", "Husholdning", "unit"),
        ("100008", "Tannkrem", 2990, "standard", "7038010000065", "Pleie", "unit"),
        ("100009", "Sjokolade", 2490, "food", "7038010000072", "Kolonial", "unit"),
        ("100010", "Avis", 4000, "zero", "7038010000089", "Kiosk", "unit"),
    )
)
DEMO_STOCK_MILLI = 100_000  # 100 pieces (or 100 kg) of each


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class HubProcess(AdminClient):
    def __init__(self, db_url: str, workdir: Path, port: int, admin_token: str,
                 workers: int = 1) -> None:
        self.db_url, self.workdir, self.port, self.workers = db_url, workdir, port, workers
        self.admin_token = admin_token
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = workdir / "hub.log"
        self._proc: subprocess.Popen[bytes] | None = None

    # -- the process ------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self, timeout: float = 30.0) -> None:
        env = dict(os.environ, KASSA_HUB_ADMIN_TOKEN=self.admin_token, PYTHONUNBUFFERED="1")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        with self.log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "hub.cli", "serve", "--db", self.db_url,
                 "--host", "127.0.0.1", "--port", str(self.port),
                 "--workers", str(self.workers)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)  # its own process group: kill() takes the workers too
        deadline = time.monotonic() + timeout
        while True:
            if self._proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self._proc.returncode}); see "
                                   f"{self.log_path}:\n{self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"the hub did not answer in {timeout} s; see {self.log_path}")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush; whatever was not committed is gone."""
        if self._proc is not None and self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGKILL)
            self._proc.wait(10)

    def stop(self) -> None:
        """SIGTERM: a graceful shutdown."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self) -> None:
        """Kill (if running) and start again on the same database and port."""
        self.kill()
        self.start()

    # -- admin helpers (enrol, import_catalog, set_stock, client: see AdminClient) ---------

    def seed_demo(self, stores: Sequence[str] = ("S1", "S2")) -> None:
        self.import_catalog(DEMO_PRODUCTS)
        self.set_stock({(s, p["sku"]): DEMO_STOCK_MILLI for s in stores for p in DEMO_PRODUCTS})

    def close(self) -> None:
        self.stop()
        self.close_admin()


@contextmanager
def fresh_postgres(base_url: str) -> Iterator[str]:
    """A new empty database on the server of `base_url`, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"kassa_hub_{secrets.token_hex(6)}"
    base = make_url(base_url).set(drivername="postgresql")
    admin_url = base.render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_hub(tmp_path: Path, db_url: str | None = None, *, port: int = 0,
                workers: int = 1) -> Iterator[HubProcess]:
    """A hub subprocess over a fresh SQLite file in `tmp_path` (or a fresh PostgreSQL database
    on the server of `db_url`); stopped, and the PostgreSQL database dropped, on exit.
    `workers` > 1 (PostgreSQL only) runs that many uvicorn worker processes."""
    tmp_path = Path(tmp_path)
    tmp_path.mkdir(parents=True, exist_ok=True)
    with _database(tmp_path, db_url) as url:
        hub = HubProcess(url, tmp_path, port or free_port(), secrets.token_urlsafe(16), workers)
        try:
            hub.start()
            yield hub
        finally:
            hub.close()


@contextmanager
def _database(tmp_path: Path, db_url: str | None) -> Iterator[str]:
    if db_url is None or db_url.startswith("sqlite") or "://" not in db_url:
        yield str(tmp_path / f"hub-{secrets.token_hex(3)}.sqlite3")
        return
    with fresh_postgres(db_url) as url:
        yield url
