"""Logo and QR receipts, and non-Epson profiles, at the simulated printer over TCP."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from drivers.base import Cut, Logo, PrintJob, ProtocolError, QrCode, TextLine
from drivers.printers import escpos_commands
from drivers.printers.escpos import EscposPrinter
from drivers.sim.escpos_parser import STAR_CODEPAGES
from drivers.sim.escpos_printer import SimulatedPrinter

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "printer"
TEXT = ("Kassa Butikk Øst", "Blåbærsyltetøy          39,90", "TOTAL              € 52,40")


def make_logo(path: Path, size: tuple[int, int] = (600, 120)) -> Path:
    img = Image.new("RGBA", size, (0, 0, 0, 0))  # transparent background prints white
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, size[0] // 2 - 1, size[1] - 1), fill=(0, 0, 0, 255))
    img.save(path)
    return path


def job(logo: Path) -> PrintJob:
    return PrintJob(
        (
            Logo(str(logo)),  # type: ignore[arg-type]  # PrintItem is widened at integration
            *(TextLine(t) for t in TEXT),
            QrCode("https://kassa.example/r/0001-000123"),
            Cut(),
        )
    )


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatedPrinter]:
    with SimulatedPrinter(out_dir=tmp_path / "png") as s:
        yield s


def test_logo_and_qr_receipt(sim: SimulatedPrinter, tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "logo.png")
    printer = EscposPrinter.from_url(sim.url + "&profile=TM-T20II")  # 576 dots wide
    printer.print_job(job(logo))
    printer.close()
    assert len(sim.wait_for_receipts(1)) == 1
    doc = sim.documents[0]
    (image,) = doc.images
    assert (image.width_dots, image.height_dots, image.align) == (576, 115, "center")
    assert doc.lines[0] is image  # on top
    assert doc.text == "\n".join(TEXT)  # text after the raster is intact
    assert doc.qr_codes == ["https://kassa.example/r/0001-000123"]
    # Left half black, right half white (the transparent part): the raster is the logo.
    row = image.raster[:72]
    assert row[:36] == b"\xff" * 36 and row[36:] == b"\x00" * 36
    png = Image.open(sim.png_paths[0]).convert("L")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png.save(ARTIFACTS / "logo-qr-receipt.png")
    # the logo occupies the top of the PNG: dark pixels left of centre, none at the far right
    assert png.getpixel((png.width // 2 - 100, 40)) == 0
    assert png.getpixel((png.width // 2 + 100, 40)) == 255


def test_logo_raster_is_built_once_per_file(tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "logo.png", (200, 40))
    escpos_commands._logo_raster.cache_clear()
    first = escpos_commands.render_job(job(logo), "TM-T20II", "CP858")
    second = escpos_commands.render_job(job(logo), "TM-T20II", "CP858")
    info = escpos_commands._logo_raster.cache_info()
    assert first == second and (info.misses, info.hits) == (1, 1)
    make_logo(logo, (100, 40))  # the file changes: new raster
    os.utime(logo, ns=(0, os.stat(logo).st_mtime_ns + 1_000_000))
    third = escpos_commands.render_job(job(logo), "TM-T20II", "CP858")
    assert third != first and escpos_commands._logo_raster.cache_info().misses == 2


def test_unreadable_logo_fails_before_any_io(sim: SimulatedPrinter, tmp_path: Path) -> None:
    printer = EscposPrinter.from_url(sim.url)
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a png")
    for path in (bad, tmp_path / "missing.png"):
        with pytest.raises(ProtocolError, match="logo"):
            printer.print_job(job(path))
    assert sim.print_bytes == 0
    printer.close()


@pytest.mark.parametrize("profile", ["TSP600", "TUP500", "TSP650"])
def test_star_in_escpos_emulation_prints_nordic_text(profile: str) -> None:
    # Star numbers PC858 as ESC t 4; a simulator with Star's table must read it right...
    with SimulatedPrinter(codepages=STAR_CODEPAGES) as star:
        p = EscposPrinter.from_url(star.url + f"&profile={profile}")
        p.print_job(PrintJob((*(TextLine(t) for t in TEXT), Cut())))
        p.close()
        assert star.wait_for_receipts(1) == ["\n".join(TEXT)]
    # ...and an Epson-numbered one would not (so the numbering is really exercised).
    with SimulatedPrinter() as epson:
        p = EscposPrinter.from_url(epson.url + f"&profile={profile}")
        p.print_job(PrintJob((TextLine(TEXT[0]), Cut())))
        p.close()
        assert epson.wait_for_receipts(1) != [TEXT[0]]


@pytest.mark.parametrize(
    ("profile", "columns", "esc_t"),
    [("RP326", 42, 19), ("RP80", 42, 19), ("XP-58", 32, 19), ("XP-80", 48, 19)],
)
def test_rongta_and_xprinter_profiles(
    sim: SimulatedPrinter, profile: str, columns: int, esc_t: int
) -> None:
    p = EscposPrinter.from_url(sim.url.replace("columns=42&", "") + f"&profile={profile}")
    assert p.columns == columns
    assert escpos_commands.render_job(PrintJob((TextLine("x"),)), profile, p.codepage).startswith(
        b"\x1b@\x1bt" + bytes([esc_t])
    )
    p.print_job(PrintJob((*(TextLine(t) for t in TEXT), QrCode("q"), Cut())))
    p.close()
    assert len(sim.wait_for_receipts(1)) == 1
    doc = sim.documents[0]
    assert doc.text == "\n".join(TEXT) and doc.qr_codes == ["q"]


def test_xprinter_58_logo_is_scaled_to_384_dots(sim: SimulatedPrinter, tmp_path: Path) -> None:
    p = EscposPrinter.from_url(sim.url + "&profile=XP-58")
    p.print_job(job(make_logo(tmp_path / "logo.png")))
    p.close()
    sim.wait_for_receipts(1)
    (image,) = sim.documents[0].images
    assert (image.width_dots, image.height_dots) == (384, 77)


@pytest.mark.parametrize("size", [(200, 40), (300, 2000)])  # the tall one is split at 960 rows
def test_logo_bytes_are_what_python_escpos_image_sends(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    from escpos.printer import Dummy

    logo = make_logo(tmp_path / "logo.png", size)
    reference = Dummy(profile="TM-T20II")
    reference.image(str(logo), impl="bitImageRaster")
    assert escpos_commands.logo_raster(str(logo), 576) == reference.output
