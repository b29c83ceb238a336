"""The simulated pole display's command parser, and the bytes our display driver writes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.displays.escpos_display import EscposDisplay, init_sequence, row_bytes
from drivers.sim.display import DisplayParser

BLANK = " " * 20


def shown(*chunks: bytes) -> tuple[str, ...]:
    p = DisplayParser()
    for c in chunks:
        p.feed(c)
    return p.rows


def test_hand_written_dm_d_commands() -> None:
    # ESC @, ESC t 19 (PC858), CLR, US $ 3 2, text, HOM, text, CAN on row 1
    data = b"\x1b@\x1bt\x13\x0c\x1f\x24\x03\x02" + "Ø €".encode("cp858") + b"\x0bab"
    assert shown(data) == ("ab".ljust(20), "  Ø €".ljust(20))
    assert shown(data + b"\x18") == (BLANK, "  Ø €".ljust(20))


def test_overwrite_mode_wraps_and_vertical_scroll_mode_scrolls() -> None:
    assert shown(b"\x1f\x01" + b"x" * 41) == ("x" * 20, "x" * 20)  # 41st char overwrote (1,1)
    assert shown(b"\x1f\x02" + b"a" * 20 + b"b" * 20 + b"c") == ("b" * 20, "c".ljust(20))


def test_commands_split_anywhere() -> None:
    data = init_sequence("CP858") + row_bytes("Blåbær €", 1, 20, "CP858")
    assert shown(*[data[i : i + 1] for i in range(len(data))])[0] == "Blåbær €".ljust(20)


def test_row_bytes_cut_pad_and_sanitise() -> None:
    assert row_bytes("abc", 2, 5, "CP858") == b"\x1f\x24\x01\x02abc  "
    assert row_bytes("abcdefgh", 1, 5, "CP858").endswith(b"abcde")
    assert row_bytes("a\x0cb\x1bc", 1, 5, "CP858").endswith(b"a b c")  # no injected commands
    assert row_bytes("€", 1, 1, "CP1252").endswith(b"\x80")
    assert row_bytes("€", 1, 1, "CP850").endswith(b"?")  # CP850 has no €


def test_display_url() -> None:
    d = EscposDisplay.from_url(
        "escpos-display+serial:///dev/ttyUSB2?baudrate=19200&codepage=cp1252"
    )
    port = d.transport.port  # type: ignore[attr-defined]
    baudrate = d.transport.baudrate  # type: ignore[attr-defined]
    assert (port, baudrate, d.codepage, d.columns, d.rows) == (
        "/dev/ttyUSB2", 19200, "CP1252", 20, 2,
    )  # fmt: skip
    for bad in (
        "escpos-display+serial:///dev/ttyUSB2?codepage=CP865x",
        "escpos-display+serial:///dev/ttyUSB2?speed=9600",
        "serial:///dev/ttyUSB2",
        "escpos-display+serial:///dev/ttyUSB2?rows=9",
    ):
        with pytest.raises(ValueError):
            EscposDisplay.from_url(bad)


printable = st.text(st.sampled_from("abcxyzÆØÅæøåäöÄÖ€ 0123456789,."), max_size=30)


@settings(max_examples=300)
@given(st.binary(max_size=200), printable, printable, st.integers(1, 7))
def test_garbage_never_raises_and_a_full_redraw_after_it_is_exact(
    garbage: bytes, top: str, bottom: str, split: int
) -> None:
    p = DisplayParser()
    p.feed(garbage)  # never raises
    redraw = init_sequence("CP858") + row_bytes(top, 1, 20, "CP858")
    redraw += row_bytes(bottom, 2, 20, "CP858")
    for i in range(0, len(redraw), split):
        p.feed(redraw[i : i + split])
    assert p.rows == (top[:20].ljust(20), bottom[:20].ljust(20))
