"""An incremental ESC/POS stream parser: what a receipt printer would do with the bytes.

Written from the Epson ESC/POS command reference, independently of python-escpos, so that the
simulator checks our driver instead of mirroring it. It is fed chunks as they arrive on the
socket (commands may be split anywhere), never raises on garbage, and never buffers more than
one command: a length-prefixed one (~64 KiB) or a GS v 0 raster image of up to MAX_RASTER bytes,
which it keeps (the store logo); other image payloads are skipped as counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C

# ESC t n -> Python codec (Epson numbering). Unknown pages fall back to PC437, as printers do.
CODEPAGES: dict[int, str] = {
    0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 13: "cp857", 14: "cp737",
    15: "iso8859_7", 16: "cp1252", 17: "cp866", 18: "cp852", 19: "cp858", 32: "cp720",
    33: "cp775", 34: "cp855", 35: "cp861", 36: "cp862", 37: "cp864", 38: "cp869",
    39: "iso8859_2", 40: "iso8859_15", 44: "cp1125", 45: "cp1250", 46: "cp1251", 47: "cp1253",
    48: "cp1254", 49: "cp1255", 50: "cp1256", 51: "cp1257", 52: "cp1258",
}  # fmt: skip

# Star printers in ESC/POS emulation number their ESC t tables like Star Line mode's ESC GS t
# (Star "Character code tables"): PC858 is 4 there, not 19. Simulate a Star with this table.
STAR_CODEPAGES: dict[int, str] = {
    0: "cp437", 1: "cp437", 3: "cp437", 4: "cp858", 5: "cp852", 6: "cp860", 7: "cp861",
    8: "cp863", 9: "cp865", 10: "cp866", 11: "cp855", 12: "cp857", 13: "cp862", 14: "cp864",
    15: "cp737", 17: "cp869", 32: "cp1252", 33: "cp1250", 34: "cp1251",
}  # fmt: skip

MAX_RASTER = 256 * 1024  # bytes of one GS v 0 image we keep; 576 x 960 dots is 69,120

# Parameter byte counts of fixed-length commands we accept but do not interpret.
_ESC_FIXED = {
    0x20: 1, 0x21: 1, 0x24: 2, 0x25: 1, 0x2D: 1, 0x32: 0, 0x33: 1, 0x3C: 0, 0x3D: 1, 0x3F: 1,
    0x40: 0, 0x45: 1, 0x47: 1, 0x4A: 1, 0x4B: 1, 0x4C: 0, 0x4D: 1, 0x52: 1, 0x53: 0, 0x54: 1,
    0x55: 1, 0x56: 1, 0x57: 8, 0x5C: 2, 0x61: 1, 0x63: 2, 0x64: 1, 0x65: 1, 0x69: 0, 0x6D: 0,
    0x70: 3, 0x72: 1, 0x74: 1, 0x75: 1, 0x76: 0, 0x7B: 1,
}  # fmt: skip
_GS_FIXED = {
    0x21: 1, 0x24: 2, 0x2F: 1, 0x3A: 0, 0x42: 1, 0x43: 1, 0x44: 0, 0x48: 1, 0x49: 1, 0x4C: 2,
    0x50: 2, 0x54: 1, 0x57: 2, 0x5C: 2, 0x5E: 3, 0x61: 1, 0x62: 1, 0x63: 0, 0x66: 1, 0x67: 4,
    0x68: 1, 0x72: 1, 0x77: 1,
}  # fmt: skip
_FS_FIXED = {0x21: 1, 0x26: 0, 0x2D: 1, 0x2E: 0, 0x43: 1, 0x53: 2, 0x57: 1, 0x70: 2, 0x71: 1}
_BARCODES = {
    0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR",
    65: "UPC-A", 66: "UPC-E", 67: "EAN13", 68: "EAN8", 69: "CODE39", 70: "ITF", 71: "CODABAR",
    72: "CODE93", 73: "CODE128", 74: "GS1-128", 75: "GS1 DATABAR", 76: "GS1 DATABAR",
    77: "GS1 DATABAR", 78: "GS1 DATABAR",
}  # fmt: skip
_ALIGN = {0: "left", 48: "left", 1: "center", 49: "center", 2: "right", 50: "right"}


@dataclass
class Segment:
    text: str
    bold: bool = False
    width: int = 1  # character size multipliers, 1..8
    height: int = 1


@dataclass
class PrintedLine:
    kind: str = "text"  # "text", "barcode", "qr", "image"
    align: str = "left"
    segments: list[Segment] = field(default_factory=list)
    symbology: str = ""  # barcode kind, or "QR"
    data: str = ""  # barcode or QR content
    raster: bytes = b""  # GS v 0 image: rows of width_dots / 8 bytes, bit 7 leftmost, 1 = black
    width_dots: int = 0
    height_dots: int = 0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass
class SimReceipt:
    """What came out between two cuts."""

    lines: list[PrintedLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text lines (blank ones included), without barcodes and QR codes."""
        return "\n".join(line.text for line in self.lines if line.kind == "text")

    @property
    def barcodes(self) -> list[tuple[str, str]]:
        return [(ln.symbology, ln.data) for ln in self.lines if ln.kind == "barcode"]

    @property
    def qr_codes(self) -> list[str]:
        return [ln.data for ln in self.lines if ln.kind == "qr"]

    @property
    def images(self) -> list[PrintedLine]:
        return [ln for ln in self.lines if ln.kind == "image"]


StatusFn = Callable[[int], bytes]
KickFn = Callable[[int, int, bool], None]  # pin, pulse ms, real-time?


class EscposParser:
    def __init__(
        self,
        status: StatusFn,
        on_receipt: Callable[[SimReceipt], None],
        on_drawer_kick: KickFn,
        codepages: dict[int, str] | None = None,
    ) -> None:
        self._status, self._on_receipt, self._on_kick = status, on_receipt, on_drawer_kick
        self._codepages = CODEPAGES if codepages is None else codepages
        self._buf = bytearray()
        self._skip = 0  # payload bytes of an image still to discard
        self._out = bytearray()
        self.total_bytes = 0
        self.realtime_bytes = 0  # DLE EOT / DLE DC4 / DLE ENQ: never printed
        self.status_queries = 0
        self._receipt = SimReceipt()
        self._qr_data = ""
        self._reset()

    @property
    def print_bytes(self) -> int:
        return self.total_bytes - self.realtime_bytes

    def _reset(self) -> None:  # ESC @
        self.codec, self.bold, self.width, self.height, self.align = "cp437", False, 1, 1, "left"
        self._line = PrintedLine()

    # --- driving -------------------------------------------------------------------------------

    def feed(self, data: bytes) -> bytes:
        """Consume ``data``; return what the printer answers (real-time status bytes)."""
        self.total_bytes += len(data)
        self._buf += data
        pos = 0
        while pos < len(self._buf):
            if self._skip:  # image payload we have no use for
                n = min(self._skip, len(self._buf) - pos)
                self._skip -= n
                pos += n
                continue
            used = self._step(pos)
            if used == 0:
                break  # incomplete command: wait for more bytes
            pos += used
        del self._buf[:pos]
        out, self._out = bytes(self._out), bytearray()
        return out

    def finish(self) -> SimReceipt | None:
        """The connection ended: whatever was printed but never cut."""
        self._flush_line(force=False)
        receipt, self._receipt = self._receipt, SimReceipt()
        return receipt if receipt.lines else None

    # --- one command ---------------------------------------------------------------------------

    def _step(self, pos: int) -> int:
        buf, b = self._buf, self._buf[pos]
        if b >= 0x20:
            end = pos
            while end < len(buf) and buf[end] >= 0x20:
                end += 1
            self._add_text(bytes(buf[pos:end]).decode(self.codec, errors="replace"))
            return end - pos
        if b == 0x0A:  # LF
            self._flush_line(force=True)
        elif b == 0x09:  # HT: to the next multiple of 8
            self._add_text(" " * (8 - len(self._line.text) % 8))
        elif b == 0x0C:  # FF
            self._flush_line(force=False)
        elif b in (ESC, GS, DLE, FS):
            if pos + 1 >= len(buf):
                return 0
            handler = {ESC: self._esc, GS: self._gs, DLE: self._dle, FS: self._fs}[b]
            return handler(pos, buf[pos + 1])
        return 1  # CR, NUL, CAN and other stray control bytes: nothing to do

    def _need(self, pos: int, n: int) -> bytes | None:
        """The n bytes after position pos, or None if they have not arrived yet."""
        if pos + n > len(self._buf):
            return None
        return bytes(self._buf[pos : pos + n])

    def _esc(self, pos: int, cmd: int) -> int:
        if cmd == 0x2A:  # ESC * m nL nH d...: bit image
            p = self._need(pos + 2, 3)
            if p is None:
                return 0
            self._skip = (p[1] + 256 * p[2]) * (3 if p[0] in (32, 33) else 1)
            return 5
        if cmd == 0x44:  # ESC D n1 ... NUL: tab stops, at most 32
            end = self._buf.find(0, pos + 2, pos + 35)
            if end < 0:
                return 0 if len(self._buf) < pos + 35 else 2
            return end + 1 - pos
        if cmd == 0x28:  # ESC ( X pL pH ...
            return self._length_prefixed(pos)
        n = _ESC_FIXED.get(cmd)
        if n is None:
            return 2  # unknown: drop ESC and the command byte
        p = self._need(pos + 2, n)
        if p is None:
            return 0
        if cmd == 0x40:
            self._reset()
        elif cmd == 0x21:
            self.bold = bool(p[0] & 0x08)
            self.height, self.width = (2 if p[0] & 0x10 else 1), (2 if p[0] & 0x20 else 1)
        elif cmd == 0x45:
            self.bold = bool(p[0] & 1)
        elif cmd == 0x61:
            self._set_align(p[0])
        elif cmd == 0x74:
            self.codec = self._codepages.get(p[0], "cp437")
        elif cmd == 0x64:  # ESC d n: print and feed n lines
            printed = self._flush_line(force=False)
            for _ in range(p[0] - (1 if printed else 0)):
                self._flush_line(force=True)
        elif cmd == 0x4A:  # ESC J n: print and feed n dots
            self._flush_line(force=False)
        elif cmd == 0x70:
            self._on_kick(2 if p[0] in (0, 48) else 5, 2 * p[1], False)
        return 2 + n

    def _gs(self, pos: int, cmd: int) -> int:
        if cmd == 0x28:  # GS ( X pL pH ...
            return self._length_prefixed(pos)
        if cmd == 0x56:  # GS V m [n]: cut
            p = self._need(pos + 2, 1)
            if p is None:
                return 0
            size = 4 if p[0] in (65, 66, 97, 98, 103, 104) else 3
            if self._need(pos, size) is None:
                return 0
            self._cut()
            return size
        if cmd == 0x6B:
            return self._barcode(pos)
        if cmd == 0x76:  # GS v 0 m xL xH yL yH d...: raster image, x bytes by y dots
            p = self._need(pos + 2, 6)
            if p is None:
                return 0
            xbytes, ydots = p[2] + 256 * p[3], p[4] + 256 * p[5]
            size = xbytes * ydots
            if p[0] != 0x30 or size > MAX_RASTER:
                self._skip = size  # not "GS v 0", or too big to keep: skip it as counted
                return 8
            data = self._need(pos + 8, size)
            if data is None:
                return 0
            self._flush_line(force=False)  # an image starts on a fresh line
            self._receipt.lines.append(
                PrintedLine(kind="image", align=self.align, raster=data,
                            width_dots=8 * xbytes, height_dots=ydots)
            )  # fmt: skip
            return 8 + size
        if cmd == 0x2A:  # GS * x y d...: downloaded bit image
            p = self._need(pos + 2, 2)
            if p is None:
                return 0
            self._skip = p[0] * p[1] * 8
            return 4
        if cmd == 0x38:  # GS 8 L p1 p2 p3 p4 ...: long graphics data
            p = self._need(pos + 2, 5)
            if p is None:
                return 0
            self._skip = int.from_bytes(p[1:5], "little")
            return 7
        n = _GS_FIXED.get(cmd)
        if n is None:
            return 2
        p = self._need(pos + 2, n)
        if p is None:
            return 0
        if cmd == 0x21:
            self.width, self.height = ((p[0] >> 4) & 7) + 1, (p[0] & 7) + 1
        return 2 + n

    def _dle(self, pos: int, cmd: int) -> int:
        if cmd == 0x04:  # DLE EOT n [a]: real-time status
            p = self._need(pos + 2, 1)
            if p is None:
                return 0
            size = 4 if p[0] in (7, 8) else 3
            if self._need(pos, size) is None:
                return 0
            self.status_queries += 1
            if 1 <= p[0] <= 4:
                self._out += self._status(p[0])
        elif cmd == 0x05:  # DLE ENQ n
            size = 3
        elif cmd == 0x14:  # DLE DC4 fn ...
            p = self._need(pos + 2, 1)
            if p is None:
                return 0
            size = 3 + {1: 2, 2: 2, 3: 2, 7: 1, 8: 7}.get(p[0], 0)
            q = self._need(pos, size)
            if q is None:
                return 0
            if p[0] == 1:  # generate pulse in real time: m (0 = pin 2, 1 = pin 5), t x 100 ms
                self._on_kick(2 if q[3] == 0 else 5, 100 * q[4], True)
        else:
            return 2
        if self._need(pos, size) is None:
            return 0
        self.realtime_bytes += size
        return size

    def _fs(self, pos: int, cmd: int) -> int:
        if cmd == 0x28:
            return self._length_prefixed(pos)
        n = _FS_FIXED.get(cmd)
        if n is None:
            return 2
        return 0 if self._need(pos + 2, n) is None else 2 + n

    def _length_prefixed(self, pos: int) -> int:
        """ESC/GS/FS ( X pL pH d1..dk: k = pL + 256 pH. GS ( k carries the QR code."""
        head = self._need(pos, 5)
        if head is None:
            return 0
        size = 5 + head[3] + 256 * head[4]
        body = self._need(pos + 5, size - 5)
        if body is None:
            return 0
        if head[0] == GS and head[2] == 0x6B and len(body) >= 2 and body[0] == 49:  # QR
            if body[1] == 80 and len(body) >= 3:  # store data (after m = 48)
                self._qr_data = body[3:].decode("utf-8", errors="replace")
            elif body[1] == 81:  # print the stored symbol
                self._flush_line(force=False)
                self._receipt.lines.append(
                    PrintedLine(kind="qr", align=self.align, symbology="QR", data=self._qr_data)
                )
        return size

    def _barcode(self, pos: int) -> int:
        p = self._need(pos + 2, 2)
        if p is None:
            return 0
        m = p[0]
        if m <= 6:  # GS k m d1 ... NUL
            end = self._buf.find(0, pos + 3, pos + 3 + 256)
            if end < 0:
                return 0 if len(self._buf) < pos + 3 + 256 else 3
            raw, size = bytes(self._buf[pos + 3 : end]), end + 1 - pos
        else:  # GS k m n d1 ... dn
            size = 4 + p[1]
            data = self._need(pos + 4, p[1])
            if data is None:
                return 0
            raw = data
        kind = _BARCODES.get(m, f"type {m}")
        text = decode_code128(raw) if kind == "CODE128" else raw.decode("latin-1")
        self._flush_line(force=False)
        self._receipt.lines.append(
            PrintedLine(kind="barcode", align=self.align, symbology=kind, data=text)
        )
        return size

    # --- printing ------------------------------------------------------------------------------

    def _set_align(self, n: int) -> None:
        # ESC a only takes effect at the beginning of a line (Epson).
        self.align = _ALIGN.get(n, self.align)
        if not self._line.segments:
            self._line.align = self.align

    def _add_text(self, text: str) -> None:
        line = self._line
        if not line.segments:
            line.align = self.align
        last = line.segments[-1] if line.segments else None
        if last and (last.bold, last.width, last.height) == (self.bold, self.width, self.height):
            last.text += text
        else:
            line.segments.append(Segment(text, self.bold, self.width, self.height))

    def _flush_line(self, force: bool) -> bool:
        """Print the line buffer. With force, an empty buffer prints a blank line."""
        if not self._line.segments and not force:
            return False
        self._receipt.lines.append(self._line)
        self._line = PrintedLine(align=self.align)
        return True

    def _cut(self) -> None:
        self._flush_line(force=False)
        receipt, self._receipt = self._receipt, SimReceipt()
        if receipt.lines:
            self._on_receipt(receipt)


def decode_code128(raw: bytes) -> str:
    """ESC/POS CODE128 data: '{A'/'{B'/'{C' select the code set, '{{' is a brace, '{1'..'{4'
    are FNC codes (dropped); in set C every byte is a pair of digits."""
    out, code_set, i = [], "B", 0
    while i < len(raw):
        ch = raw[i]
        if ch == 0x7B and i + 1 < len(raw):
            nxt = chr(raw[i + 1])
            if nxt in "ABC":
                code_set = nxt
            elif nxt == "{":
                out.append("{")
            i += 2
            continue
        out.append(f"{ch:02d}" if code_set == "C" and ch < 100 else chr(ch))
        i += 1
    return "".join(out)
