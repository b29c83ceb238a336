"""ESC/POS bytes for our print document model, and the real-time status bytes, parsed.

Rendering uses python-escpos's command layer: a ``Dummy`` printer carrying the capability
profile records the commands; we take its ``.output`` and send it through our own transport in
one write. No I/O happens here, so everything in this module is unit-testable.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import pickle
import platform
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs
from PIL import Image

from drivers.base import (
    Barcode,
    Cut,
    Feed,
    Logo,
    PrinterStatus,
    PrintJob,
    ProtocolError,
    QrCode,
    TextLine,
)


# Importing escpos.capabilities (python-escpos 3.1) has two side effects we undo or steer:
# it calls logging.basicConfig(), which would make the till's own later basicConfig() a no-op,
# and it caches the parsed printer database in a *new* temp directory per process, so the cache
# never hits (~0.4 s per start) unless ESCPOS_CAPABILITIES_PICKLE_DIR names a directory. (It
# still creates one empty temp directory per process: mkdtemp() is its eager default argument.)
def _prime_capabilities_cache(directory: Path) -> None:
    """Write python-escpos's pickle cache ourselves, atomically, before it is imported.

    python-escpos writes the cache in place (open "wb", then dump) when it finds none, so two
    processes starting together (two tills, parallel tests) can read a half-written pickle and
    fail with EOFError. With a fresh cache present it only reads. os.replace is atomic.
    """
    spec = importlib.util.find_spec("escpos")
    if spec is None or not spec.submodule_search_locations:
        return
    source = Path(next(iter(spec.submodule_search_locations))) / "capabilities.json"
    target = directory / f"{platform.python_version()}.capabilities.pickle"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return
    data = json.loads(source.read_text(encoding="utf-8"))  # it reads the JSON with YAML: same
    temporary = directory / f"{target.name}.{os.getpid()}.tmp"
    with temporary.open("wb") as handle:
        pickle.dump(data, handle, protocol=2)
    os.replace(temporary, target)


_cache = Path(platformdirs.user_cache_dir("kassa")) / "escpos"
try:
    _cache.mkdir(parents=True, exist_ok=True)
    _prime_capabilities_cache(_cache)
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_cache))
except OSError:
    pass  # read-only home: python-escpos falls back to its temp directory
_root_handlers = list(logging.getLogger().handlers)

from escpos.capabilities import CAPABILITIES, get_profile  # noqa: E402
from escpos.constants import RT_STATUS  # noqa: E402
from escpos.exceptions import Error as EscposError  # noqa: E402
from escpos.image import EscposImage  # noqa: E402
from escpos.printer import Dummy  # noqa: E402

logging.getLogger().handlers[:] = _root_handlers

# Code pages with æøåÆØÅäöÄÖ *and* €, best first. CP858 is CP850 with € at 0xD5 (Epson
# "PC858 Euro", ESC t 19); WPC1252 is ESC t 16. CP865 ("Nordic") has no €, so it is only a
# last resort. python-escpos's automatic choice is NOT used as the starting point: it tries code
# pages in string order of their slot ("0" < "11" < "15" < "2") and ends up switching between
# CP437, CP857 (Turkish) and ISO 8859-7 (Greek) for "æø€".
PREFERRED_CODEPAGES = ("CP858", "CP1252", "ISO_8859-15", "CP865", "CP850", "CP437")

STATUS_QUERY = RT_STATUS + b"\x01" + RT_STATUS + b"\x02" + RT_STATUS + b"\x04"
"""DLE EOT 1 (printer), DLE EOT 2 (offline cause), DLE EOT 4 (roll paper): one byte each."""

_BARCODE_HEIGHT = 64  # dots, ~8 mm at 203 dpi
_BARCODE_MODULE = 2  # dots; 3 overflows 72 mm for a 15-character CODE128 and prints nothing
_QR_MODULE = 6
_RASTER_ROWS = 960  # rows per GS v 0 command, as python-escpos splits (printer buffers)


# Printers without a python-escpos 3.1 profile, mapped to the compatible one we use for them:
# name -> (python-escpos profile, font A columns or None for the profile's, printable dots).
# Not verified on hardware; each mapping says why it should fit. Star printers must be in
# "ESC/POS emulation" mode (DIP switch / Star setting utility): their Star Line / StarPRNT
# modes speak a different language. python-escpos 3.1 ships Star profiles "TSP600", "TUP500",
# "SP2000"; Rongta "RP326"; no Xprinter profile at all.
PROFILE_ALIASES: dict[str, tuple[str, int | None, int | None]] = {
    # Xprinter XP-58 series (58 mm, 384 dots, 32 columns) and XP-80 series (80 mm, 576 dots,
    # 48 columns) follow Epson's ESC/POS, including its ESC t numbering (16 WPC1252, 19 PC858).
    "XP-58": ("default", 32, 384),
    "XP-80": ("default", 48, 576),
    # Star TSP650II/TSP654 are the TSP600 series; TUP592 is a TUP500. Star numbers its code
    # tables its own way in ESC/POS emulation (PC858 is ESC t 4, not 19): the profile knows.
    "TSP650": ("TSP600", None, None),
    "TUP592": ("TUP500", None, None),
    # Epson TM-T20III: the TM-T20II's command set and code pages, 80 mm paper at 42 columns
    # (font A, 576 dots); python-escpos 3.1 has no profile of its own for it.
    "TM-T20III": ("TM-T20II", 42, 576),
    # Rongta RP80/RP80VI speak the same ESC/POS (and ESC t table) as the RP326.
    "RP80": ("RP326", None, 576),
}
_FALLBACK_DOTS = 384  # printable width when nobody knows: fits 58 mm and 80 mm paper


def resolve_profile(name: str) -> str:
    """The python-escpos profile name for a profile or alias name."""
    return PROFILE_ALIASES[name][0] if name in PROFILE_ALIASES else name


def profile_names() -> list[str]:
    return sorted([*CAPABILITIES["profiles"], *PROFILE_ALIASES])


def check_profile(name: str) -> None:
    if resolve_profile(name) not in CAPABILITIES["profiles"]:
        raise ValueError(f"unknown printer profile {name!r}; known: {', '.join(profile_names())}")


def profile_columns(profile: str) -> int:
    """Font A columns from the profile (or alias), 42 when the profile does not say."""
    alias = PROFILE_ALIASES.get(profile)
    if alias is not None and alias[1] is not None:
        return alias[1]
    try:
        return int(get_profile(resolve_profile(profile)).get_columns(0))
    except (KeyError, TypeError, ValueError, EscposError):
        return 42


def profile_dots(profile: str) -> int:
    """Printable width in dots (for images): the alias's, the profile's, else 384."""
    alias = PROFILE_ALIASES.get(profile)
    if alias is not None and alias[2] is not None:
        return alias[2]
    try:
        return int(get_profile(resolve_profile(profile)).profile_data["media"]["width"]["pixels"])
    except (KeyError, TypeError, ValueError):
        return _FALLBACK_DOTS  # "Unknown" in many profiles, e.g. "default"


def pick_codepage(profile: str, wanted: str | None = None) -> str:
    """The code page to start each job in: ``wanted`` if the profile has it, else the best of
    PREFERRED_CODEPAGES the profile lists."""
    available = get_profile(resolve_profile(profile)).get_code_pages()
    for name in ((wanted.upper(),) if wanted else ()) + PREFERRED_CODEPAGES:
        if name in available:
            return name
    raise ValueError(f"profile {profile!r} lists none of {PREFERRED_CODEPAGES}")


def clean_text(text: str) -> str:
    """Replace control characters (ESC, GS, LF, ...) by spaces: data cannot inject commands."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def render_job(job: PrintJob, profile: str, codepage: str) -> bytes:
    """The whole job as one ESC/POS byte string. Raises ProtocolError for unencodable items."""
    out = Dummy(profile=resolve_profile(profile))
    out.hw("INIT")  # ESC @: known state (left, normal size, code page 0) whatever came before
    # Force our code page (emits ESC t n), then let MagicEncode switch away only for characters
    # the page lacks (e.g. Polish or Greek names), instead of choosing from scratch.
    out.magic.force_encoding(codepage)
    out.magic.disabled = False
    out.magic.encoder.used_encodings.add(codepage)  # and come back to it first afterwards
    item: object = job
    try:
        for item in job.items:
            if isinstance(item, Logo):
                out.set(align="center")  # ESC a applies to GS v 0 raster images too
                out._raw(logo_raster(item.path, profile_dots(profile)))
            else:
                _render_item(out, item)
        if job.open_drawer:
            out._raw(drawer_kick(job.drawer_pin))
    except (EscposError, ValueError) as exc:
        raise ProtocolError(f"cannot encode {item!r}: {exc}") from exc
    return bytes(out.output)


def _render_item(out: Any, item: object) -> None:
    if isinstance(item, TextLine):
        out.set(
            align=item.align,
            bold=item.bold,
            normal_textsize=not item.double,
            double_width=item.double,
            double_height=item.double,
        )
        out.text(clean_text(item.text) + "\n")
    elif isinstance(item, Barcode):
        data = item.data
        if item.kind == "CODE128" and not data.startswith("{"):
            data = "{B" + data  # ESC/POS CODE128 needs the code set; B covers printable ASCII
        # _hw_barcode rather than barcode(): barcode() print()s to stdout on every call.
        out._hw_barcode(
            data,
            item.kind,
            height=_BARCODE_HEIGHT,
            width=_BARCODE_MODULE,
            pos="BELOW",
            font="A",
            align_ct=True,
            function_type="B",
        )  # the printer returns to the start of the line: no LF, which would add a blank line
    elif isinstance(item, QrCode):
        out.set(align="center")
        out.qr(item.data, native=True, size=_QR_MODULE)
    elif isinstance(item, Feed):
        out.print_and_feed(max(0, min(item.lines, 255)))
    elif isinstance(item, Cut):
        out.cut(feed=False)  # GS V 66 0: feed to the cutter, then (partial) cut
    else:
        raise ValueError(f"not a print item: {item!r}")


def logo_raster(path: str, max_dots: int) -> bytes:
    """GS v 0 raster image command(s) for the image file at ``path``, scaled down (never up)
    to ``max_dots`` wide. Cached per (file, modification time, width): a receipt reuses the
    bytes instead of decoding and dithering the image again. Raises ValueError if unreadable.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ValueError(f"cannot read logo {path!r}: {exc}") from exc
    return _logo_raster(os.path.abspath(path), st.st_mtime_ns, st.st_size, max_dots)


@lru_cache(maxsize=8)
def _logo_raster(path: str, mtime_ns: int, size: int, max_dots: int) -> bytes:
    try:
        with Image.open(path) as src:
            img = src.convert("RGBA")
    except OSError as exc:  # missing, or not an image (UnidentifiedImageError)
        raise ValueError(f"cannot read logo {path!r}: {exc}") from exc
    if img.width > max_dots:
        img = img.resize((max_dots, max(1, round(img.height * max_dots / img.width))))
    # python-escpos converts (alpha to white, dithered to 1 bit, 1 = black); we write the
    # GS v 0 header ourselves, as Escpos.image(impl="bitImageRaster") does, because image()
    # print()s a warning to stdout for profiles whose paper width is "Unknown".
    im = EscposImage(img)
    fragments = (
        [EscposImage(f) for f in im.split(_RASTER_ROWS)] if im.height > _RASTER_ROWS else [im]
    )
    return b"".join(
        b"\x1dv0\x00"
        + f.width_bytes.to_bytes(2, "little")
        + f.height.to_bytes(2, "little")
        + f.to_raster_format()
        for f in fragments
    )


def drawer_kick(pin: int = 2, pulse_ms: int = 100) -> bytes:
    """ESC p m t1 t2: pulse the drawer connector (m 0 = pin 2, 1 = pin 5; t in 2 ms units)."""
    if pin not in (2, 5):
        raise ValueError(f"drawer pin must be 2 or 5, not {pin}")
    t1 = max(1, min(255, round(pulse_ms / 2)))
    return bytes([0x1B, 0x70, 0 if pin == 2 else 1, t1, t1])


def realtime_drawer_pulse(pin: int = 2, pulse_ms: int = 100) -> bytes:
    """DLE DC4 1 m t: the real-time pulse (t in 100 ms units, 1..8). Unlike ESC p it is not
    queued behind print data, so it still opens the drawer while the printer is offline
    (paper out, cover open)."""
    if pin not in (2, 5):
        raise ValueError(f"drawer pin must be 2 or 5, not {pin}")
    t = max(1, min(8, round(pulse_ms / 100)))
    return bytes([0x10, 0x14, 0x01, 0 if pin == 2 else 1, t])


# Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear (Epson ESC/POS reference).
_FIXED_MASK, _FIXED_BITS = 0x93, 0x12


def parse_status(answer: bytes, drawer_open_high: bool = True) -> PrinterStatus:
    """Parse the three answers to STATUS_QUERY.

    n=1: bit 2 drawer connector pin 3 level, bit 3 offline.
    n=2: bit 2 cover open, bit 5 stopped by paper end, bit 6 error.
    n=4: bits 2-3 paper near end, bits 5-6 paper end.
    Which pin-3 level means "open" depends on the drawer, hence ``drawer_open_high``.
    """
    if len(answer) != 3:
        raise ProtocolError(f"expected 3 status bytes, got {answer!r}")
    for byte in answer:
        if byte & _FIXED_MASK != _FIXED_BITS:
            raise ProtocolError(f"not a DLE EOT answer: {answer.hex(' ')}")
    printer, cause, paper = answer
    cover_open = bool(cause & 0x04)
    paper_out = bool(paper & 0x60) or bool(cause & 0x20)
    pin3_high = bool(printer & 0x04)
    return PrinterStatus(
        # The printer also reports offline (n=1 bit 3) when its cover is open or its paper is
        # out; those have their own flags, so `online` is False only for any other reason
        # (an error such as a cutter jam, or waiting for recovery).
        online=not (printer & 0x08) or cover_open or paper_out,
        cover_open=cover_open,
        paper_near_end=bool(paper & 0x0C),
        paper_out=paper_out,
        drawer_open=pin3_high == drawer_open_high,
    )
