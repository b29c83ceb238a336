"""The card payment service against the simulated ZVT terminal over real TCP: every outcome,
every lost answer recovered by asking the terminal, never a second charge."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal
from pos.app.card import CardError
from pos.store import card_payments as store
from pos.store.db import Database
from tests.integration.card_helpers import (
    REGISTER,
    events,
    fresh_db,
    make_service,
    payments_sent,
)


@pytest.fixture
def sim() -> Iterator[SimulatedZvtTerminal]:
    with SimulatedZvtTerminal() as s:
        yield s


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = fresh_db(tmp_path)
    yield database
    database.close()


def test_approved_purchase_is_stored_with_masked_card_data(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("approve", statuses=(0x0A, 0x01, 0x04))
    service, seen = make_service(db, sim)
    attempt = service.purchase(19990, sale_id="S1", employee_id=1, snapshot={"n": 1})
    outcome = attempt.future.result(5)
    assert outcome.approved and outcome.amount_minor == 19990
    intent = store.get_intent(db, attempt.reference)
    assert intent is not None
    assert (intent.state, intent.outcome, intent.kind) == ("approved", "approved", "purchase")
    assert intent.masked_pan == "4111********1111" and intent.card_brand == "Visa"
    assert intent.auth_code == "A1B2C3" and intent.terminal_id == "52500038"
    assert intent.receipt_no is not None and intent.trace_no is not None
    assert intent.terminal_time == "1123 153012"  # the terminal's clock: BMP 0D MMDD, 0C HHMMSS
    assert intent.lines("customer") == ["Visa CONTACTLESS"]
    assert intent.sale_id == "S1" and intent.employee_id == 1
    assert [u.code for u in seen if u.stage == "status"] == [0x0A, 0x01, 0x04]
    assert next(u.text for u in seen if u.stage == "status") == "Insert card"
    assert [u.key for u in seen if u.stage == "status"] == [
        "insert_card", "watch_pin_pad", "waiting_for_host"]
    assert seen[0].stage == "sending" and seen[-1].stage == "done"
    assert events(db) == ["card_intent", "card_sent", "card_approved"]
    service.settle("S1")  # the sale holding it was committed
    assert store.get_intent(db, attempt.reference).state == "resolved"  # type: ignore[union-attr]
    assert events(db)[-1] == "card_settled"
    assert payments_sent(sim) == 1
    service.stop()


@pytest.mark.parametrize("code", [0x05, 0x51, 0x55, 0x33])
def test_declines_carry_their_code(db, sim, code: int) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("decline", result_code=code)
    service, _seen = make_service(db, sim)
    outcome = service.purchase(500, sale_id="S1", employee_id=1).future.result(5)
    assert outcome.status == "declined" and outcome.result_code == code
    intent = store.get_intent(db, outcome.reference)
    assert intent is not None and intent.state == "declined" and not intent.is_open
    assert events(db) == ["card_intent", "card_declined"]
    # a decline is final: the next purchase may go ahead
    sim.script = Script("approve")
    assert service.purchase(500, sale_id="S1", employee_id=1).future.result(5).approved
    service.stop()


def test_customer_abort_at_the_terminal(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("decline", result_code=0x6C, statuses=(0x0A,))
    service, _seen = make_service(db, sim)
    outcome = service.purchase(700, sale_id="S1", employee_id=1).future.result(5)
    assert outcome.status == "aborted"
    assert store.get_intent(db, outcome.reference).state == "aborted"  # type: ignore[union-attr]
    service.stop()


def test_cashier_cancel_sends_abort(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("hold", statuses=(0x0A,))
    service, _seen = make_service(db, sim, timeout=5)
    waiting = threading.Event()
    service.updates.connect(lambda u: u.stage == "status" and waiting.set())
    attempt = service.purchase(900, sale_id="S1", employee_id=1)
    assert waiting.wait(5)
    service.abort()
    outcome = attempt.future.result(5)
    assert outcome.status == "aborted"
    assert any(a.command == (0x06, 0xB0) for a in sim.commands())
    assert payments_sent(sim) == 1
    service.stop()


def test_busy_and_bad_amounts_are_refused_before_anything_is_written(db, sim) -> None:  # type: ignore[no-untyped-def]
    service, _seen = make_service(db, sim)
    with pytest.raises(CardError) as err:
        service.purchase(0, sale_id="S1", employee_id=1)
    assert err.value.kind == "bad_amount"
    assert events(db) == []
    service.stop()


def test_silence_after_ack_is_recovered_as_not_charged(db, sim) -> None:  # type: ignore[no-untyped-def]
    """Timeout mid-payment: the terminal is asked; its last transaction is not this one."""
    sim.script = Script("hold", statuses=(0x0A,))
    service, seen = make_service(db, sim, timeout=0.3)
    outcome = service.purchase(1200, sale_id="S1", employee_id=1).future.result(10)
    assert outcome.status == "not_charged" and outcome.recovered
    assert "checking" in [u.stage for u in seen]
    assert events(db) == ["card_intent", "card_sent", "card_in_doubt", "card_recovered"]
    # then the cashier tries again and the customer pays: exactly one more authorization
    sim.script = Script("approve")
    assert service.purchase(1200, sale_id="S1", employee_id=1).future.result(5).approved
    assert payments_sent(sim) == 2
    service.stop()


def test_no_ack_at_all_is_not_charged(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("timeout")
    service, _seen = make_service(db, sim, ack_timeout=0.3)
    outcome = service.purchase(1300, sale_id="S1", employee_id=1).future.result(10)
    assert outcome.status == "not_charged"
    service.stop()


def test_dropped_link_mid_payment_then_recovery(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("drop", statuses=(0x0A, 0x43))
    service, _seen = make_service(db, sim)
    outcome = service.purchase(1500, sale_id="S1", employee_id=1).future.result(10)
    assert outcome.status == "not_charged" and outcome.recovered
    intent = store.get_intent(db, outcome.reference)
    assert intent is not None and intent.state == "aborted" and intent.resolution == "recovered"
    assert payments_sent(sim) == 1
    service.stop()


def test_approved_but_reply_lost_is_recorded_once(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("lose_completion", statuses=(0x0A,))
    service, _seen = make_service(db, sim)
    outcome = service.purchase(2500, sale_id="S1", employee_id=1).future.result(10)
    assert outcome.status == "approved" and outcome.recovered
    intent = store.get_intent(db, outcome.reference)
    assert intent is not None and intent.state == "approved" and intent.resolution == "recovered"
    assert intent.masked_pan == "4111********1111" and intent.receipt_no is not None
    assert payments_sent(sim) == 1
    # asking again changes nothing: nothing is open, no second record
    assert service.recover().result(5) == []
    with db.read() as con:
        approved = con.execute("SELECT COUNT(*) FROM card_intents WHERE outcome = 'approved'")
        assert approved.fetchone()[0] == 1
    assert events(db).count("card_recovered") == 1
    service.stop()


def test_garbage_mid_payment_is_recovered(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("garbage")
    service, _seen = make_service(db, sim)
    outcome = service.purchase(800, sale_id="S1", employee_id=1).future.result(10)
    assert outcome.status == "not_charged" and outcome.recovered
    service.stop()


def test_unreachable_terminal_leaves_it_to_the_cashier(db, sim) -> None:  # type: ignore[no-untyped-def]
    sim.script = Script("hold", statuses=(0x0A,))
    service, _seen = make_service(db, sim, timeout=0.3)
    stop_after_status = threading.Event()
    service.updates.connect(lambda u: u.stage == "status" and stop_after_status.set())
    attempt = service.purchase(4200, sale_id="S1", employee_id=1)
    assert stop_after_status.wait(5)
    sim.stop()  # the terminal goes away while the customer is at it
    outcome = attempt.future.result(10)
    assert outcome.status == "unknown"
    assert [i.reference for i in service.open_intents()] == [attempt.reference]
    with pytest.raises(CardError) as err:  # never a second charge while this one is open
        service.purchase(4200, sale_id="S1", employee_id=1)
    assert err.value.kind == "unresolved"
    resolved = service.resolve_manually(attempt.reference, True, employee_id=1, approver_id=2)
    assert resolved.status == "approved"
    intent = store.get_intent(db, attempt.reference)
    assert intent is not None and intent.approved_by == 2 and intent.resolution == "cashier"
    assert events(db)[-1] == "card_resolved_by_cashier"
    assert service.open_intents() == []
    service.stop()


def test_intent_left_open_by_a_crash_is_recovered_at_start(db, sim) -> None:  # type: ignore[no-untyped-def]
    """The till committed the intent, the terminal approved, the till died before recording."""
    from drivers.payment.zvt_client import ZvtTerminal
    from pos.app.card.results import note
    from pos.app.journal_codes import Event

    intent = store.create_intent(
        db, reference="crashed-1", register_id=REGISTER, kind="purchase", amount_minor=3100,
        currency="NOK", sale_id="S9", employee_id=1, note=note(Event.CARD_INTENT, 1))
    direct = ZvtTerminal.from_url(sim.url)
    assert direct.purchase(3100).approved  # what the dead till had sent
    direct.close()
    service, _seen = make_service(db, sim)
    outcomes = service.start().result(10)
    assert [(o.reference, o.status) for o in outcomes] == [(intent.reference, "approved")]
    assert [i.reference for i in service.restorable()] == ["crashed-1"]
    # a second start (another crash) finds nothing more to do
    assert service.start().result(10) == []
    assert payments_sent(sim) == 1
    service.stop()


def test_refund_and_reversal(db, sim) -> None:  # type: ignore[no-untyped-def]
    service, _seen = make_service(db, sim)
    paid = service.purchase(5000, sale_id="S1", employee_id=1).future.result(5)
    assert paid.approved
    service.settle("S1")
    refund = service.refund(2000, employee_id=1, original_sale_id="S1", sale_id="R1")
    refunded = refund.future.result(5)
    assert refunded.approved and refunded.kind == "refund"
    intent = store.get_intent(db, refund.reference)
    assert intent is not None and intent.original_reference == paid.reference
    assert intent.state == "resolved"
    assert sim.commands()[-1].command == (0x06, 0x31)

    second = service.purchase(700, sale_id="S2", employee_id=1).future.result(5)
    reversal = service.reversal(employee_id=1)
    reversed_ = reversal.future.result(5)
    assert reversed_.approved and reversed_.kind == "reversal"
    assert sim.commands()[-1].command == (0x06, 0x30)
    original = store.get_intent(db, second.reference)
    assert original is not None and original.resolution == "reversed"
    assert original.state == "resolved"
    with pytest.raises(CardError):
        service.reversal(employee_id=1, original_reference=second.reference)
    service.stop()
