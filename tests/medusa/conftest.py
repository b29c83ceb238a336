"""Contract tests of the Medusa connector against a real Medusa v2, brought up from nothing by
medusa/ci-up.sh once per session (about 1.5-3 min on 2 cores: npm install from the lock, a fresh
database, migrations, start, an HTTP seed) and torn down by medusa/ci-down.sh.

The hub runs on a thread of this process (hub.server.serve_in_thread) over a fresh PostgreSQL
database, with the connector configured: Medusa's forwarding subscriber posts to its
/v1/medusa/events, and its pusher writes to Medusa's Admin API.

Skipped, loudly, when Node/npm or PostgreSQL (KASSA_TEST_POSTGRES_URL) is missing: a skip is not
a pass of the contract.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy.engine import make_url

from hub.config import HubConfig
from hub.db import Database, open_database
from hub.medusa.config import MedusaSettings
from hub.server import ThreadedHub, serve_in_thread
from hub.testing import free_port, fresh_postgres

ROOT = Path(__file__).resolve().parents[2]
MEDUSA_DIR = ROOT / "medusa"
POSTGRES_URL = os.environ.get("KASSA_TEST_POSTGRES_URL")
T = TypeVar("T")


def _missing() -> str | None:
    for tool in ("node", "npm", "psql"):
        if shutil.which(tool) is None:
            return f"`{tool}` is not installed"
    if not POSTGRES_URL:
        return "KASSA_TEST_POSTGRES_URL is not set (PostgreSQL for the hub and for Medusa)"
    return None


def _skip_loudly(why: str) -> None:
    message = (f"MEDUSA CONTRACT TESTS NOT RUN: {why}. Nothing about the Medusa connector "
               "was verified; this skip is not a pass.")
    warnings.warn(message, stacklevel=2)
    print(f"\n{'!' * 20}\n{message}\n{'!' * 20}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def medusa_up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A running Medusa (ci-up.sh's JSON: url, keys, location per store, pid, name) whose
    forwarder posts to the hub port in "hub_port"."""
    why = _missing()
    if why:
        _skip_loudly(why)
    assert POSTGRES_URL is not None
    url = make_url(POSTGRES_URL)
    login = url.username or "postgres"
    if url.password:
        login += f":{url.password}"
    server = f"postgres://{login}@{url.host or '127.0.0.1'}:{url.port or 5432}"
    hub_port = free_port()
    secret = os.urandom(32).hex()
    env = dict(os.environ, MEDUSA_PG_URL=server,
               MEDUSA_DB=f"medusa_ci_test_{os.getpid()}",
               KASSA_HUB_WEBHOOK_URL=f"http://127.0.0.1:{hub_port}/v1/medusa/events",
               KASSA_HUB_WEBHOOK_SECRET=secret)
    env.pop("REDIS_URL", None)  # the local event bus: what CI has
    started = time.monotonic()
    log = tmp_path_factory.mktemp("medusa") / "ci-up.log"
    with log.open("w") as err:
        done = subprocess.run([str(MEDUSA_DIR / "ci-up.sh")], env=env, stdout=subprocess.PIPE,
                              stderr=err, text=True, timeout=900)
    if done.returncode != 0:
        pytest.fail(f"medusa/ci-up.sh failed ({done.returncode}):\n{log.read_text()[-4000:]}")
    instance = json.loads(done.stdout) | {"hub_port": hub_port,
                                          "bring_up_s": round(time.monotonic() - started, 1)}
    print(f"\nMedusa up in {instance['bring_up_s']} s: {instance['url']}")
    try:
        yield instance
    finally:
        subprocess.run([str(MEDUSA_DIR / "ci-down.sh"), instance["name"]], env=env,
                       timeout=120, check=False)


@pytest.fixture(scope="session")
def hub(medusa_up: dict[str, Any]) -> Iterator[ThreadedHub]:
    assert POSTGRES_URL is not None
    settings = MedusaSettings(url=medusa_up["url"], api_key=medusa_up["secret_api_key"],
                              webhook_secret=medusa_up["webhook_secret"], max_backoff_s=1.0,
                              timeout_s=3.0, reconcile_s=0)  # the tests run the poll themselves
    with fresh_postgres(POSTGRES_URL) as db_url:
        running = serve_in_thread(HubConfig(db_url=db_url, medusa=settings),
                                  port=medusa_up["hub_port"])
        try:
            yield running
        finally:
            running.stop()


@pytest.fixture(scope="session")
def hub_db(hub: ThreadedHub) -> Iterator[Database]:
    db = open_database(hub.config.db_url, pool_size=2)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def medusa(medusa_up: dict[str, Any]) -> Iterator[httpx.Client]:
    """Medusa's Admin API with the secret key the hub uses."""
    with httpx.Client(base_url=medusa_up["url"], auth=(medusa_up["secret_api_key"], ""),
                      timeout=30) as client:
        yield client


def wait_for(probe: Callable[[], T | None], timeout: float = 20.0, every: float = 0.02,
             what: str = "") -> T:
    """Call `probe` until it returns something truthy; its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or probe}")
        time.sleep(every)
