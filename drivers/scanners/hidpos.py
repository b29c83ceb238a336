"""HID POS barcode scanners (USB HID usage page 0x8C "Bar Code Scanner") over pyusb.

In HID POS mode a scanner is no keyboard: each barcode arrives as one or more input reports
of the *Scanned Data Report* (report ID 0x02), laid out as scanners implement the "HID Point
of Sale Usage Tables" 1.02 (Honeywell, Zebra, Datalogic, Access-IS document the same bytes)::

    0      report ID 0x02
    1      length: data bytes in *this* report
    2..4   AIM symbology identifier ("]E0"; some scanners send 0 bytes here)
    5..    decoded data (56 bytes in a 64-byte report), zero padded
    -3,-2  vendor symbology id, reserved
    -1     bit 0: "decoded data continued" -- more reports of this barcode follow

`HidPosReportParser` (pure) puts the reports of one barcode together; what does not fit the
layout is dropped and logged (logger ``drivers.scanners``), never raised, and a following
good barcode is never lost: a report with a bad length drops the barcode it belonged to, a
barcode cut off (continued, then silence longer than `gap`) is dropped by `expire()`.

`HidPosScanner` reads the interrupt IN endpoint of the scanner's HID interface with pyusb.
pyusb is imported on `open()`, so this module imports on a machine without libusb; then
`open()` raises DeviceOffline saying so. URL: ``hidpos+usb://05e0:1200?interface=0&gap_ms=200``.
Some scanners must be switched to HID POS mode first (a configuration barcode).
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections import Counter
from typing import Any
from urllib.parse import parse_qs, urlsplit

from drivers.base import DeviceOffline, ScanEvent
from drivers.scanners.framing import DEFAULT_GAP, DEFAULT_MAX_LENGTH, decode_text

log = logging.getLogger("drivers.scanners")

SCHEME = "hidpos+usb"
SCANNED_DATA_REPORT = 0x02
USAGE_PAGE = 0x8C
_HEADER = 5  # report ID, length, 3 symbology identifier bytes
_TRAILER = 3  # vendor symbology id, reserved, flags
_CONTINUED = 0x01
_SYMBOLOGY = re.compile(rb"\]?([A-Za-z][0-9A-Za-z])\x00*")
_HID_CLASS = 3
_SLICE = 0.05  # s; the longest a read holds the lock, so close() from another thread is quick


def scanned_data_report(
    data: bytes, symbology: str | None = None, *, size: int = 64, continued: bool = False
) -> bytes:
    """One Scanned Data Report carrying `data` (at most `size` - 8 bytes): for simulators
    and tests, and the reference for what the parser expects."""
    room = size - _HEADER - _TRAILER
    if len(data) > room:
        raise ValueError(f"{len(data)} bytes do not fit a {size}-byte report")
    aim = b"\x00\x00\x00" if symbology is None else b"]" + symbology.encode("ascii")
    body = data.ljust(room, b"\x00")
    return (
        bytes([SCANNED_DATA_REPORT, len(data)])
        + aim
        + body
        + b"\x00\x00"
        + bytes([_CONTINUED if continued else 0])
    )


def scanned_data_reports(data: bytes, symbology: str | None = None, size: int = 64) -> list[bytes]:
    """A whole barcode as the reports a scanner sends (the last one not "continued")."""
    room = size - _HEADER - _TRAILER
    pieces = [data[i : i + room] for i in range(0, len(data), room)] or [b""]
    return [
        scanned_data_report(p, symbology, size=size, continued=i < len(pieces) - 1)
        for i, p in enumerate(pieces)
    ]


class HidPosReportParser:
    """Scanned Data Reports in, ScanEvents out (see module doc). Pure; not thread-safe."""

    def __init__(
        self,
        *,
        max_length: int = DEFAULT_MAX_LENGTH,
        gap: float = DEFAULT_GAP,
        source: str = "",
    ) -> None:
        if max_length < 1 or gap <= 0:
            raise ValueError("max_length and gap must be positive")
        self.max_length = max_length
        self.gap = gap
        self.source = source
        self.dropped: Counter[str] = Counter()
        self.ignored = 0  # reports with other IDs (status, attributes): not ours, not errors
        self._buf = bytearray()
        self._symbology: str | None = None
        self._started = False  # a "continued" report was seen: the barcode is half in
        self._overlong = False
        self._last: float | None = None

    @property
    def pending(self) -> bool:
        return self._started

    def feed(self, report: bytes, now: float | None = None) -> ScanEvent | None:
        """One input report as read from the endpoint (report ID first)."""
        if now is not None:
            self.expire(now)
            self._last = now
        if not report or report[0] != SCANNED_DATA_REPORT:
            self.ignored += 1
            return None
        if len(report) < _HEADER + _TRAILER + 1:
            self._drop("garbage", report, "short report")
            return None
        length = report[1]
        if length > len(report) - _HEADER - _TRAILER:
            self._drop("garbage", report, "length beyond the report")
            return None
        if not self._started:
            self._symbology = _symbology(report[2:_HEADER])
        continued = bool(report[-1] & _CONTINUED)
        if not self._overlong:
            self._buf += report[_HEADER : _HEADER + length]
            if len(self._buf) > self.max_length:
                self._drop("overlong", bytes(self._buf[:40]))
                self._overlong = True
        self._started = continued
        if continued:
            return None
        return self._finish(report)

    def expire(self, now: float) -> None:
        """Drop a barcode whose next report did not come within `gap` seconds."""
        if self._last is not None and now - self._last > self.gap and self._started:
            self.flush()

    def flush(self) -> None:
        if self._started and not self._overlong:
            self._drop("partial", bytes(self._buf))
        self._reset()

    def _finish(self, report: bytes) -> ScanEvent | None:
        raw, symbology, overlong = bytes(self._buf), self._symbology, self._overlong
        self._reset()
        if overlong:
            return None
        text = decode_text(raw)
        if not text:
            self._drop("garbage", raw or report, "no data" if not raw else "")
            return None
        return ScanEvent(text, symbology, self.source)

    def _reset(self) -> None:
        self._buf.clear()
        self._symbology = None
        self._started = self._overlong = False

    def _drop(self, reason: str, raw: bytes, detail: str = "") -> None:
        # A bad report also ends the barcode it belonged to: its other reports are useless.
        if reason == "garbage":
            self._reset()
        self.dropped[reason] += 1
        log.warning(
            "%s: dropped %s HID POS report%s (%d bytes: %s)",
            self.source or "scanner",
            reason,
            f" ({detail})" if detail else "",
            len(raw),
            raw[:40].hex(" "),
        )


def _symbology(raw: bytes) -> str | None:
    match = _SYMBOLOGY.fullmatch(raw)
    return match[1].decode("ascii") if match else None


class HidPosScanner:
    """A `drivers.base.Scanner` for a HID POS scanner, via pyusb (libusb or a given backend)."""

    def __init__(
        self,
        vendor: int,
        product: int,
        *,
        interface: int | None = None,
        gap: float = DEFAULT_GAP,
        max_length: int = DEFAULT_MAX_LENGTH,
        backend: Any = None,
        url: str = "",
    ) -> None:
        self.vendor, self.product, self.interface = vendor, product, interface
        self.backend = backend
        self.url = url or f"{SCHEME}://{vendor:04x}:{product:04x}"
        self.parser = HidPosReportParser(gap=gap, max_length=max_length, source=self.url)
        self._dev: Any = None
        self._ep: Any = None
        self._intf: int | None = None
        self._lock = threading.Lock()
        self._closed = False  # close() was called: read() must not claim the device again

    def __repr__(self) -> str:
        return f"HidPosScanner({self.vendor:04x}:{self.product:04x})"

    @classmethod
    def from_url(cls, url: str, backend: Any = None) -> HidPosScanner:
        parts = urlsplit(url)
        if parts.scheme != SCHEME:
            raise ValueError(f"not a HID POS scanner URL: {url!r}")
        vendor, sep, product = parts.netloc.partition(":")
        try:
            if not sep:
                raise ValueError
            vid, pid = int(vendor, 16), int(product, 16)
        except ValueError:
            raise ValueError(f"USB id must be hex vendor:product like 05e0:1200: {url!r}") from None
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        unknown = set(params) - {"interface", "gap_ms", "max_length"}
        if unknown:
            raise ValueError(f"unknown scanner URL parameter(s) {sorted(unknown)} in {url!r}")
        interface = params.get("interface")
        return cls(
            vid,
            pid,
            interface=int(interface) if interface is not None else None,
            gap=int(params.get("gap_ms", str(int(DEFAULT_GAP * 1000)))) / 1000,
            max_length=int(params.get("max_length", str(DEFAULT_MAX_LENGTH))),
            backend=backend,
            url=url,
        )

    # --- life cycle --------------------------------------------------------------------------

    def open(self) -> None:
        with self._lock:
            self._closed = False
            self._open()

    def close(self) -> None:
        """Release the device. From another thread, a waiting `read()` ends within one read
        slice (50 ms) with DeviceOffline; reads fail until `open()`."""
        self._closed = True
        with self._lock:
            self._close()

    def __enter__(self) -> HidPosScanner:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def read(self, timeout: float) -> ScanEvent | None:
        """The next barcode within `timeout` seconds, else None. Raises only DeviceOffline.
        After a failure the next call finds and claims the device again."""
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            with self._lock:
                if self._closed:
                    raise DeviceOffline(f"scanner {self.url} is closed")
                self._open()
                left = deadline - time.monotonic()
                report = self._read_report(max(1, int(min(left, _SLICE) * 1000)))
                now = time.monotonic()
                if report:
                    event = self.parser.feed(report, now)
                    if event is not None:
                        return event
                    continue
                self.parser.expire(now)
                if now >= deadline:
                    return None

    def _read_report(self, timeout_ms: int) -> bytes:
        import usb.core

        try:
            data = self._dev.read(self._ep.bEndpointAddress, self._ep.wMaxPacketSize, timeout_ms)
        except usb.core.USBTimeoutError:
            return b""
        except (usb.core.USBError, OSError, ValueError) as exc:
            self._close()
            raise DeviceOffline(f"scanner {self.url} went away: {exc}") from exc
        return bytes(data)

    # --- internals ---------------------------------------------------------------------------

    def _open(self) -> None:
        if self._dev is not None:
            return
        try:
            import usb.core
            import usb.util
        except ImportError as exc:  # pragma: no cover - pyusb is a dependency
            raise DeviceOffline(f"pyusb is not installed: {exc}") from exc
        try:
            dev = usb.core.find(idVendor=self.vendor, idProduct=self.product, backend=self.backend)
        except usb.core.NoBackendError as exc:
            raise DeviceOffline("libusb is not installed (needed for USB scanners)") from exc
        if dev is None:
            raise DeviceOffline(f"no USB device {self.vendor:04x}:{self.product:04x} (unplugged?)")
        try:
            intf, ep = self._claim(dev)
        except (usb.core.USBError, OSError, ValueError) as exc:
            with contextlib.suppress(Exception):
                usb.util.dispose_resources(dev)
            raise DeviceOffline(f"cannot claim scanner {self!r}: {exc}") from exc
        self._dev, self._ep, self._intf = dev, ep, intf

    def _claim(self, dev: Any) -> tuple[int, Any]:
        import usb.core
        import usb.util

        try:
            cfg = dev.get_active_configuration()
        except usb.core.USBError:
            cfg = None
        if cfg is None:
            dev.set_configuration()
            cfg = dev.get_active_configuration()
        for intf in cfg:
            if self.interface is not None and intf.bInterfaceNumber != self.interface:
                continue
            if self.interface is None and intf.bInterfaceClass != _HID_CLASS:
                continue
            ep = usb.util.find_descriptor(
                intf,
                custom_match=lambda e: (
                    usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_IN
                    and usb.util.endpoint_type(e.bmAttributes) == usb.util.ENDPOINT_TYPE_INTR
                ),
            )
            if ep is None:
                continue
            number = intf.bInterfaceNumber
            # Linux's usbhid binds every HID interface; we need it for ourselves.
            with contextlib.suppress(NotImplementedError, usb.core.USBError):
                if dev.is_kernel_driver_active(number):
                    dev.detach_kernel_driver(number)
            usb.util.claim_interface(dev, number)
            return number, ep
        raise ValueError("no HID interface with an interrupt IN endpoint")

    def _close(self) -> None:
        dev, self._dev, self._ep = self._dev, None, None
        self.parser.flush()
        if dev is None:
            return
        import usb.util

        with contextlib.suppress(Exception):  # a vanished device: nothing left to release
            if self._intf is not None:
                usb.util.release_interface(dev, self._intf)
        with contextlib.suppress(Exception):
            usb.util.dispose_resources(dev)
