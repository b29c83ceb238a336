"""ZvtTerminal over a real pty against the simulated terminal speaking ZVT's serial framing
(DLE STX ... DLE ETX CRC, ACK / NAK, retries)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from drivers.base import DeviceOffline, ProtocolError
from drivers.payment.terminal import PaymentTerminal
from drivers.payment.zvt_client import (
    IntermediateStatus,
    Outcome,
    OutcomeUnknown,
    PaymentGarbled,
    PaymentInDoubt,
    TerminalRefused,
    ZvtTerminal,
)
from drivers.payment.zvt_codec import FrameTooLong, FrameTruncated, NotZvt
from drivers.payment.zvt_framing import Deframer, Frame, encode_frame
from drivers.payment.zvt_serial import ZvtSerialTransport
from drivers.sim.pty_port import PtyPort
from drivers.sim.zvt_serial_terminal import SimulatedZvtSerialTerminal
from drivers.sim.zvt_terminal import PIN_STATUSES, Script


@pytest.fixture
def sim() -> Iterator[SimulatedZvtSerialTerminal]:
    with SimulatedZvtSerialTerminal(ack_timeout=1.0, link_timeout=0.3) as s:
        yield s


def wait_until(condition: Callable[[], bool], timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


def terminal(sim: SimulatedZvtSerialTerminal, extra: str = "") -> ZvtTerminal:
    t = ZvtTerminal.from_url(f"{sim.url}&currency=NOK&timeout=2&link_timeout=0.3{extra}")
    return t


def test_url_builds_a_framed_serial_transport(sim: SimulatedZvtSerialTerminal) -> None:
    t = ZvtTerminal.from_url(f"zvt+serial://{sim.path}?baud=19200&parity=N&link_timeout=1")
    assert isinstance(t.transport, ZvtSerialTransport)
    assert t.transport.port.baudrate == 19200 and t.transport.port.stopbits == 2
    assert t.transport.link_timeout == 1.0 and t.transport.timeout == 90.0
    assert isinstance(t, PaymentTerminal)
    with pytest.raises(ValueError):
        ZvtTerminal.from_url(f"zvt+serial://{sim.path}?bauds=9600")


def test_register_and_approve_over_serial(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("approve", statuses=PIN_STATUSES, receipt="block", signature=True)
    t = terminal(sim)
    t.register()
    seen: list[IntermediateStatus] = []
    result = t.purchase(19990, on_status=seen.append)
    t.close()
    assert result.approved and result.amount_minor == 19990
    assert result.masked_pan == "4111********1111" and result.card_brand == "Visa"
    assert [s.code for s in seen] == list(PIN_STATUSES)
    assert result.signature_required
    assert result.merchant_receipt[0] == "MERCHANT COPY"
    assert result.merchant_receipt[-1].startswith("Signature")
    assert result.customer_receipt[0] == "CUSTOMER COPY"
    reg, auth = sim.commands()
    assert reg.encode() == bytes.fromhex("060006000000880578")
    assert auth.encode() == bytes.fromhex("06010a04000000019990490578")


def test_decline_codes_over_serial(sim: SimulatedZvtSerialTerminal) -> None:
    t = terminal(sim)
    for code, text in ((0x05, "Declined by the card issuer"), (0x64, "Card not readable")):
        sim.script = Script("decline", result_code=code)
        result = t.purchase(500)
        assert result.outcome is Outcome.DECLINED and result.result_code == code
        assert result.message == text


def test_a_refused_frame_is_sent_again(sim: SimulatedZvtSerialTerminal) -> None:
    assert sim.link is not None
    sim.link.refuse_frames = 2  # NAK, NAK, then ACK: the third try goes through
    assert terminal(sim).purchase(1000).approved
    assert [a.command for a in sim.commands()] == [(0x06, 0x01)]


def test_a_frame_refused_four_times_started_nothing(sim: SimulatedZvtSerialTerminal) -> None:
    assert sim.link is not None
    sim.link.refuse_frames = 4  # the first try and three retries
    with pytest.raises(DeviceOffline) as err:
        terminal(sim).purchase(1000)
    assert not isinstance(err.value, OutcomeUnknown)
    assert sim.commands() == []


def test_a_dead_line_is_device_offline(sim: SimulatedZvtSerialTerminal) -> None:
    assert sim.link is not None
    sim.link.deaf = True
    start = time.monotonic()
    with pytest.raises(DeviceOffline) as err:
        terminal(sim).purchase(1000)
    assert not isinstance(err.value, OutcomeUnknown)
    assert time.monotonic() - start < 3  # four tries of 0.3 s
    assert "did not acknowledge" in str(err.value)


def test_silent_terminal_after_link_ack(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("timeout")  # the frame is taken (link ACK) but no 80 00 follows
    with pytest.raises(DeviceOffline) as err:
        terminal(sim, "&ack_timeout=0.3").purchase(1000)
    assert not isinstance(err.value, OutcomeUnknown)


def test_pulled_cable_mid_payment_is_in_doubt_then_recovers(
    sim: SimulatedZvtSerialTerminal,
) -> None:
    sim.script = Script("drop", statuses=(0x0A,))
    t = terminal(sim)
    with pytest.raises(PaymentInDoubt):
        t.purchase(1000)
    wait_until(lambda: os.path.exists(sim.path))  # the adapter is back (udev made the link)
    sim.script = Script("approve")
    assert t.purchase(1000).approved  # the port is opened again behind the same path


def test_lost_completion_settled_by_repeat_receipt(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("lose_completion", receipt="lines")
    t = terminal(sim)
    with pytest.raises(PaymentInDoubt) as err:
        t.purchase(4200)
    assert err.value.last_status is not None and err.value.last_status.result_code == 0
    wait_until(lambda: os.path.exists(sim.path))  # lose_completion pulled the cable
    last = t.repeat_receipt()
    assert last.completed and last.status is not None and last.status.amount_minor == 4200
    assert last.merchant_receipt[0] == "MERCHANT COPY"
    assert last.customer_receipt[0] == "CUSTOMER COPY"


def test_abort_from_the_till_over_serial(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("hold", statuses=(0x0A,))
    t = terminal(sim, "&timeout=5")
    waiting = threading.Event()

    def cashier_presses_abort() -> None:
        waiting.wait(3)
        t.abort()

    aborter = threading.Thread(target=cashier_presses_abort)
    aborter.start()
    result = t.purchase(1000, on_status=lambda _s: waiting.set())
    aborter.join()
    assert result.outcome is Outcome.ABORTED and result.result_code == 0x6C
    assert any(a.command == (0x06, 0xB0) for a in sim.received)


def test_garbage_inside_a_good_frame_is_garbled(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("garbage")
    with pytest.raises(PaymentGarbled) as err:
        terminal(sim).purchase(1000)
    assert isinstance(err.value.__cause__, NotZvt)


def test_frames_with_a_wrong_crc_are_refused_then_garbled(
    sim: SimulatedZvtSerialTerminal,
) -> None:
    sim.script = Script("bad_crc")
    with pytest.raises(PaymentGarbled) as err:
        terminal(sim).purchase(1000)
    assert "CRC" in str(err.value)
    link = sim.link
    assert link is not None
    assert wait_until(lambda: link.naks_received >= 3)  # the last NAK may still be in flight


def test_noise_between_frames_is_skipped(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("approve", statuses=(0x0A,), noise=b"\x00\xff\x10\x41 noise \x10\x10")
    result = terminal(sim).purchase(1234)
    assert result.approved and result.amount_minor == 1234


def test_refused_command_over_serial(sim: SimulatedZvtSerialTerminal) -> None:
    sim.script = Script("refuse", result_code=0x83)
    with pytest.raises(TerminalRefused):
        terminal(sim).purchase(100)


def test_end_of_day_totals_over_serial(sim: SimulatedZvtSerialTerminal) -> None:
    t = terminal(sim)
    sim.script = Script("approve", card_name="Visa")
    t.purchase(10000)
    sim.script = Script("approve", card_name="Mastercard")
    t.purchase(2550)
    day = t.end_of_day()
    assert day.completed and day.totals is not None
    assert day.totals.amount_minor == 12550 and day.totals.count == 2
    assert {(b.brand, b.count, b.amount_minor) for b in day.totals.by_brand} == {
        ("Visa", 1, 10000),
        ("Mastercard", 1, 2550),
    }


def test_protocol_errors_are_device_errors() -> None:
    assert issubclass(NotZvt, ProtocolError)


# --- a raw peer on the pty: frames cut off or too long ------------------------------------------


def _raw_terminal(spoil: Callable[[bytes], bytes]) -> BaseException:
    """A PT that takes the command, ACKs it, then sends its 04 0F spoiled by ``spoil`` every
    time the ECR answers NAK."""
    with PtyPort(name="ttyRAW0") as pty:
        t = ZvtTerminal.from_url(
            f"zvt+serial://{pty.path}?timeout=3&ack_timeout=0.5&link_timeout=0.3"
        )
        assert isinstance(t.transport, ZvtSerialTransport)
        t.transport.inter_byte_timeout = 0.1
        naks: list[bytes] = []

        def frame_from_ecr(deframer: Deframer) -> None:
            while not any(isinstance(e, Frame) for e in deframer.feed(pty.read(4096, 1.0))):
                pass

        def peer() -> None:
            deframer = Deframer()
            frame_from_ecr(deframer)
            pty.write(b"\x06" + encode_frame(bytes.fromhex("800000")))
            pty.read_exactly(1)  # the ECR's link ACK
            status = encode_frame(bytes.fromhex("040f022700"))
            for _ in range(3):
                pty.write(spoil(status))
                naks.append(pty.read_exactly(1, timeout=1.0))

        thread = threading.Thread(target=peer, daemon=True)
        thread.start()
        try:
            t.purchase(100)
        except PaymentGarbled as exc:
            thread.join(2)
            assert naks == [b"\x15"] * 3  # each spoiled frame refused, then given up
            return exc
        finally:
            t.close()
        raise AssertionError("a spoiled frame was taken")


def test_frames_cut_off_are_truncated() -> None:
    err = _raw_terminal(lambda frame: frame[:5])
    assert isinstance(err.__cause__, FrameTruncated)


def test_frames_too_long_are_refused() -> None:
    huge = encode_frame(b"\x06\xd3\xff\x00\x50" + b"y" * 0x5000)  # 20 KiB of print data
    err = _raw_terminal(lambda _frame: huge)
    assert isinstance(err.__cause__, FrameTooLong)
