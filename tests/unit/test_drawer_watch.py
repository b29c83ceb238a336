"""The pure "drawer left open" watcher, and the serial drawer's sensor logic (the part a pty
cannot drive: a pty has no CTS/DSR lines)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.drawers.serial_drawer import SerialDrawer, drawer_open_from_lines
from drivers.drawers.watch import DrawerAlert, LeftOpenWatch


def test_opened_then_left_open_once_then_closed() -> None:
    w = LeftOpenWatch(limit=30)
    assert w.observe(False, 0) == []
    assert w.observe(True, 5) == [DrawerAlert("opened", 5, 0.0)]
    assert w.observe(True, 34.9) == []
    assert not w.overdue(34.9) and w.overdue(35)
    assert w.observe(True, 35) == [DrawerAlert("left_open", 35, 30)]
    assert w.observe(True, 90) == []  # warned once per opening
    assert w.open_for(90) == 85
    assert w.observe(False, 100) == [DrawerAlert("closed", 100, 95)]
    assert w.open_for(101) == 0.0 and not w.overdue(1000)


def test_a_new_opening_warns_again() -> None:
    w = LeftOpenWatch(limit=10)
    w.observe(True, 0)
    assert [a.kind for a in w.observe(True, 10)] == ["left_open"]
    w.observe(False, 11)
    w.observe(True, 12)
    assert [a.kind for a in w.observe(True, 22)] == ["left_open"]


def test_a_late_reading_does_not_reopen_a_closed_drawer() -> None:
    w = LeftOpenWatch(limit=10)
    w.observe(True, 0)
    w.observe(False, 5)
    assert w.observe(True, 4) == []  # older than the last reading
    assert not w.is_open


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        LeftOpenWatch(limit=0)


@given(st.lists(st.tuples(st.booleans(), st.floats(0, 100)), max_size=40), st.floats(0.1, 50))
def test_warns_exactly_when_the_current_open_run_reaches_the_limit(
    readings: list[tuple[bool, float]], limit: float
) -> None:
    w = LeftOpenWatch(limit)
    t, run_start, warned = 0.0, None, False
    for is_open, dt in readings:
        t += dt
        kinds = [a.kind for a in w.observe(is_open, t)]
        if is_open:
            run_start = t if run_start is None else run_start
            due = t - run_start >= limit and not warned
            assert ("left_open" in kinds) == due
            warned = warned or due
        else:
            run_start, warned = None, False
        assert w.overdue(t) == (run_start is not None and t - run_start >= limit)


@pytest.mark.parametrize(
    ("cts", "dsr", "sensor", "level", "expected"),
    [
        (True, False, "cts", "high", True),
        (False, True, "cts", "high", False),
        (False, True, "dsr", "high", True),
        (True, False, "dsr", "low", True),
        (True, True, "cts", "low", False),
        (True, True, "none", "high", False),  # no switch: never "open" (UPOS CapStatus false)
    ],
)
def test_sensor_lines(cts: bool, dsr: bool, sensor: str, level: str, expected: bool) -> None:
    assert drawer_open_from_lines(cts, dsr, sensor, level) is expected  # type: ignore[arg-type]


def test_serial_drawer_url() -> None:
    d = SerialDrawer.from_url(
        "serial-drawer:///dev/ttyS0?trigger=dtr&sensor=dsr&pulse=150&open_level=low&baudrate=19200"
    )
    assert (d.path, d.trigger, d.sensor, d.pulse_ms, d.open_level, d.baudrate) == (
        "/dev/ttyS0", "dtr", "dsr", 150, "low", 19200,
    )  # fmt: skip
    assert SerialDrawer.from_url("serial-drawer:///dev/ttyS1?byte=0x1b").kick_byte == 0x1B
    for bad in (
        "serial-drawer:///dev/ttyS0?trigger=rs",
        "serial-drawer:///dev/ttyS0?sensor=ri",
        "serial-drawer:///dev/ttyS0?speed=9600",
        "serial-drawer:///dev/ttyS0?byte=300",
        "serial:///dev/ttyS0",
    ):
        with pytest.raises(ValueError):
            SerialDrawer.from_url(bad)
