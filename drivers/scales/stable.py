"""Weighing an item at the till: poll the scale until it settles, or give up.

Pure: the clock and the sleep are passed in, so the till's worker thread uses
``time.monotonic`` / ``time.sleep`` and tests can use a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.base import DeviceError, DeviceOffline, Scale, WeightReading


def wait_for_stable(
    scale: Scale,
    timeout_s: float,
    poll_s: float,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> WeightReading | None:
    """The first sellable reading (STABLE and > 0 g) within ``timeout_s``, polling every
    ``poll_s``; else the last reading, so the UI can say "in motion", "zero", "over capacity"
    or "under zero"; else None if the scale never gave a readable answer.

    The caller adds a sale line only if ``result is not None and result.sellable``.

    DeviceOffline propagates at once (polling a dead link only delays the message); other
    device errors (a garbled answer, a passing zero error) count as "no reading this time".
    """
    if poll_s <= 0:
        raise ValueError("poll_s must be positive")
    deadline = clock() + timeout_s
    last: WeightReading | None = None
    while True:
        try:
            reading = scale.read_weight()
        except DeviceOffline:
            raise
        except DeviceError:
            reading = None
        if reading is not None:
            if reading.sellable:
                return reading
            last = reading
        remaining = deadline - clock()
        if remaining <= 0:
            return last
        sleep(min(poll_s, remaining))
