"""Draw a simulated receipt as a PNG, so a person (or a UI test report) can look at it."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from drivers.sim.escpos_parser import PrintedLine, SimReceipt

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_SIZE = 20
MARGIN = 16
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def _font(bold: bool) -> Font:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), FONT_SIZE)
    except OSError:  # no DejaVu here: Pillow's own font still draws something legible
        return ImageFont.load_default(size=FONT_SIZE)


@cache
def _cell() -> tuple[int, int]:
    """Width and height of one character cell of the normal font, in pixels."""
    _, top, _, bottom = _font(False).getbbox("Mgjy|ÅÉ")
    # Rounded up: DejaVu Sans Mono advances 12.04 px at 20 px, and rounding down cut the
    # last column of a full-width line.
    return max(1, math.ceil(_font(False).getlength("M"))), int(bottom - top) + 8


@cache
def _top() -> int:
    """Where to draw text so the tallest glyph (Å) starts inside its cell."""
    return 4 - int(_font(False).getbbox("ÅÉ")[1])


def _text_line(line: PrintedLine) -> Image.Image:
    cw, ch = _cell()
    parts: list[Image.Image] = []
    for seg in line.segments:
        img = Image.new("L", (max(1, cw * len(seg.text)), ch), 255)
        ImageDraw.Draw(img).text((0, _top()), seg.text, font=_font(seg.bold), fill=0)
        if (seg.width, seg.height) != (1, 1):
            img = img.resize((img.width * seg.width, img.height * seg.height))
        parts.append(img)
    height = max((p.height for p in parts), default=ch)
    out = Image.new("L", (max(1, sum(p.width for p in parts)), height), 255)
    x = 0
    for p in parts:
        out.paste(p, (x, height - p.height))  # sizes share a baseline, as on paper
        x += p.width
    return out


def _barcode(line: PrintedLine) -> Image.Image:
    cw, ch = _cell()
    modules = ""
    if line.symbology == "CODE128":
        try:
            from barcode import Code128  # python-barcode, a python-escpos dependency

            modules = Code128(line.data).build()[0]
        except Exception:  # unencodable data: fall back to a labelled box
            modules = ""
    width = max(len(modules) * 2, cw * (len(line.data) + 2))
    img = Image.new("L", (width, 64 + ch), 255)
    draw = ImageDraw.Draw(img)
    if modules:
        x0 = (width - len(modules) * 2) // 2
        for i, bit in enumerate(modules):
            if bit == "1":
                draw.rectangle((x0 + 2 * i, 0, x0 + 2 * i + 1, 59), fill=0)
    else:
        draw.rectangle((0, 0, width - 1, 59), outline=0, width=2)
        draw.text((4, 4), line.symbology, font=_font(False), fill=0)
    tw = _font(False).getlength(line.data)
    draw.text(((width - tw) // 2, 62), line.data, font=_font(False), fill=0)
    return img


def _qr(line: PrintedLine) -> Image.Image:
    box = 5
    try:
        import qrcode  # a python-escpos dependency

        code = qrcode.QRCode(border=1)
        code.add_data(line.data)
        code.make(fit=True)
        matrix = code.get_matrix()
    except Exception:
        matrix = [[True] * 21 for _ in range(21)]  # unrenderable: a solid square says "QR here"
    img = Image.new("L", (len(matrix) * box, len(matrix) * box), 255)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                draw.rectangle((x * box, y * box, x * box + box - 1, y * box + box - 1), fill=0)
    return img


def _image(line: PrintedLine) -> Image.Image:
    """A GS v 0 raster at one pixel per dot (bit set = black dot)."""
    if not line.width_dots or not line.height_dots:
        return Image.new("L", (1, 1), 255)
    bits = Image.frombytes("1", (line.width_dots, line.height_dots), line.raster)
    return ImageOps.invert(bits.convert("L"))


def render_png(receipt: SimReceipt, path: Path, columns: int = 42) -> Path:
    """Write ``receipt`` to ``path`` as a grayscale PNG ``columns`` characters wide."""
    blocks: list[tuple[str, Image.Image]] = []
    for line in receipt.lines:
        if line.kind == "barcode":
            blocks.append((line.align, _barcode(line)))
        elif line.kind == "qr":
            blocks.append((line.align, _qr(line)))
        elif line.kind == "image":
            blocks.append((line.align, _image(line)))
        else:
            blocks.append((line.align, _text_line(line)))
    cw, _ = _cell()
    inner = max([cw * columns] + [img.width for _, img in blocks])
    height = MARGIN * 2 + sum(img.height for _, img in blocks)
    page = Image.new("L", (inner + 2 * MARGIN, max(height, 2 * MARGIN + 1)), 255)
    y = MARGIN
    for align, img in blocks:
        x = {"center": (inner - img.width) // 2, "right": inner - img.width}.get(align, 0)
        page.paste(img, (MARGIN + x, y))
        y += img.height
    path.parent.mkdir(parents=True, exist_ok=True)
    page.save(path, format="PNG")
    return path
