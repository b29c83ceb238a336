"""Device roles, their small typed interfaces, the print document model and the error tree.

This module is the only part of ``drivers`` the till is meant to import: it renders receipts
into a :class:`PrintJob` and talks to a :class:`ReceiptPrinter`; protocol details (ESC/POS,
code pages, status bytes) stay behind that interface.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

# --- errors -------------------------------------------------------------------------------------
# Vendor and OS errors (OSError, socket.timeout, escpos.exceptions.*) never cross the driver
# boundary; they are translated into these so the till can tell the cashier *why*.


class DeviceError(Exception):
    """A device could not do what was asked. Base of every driver error."""


class DeviceOffline(DeviceError):
    """The device cannot be reached (connection refused, timed out, closed) or reports offline."""


class PaperOut(DeviceError):
    """The printer has no paper; nothing was sent."""


class CoverOpen(DeviceError):
    """The printer cover is open; nothing was sent."""


class DeviceBusy(DeviceError):
    """Another operation holds the device for longer than we are willing to wait."""


class ProtocolError(DeviceError):
    """The device answered something we do not understand, or a job cannot be encoded."""


class DeviceHealth(enum.Enum):
    """Coarse health for a status light: green, amber, red."""

    OK = "ok"
    WARNING = "warning"
    UNAVAILABLE = "unavailable"


# --- status -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """A snapshot of the printer's real-time status (ESC/POS DLE EOT 1, 2 and 4).

    ``online`` means the printer answered and is not stopped for a reason other than the cover
    or the paper (which have their own flags): check ``ready`` before printing. A printer that
    cannot be reached raises DeviceOffline from ``status()`` instead.
    """

    online: bool
    cover_open: bool = False
    paper_near_end: bool = False
    paper_out: bool = False
    drawer_open: bool = False

    @property
    def ready(self) -> bool:
        """True when a receipt sent now would print."""
        return self.online and not self.cover_open and not self.paper_out

    @property
    def health(self) -> DeviceHealth:
        if not self.ready:
            return DeviceHealth.UNAVAILABLE
        if self.paper_near_end:
            return DeviceHealth.WARNING
        return DeviceHealth.OK

    @classmethod
    def unreachable(cls) -> PrinterStatus:
        """The status to show when the link itself is down (status() raised DeviceOffline)."""
        return cls(online=False)


# --- the print document model -------------------------------------------------------------------

Align = Literal["left", "center", "right"]
BarcodeKind = Literal["CODE128", "EAN13", "EAN8", "CODE39"]


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line. Layout (padding to ``printer.columns``) is the caller's job.

    ``double`` doubles width and height, so a double line holds ``columns // 2`` characters.
    Control characters in ``text`` are replaced by spaces when encoded, so data such as product
    names can never inject printer commands.
    """

    text: str
    bold: bool = False
    double: bool = False
    align: Align = "left"

    def __post_init__(self) -> None:
        if self.align not in ("left", "center", "right"):
            raise ValueError(f"align must be left, center or right, not {self.align!r}")


@dataclass(frozen=True, slots=True)
class Barcode:
    """A 1D barcode with human-readable text below (e.g. the receipt number, for returns)."""

    data: str
    kind: BarcodeKind = "CODE128"


@dataclass(frozen=True, slots=True)
class QrCode:
    data: str


@dataclass(frozen=True, slots=True)
class Feed:
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    """Feed to the cutter and cut (partial cut, the receipt stays on the printer)."""


@dataclass(frozen=True, slots=True)
class Logo:
    """A store logo (PNG, JPEG, ...) printed centred as a raster image, scaled down to the
    paper's printable width. The raster is built once per file (path + mtime) and reused."""

    path: str


PrintItem = TextLine | Barcode | QrCode | Feed | Cut | Logo


@dataclass(frozen=True, slots=True)
class PrintJob:
    """Everything that goes out in one write: a receipt is printed whole or not at all.

    The drawer is kicked after the receipt (pin 2 or 5 of the drawer connector).
    """

    items: tuple[PrintItem, ...]
    open_drawer: bool = False
    drawer_pin: int = 2

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))  # a list would make it mutable
        if self.drawer_pin not in (2, 5):
            raise ValueError(f"drawer_pin must be 2 or 5, not {self.drawer_pin}")


# --- roles --------------------------------------------------------------------------------------


@runtime_checkable
class ReceiptPrinter(Protocol):
    """A receipt printer. Every call blocks; drive it from the device's worker thread."""

    @property
    def columns(self) -> int:
        """Characters per line in the normal font (42 on 80 mm paper, 32 on 58 mm)."""
        ...

    def open(self) -> None: ...

    def close(self) -> None: ...

    def status(self) -> PrinterStatus:
        """Ask the printer now. Raises DeviceOffline if it cannot be reached."""
        ...

    def print_job(self, job: PrintJob) -> None:
        """Print the whole job, or raise a DeviceError subclass (having sent nothing if the
        printer was known to be out of paper, open or offline)."""
        ...

    def open_drawer(self, pin: int = 2, pulse_ms: int = 100) -> None: ...


class Transport(Protocol):
    """A byte pipe to a device (TCP, serial, USB, file). Raises DeviceOffline on any failure."""

    def open(self) -> None: ...

    def close(self) -> None: ...

    @property
    def is_open(self) -> bool: ...

    def write(self, data: bytes) -> None:
        """Write all of ``data`` or raise."""
        ...

    def read(self, n: int) -> bytes:
        """Read exactly ``n`` bytes within the transport's timeout, or raise DeviceOffline."""
        ...

    def discard_input(self) -> None:
        """Drop bytes already received (stale answers) without blocking."""
        ...


# --- input devices and the other roles -----------------------------------------------------------
# Every call below blocks; each device is driven from its own worker thread (drivers.worker),
# which turns reads into events for the till and marks the device unavailable while it fails.


@dataclass(frozen=True, slots=True)
class ScanEvent:
    """One barcode read: the data as the symbol holds it (suffix stripped), the AIM symbology
    identifier without "]" when the scanner sent one (e.g. "E0", "C1"), and the device URL."""

    data: str
    symbology: str | None = None
    source: str = ""


class WeightState(enum.Enum):
    STABLE = "stable"
    MOTION = "motion"  # still settling: never sell on this
    ZERO = "zero"
    OVER_CAPACITY = "over_capacity"
    UNDER_ZERO = "under_zero"


@dataclass(frozen=True, slots=True)
class WeightReading:
    """A scale's answer in integer grams (never float). Only STABLE readings above zero sell."""

    grams: int
    state: WeightState

    @property
    def sellable(self) -> bool:
        return self.state is WeightState.STABLE and self.grams > 0


@runtime_checkable
class Scanner(Protocol):
    def open(self) -> None: ...

    def close(self) -> None: ...

    def read(self, timeout: float) -> ScanEvent | None:
        """The next complete scan, or None when nothing arrived within `timeout` seconds.
        Garbage and partial frames are dropped (logged), never raised."""
        ...


@runtime_checkable
class Scale(Protocol):
    def open(self) -> None: ...

    def close(self) -> None: ...

    def read_weight(self) -> WeightReading:
        """Ask the scale once. Raises DeviceOffline / ProtocolError."""
        ...

    def zero(self) -> None: ...


@runtime_checkable
class CashDrawer(Protocol):
    def open(self) -> None: ...

    def close(self) -> None: ...

    def kick(self) -> None:
        """Fire the drawer's solenoid (the drawer springs open)."""
        ...

    def is_open(self) -> bool:
        """The drawer's sensor. Raises DeviceOffline when it cannot be asked."""
        ...


@runtime_checkable
class LineDisplay(Protocol):
    """A customer-facing pole display (e.g. 2 x 20 characters)."""

    @property
    def columns(self) -> int: ...

    @property
    def rows(self) -> int: ...

    def open(self) -> None: ...

    def close(self) -> None: ...

    def show(self, lines: tuple[str, ...]) -> None:
        """Replace the whole display with these lines (cut or padded to fit)."""
        ...


# --- printers that cannot answer (write-only links) ---------------------------------------------


@dataclass(frozen=True, slots=True)
class UnverifiedPrinterStatus(PrinterStatus):
    """What ``status()`` returns when the link cannot carry an answer (a write-only device file
    such as /dev/usb/lp0): assumed ``ready`` so the till still prints, but ``health`` is WARNING
    so the status light says "unknown" rather than a green it cannot vouch for."""

    online: bool = True

    @property
    def health(self) -> DeviceHealth:
        return DeviceHealth.WARNING
