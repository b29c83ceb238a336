"""wait_for_stable against the simulated scale: motion that settles, and giving up."""

from __future__ import annotations

import threading
import time

import pytest

from drivers.base import DeviceOffline, WeightReading, WeightState
from drivers.scales.sma import SmaScale
from drivers.scales.stable import wait_for_stable
from drivers.scales.toledo8217 import Toledo8217Scale
from drivers.sim.scale import SimulatedScale

DRIVERS: dict[str, type[Toledo8217Scale] | type[SmaScale]] = {
    "toledo8217": Toledo8217Scale,
    "sma": SmaScale,
}


class FakeClock:
    """Time that moves only when the helper sleeps, so giving up takes no real time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("protocol", ["toledo8217", "sma"])
def test_motion_then_stable_returns_the_stable_reading(protocol: str) -> None:
    with SimulatedScale(protocol) as sim:  # type: ignore[arg-type]
        sim.set(480, WeightState.MOTION)
        settle = threading.Timer(0.3, sim.set, args=(500,))
        settle.start()
        with DRIVERS[protocol].from_url(sim.url) as scale:
            start = time.monotonic()
            reading = wait_for_stable(scale, 3.0, 0.05, time.monotonic, time.sleep)
        settle.join()
        assert reading == WeightReading(500, WeightState.STABLE)
        assert reading.sellable
        assert 0.3 <= time.monotonic() - start < 2.0
        assert len(sim.requests) >= 3  # it polled through the motion


@pytest.mark.parametrize(
    ("state", "grams"),
    [
        (WeightState.MOTION, 480),
        (WeightState.ZERO, 0),
        (WeightState.OVER_CAPACITY, 40000),
        (WeightState.UNDER_ZERO, 30),
    ],
)
def test_gives_up_with_the_last_reading(state: WeightState, grams: int) -> None:
    clock = FakeClock()
    with SimulatedScale("sma") as sim, SmaScale.from_url(sim.url) as scale:
        sim.set(grams, state)
        reading = wait_for_stable(scale, 2.0, 0.5, clock, clock.sleep)
    assert reading is not None and reading.state is state and not reading.sellable
    assert clock.now == pytest.approx(2.0)
    assert clock.sleeps == [0.5, 0.5, 0.5, 0.5]
    assert len(sim.requests) == 5


def test_none_when_no_answer_is_readable() -> None:
    clock = FakeClock()
    with SimulatedScale("toledo8217") as sim, Toledo8217Scale.from_url(sim.url) as scale:
        sim.set(500)
        sim.truncate = True  # every answer garbled: ProtocolError each time
        assert wait_for_stable(scale, 1.0, 0.5, clock, clock.sleep) is None
    assert len(sim.requests) == 3


def test_offline_is_raised_at_once() -> None:
    clock = FakeClock()
    with SimulatedScale("sma") as sim, SmaScale.from_url(sim.url) as scale:
        sim.silent = True
        with pytest.raises(DeviceOffline):
            wait_for_stable(scale, 10.0, 0.5, clock, clock.sleep)
    assert clock.sleeps == []
