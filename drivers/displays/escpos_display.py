"""A 2 x 20 VFD/LCD pole display speaking the Epson "ESC/POS customer display" command set
(DM-D110/DM-D210 and the many compatibles: Aures OCD-100/300, Partner CD-7220 in ESC/POS mode).

Commands used (DM-D reference): ESC @ initialise, ESC t n character table, US MD1 (1F 01)
overwrite mode (so the last column does not scroll the display), US C 0 (1F 43 00) cursor off,
CLR (0C) clear, US $ x y (1F 24 x y, 1-based) move the cursor.

Code page: PC858 (ESC t 19) by default - CP850 plus € at 0xD5, so æøåÆØÅäöÄÖ and € all fit in
one table. Epson's DM-D110 and Aures OCD-100/300 (python-escpos profiles) number it 19; a
display without it can use ``codepage=CP850`` (no €) or ``CP1252`` (ESC t 16). Characters the
page lacks are shown as "?".

No flicker: ``show`` never clears. It overwrites each row with exactly ``columns`` characters
(padded) after a cursor move, only for rows that changed, in one write.

URL: ``escpos-display+serial:///dev/ttyUSB2?baudrate=9600&codepage=CP858&columns=20&rows=2``
(plus the serial transport's own parameters; drivers.transports builds the link).
"""

from __future__ import annotations

import threading
import unicodedata
from urllib.parse import urlsplit

from drivers.base import DeviceError, DeviceOffline, Transport
from drivers.transports import kind_of, transport_from_url

SCHEME = "escpos-display+serial"  # the entry-point name; +tcp/+usb work through transports too
ESC, US, CLR = 0x1B, 0x1F, 0x0C
CODEPAGES = {"CP437": 0, "CP850": 2, "CP865": 5, "CP1252": 16, "CP858": 19}
"""ESC t n numbers of the DM-D family (identical on Aures OCD-100/300)."""
_OWN_PARAMS = {"codepage", "columns", "rows"}


def init_sequence(codepage: str) -> bytes:
    """ESC @, ESC t n, overwrite mode, cursor off, clear."""
    return bytes([ESC, 0x40, ESC, 0x74, CODEPAGES[codepage], US, 0x01, US, 0x43, 0, CLR])


def row_bytes(text: str, row: int, columns: int, codepage: str) -> bytes:
    """US $ 1 row, then ``text`` cut or padded to ``columns``, control characters as spaces."""
    clean = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    clean = unicodedata.normalize("NFC", clean)[:columns].ljust(columns)
    return bytes([US, 0x24, 1, row]) + clean.encode(codepage.lower(), errors="replace")


class EscposDisplay:
    """A :class:`~drivers.base.LineDisplay` on any byte :class:`~drivers.base.Transport`
    (normally serial). Thread-safe: one lock serialises updates."""

    def __init__(
        self,
        transport: Transport,
        *,
        columns: int = 20,
        rows: int = 2,
        codepage: str = "CP858",
    ) -> None:
        codepage = codepage.upper()
        if codepage not in CODEPAGES:
            raise ValueError(f"codepage must be one of {sorted(CODEPAGES)}, not {codepage!r}")
        if not (1 <= columns <= 40 and 1 <= rows <= 4):
            raise ValueError("a pole display has 1..40 columns and 1..4 rows")
        self.transport, self.codepage = transport, codepage
        self._columns, self._rows = columns, rows
        self._shown: list[str | None] = [None] * rows  # what the display holds, None = unknown
        self._ready = False  # init sequence sent on the current connection
        self._lock = threading.Lock()

    @property
    def columns(self) -> int:
        return self._columns

    @property
    def rows(self) -> int:
        return self._rows

    @classmethod
    def from_url(cls, url: str) -> EscposDisplay:
        """``escpos-display+serial:///dev/ttyUSB2?baudrate=9600&codepage=CP858&columns=20
        &rows=2`` plus the serial transport's parameters (timeout, parity, ...)."""
        scheme = urlsplit(url).scheme
        if not scheme.startswith("escpos-display+"):
            raise ValueError(f"not a display URL ({SCHEME}:///dev/ttyUSB2): {url!r}")
        serial_defaults = {"baudrate": "9600", "timeout": "1"}
        transport, params = transport_from_url(
            url, defaults=serial_defaults if kind_of(url) == "serial" else None
        )
        unknown = set(params) - _OWN_PARAMS
        if unknown:
            raise ValueError(f"unknown display URL parameter(s) {sorted(unknown)} in {url!r}")
        return cls(
            transport,
            columns=int(params.get("columns", "20")),
            rows=int(params.get("rows", "2")),
            codepage=params.get("codepage", "CP858"),
        )

    def __repr__(self) -> str:
        return f"EscposDisplay({self.transport!r}, {self._columns}x{self._rows})"

    def open(self) -> None:
        with self._lock:
            self._ensure_ready()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def show(self, lines: tuple[str, ...]) -> None:
        """Replace the whole display: missing rows become blank, extra lines are ignored."""
        wanted = [(lines[i] if i < len(lines) else "") for i in range(self._rows)]
        with self._lock:
            self._ensure_ready()
            out = b"".join(
                row_bytes(text, i + 1, self._columns, self.codepage)
                for i, text in enumerate(wanted)
                if text != self._shown[i]
            )
            if out:
                self._write(out)
            self._shown = list(wanted)

    def clear(self) -> None:
        with self._lock:
            self._ensure_ready()
            self._write(bytes([CLR]))
            self._shown = [""] * self._rows

    # --- internals ---------------------------------------------------------------------------

    def _ensure_ready(self) -> None:
        """Open the link (again) and initialise the display once per connection."""
        if self._ready and self.transport.is_open:
            return
        self._ready = False
        self._write(init_sequence(self.codepage), discard=True)
        self._ready, self._shown = True, [""] * self._rows

    def _write(self, data: bytes, discard: bool = False) -> None:
        try:
            self.transport.open()
            if discard:
                self.transport.discard_input()  # a display that babbles back is ignored
            self.transport.write(data)
        except DeviceError:
            self._drop()
            raise
        except OSError as exc:  # a transport that let one through
            self._drop()
            raise DeviceOffline(str(exc)) from exc

    def _drop(self) -> None:
        self._ready = False
        self._shown = [None] * self._rows  # after a reconnect the display is re-initialised
        self.transport.close()
