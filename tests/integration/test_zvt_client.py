"""ZvtTerminal against the simulated ZVT terminal over real TCP sockets."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.base import DeviceError, DeviceOffline, ProtocolError
from drivers.payment.zvt_client import (
    IntermediateStatus,
    Outcome,
    OutcomeUnknown,
    PaymentGarbled,
    PaymentInDoubt,
    TerminalRefused,
    ZvtTerminal,
)
from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal


@pytest.fixture
def sim() -> Iterator[SimulatedZvtTerminal]:
    with SimulatedZvtTerminal() as s:
        yield s


def terminal(sim: SimulatedZvtTerminal, timeout: float = 2.0) -> ZvtTerminal:
    return ZvtTerminal.from_url(f"{sim.url}?currency=NOK&timeout={timeout}")


def test_register_then_approve(sim: SimulatedZvtTerminal, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    t = terminal(sim)
    t.register("NOK")
    result = t.purchase(19990)
    t.close()
    assert result.outcome is Outcome.APPROVED and result.approved
    assert result.amount_minor == 19990
    assert result.result_code == 0 and result.message == "Approved"
    assert result.card_brand == "Visa"
    assert result.masked_pan == "4111********1111"
    assert result.auth_code == "A1B2C3"
    assert result.terminal_id == "52500038"
    assert result.receipt_lines == ("Visa CONTACTLESS",)
    reg, auth = sim.commands()
    assert reg.encode() == bytes.fromhex("060006000000880578")
    assert auth.encode() == bytes.fromhex("06010a04000000019990490578")
    # registration: completion; purchase: 04 0F, 06 D1, 06 0F -> every PT message acknowledged
    assert sim.acks(4) == 4
    assert "4111111" not in caplog.text


def test_an_unmasked_pan_never_leaves_the_driver(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("approve", masked_pan="4111111111111111")
    result = terminal(sim).purchase(100)
    assert result.masked_pan == "************1111"
    assert "4111111111111111" not in repr(result)


def test_decline_carries_code_and_message(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("decline", result_code=0x6F)
    result = terminal(sim).purchase(500)
    assert result.outcome is Outcome.DECLINED and not result.approved
    assert result.result_code == 0x6F
    assert result.message == "Wrong currency"
    assert sim.acks(2) == 2  # 04 0F and 06 1E


def test_intermediate_statuses_reach_the_callback(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("approve", statuses=(0x0A, 0x43, 0x04))
    seen: list[IntermediateStatus] = []
    result = terminal(sim).purchase(1000, on_status=seen.append)
    assert result.approved
    assert [s.text for s in seen] == ["Insert card", "Enter PIN", "Waiting for response from host"]
    assert sim.acks(3 + 3) == 3 + 3


def test_silent_terminal_raises_device_offline(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("timeout")
    # the ACK has its own short timeout; the long one is for the customer at the card reader
    t = ZvtTerminal.from_url(f"{sim.url}?timeout=30&ack_timeout=0.3")
    start = time.monotonic()
    with pytest.raises(DeviceOffline) as err:
        t.purchase(1000)
    assert time.monotonic() - start < 2
    # no ACK came, so the terminal never took the payment: not "in doubt"
    assert not isinstance(err.value, OutcomeUnknown)


def test_silence_after_the_ack_is_in_doubt(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("hold", statuses=(0x0A,))
    seen: list[IntermediateStatus] = []
    start = time.monotonic()
    with pytest.raises(PaymentInDoubt):
        terminal(sim, timeout=0.3).purchase(1000, on_status=seen.append)
    assert 0.25 < time.monotonic() - start < 2
    assert [s.code for s in seen] == [0x0A]


def test_connection_refused_is_device_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DeviceOffline):
        ZvtTerminal.from_url(f"zvt+tcp://127.0.0.1:{port}?timeout=0.3").purchase(100)


def test_dropped_mid_transaction_is_in_doubt(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("drop", statuses=(0x0A,))
    t = terminal(sim)
    with pytest.raises(PaymentInDoubt) as err:
        t.purchase(1000)
    assert isinstance(err.value, DeviceOffline)
    assert err.value.last_status is None
    # the next command reconnects by itself
    sim.script = Script("approve")
    assert t.purchase(1000).approved
    assert sim.connections == 2


def test_lost_completion_keeps_the_approved_status(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("lose_completion")
    with pytest.raises(PaymentInDoubt) as err:
        terminal(sim).purchase(4200)
    status = err.value.last_status
    assert status is not None and status.result_code == 0 and status.amount_minor == 4200
    assert status.masked_pan == "4111********1111"


def test_repeat_receipt_settles_a_lost_completion(sim: SimulatedZvtTerminal) -> None:
    """The recovery path for "never charged twice": ask the terminal, do not pay again."""
    sim.script = Script("lose_completion")
    t = terminal(sim)
    with pytest.raises(PaymentInDoubt):
        t.purchase(4200)
    last = t.repeat_receipt()
    assert last.completed and last.status is not None
    assert last.status.result_code == 0 and last.status.amount_minor == 4200
    assert [a.command for a in sim.commands()] == [(0x06, 0x01), (0x06, 0x20)]


def test_refused_command_started_nothing(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("refuse", result_code=0x83)
    with pytest.raises(TerminalRefused) as err:
        terminal(sim).purchase(100)
    assert err.value.code == 0x83
    assert not isinstance(err.value, OutcomeUnknown)
    assert "Function not possible" in str(err.value)


def test_garbage_frame_raises_protocol_error(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("garbage")
    with pytest.raises(ProtocolError) as err:
        terminal(sim).purchase(1000)
    assert isinstance(err.value, PaymentGarbled)  # the command had been acknowledged


def test_status_enquiry(sim: SimulatedZvtTerminal) -> None:
    status = terminal(sim).status_enquiry()
    assert status.ready and status.result_code == 0
    assert status.terminal_id == "52500038"
    assert sim.commands()[0].encode() == bytes.fromhex("050103000000")


def test_abort_from_another_thread(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("hold", statuses=(0x0A,))
    t = terminal(sim)
    seen = threading.Event()

    def cashier_presses_abort() -> None:
        seen.wait(2)
        t.abort()

    aborter = threading.Thread(target=cashier_presses_abort)
    aborter.start()
    result = t.purchase(1000, on_status=lambda _s: seen.set())
    aborter.join()
    assert result.outcome is Outcome.ABORTED and result.result_code == 0x6C
    assert any(a.command == (0x06, 0xB0) for a in sim.received)


def test_abort_when_idle_is_just_acknowledged(sim: SimulatedZvtTerminal) -> None:
    terminal(sim).abort()
    assert [a.encode() for a in sim.commands()] == [bytes.fromhex("06b000")]


def test_refund_reversal_end_of_day_repeat_receipt(sim: SimulatedZvtTerminal) -> None:
    t = terminal(sim)
    assert t.refund(700).approved
    assert t.reversal(3).approved
    assert t.end_of_day().completed
    assert t.repeat_receipt().completed
    kinds = [a.command for a in sim.commands()]
    assert kinds == [(0x06, 0x31), (0x06, 0x30), (0x06, 0x50), (0x06, 0x20)]


def test_url_rejects_typos() -> None:
    with pytest.raises(ValueError):
        ZvtTerminal.from_url("zvt+tcp://10.0.0.5?curency=NOK")
    with pytest.raises(ValueError):
        ZvtTerminal.from_url("zvt+tcp://10.0.0.5?currency=XYZ")
    t = ZvtTerminal.from_url("zvt+tcp://10.0.0.5")
    assert repr(t.transport) == "TcpTransport('10.0.0.5', 20007, timeout=90.0)"
    assert t.ack_timeout == 5.0


# --- a terminal that talks nonsense --------------------------------------------------------------


class RawPeer:
    """A TCP peer that ACKs the first command and then sends the given bytes and closes."""

    def __init__(self, reply: bytes) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.reply = reply
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with self.server, contextlib.suppress(OSError):
            conn, _ = self.server.accept()
            with conn:
                conn.recv(64)
                conn.sendall(bytes.fromhex("800000") + self.reply)
                conn.settimeout(1.0)
                with contextlib.suppress(OSError):
                    while conn.recv(64):  # drain the ECR's ACKs until it hangs up
                        pass


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=80))
def test_any_reply_ends_in_a_result_or_a_device_error(reply: bytes) -> None:
    peer = RawPeer(reply)
    t = ZvtTerminal.from_url(f"zvt+tcp://127.0.0.1:{peer.port}?timeout=0.3")
    try:
        t.purchase(100)
    except DeviceError as exc:
        # the command was acknowledged, so whatever went wrong leaves the outcome in doubt
        assert isinstance(exc, OutcomeUnknown)
    finally:
        t.close()
        peer.thread.join(2)
