"""A cash drawer with its own serial interface (RS-232 drawer "interface boxes").

Such interfaces differ, so the scheme is configured, not guessed:

``trigger`` - what fires the solenoid:
  * ``byte`` (default): write one byte (``byte=7``, BEL; many boxes open on *any* byte, some
    only on a DIP-switch-selected one).
  * ``dtr`` / ``rts``: assert that line for ``pulse`` ms, then drop it. Both lines are held
    low from the moment the port opens (pyserial would otherwise assert them and fire it).

``sensor`` - where the drawer switch is reported:
  * ``cts`` or ``dsr``: an input modem line; ``open_level=high`` (default) means "line asserted
    = drawer open", ``low`` the reverse.
  * ``none``: no switch; ``is_open()`` is then always False (UPOS: CapStatus false).

URL: ``serial-drawer:///dev/ttyS0?trigger=byte&sensor=cts&baudrate=9600&byte=7&pulse=200
&open_level=high&timeout=1``. Unknown parameters are errors.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

from drivers.base import DeviceError
from drivers.drawers.modem_port import PortFactory, open_port, translated

SCHEME = "serial-drawer"
Trigger = Literal["byte", "dtr", "rts"]
Sensor = Literal["cts", "dsr", "none"]
_PARAMS = {"trigger", "sensor", "baudrate", "byte", "pulse", "open_level", "timeout"}


def drawer_open_from_lines(
    cts: bool, dsr: bool, sensor: Sensor, open_level: Literal["high", "low"] = "high"
) -> bool:
    """The drawer state from the input modem lines (pure: the part a pty cannot exercise)."""
    if sensor == "none":
        return False
    asserted = cts if sensor == "cts" else dsr
    return asserted == (open_level == "high")


class SerialDrawer:
    """A :class:`~drivers.base.CashDrawer` on its own serial port."""

    def __init__(
        self,
        path: str,
        *,
        trigger: Trigger = "byte",
        sensor: Sensor = "none",
        baudrate: int = 9600,
        kick_byte: int = 0x07,
        pulse_ms: int = 200,
        open_level: Literal["high", "low"] = "high",
        timeout: float = 1.0,
        port_factory: PortFactory | None = None,
    ) -> None:
        if trigger not in ("byte", "dtr", "rts"):
            raise ValueError(f"trigger must be byte, dtr or rts, not {trigger!r}")
        if sensor not in ("cts", "dsr", "none"):
            raise ValueError(f"sensor must be cts, dsr or none, not {sensor!r}")
        if open_level not in ("high", "low"):
            raise ValueError("open_level must be 'high' or 'low'")
        if not 0 <= kick_byte <= 255:
            raise ValueError("byte must be 0..255")
        if not 10 <= pulse_ms <= 2000:
            raise ValueError("pulse must be 10..2000 ms")
        self.path, self.trigger, self.sensor = path, trigger, sensor
        self.baudrate, self.kick_byte, self.pulse_ms = baudrate, kick_byte, pulse_ms
        self.open_level, self.timeout = open_level, timeout
        self._factory = port_factory
        self._port: Any = None
        self._lock = threading.Lock()

    @property
    def has_sensor(self) -> bool:
        return self.sensor != "none"

    @classmethod
    def from_url(cls, url: str) -> SerialDrawer:
        parts = urlsplit(url)
        if parts.scheme != SCHEME or not parts.path:
            raise ValueError(f"not a serial-drawer URL (serial-drawer:///dev/ttyS0): {url!r}")
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        unknown = set(params) - _PARAMS
        if unknown:
            raise ValueError(f"unknown drawer URL parameter(s) {sorted(unknown)} in {url!r}")
        return cls(
            unquote(parts.path),
            trigger=params.get("trigger", "byte"),  # type: ignore[arg-type]  # checked in init
            sensor=params.get("sensor", "none"),  # type: ignore[arg-type]
            baudrate=int(params.get("baudrate", "9600")),
            kick_byte=int(params.get("byte", "7"), 0),
            pulse_ms=int(params.get("pulse", "200")),
            open_level=params.get("open_level", "high"),  # type: ignore[arg-type]
            timeout=float(params.get("timeout", "1")),
        )

    def __repr__(self) -> str:
        return f"SerialDrawer({self.path!r}, trigger={self.trigger}, sensor={self.sensor})"

    # --- life cycle --------------------------------------------------------------------------

    def open(self) -> None:
        with self._lock:
            self._ensure_open()

    def close(self) -> None:
        with self._lock:
            self._drop()

    # --- operations --------------------------------------------------------------------------

    def kick(self) -> None:
        with self._lock:
            port = self._ensure_open()
            try:
                with translated(f"drawer kick on {self.path}"):
                    if self.trigger == "byte":
                        port.write(bytes([self.kick_byte]))
                        port.flush()
                    else:
                        self._set_line(port, True)
                        time.sleep(self.pulse_ms / 1000)
                        self._set_line(port, False)
            except DeviceError:
                self._drop()
                raise

    def is_open(self) -> bool:
        if self.sensor == "none":
            return False
        with self._lock:
            port = self._ensure_open()
            try:
                with translated(f"drawer sensor on {self.path}"):
                    cts = bool(port.cts) if self.sensor == "cts" else False
                    dsr = bool(port.dsr) if self.sensor == "dsr" else False
            except DeviceError:
                self._drop()
                raise
            return drawer_open_from_lines(cts, dsr, self.sensor, self.open_level)

    # --- internals ---------------------------------------------------------------------------

    def _set_line(self, port: Any, value: bool) -> None:
        if self.trigger == "dtr":
            port.dtr = value
        else:
            port.rts = value

    def _ensure_open(self) -> Any:
        if self._port is None:
            hold_low = self.trigger in ("dtr", "rts")
            self._port = open_port(
                self.path,
                self.baudrate,
                self.timeout,
                dtr=False if hold_low else None,
                rts=False if hold_low else None,
                factory=self._factory,
            )
        return self._port

    def _drop(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            with contextlib.suppress(OSError, ValueError):  # already gone: fine
                port.close()
