"""End-of-day card reconciliation against the simulator's batch totals (06 50)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.payment.zvt_client import ZvtTerminal
from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal
from pos.app.card_reconcile import reconcile
from pos.store import card_payments as store
from pos.store.db import Database
from pos.store.journal import entries
from tests.integration.card_helpers import REGISTER, events, fresh_db, make_service


@pytest.fixture
def sim() -> Iterator[SimulatedZvtTerminal]:
    with SimulatedZvtTerminal() as s:
        yield s


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = fresh_db(tmp_path)
    yield database
    database.close()


def test_matching_totals_reconcile(db, sim) -> None:  # type: ignore[no-untyped-def]
    service, _seen = make_service(db, sim)
    for amount in (1000, 2550):
        assert service.purchase(amount, sale_id="S", employee_id=1).future.result(5).approved
    assert service.refund(500, employee_id=1).future.result(5).approved
    sim.script = Script("decline", result_code=0x05)
    assert service.purchase(999, sale_id="S", employee_id=1).future.result(5).status == "declined"
    result = reconcile(service, employee_id=9)
    assert result.ok, result
    assert result.kassa_total_minor == result.terminal_total_minor == 3050
    assert result.difference_minor == 0 and result.unresolved == ()
    assert result.approved_count == 3
    assert sim.commands()[-1].command == (0x06, 0x50)
    row = store.last_reconciliation(db, REGISTER)
    assert row is not None and row.difference_minor == 0 and row.employee_id == 9
    assert events(db)[-1] == "card_reconciled"
    # the next day starts from zero on both sides
    sim.script = Script("approve")
    assert service.purchase(700, sale_id="T", employee_id=1).future.result(5).approved
    second = reconcile(service, employee_id=9)
    assert second.ok and second.kassa_total_minor == 700 == second.terminal_total_minor
    service.stop()


def test_a_payment_kassa_never_saw_is_a_difference(db, sim) -> None:  # type: ignore[no-untyped-def]
    service, _seen = make_service(db, sim)
    assert service.purchase(1000, sale_id="S", employee_id=1).future.result(5).approved
    stray = ZvtTerminal.from_url(sim.url)  # someone keyed a payment on the terminal itself
    assert stray.purchase(4200).approved
    stray.close()
    result = reconcile(service, employee_id=9)
    assert not result.ok
    assert (result.kassa_total_minor, result.terminal_total_minor) == (1000, 5200)
    assert result.difference_minor == 4200
    journal = [e for e in entries(db, REGISTER) if e.event == "card_reconciled"]
    assert journal[-1].payload["difference_minor"] == 4200 and journal[-1].payload["ok"] is False
    service.stop()


def test_unresolved_intents_are_listed_with_receipt_numbers(db, sim) -> None:  # type: ignore[no-untyped-def]
    service, _seen = make_service(db, sim)
    from pos.app.card.results import note
    from pos.app.journal_codes import Event

    store.create_intent(db, reference="open-1", register_id=REGISTER, kind="purchase",
                        amount_minor=800, currency="NOK", sale_id="X",
                        note=note(Event.CARD_INTENT, 1))
    result = reconcile(service, employee_id=9)
    assert not result.ok
    assert [u["reference"] for u in result.unresolved] == ["open-1"]
    service.stop()


def test_terminal_unreachable_stores_nothing(db, sim) -> None:  # type: ignore[no-untyped-def]
    service, _seen = make_service(db, sim)
    sim.stop()
    result = reconcile(service, employee_id=9)
    assert not result.ok and result.error
    assert store.last_reconciliation(db, REGISTER) is None
    assert events(db)[-1] == "card_reconciled"
    service.stop()
