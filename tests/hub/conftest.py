"""The hub's tests run against a real hub subprocess (hub.testing.running_hub) on SQLite, and
on PostgreSQL too when KASSA_TEST_POSTGRES_URL is set (a fresh database, dropped after). Most
tests share one hub per backend (per test process) and keep apart by using registers of their
own and feed cursors taken when they start; the crash and schemathesis tests have their own."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

from hub.testing import HubProcess, running_hub

POSTGRES_URL = os.environ.get("KASSA_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.skipif(
    not POSTGRES_URL, reason="KASSA_TEST_POSTGRES_URL is not set"))]
_registers = itertools.count(1)


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def db_url_for(backend: str) -> str | None:
    return POSTGRES_URL if backend == "postgres" else None


@pytest.fixture(scope="session")
def hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """One hub per backend, with the demo catalog and stock in S1 and S2."""
    with running_hub(tmp_path_factory.mktemp(f"hub-{backend}"), db_url_for(backend)) as running:
        running.seed_demo(("S1", "S2"))
        yield running


@pytest.fixture
def register_id() -> str:
    """A register no other test in the session uses."""
    return f"R{next(_registers)}"


def head(hub: HubProcess) -> int:
    """The feed's current position: a cursor for changes made from now on."""
    return int(hub.admin.get("/v1/health").json()["position"])
