"""Scale drivers over a real pty, against the simulated scale speaking the wire protocol."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.base import (
    DeviceOffline,
    ProtocolError,
    Scale,
    WeightReading,
    WeightState,
)
from drivers.scales.common import ScaleFault, SerialScale
from drivers.scales.sma import SmaScale
from drivers.scales.toledo8217 import Toledo8217Scale
from drivers.sim.scale import SimulatedScale

S, M, OVER, U, Z = (
    WeightState.STABLE,
    WeightState.MOTION,
    WeightState.OVER_CAPACITY,
    WeightState.UNDER_ZERO,
    WeightState.ZERO,
)
DRIVERS: dict[str, type[Toledo8217Scale] | type[SmaScale]] = {
    "toledo8217": Toledo8217Scale,
    "sma": SmaScale,
}


@pytest.fixture(params=["toledo8217", "sma"])
def sim(request: pytest.FixtureRequest) -> Iterator[SimulatedScale]:
    with SimulatedScale(request.param) as s:
        yield s


@pytest.fixture
def scale(sim: SimulatedScale) -> Iterator[SerialScale]:
    driver = DRIVERS[sim.protocol].from_url(sim.url)
    driver.open()
    yield driver
    driver.close()


def test_driver_is_a_scale(scale: SerialScale) -> None:
    assert isinstance(scale, Scale)


def test_stable_reading_in_exact_grams(sim: SimulatedScale, scale: SerialScale) -> None:
    sim.set(1234)
    assert scale.read_weight() == WeightReading(1234, S)
    sim.set(5)
    assert scale.read_weight() == WeightReading(5, S)
    assert sim.requests == [b"W", b"W"]


# The 8217 sends only a status record (no weight) when not stable; SMA sends the weight too.
@pytest.mark.parametrize(
    ("state", "toledo", "sma"),
    [
        (M, WeightReading(0, M), WeightReading(750, M)),
        (OVER, WeightReading(0, OVER), WeightReading(750, OVER)),
        (U, WeightReading(0, U), WeightReading(-750, U)),
        (Z, WeightReading(0, Z), WeightReading(0, Z)),
    ],
)
def test_states(
    sim: SimulatedScale,
    scale: SerialScale,
    state: WeightState,
    toledo: WeightReading,
    sma: WeightReading,
) -> None:
    sim.set(750, state)
    reading = scale.read_weight()
    assert reading == (toledo if sim.protocol == "toledo8217" else sma)
    assert not reading.sellable


def test_toledo_zero_as_center_of_zero_status() -> None:
    with SimulatedScale("toledo8217", toledo_zero_status=True) as sim:
        sim.set(0)
        with Toledo8217Scale.from_url(sim.url) as scale:
            assert scale.read_weight() == WeightReading(0, Z)


def test_zero_command(sim: SimulatedScale, scale: SerialScale) -> None:
    sim.set(20)  # a little drift on the platter
    scale.zero()
    assert sim.requests[-1] == b"Z"
    assert scale.read_weight() == WeightReading(0, Z)


def test_zero_refused_in_motion(sim: SimulatedScale, scale: SerialScale) -> None:
    sim.set(300, M)
    with pytest.raises(ScaleFault, match="motion"):
        scale.zero()
    assert sim.state is M  # the scale ignored it


def test_garbage_before_the_answer_is_dropped(sim: SimulatedScale, scale: SerialScale) -> None:
    sim.garbage = b"\x00\xff\x02?\x0d\n\rjunk\x02\x0a12"
    sim.set(2500)
    assert scale.read_weight() == WeightReading(2500, S)
    sim.set(100, M)
    assert scale.read_weight().state is M


@pytest.mark.parametrize("protocol", ["toledo8217", "sma"])
def test_fuzz_garbage_before_the_answer_over_the_pty(protocol: str) -> None:
    """Any bytes before the answer (short of a complete frame: no CR) are dropped."""
    with SimulatedScale(protocol) as sim, DRIVERS[protocol].from_url(sim.url) as scale:  # type: ignore[arg-type]

        @settings(max_examples=40, deadline=None)
        @given(st.binary(max_size=48).map(lambda b: b.replace(b"\r", b"")), st.integers(1, 99999))
        def check(garbage: bytes, grams: int) -> None:
            sim.garbage = garbage
            sim.set(grams)
            assert scale.read_weight() == WeightReading(grams, S)

        check()


def test_truncated_answer_is_a_protocol_error_then_recovers(
    sim: SimulatedScale, scale: SerialScale
) -> None:
    sim.set(1234)
    sim.truncate = True
    with pytest.raises(ProtocolError):
        scale.read_weight()
    sim.truncate = False
    assert scale.read_weight() == WeightReading(1234, S)


def test_silence_is_offline_within_the_timeout(sim: SimulatedScale, scale: SerialScale) -> None:
    sim.silent = True
    start = time.monotonic()
    with pytest.raises(DeviceOffline, match="no answer"):
        scale.read_weight()
    elapsed = time.monotonic() - start
    assert scale.timeout <= elapsed < scale.timeout + 0.75
    sim.silent = False
    sim.set(42)
    assert scale.read_weight() == WeightReading(42, S)


def test_unplugged_is_offline(sim: SimulatedScale, scale: SerialScale) -> None:
    sim.set(10)
    assert scale.read_weight().grams == 10
    sim.unplug()
    with pytest.raises(DeviceOffline):
        scale.read_weight()
    with pytest.raises(DeviceOffline):  # reopening a port that is gone
        scale.read_weight()


def test_stale_answer_is_not_taken_for_the_next_one(
    sim: SimulatedScale, scale: SerialScale
) -> None:
    sim.set(1111)
    sim.delay = scale.timeout + 0.2
    with pytest.raises(DeviceOffline):
        scale.read_weight()
    time.sleep(0.4)  # the late answer to the request the driver gave up on is in the buffer
    sim.delay = 0
    sim.set(2222)
    assert scale.read_weight() == WeightReading(2222, S)


def test_missing_port_is_offline() -> None:
    scale = Toledo8217Scale.from_url("toledo8217+serial:///dev/does-not-exist?timeout=0.2")
    with pytest.raises(DeviceOffline, match="no such port"):
        scale.read_weight()


def test_from_url_defaults_and_errors() -> None:
    toledo = Toledo8217Scale.from_url("toledo8217+serial:///dev/ttyUSB1")
    t = toledo.transport
    assert (t.port, t.baudrate, t.bytesize, t.parity, t.stopbits) == (
        "/dev/ttyUSB1",
        9600,
        7,
        "E",
        1,
    )
    assert toledo.unit == "kg" and toledo.timeout == 1
    lb = Toledo8217Scale.from_url("toledo8217+serial:///dev/ttyS0?unit=lb&baudrate=4800")
    assert lb.unit == "lb" and lb.transport.baudrate == 4800
    sma = SmaScale.from_url("sma+serial:///dev/ttyUSB1?timeout=2")
    assert (sma.transport.bytesize, sma.transport.parity, sma.timeout) == (8, "N", 2)
    with pytest.raises(ValueError, match="unknown parameter"):
        SmaScale.from_url("sma+serial:///dev/ttyUSB1?unit=kg")
    with pytest.raises(ValueError):
        Toledo8217Scale.from_url("sma+serial:///dev/ttyUSB1")
    with pytest.raises(ValueError):
        Toledo8217Scale.from_url("toledo8217+serial:///dev/ttyUSB1?unit=st")
