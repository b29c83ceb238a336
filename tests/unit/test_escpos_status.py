"""DLE EOT answers parsed by the Epson bit layout (n=1 printer, n=2 offline cause, n=4 paper)."""

import pytest

from drivers.base import DeviceHealth, PrinterStatus, ProtocolError
from drivers.printers.escpos_commands import STATUS_QUERY, parse_status

IDLE = bytes([0x12, 0x12, 0x12])


def test_the_query_is_dle_eot_1_2_4() -> None:
    assert STATUS_QUERY == b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"


def test_an_idle_printer_is_ready() -> None:
    status = parse_status(IDLE, drawer_open_high=True)
    assert status == PrinterStatus(online=True)
    assert status.ready
    assert status.health is DeviceHealth.OK


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # paper out: printer offline (n=1 bit 3), stopped by paper end (n=2 bit 5), sensor 0x60;
        # the cause has its own flag, so `online` stays True (the printer is there)
        (bytes([0x1A, 0x32, 0x72]), PrinterStatus(online=True, paper_out=True)),
        # cover open: printer offline, n=2 bit 2
        (bytes([0x1A, 0x16, 0x12]), PrinterStatus(online=True, cover_open=True)),
        # offline with an error (n=2 bit 6), e.g. a cutter jam: not online
        (bytes([0x1A, 0x52, 0x12]), PrinterStatus(online=False)),
        # near end only: still online
        (bytes([0x12, 0x12, 0x1E]), PrinterStatus(online=True, paper_near_end=True)),
        # drawer connector pin 3 high
        (bytes([0x16, 0x12, 0x12]), PrinterStatus(online=True, drawer_open=True)),
    ],
)
def test_each_bit_means_what_epson_says(answer: bytes, expected: PrinterStatus) -> None:
    assert parse_status(answer, drawer_open_high=True) == expected


def test_drawer_level_is_configurable() -> None:
    assert parse_status(bytes([0x12, 0x12, 0x12]), drawer_open_high=False).drawer_open
    assert not parse_status(bytes([0x16, 0x12, 0x12]), drawer_open_high=False).drawer_open


def test_health_grades() -> None:
    assert PrinterStatus(online=True, paper_near_end=True).health is DeviceHealth.WARNING
    assert PrinterStatus(online=True, paper_out=True).health is DeviceHealth.UNAVAILABLE
    assert PrinterStatus(online=True, cover_open=True).ready is False
    assert PrinterStatus(online=False).ready is False
    assert PrinterStatus.unreachable().health is DeviceHealth.UNAVAILABLE


@pytest.mark.parametrize("answer", [b"", b"\x12\x12", b"\x12\x12\x12\x12", b"\x00\x12\x12", b"AAA"])
def test_anything_else_is_a_protocol_error(answer: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_status(answer)
