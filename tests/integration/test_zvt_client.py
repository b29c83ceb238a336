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
from drivers.payment.terminal import BatchTotals
from drivers.payment.zvt_client import (
    IntermediateStatus,
    Outcome,
    OutcomeUnknown,
    PaymentGarbled,
    PaymentInDoubt,
    TerminalRefused,
    ZvtTerminal,
)
from drivers.payment.zvt_codec import Apdu, FrameTooLong, FrameTruncated, NotZvt
from drivers.sim.zvt_terminal import PIN_STATUSES, Script, SimulatedZvtTerminal


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
    assert (result.terminal_date, result.terminal_time) == ("1123", "153012")  # BMP 0D, 0C
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
    sim.script = Script("approve", statuses=PIN_STATUSES)
    seen: list[IntermediateStatus] = []
    result = terminal(sim).purchase(1000, on_status=seen.append)
    assert result.approved
    assert [s.text for s in seen] == [
        "Insert card",
        "Please watch PIN pad",
        "Please watch PIN pad",
        "Waiting for response from host",
        "Please remove card",
    ]
    assert [s.key for s in seen] == [
        "insert_card", "watch_pin_pad", "watch_pin_pad", "waiting_for_host", "remove_card"]
    assert sim.acks(5 + 3) == 5 + 3


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
    paid = t.purchase(2500)
    assert paid.receipt_no is not None
    reversed_ = t.reversal(paid.receipt_no)
    assert reversed_.approved and reversed_.amount_minor == 2500
    again = t.reversal(paid.receipt_no)
    assert again.outcome is Outcome.DECLINED and again.message == "Already reversed"
    unknown = t.reversal(9999)
    assert unknown.result_code == 0xB5 and unknown.message == "Reversal not possible"
    assert t.end_of_day().completed
    assert t.repeat_receipt().completed
    kinds = [a.command for a in sim.commands()]
    assert kinds == [(0x06, 0x31), (0x06, 0x01)] + [(0x06, 0x30)] * 3 + [(0x06, 0x50), (0x06, 0x20)]


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


@settings(max_examples=20, deadline=None)
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


# --- receipts, signature, totals, status --------------------------------------------------------


def test_merchant_and_customer_copies_from_print_lines(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("approve", receipt="lines", signature=True)
    result = terminal(sim).purchase(1250)
    assert result.signature_required
    assert result.merchant_receipt[0] == "MERCHANT COPY"
    assert result.merchant_receipt[-1] == "Signature: ____________________"
    assert result.customer_receipt[0] == "CUSTOMER COPY"
    assert "NOK 12,50" in result.customer_receipt
    assert result.receipt_lines == result.merchant_receipt + result.customer_receipt


def test_receipt_copies_from_text_blocks_without_signature(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("approve", receipt="block")
    result = terminal(sim).purchase(1250)
    assert not result.signature_required  # PIN verified
    assert result.merchant_receipt[0] == "MERCHANT COPY"
    assert result.customer_receipt[0] == "CUSTOMER COPY"
    assert not any("Signature" in line for line in result.merchant_receipt)


def test_end_of_day_totals_net_of_refunds_and_reversals(sim: SimulatedZvtTerminal) -> None:
    t = terminal(sim)
    first = t.purchase(10000)
    t.purchase(5000)
    assert first.receipt_no is not None and t.reversal(first.receipt_no).approved
    t.refund(1500)
    sim.script = Script("approve", card_name="BankAxept")
    t.purchase(700)
    day = t.end_of_day()
    assert day.completed and day.totals is not None
    assert day.totals.amount_minor == 5000 - 1500 + 700
    assert {(b.brand, b.count, b.amount_minor) for b in day.totals.by_brand} == {
        ("Visa", 2, 3500),  # the 50.00 purchase and the 15.00 refund; the reversed one is out
        ("Other", 1, 700),
    }
    assert "END OF DAY" in day.receipt_lines
    assert t.end_of_day().totals == BatchTotals(0, 0, 0, 0, ())  # the batch was closed


def test_status_enquiry_of_a_busy_terminal(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script(status_code=0x9C)
    status = terminal(sim).status_enquiry()
    assert not status.ready and status.result_code == 0x9C and status.message == "Please wait"


# --- truncated, oversized and unreadable answers -------------------------------------------------


def _pay_against(reply: bytes, url_extra: str = "") -> BaseException:
    peer = RawPeer(reply)
    url = f"zvt+tcp://127.0.0.1:{peer.port}?timeout=5&ack_timeout=0.3{url_extra}"
    t = ZvtTerminal.from_url(url)
    start = time.monotonic()
    try:
        t.purchase(100)
    except DeviceError as exc:
        assert time.monotonic() - start < 2  # never the 5 s customer timeout, never a hang
        return exc
    finally:
        t.close()
        peer.thread.join(2)
    raise AssertionError("the reply was taken for an answer")


def test_a_frame_cut_off_half_way_is_truncated() -> None:
    err = _pay_against(bytes.fromhex("040f0a2700"))  # says 10 bytes, sends 2, goes quiet
    assert isinstance(err, PaymentGarbled) and isinstance(err.__cause__, FrameTruncated)


def test_an_oversized_frame_is_refused_at_once() -> None:
    err = _pay_against(bytes.fromhex("06d3ffffff") + b"x" * 10)  # announces 65535 bytes
    assert isinstance(err, PaymentGarbled) and isinstance(err.__cause__, FrameTooLong)


def test_garbage_instead_of_the_ack_is_in_doubt() -> None:
    class GarbledAck(RawPeer):
        def _serve(self) -> None:
            with self.server, contextlib.suppress(OSError):
                conn, _ = self.server.accept()
                with conn:
                    conn.recv(64)
                    conn.sendall(b"\x13\x37\x00")

    peer = GarbledAck(b"")
    t = ZvtTerminal.from_url(f"zvt+tcp://127.0.0.1:{peer.port}?timeout=1")
    with pytest.raises(PaymentGarbled) as err:
        t.purchase(100)
    assert isinstance(err.value.__cause__, NotZvt)
    peer.thread.join(2)


def test_an_unreadable_receipt_does_not_spoil_an_approval() -> None:
    """Approved 04 0F, then a print text block whose TLV is broken, then completion."""
    approved = Apdu(0x04, 0x0F, bytes.fromhex("2700040000000001008700 01".replace(" ", "")))
    broken = Apdu(0x06, 0xD3, bytes.fromhex("0603250507"))  # TLV 25 says 5 bytes, has 1
    done = Apdu(0x06, 0x0F)

    class Peer(RawPeer):
        def _serve(self) -> None:
            with self.server, contextlib.suppress(OSError):
                conn, _ = self.server.accept()
                with conn:
                    conn.recv(64)
                    conn.sendall(bytes.fromhex("800000"))
                    for msg in (approved, broken, done):
                        conn.sendall(msg.encode())
                        conn.recv(3)  # the ECR's ACK

    peer = Peer(b"")
    result = ZvtTerminal.from_url(f"zvt+tcp://127.0.0.1:{peer.port}?timeout=2").purchase(100)
    assert result.approved and result.receipt_no == 1 and result.receipt_lines == ()
    peer.thread.join(2)


def test_the_simulator_forgets_closed_connections(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("drop")  # the simulator ends the connection itself (its return path)
    with pytest.raises(DeviceOffline):
        terminal(sim).purchase(100)
    t = terminal(sim)
    t.status_enquiry()
    t.close()  # ... and here the ECR does
    deadline = time.monotonic() + 5
    while sim._clients and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sim.connections == 2 and not sim._clients


def test_status_delay_paces_the_statuses(sim: SimulatedZvtTerminal) -> None:
    sim.script = Script("approve", statuses=(0x0A, 0x01), status_delay=0.05)
    seen: list[float] = []
    started = time.monotonic()
    assert terminal(sim).purchase(100, on_status=lambda s: seen.append(time.monotonic())).approved
    assert len(seen) == 2 and seen[0] - started >= 0.05 and seen[1] - seen[0] >= 0.05
