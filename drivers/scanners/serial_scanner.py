"""Serial barcode scanner (USB-CDC "virtual COM" or RS-232): a `drivers.base.Scanner`.

The wire format and what is dropped is decided by :mod:`drivers.scanners.framing`; this module
owns the port: opening it, reading what arrives with a timeout, noticing silence (so a partial
frame is dropped) and turning OS / pyserial errors into `DeviceOffline`. After a failure the
port is closed and the next `read()` tries to open it again, so a scanner that is unplugged
and plugged back in comes back by itself (while it is away, `read()` raises DeviceOffline).

URL: ``serial:///dev/ttyACM0?baudrate=9600&suffix=CR|LF|CRLF&aim=auto|1|0&prefix=02
&suffix_bytes=03&gap_ms=200&max_length=4096`` plus the port settings of
`drivers.transports.serial` (parity, bytesize, stopbits, rtscts, xonxoff). ``prefix`` and
``suffix_bytes`` are hex; unknown parameters are an error.
"""

from __future__ import annotations

import collections
import threading
import time
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from drivers.base import DeviceError, DeviceOffline, ScanEvent
from drivers.scanners.framing import (
    DEFAULT_GAP,
    DEFAULT_MAX_LENGTH,
    AimMode,
    FrameParser,
    Suffix,
)
from drivers.transports.serial import SerialTransport

SCHEME = "serial"
_PARAMS = frozenset({"suffix", "aim", "prefix", "suffix_bytes", "gap_ms", "max_length"})
_SLICE = 0.05  # s; read in equal slices: the transport reprograms the port when this changes
_AIM_VALUES: dict[str, AimMode] = {
    "auto": "auto",
    "1": "on",
    "on": "on",
    "true": "on",
    "0": "off",
    "off": "off",
    "false": "off",
}


class ByteSource(Protocol):
    """What the scanner needs of its port: `drivers.transports.serial.SerialTransport` (whose
    exact-n `read` a scanner cannot use: frames come in any length, whenever someone scans)."""

    def open(self) -> None: ...

    def close(self) -> None: ...

    @property
    def is_open(self) -> bool: ...

    def read_some(self, n: int, timeout: float | None = None) -> bytes:
        """Up to `n` bytes within `timeout` s (b"" if nothing came); DeviceOffline on failure."""
        ...


class SerialScanner:
    """A `drivers.base.Scanner` reading framed barcodes from a serial port."""

    def __init__(
        self,
        source: ByteSource,
        *,
        suffix: Suffix = "CR",
        aim: AimMode = "auto",
        prefix_bytes: bytes = b"",
        suffix_bytes: bytes = b"",
        gap: float = DEFAULT_GAP,
        max_length: int = DEFAULT_MAX_LENGTH,
        url: str = "",
    ) -> None:
        self.source = source
        self.url = url
        self.parser = FrameParser(
            suffix=suffix,
            aim=aim,
            prefix_bytes=prefix_bytes,
            suffix_bytes=suffix_bytes,
            gap=gap,
            max_length=max_length,
            source=url,
        )
        self._ready: collections.deque[ScanEvent] = collections.deque()
        self._lock = threading.Lock()
        self._closed = False  # close() was called: read() must not reopen the port

    def __repr__(self) -> str:
        return f"SerialScanner({self.source!r})"

    @classmethod
    def from_url(cls, url: str) -> SerialScanner:
        parts = urlsplit(url)
        if parts.scheme != SCHEME:
            raise ValueError(f"not a serial scanner URL: {url!r}")
        port = unquote(parts.netloc + parts.path)  # serial:///dev/ttyACM0 or serial://COM3
        if not port:
            raise ValueError(f"serial scanner URL without a port path: {url!r}")
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        source = SerialTransport.from_params(port, params)  # takes baudrate, parity, ...
        unknown = set(params) - _PARAMS
        if unknown:
            raise ValueError(f"unknown scanner URL parameter(s) {sorted(unknown)} in {url!r}")
        suffix = params.get("suffix", "CR").upper()
        if suffix not in ("CR", "LF", "CRLF"):
            raise ValueError(f"suffix must be CR, LF or CRLF, not {suffix!r}")
        aim = _AIM_VALUES.get(params.get("aim", "auto").lower())
        if aim is None:
            raise ValueError("aim must be 1, 0 or auto")
        return cls(
            source,
            suffix=suffix,  # type: ignore[arg-type]  # checked above
            aim=aim,
            prefix_bytes=bytes.fromhex(params.get("prefix", "")),
            suffix_bytes=bytes.fromhex(params.get("suffix_bytes", "")),
            gap=int(params.get("gap_ms", str(int(DEFAULT_GAP * 1000)))) / 1000,
            max_length=int(params.get("max_length", str(DEFAULT_MAX_LENGTH))),
            url=url,
        )

    # --- life cycle --------------------------------------------------------------------------

    def open(self) -> None:
        with self._lock:
            self._closed = False
            self.source.open()

    def close(self) -> None:
        """Close the port. Safe from another thread while `read()` waits: that read returns
        within one read slice (50 ms) and raises DeviceOffline; reads fail until `open()`."""
        self._closed = True
        with self._lock:
            self.source.close()
            self.parser.flush()
            self._ready.clear()

    def __enter__(self) -> SerialScanner:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- reading -----------------------------------------------------------------------------

    def read(self, timeout: float) -> ScanEvent | None:
        """The next scan within `timeout` seconds, else None. Raises only DeviceOffline.

        After a failure the port is reopened by the next call. The lock is taken per read
        slice, not for the whole `timeout`, so `close()` never waits for a quiet scanner.
        """
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            with self._lock:
                if self._closed:
                    raise DeviceOffline(f"scanner {self.url or self.source!r} is closed")
                if self._ready:
                    return self._ready.popleft()
                left = deadline - time.monotonic()
                chunk = self._read_some(_SLICE if left >= _SLICE else max(left, 0.0))
                now = time.monotonic()
                if chunk:
                    self._ready.extend(self.parser.feed(chunk, now))
                    continue
                self.parser.expire(now)
                if now >= deadline:
                    return None

    def _read_some(self, timeout: float) -> bytes:
        try:
            self.source.open()  # reconnects after a failure
            return self.source.read_some(4096, timeout)
        except DeviceError:
            self._lost()
            raise
        except OSError as exc:  # a source that let one through
            self._lost()
            raise DeviceOffline(str(exc)) from exc

    def _lost(self) -> None:
        self.source.close()
        self.parser.flush()  # half a frame from before the failure is never completed
