"""The ESC/POS pole display driver against its simulator on a real pty (/dev/pts/N)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.base import DeviceOffline, LineDisplay
from drivers.displays.escpos_display import EscposDisplay
from drivers.sim.display import SimulatedDisplay


def pad(*rows: str) -> tuple[str, ...]:
    return tuple(r.ljust(20) for r in rows)


@pytest.fixture
def sim() -> Iterator[SimulatedDisplay]:
    with SimulatedDisplay() as s:
        yield s


@pytest.fixture
def display(sim: SimulatedDisplay) -> Iterator[EscposDisplay]:
    d = EscposDisplay.from_url(sim.url)
    d.open()
    yield d
    d.close()


def test_nordic_letters_and_euro(sim: SimulatedDisplay, display: EscposDisplay) -> None:
    assert isinstance(display, LineDisplay)
    display.show(("Blåbærsyltetøy", "ÆØÅ äö  € 52,40"))
    assert sim.wait_rows(pad("Blåbærsyltetøy", "ÆØÅ äö  € 52,40")) == pad(
        "Blåbærsyltetøy", "ÆØÅ äö  € 52,40"
    )
    assert sim.parser.codec == "cp858"


def test_cp1252_page(sim: SimulatedDisplay) -> None:
    d = EscposDisplay.from_url(sim.url + "&codepage=CP1252")
    d.show(("Smørbrød € 12,50", ""))
    assert sim.wait_rows(pad("Smørbrød € 12,50", "")) == pad("Smørbrød € 12,50", "")
    assert sim.parser.codec == "cp1252"
    d.close()


def test_overlong_lines_are_cut_and_missing_rows_blank(
    sim: SimulatedDisplay, display: EscposDisplay
) -> None:
    display.show(("A" * 25 + "tail", "B" * 21))
    assert sim.wait_rows(("A" * 20, "B" * 20)) == ("A" * 20, "B" * 20)
    display.show(("only one",))
    assert sim.wait_rows(pad("only one", "")) == pad("only one", "")
    display.show(("1", "2", "3 is ignored"))
    assert sim.wait_rows(pad("1", "2")) == pad("1", "2")


def test_updates_do_not_clear_and_unchanged_rows_are_not_resent(
    sim: SimulatedDisplay, display: EscposDisplay
) -> None:
    display.show(("Melk", "kr 19,90"))
    sim.wait_rows(pad("Melk", "kr 19,90"))
    display.show(("Melk", "kr 19,90"))  # nothing changed: nothing sent
    display.show(("Brød", "kr 19,90"))  # only the top row goes out
    sim.wait_rows(pad("Brød", "kr 19,90"))
    assert sim.parser.clears == 1  # the one in the init sequence: no flicker on updates
    init_and_two_rows = 11 + 2 * 24
    assert sim.received == init_and_two_rows + 24


def test_clear(sim: SimulatedDisplay, display: EscposDisplay) -> None:
    display.show(("Takk for", "handelen!"))
    sim.wait_rows(pad("Takk for", "handelen!"))
    display.clear()
    assert sim.wait_rows(pad("", "")) == pad("", "")
    display.show(("Takk for", "handelen!"))  # shown again after a clear
    assert sim.wait_rows(pad("Takk for", "handelen!")) == pad("Takk for", "handelen!")


def test_garbage_echo_is_ignored(sim: SimulatedDisplay, display: EscposDisplay) -> None:
    sim.garbage_echo = True
    for i in range(20):
        display.show((f"line {i}", "€"))
    assert sim.wait_rows(pad("line 19", "€")) == pad("line 19", "€")


def test_unplugged_display_is_offline(sim: SimulatedDisplay, display: EscposDisplay) -> None:
    display.show(("hei", ""))
    sim.wait_rows(pad("hei", ""))
    sim.unplug()
    with pytest.raises(DeviceOffline):
        display.show(("hallo", ""))
    with pytest.raises(DeviceOffline):  # and again: reopening the vanished port fails cleanly
        display.show(("hallo", ""))


def test_missing_port_is_offline() -> None:
    with pytest.raises(DeviceOffline):
        EscposDisplay.from_url("escpos-display+serial:///dev/nonexistent-kassa").open()
