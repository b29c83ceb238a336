"""No full PAN leaves the driver: a simulated terminal sends an *unmasked* PAN, and neither the
logs (every logger at DEBUG) nor any repr / str of what the client returns or raises holds it."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator

import pytest

from drivers.payment.zvt_client import PaymentInDoubt, ZvtTerminal
from drivers.sim.zvt_serial_terminal import SimulatedZvtSerialTerminal
from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal

PAN = "4111111111111111"
FRAGMENTS = (PAN, PAN[:12], "41 11 11 11", "\\x41\\x11\\x11")  # digits, BCD hex, bytes repr


@pytest.fixture(params=["tcp", "serial"])
def sim(request: pytest.FixtureRequest) -> Iterator[SimulatedZvtTerminal]:
    cls = SimulatedZvtTerminal if request.param == "tcp" else SimulatedZvtSerialTerminal
    with cls() as s:
        yield s


def url(sim: SimulatedZvtTerminal) -> str:
    sep = "&" if "?" in sim.url else "?"
    return f"{sim.url}{sep}timeout=2"


def test_unmasked_pan_from_the_terminal_is_never_logged_or_repr_d(
    sim: SimulatedZvtTerminal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sim.script = Script("approve", masked_pan=PAN, receipt="lines", signature=True)
    t = ZvtTerminal.from_url(url(sim))
    t.register()
    result = t.purchase(19990)
    again = t.repeat_receipt()
    sim.script = Script("lose_completion", masked_pan=PAN)
    with pytest.raises(PaymentInDoubt) as err:
        t.purchase(500)
    if isinstance(sim, SimulatedZvtSerialTerminal):  # the cable was pulled: wait for it
        deadline = time.monotonic() + 2
        while not os.path.exists(sim.path) and time.monotonic() < deadline:
            time.sleep(0.01)
    t.close()

    assert result.approved and result.masked_pan == "************1111"
    assert again.status is not None and again.status.masked_pan == "************1111"
    assert err.value.last_status is not None
    assert err.value.last_status.masked_pan == "************1111"
    assert caplog.records, "the client logs its exchange at DEBUG"
    seen = [
        caplog.text,
        repr(result),
        str(result),
        repr(again),
        repr(again.status),
        repr(err.value),
        str(err.value),
        repr(err.value.last_status),
        repr(t),
        repr(t.transport),
        *map(repr, sim.received),
    ]
    for text in seen:
        for fragment in FRAGMENTS:
            assert fragment not in text
