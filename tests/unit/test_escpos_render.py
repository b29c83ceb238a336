"""Rendering our print document model to ESC/POS bytes (through python-escpos's command layer)."""

import pytest

from drivers.base import Barcode, Cut, Feed, PrintJob, ProtocolError, QrCode, TextLine
from drivers.printers.escpos import EscposPrinter
from drivers.printers.escpos_commands import (
    drawer_kick,
    pick_codepage,
    profile_columns,
    realtime_drawer_pulse,
    render_job,
)
from drivers.transports.tcp import TcpTransport

ESC_T = b"\x1bt"


@pytest.mark.parametrize("profile", ["default", "TM-T20II", "TM-T88V"])
def test_nordic_text_and_euro_go_out_in_pc858(profile: str) -> None:
    data = render_job(PrintJob((TextLine("æøå ÆØÅ äö ÄÖ €"),)), profile, "CP858")
    assert data.startswith(b"\x1b@" + ESC_T + b"\x13")  # ESC @, then ESC t 19 = PC858 Euro
    assert data.count(ESC_T) == 1  # no switching for any of these characters
    assert "æøå ÆØÅ äö ÄÖ €".encode("cp858") + b"\n" in data
    assert b"\xd5" in data  # the euro sign lives at 0xD5 in PC858


def test_wpc1252_when_asked() -> None:
    data = render_job(PrintJob((TextLine("€ø"),)), "TM-T88V", pick_codepage("TM-T88V", "cp1252"))
    assert ESC_T + b"\x10" in data and "€ø".encode("cp1252") in data


def test_characters_outside_the_page_switch_and_come_back() -> None:
    data = render_job(PrintJob((TextLine("Łø"),)), "TM-T20II", "CP858")
    assert ESC_T + b"\x12" + "Ł".encode("cp852") in data  # PC852 for Ł
    assert data.endswith(ESC_T + b"\x13" + "ø".encode("cp858") + b"\n")


def test_control_characters_in_data_cannot_inject_commands() -> None:
    data = render_job(
        PrintJob((TextLine("Milk\x1bp\x00\x19\x19\x1dV\x00 1l\n"),)), "default", "CP858"
    )
    assert b"\x1bp" not in data and b"\x1dV" not in data
    assert b"Milk p    V  1l \n" in data


def test_style_alignment_barcode_qr_and_cut_bytes() -> None:
    job = PrintJob(
        (
            TextLine("TOTAL", bold=True, double=True, align="right"),
            Barcode("R-1-42"),
            QrCode("https://x.example/r/42"),
            Feed(3),
            Cut(),
        )
    )
    data = render_job(job, "TM-T20II", "CP858")
    assert b"\x1bE\x01" in data and b"\x1ba\x02" in data and b"\x1b!\x30" in data
    assert b"\x1dkI\x08{BR-1-42" in data  # GS k 73 n, code set B
    assert b"\x1d(k\x19\x001P0https://x.example/r/42" in data
    assert data.endswith(b"\x1bd\x03\x1dVB\x00")


def test_unencodable_barcode_is_refused_before_any_io() -> None:
    with pytest.raises(ProtocolError):
        render_job(PrintJob((Barcode("12AB", kind="EAN13"),)), "default", "CP858")


def test_drawer_kick_bytes() -> None:
    assert drawer_kick(2, 100) == b"\x1bp\x00\x32\x32"
    assert drawer_kick(5, 250) == b"\x1bp\x01\x7d\x7d"
    assert realtime_drawer_pulse(5, 250) == b"\x10\x14\x01\x01\x02"
    with pytest.raises(ValueError):
        drawer_kick(3)
    with pytest.raises(ValueError):
        PrintJob((), open_drawer=True, drawer_pin=4)


def test_job_with_drawer_kicks_after_the_receipt() -> None:
    data = render_job(
        PrintJob((TextLine("x"), Cut()), open_drawer=True, drawer_pin=5), "default", "CP858"
    )
    assert data.endswith(b"\x1dVB\x00\x1bp\x01\x32\x32")


def test_from_url() -> None:
    p = EscposPrinter.from_url(
        "escpos+tcp://10.0.0.21:9101?profile=TM-T20II&columns=42&timeout=1.5"
    )
    assert isinstance(p.transport, TcpTransport)
    assert (p.transport.host, p.transport.port, p.transport.timeout) == ("10.0.0.21", 9101, 1.5)
    assert (p.profile, p.columns, p.codepage) == ("TM-T20II", 42, "CP858")
    assert EscposPrinter.from_url("escpos+tcp://printer").transport.port == 9100  # type: ignore[attr-defined]


def test_columns_default_from_profile() -> None:
    assert profile_columns("TM-T88V") == 42
    assert EscposPrinter.from_url("escpos+tcp://h?profile=POS-5890").columns == 32


@pytest.mark.parametrize(
    "url",
    [
        "escpos+bluetooth://00:11:22:33:44:55",  # no such transport
        "escpos-display+serial:///dev/ttyUSB0",  # another driver's scheme
        "escpos+serial://",  # no port
        "escpos+serial:///dev/ttyUSB0?baudrate=fast",
        "escpos+serial:///dev/ttyUSB0?parity=X",
        "escpos+usb://04b8",  # vendor without product
        "escpos+usb://04b8:0e28?out_ep=one",
        "escpos+file:///dev/usb/lp0?timeout=0",
        "escpos+tcp://h?profile=TM-T99",  # no such profile, and no alias for it
        "escpos+tcp://h?colums=42",
        "escpos+tcp://h?drawer_open=sideways",
        "escpos+tcp://?profile=default",
    ],
)
def test_bad_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        EscposPrinter.from_url(url)
