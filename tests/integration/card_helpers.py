"""Shared set-up for the card payment tests: a till database, the ZVT simulator over TCP and
the card service between them."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from drivers.payment.zvt_client import ZvtTerminal
from drivers.sim.zvt_terminal import SimulatedZvtTerminal
from pos.app.card import CardPayments, CardUpdate
from pos.store import journal
from pos.store.db import Database, open_database

REGISTER = "R1"


def make_service(db: Database, sim: SimulatedZvtTerminal, timeout: float = 1.0,
                 ack_timeout: float = 0.5) -> tuple[CardPayments, list[CardUpdate]]:
    url = f"{sim.url}?timeout={timeout}&ack_timeout={ack_timeout}&connect_timeout=0.5"
    service = CardPayments(db, REGISTER, "NOK", lambda: ZvtTerminal.from_url(url))
    seen: list[CardUpdate] = []
    service.updates.connect(seen.append)
    return service, seen


def fresh_db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "till.db")


def events(db: Database) -> list[str]:
    return [e.event for e in journal.entries(db, REGISTER)]


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition never came true")
        time.sleep(0.005)


def payments_sent(sim: SimulatedZvtTerminal) -> int:
    """How many authorizations (06 01) the terminal received."""
    return sum(1 for a in sim.commands() if a.command == (0x06, 0x01))
