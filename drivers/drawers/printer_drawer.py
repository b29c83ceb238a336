"""A cash drawer on the receipt printer's drawer connector (RJ11/RJ12 "DK" port).

The printer fires the solenoid (ESC p, or DLE DC4 1 when the printer is stopped: see
EscposPrinter.open_drawer) on pin 2 or pin 5, and reports the drawer switch on connector pin 3
in the DLE EOT 1 answer. Which pin-3 level means "open" depends on the drawer.

The drawer does not own the printer: the printer's own device opens and closes it, and its lock
serialises our kicks and status queries with receipts. So ``open()``/``close()`` do nothing.

URL: ``printer:?pin=2&pulse=100&open_level=high|low&sensor=yes|no``. It cannot be built from the
URL alone: ``PrinterDrawer.from_url(url, printer=the_printer)``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from drivers.base import ReceiptPrinter

SCHEME = "printer"


class PrinterDrawer:
    """A :class:`~drivers.base.CashDrawer` kicked through a :class:`ReceiptPrinter`."""

    def __init__(
        self,
        printer: ReceiptPrinter,
        pin: int = 2,
        pulse_ms: int = 100,
        *,
        open_level: str | None = None,
        has_sensor: bool = True,
    ) -> None:
        if pin not in (2, 5):
            raise ValueError(f"drawer pin must be 2 or 5, not {pin}")
        if not 2 <= pulse_ms <= 510:  # ESC p: t1 in 2 ms units, 1..255
            raise ValueError("pulse must be 2..510 ms")
        if open_level not in (None, "high", "low"):
            raise ValueError("open_level must be 'high' or 'low'")
        self.printer, self.pin, self.pulse_ms = printer, pin, pulse_ms
        self.open_level = open_level
        self.has_sensor = has_sensor

    @classmethod
    def from_url(cls, url: str, printer: ReceiptPrinter | None = None) -> PrinterDrawer:
        parts = urlsplit(url)
        if parts.scheme != SCHEME:
            raise ValueError(f"not a printer-drawer URL: {url!r}")
        if printer is None:
            raise ValueError(
                f"{url!r}: a drawer on the printer needs the printer object: "
                "PrinterDrawer.from_url(url, printer=...)"
            )
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        unknown = set(params) - {"pin", "pulse", "open_level", "sensor"}
        if unknown:
            raise ValueError(f"unknown drawer URL parameter(s) {sorted(unknown)} in {url!r}")
        sensor = params.get("sensor", "yes").lower()
        if sensor not in ("yes", "no"):
            raise ValueError("sensor must be 'yes' or 'no'")
        return cls(
            printer,
            pin=int(params.get("pin", "2")),
            pulse_ms=int(params.get("pulse", "100")),
            open_level=params.get("open_level"),
            has_sensor=sensor == "yes",
        )

    def __repr__(self) -> str:
        return f"PrinterDrawer({self.printer!r}, pin={self.pin}, pulse_ms={self.pulse_ms})"

    def open(self) -> None:
        """Nothing to do: the printer's device owns the link."""

    def close(self) -> None:
        """Nothing to do: closing would cut the printer off too."""

    def kick(self) -> None:
        self.printer.open_drawer(self.pin, self.pulse_ms)

    def is_open(self) -> bool:
        """The drawer switch, from DLE EOT 1 (raises DeviceOffline if the printer is unreachable).

        Without a sensor this is always False, as UPOS specifies for CapStatus = false.
        With ``open_level`` set, the printer's own drawer setting is overridden: the raw pin-3
        level is recovered from the printer's answer and read with our level.
        """
        if not self.has_sensor:
            return False
        reported_open = self.printer.status().drawer_open
        if self.open_level is None:
            return reported_open
        printer_high = bool(getattr(self.printer, "drawer_open_high", True))
        pin3_high = reported_open == printer_high
        return pin3_high == (self.open_level == "high")
