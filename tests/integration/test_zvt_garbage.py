"""Garbage from the simulated terminal, over TCP and over a pty: the client ends every payment
with a result or a driver error (an OutcomeUnknown, since the command was acknowledged), within
its timeout; it never hangs and never raises anything else."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.base import DeviceError
from drivers.payment.zvt_client import OutcomeUnknown, PaymentGarbled, ZvtTerminal
from drivers.sim.zvt_serial_terminal import SimulatedZvtSerialTerminal
from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal

# Bytes that start like a ZVT message (class 04 / 06 / 80 / 84) but go wrong later.
plausible = st.tuples(
    st.sampled_from([b"\x04\x0f", b"\x06\x0f", b"\x06\xd3", b"\x04\xff", b"\x80\x00", b"\x84"]),
    st.binary(max_size=40),
).map(lambda parts: parts[0] + parts[1])
garbage = st.one_of(st.binary(min_size=1, max_size=60), plausible)


def pay_through(sim: SimulatedZvtTerminal, reply: bytes, url: str) -> None:
    sim.script = Script("garbage", garbage=reply)
    t = ZvtTerminal.from_url(url)
    start = time.monotonic()
    try:
        t.purchase(100)
    except DeviceError as exc:
        assert isinstance(exc, OutcomeUnknown)  # acknowledged, then nonsense: in doubt
    finally:
        t.close()
    assert time.monotonic() - start < 3  # bounded by the 0.3 s timeout, never a hang


def test_garbage_over_tcp() -> None:
    with SimulatedZvtTerminal() as sim:

        @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(garbage)
        def check(reply: bytes) -> None:
            pay_through(sim, reply, f"{sim.url}?timeout=0.2")

        check()


def test_garbage_in_good_frames_over_a_pty() -> None:
    with SimulatedZvtSerialTerminal(ack_timeout=0.3, link_timeout=0.2) as sim:

        @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(garbage)
        def check(reply: bytes) -> None:
            pay_through(sim, reply, f"{sim.url}&timeout=0.2&link_timeout=0.2")

        check()


def test_fixed_garbage_is_garbled_on_both_links() -> None:
    with SimulatedZvtTerminal() as tcp, SimulatedZvtSerialTerminal() as serial:
        for sim, url in ((tcp, f"{tcp.url}?timeout=1"), (serial, f"{serial.url}&timeout=1")):
            sim.script = Script("garbage", garbage=b"\x13\x37\x00HELLO")
            t = ZvtTerminal.from_url(url)
            try:
                t.purchase(100)
            except PaymentGarbled as exc:
                assert "not a ZVT frame" in str(exc)
            else:
                raise AssertionError("garbage was taken for an answer")
            finally:
                t.close()
