"""ESC/POS receipt printer: python-escpos's command layer composed with our transports.

We do not inherit python-escpos's printer classes for I/O: their connections raise vendor
errors, print to stdout, and write a receipt in many small writes. Here a job is rendered to
bytes first (:mod:`drivers.printers.escpos_commands`), the status is checked, and the bytes go
out in one write, so a receipt is never half-started on a printer known to be unable to print.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from drivers.base import (
    CoverOpen,
    DeviceBusy,
    DeviceError,
    DeviceOffline,
    PaperOut,
    PrinterStatus,
    PrintJob,
    Transport,
    UnverifiedPrinterStatus,
)
from drivers.printers.escpos_commands import (
    STATUS_QUERY,
    check_profile,
    drawer_kick,
    parse_status,
    pick_codepage,
    profile_columns,
    realtime_drawer_pulse,
    render_job,
)
from drivers.transports import KINDS, kind_of, transport_from_url

T = TypeVar("T")


class EscposPrinter:
    """A :class:`~drivers.base.ReceiptPrinter` for Epson-compatible ESC/POS printers.

    Thread-safe: one lock serialises status queries, jobs and drawer kicks on the link. If the
    link fails, the transport is closed and the next call reconnects by itself.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        profile: str = "default",
        columns: int | None = None,
        codepage: str | None = None,
        drawer_open_high: bool = True,
        busy_timeout: float = 10.0,
    ) -> None:
        check_profile(profile)
        self.transport = transport
        self.profile = profile
        self.codepage = pick_codepage(profile, codepage)
        self._columns = columns if columns is not None else profile_columns(profile)
        if self._columns < 1:
            raise ValueError("columns must be positive")
        self.drawer_open_high = drawer_open_high
        self.busy_timeout = busy_timeout
        self._lock = threading.Lock()

    @property
    def columns(self) -> int:
        return self._columns

    @classmethod
    def from_url(cls, url: str) -> EscposPrinter:
        """``escpos+<transport>://...?profile=TM-T20II&columns=42&codepage=CP858
        &drawer_open=high|low`` plus the transport's own parameters:

        - ``escpos+tcp://HOST[:9100]?timeout=2``
        - ``escpos+serial:///dev/ttyUSB0?baudrate=38400&rtscts=1`` (see drivers.transports.serial)
        - ``escpos+usb://04b8:0e28?interface=0&out_ep=0x01&in_ep=0x82``
        - ``escpos+file:///dev/usb/lp0`` (write-only: status unknown, see :meth:`status`)

        Unknown parameters are an error, so typos do not pass silently.
        """
        scheme = urlsplit(url).scheme
        if scheme.partition("+")[0] != "escpos" or kind_of(url) not in KINDS:
            raise ValueError(f"unsupported printer URL scheme {scheme!r} in {url!r}")
        transport, params = transport_from_url(url)
        unknown = set(params) - {"profile", "columns", "codepage", "drawer_open"}
        if unknown:
            raise ValueError(f"unknown printer URL parameter(s) {sorted(unknown)} in {url!r}")
        drawer_open = params.get("drawer_open", "high").lower()
        if drawer_open not in ("high", "low"):
            raise ValueError("drawer_open must be 'high' or 'low'")
        columns = params.get("columns")
        return cls(
            transport,
            profile=params.get("profile", "default"),
            columns=int(columns) if columns else None,
            codepage=params.get("codepage"),
            drawer_open_high=drawer_open == "high",
        )

    def __repr__(self) -> str:
        return f"EscposPrinter({self.transport!r}, profile={self.profile!r})"

    # --- life cycle --------------------------------------------------------------------------

    def open(self) -> None:
        with self._claim():
            self.transport.open()

    def close(self) -> None:
        with self._claim():
            self.transport.close()

    def __enter__(self) -> EscposPrinter:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- operations --------------------------------------------------------------------------

    @property
    def can_answer(self) -> bool:
        """False on a write-only link (a device file): no DLE EOT status can come back."""
        return bool(getattr(self.transport, "readable", True))

    def status(self) -> PrinterStatus:
        """The printer's status; on a write-only link, where it cannot be asked, an
        :class:`UnverifiedPrinterStatus` (assumed ready, health WARNING) once the device file
        opens, so the till still prints; DeviceOffline if it does not open."""
        with self._claim():
            return self._status()

    def print_job(self, job: PrintJob) -> None:
        data = render_job(job, self.profile, self.codepage)  # encoding errors: before any I/O
        with self._claim():
            status = self._status()  # unverified (assumed ready) on a write-only link
            if status.cover_open:
                raise CoverOpen("printer cover is open")
            if status.paper_out:
                raise PaperOut("printer is out of paper")
            if not status.online:
                raise DeviceOffline("printer reports offline")
            self._io(self.transport.write, data)

    def open_drawer(self, pin: int = 2, pulse_ms: int = 100) -> None:
        """Kick the drawer with ESC p. While the printer is offline (paper out, cover open) ESC p
        would wait in its buffer and fire when paper is loaded, so then we use the real-time
        pulse DLE DC4 1 instead (its pulse is rounded to 100 ms steps)."""
        kick = drawer_kick(pin, pulse_ms)  # validates pin before any I/O
        with self._claim():
            if not self._status().ready:
                kick = realtime_drawer_pulse(pin, pulse_ms)
            self._io(self.transport.write, kick)

    # --- internals ---------------------------------------------------------------------------

    def _claim(self) -> _Claim:
        return _Claim(self._lock, self.busy_timeout)

    def _status(self) -> PrinterStatus:
        self._io(lambda: None)  # open first: whether it can answer may show only then (USB)
        if not self.can_answer:
            return UnverifiedPrinterStatus()

        def query() -> bytes:
            self.transport.discard_input()  # a late answer from a timed-out query is stale
            self.transport.write(STATUS_QUERY)
            return self.transport.read(3)

        return parse_status(self._io(query), self.drawer_open_high)

    def _io(self, fn: Callable[..., T], *args: object) -> T:
        """Run one I/O step, (re)connecting first; on any failure drop the link so that the
        next call starts on a fresh connection."""
        try:
            self.transport.open()
            return fn(*args)
        except DeviceError:
            self.transport.close()
            raise
        except OSError as exc:  # a transport that let one through
            self.transport.close()
            raise DeviceOffline(str(exc)) from exc


class _Claim:
    """``with`` on the device lock, giving up with DeviceBusy instead of waiting forever."""

    def __init__(self, lock: threading.Lock, timeout: float) -> None:
        self._lock, self._timeout = lock, timeout

    def __enter__(self) -> None:
        if not self._lock.acquire(timeout=self._timeout):
            raise DeviceBusy("printer is busy with another operation")

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()
