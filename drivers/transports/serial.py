"""Serial transport (RS-232, USB-serial adapters, USB CDC-ACM) over pyserial.

URL: ``<role>+serial:///dev/ttyUSB0?baudrate=38400&bytesize=8&parity=N&stopbits=1
&rtscts=1&xonxoff=0&timeout=2`` -- the URL path is the port (use a stable /dev/serial/by-id/...
link in production: ttyUSB numbers change with plug order). ``COM3`` works as ``serial://COM3``.

The port is opened exclusively (flock on POSIX), so a second program cannot silently steal half
the bytes; every pyserial / OS error becomes :class:`~drivers.base.DeviceOffline` with advice a
cashier's technician can act on (``kassa doctor`` shows the message as is).
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Mapping, MutableMapping

import serial

from drivers.base import DeviceOffline

PARAMS = ("baudrate", "bytesize", "parity", "stopbits", "rtscts", "xonxoff", "timeout")
_PARITIES = {
    "N": serial.PARITY_NONE,
    "E": serial.PARITY_EVEN,
    "O": serial.PARITY_ODD,
    "M": serial.PARITY_MARK,
    "S": serial.PARITY_SPACE,
}
# pyserial lets termios.error (not an OSError) escape from tcflush/tcdrain on a vanished tty.
try:
    import termios

    _PORT_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, termios.error)
except ImportError:  # Windows
    _PORT_ERRORS = (serial.SerialException, OSError)
_OPEN_ERRORS: tuple[type[BaseException], ...] = (*_PORT_ERRORS, ValueError)
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


class SerialTransport:
    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        *,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: float = 1,
        rtscts: bool = False,
        xonxoff: bool = False,
        timeout: float = 2.0,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if parity.upper() not in _PARITIES:
            raise ValueError(f"parity must be one of {''.join(_PARITIES)}, not {parity!r}")
        if bytesize not in (5, 6, 7, 8):
            raise ValueError(f"bytesize must be 5..8, not {bytesize}")
        if stopbits not in (1, 1.5, 2):
            raise ValueError(f"stopbits must be 1, 1.5 or 2, not {stopbits}")
        self.port, self.baudrate, self.timeout = port, baudrate, timeout
        self.bytesize, self.parity, self.stopbits = bytesize, parity.upper(), stopbits
        self.rtscts, self.xonxoff = rtscts, xonxoff
        self._ser: serial.Serial | None = None

    @classmethod
    def from_params(cls, port: str, params: MutableMapping[str, str]) -> SerialTransport:
        """Build from URL query parameters, *removing* the ones it uses (the caller rejects
        whatever is left that it does not know)."""
        if not port:
            raise ValueError("serial URL without a port path (like serial:///dev/ttyUSB0)")
        p = {k: params.pop(k) for k in PARAMS if k in params}
        return cls(
            port,
            int(p.get("baudrate", "9600")),
            bytesize=int(p.get("bytesize", "8")),
            parity=p.get("parity", "N"),
            stopbits=float(p.get("stopbits", "1")),
            rtscts=_flag(p, "rtscts"),
            xonxoff=_flag(p, "xonxoff"),
            timeout=float(p.get("timeout", "2")),
        )

    def __repr__(self) -> str:
        return f"SerialTransport({self.port!r}, {self.baudrate})"

    @property
    def is_open(self) -> bool:
        return self._ser is not None

    def open(self) -> None:
        if self._ser is not None:
            return
        try:
            self._ser = serial.Serial(
                self.port,
                self.baudrate,
                bytesize=self.bytesize,
                parity=_PARITIES[self.parity],
                stopbits=self.stopbits,
                rtscts=self.rtscts,
                xonxoff=self.xonxoff,
                timeout=self.timeout,
                write_timeout=self.timeout,  # a printer holding CTS low must not hang us
                exclusive=True,
            )
        except _OPEN_ERRORS as exc:  # ValueError: settings the port refuses
            raise DeviceOffline(explain_open_error(self.port, exc)) from exc

    def close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            # closing a port whose device vanished: nothing left to do
            with contextlib.suppress(*_PORT_ERRORS):
                ser.close()

    def write(self, data: bytes) -> None:
        ser = self._require()
        try:
            ser.write(data)
            ser.flush()  # tcdrain: the bytes have left the UART when we return
        except serial.SerialTimeoutException as exc:
            self.close()
            raise DeviceOffline(
                f"port {self.port}: device did not accept data within {self.timeout} s "
                "(switched off, or flow control (rtscts/xonxoff) set differently?)"
            ) from exc
        except _PORT_ERRORS as exc:
            self.close()
            raise DeviceOffline(f"port {self.port}: write failed ({_reason(exc)})") from exc

    def read(self, n: int) -> bytes:
        """Exactly ``n`` bytes within ``timeout`` seconds, or DeviceOffline."""
        data = self.read_some(n, self.timeout, exact=True)
        if len(data) < n:
            raise DeviceOffline(
                f"port {self.port}: no answer within {self.timeout} s (got {len(data)} of "
                f"{n} bytes; device off, or wrong baudrate?)"
            )
        return data

    def read_some(self, n: int, timeout: float | None = None, *, exact: bool = False) -> bytes:
        """Up to ``n`` bytes: what is there, else wait up to ``timeout`` for the first ones
        (b"" if nothing came). For input devices that talk when they like (scanners, scales).
        With ``exact``, keep reading until ``n`` bytes or the timeout."""
        ser = self._require()
        try:
            wait = self.timeout if timeout is None else timeout
            if ser.timeout != wait:  # the setter reprograms the port (tcsetattr): only on change
                ser.timeout = wait
            if exact:
                return bytes(ser.read(n))
            first = ser.read(1)
            if not first:
                return b""
            return bytes(first) + bytes(ser.read(min(ser.in_waiting, n - 1)))
        except _PORT_ERRORS as exc:
            self.close()
            raise DeviceOffline(f"port {self.port}: device disconnected ({_reason(exc)})") from exc

    def discard_input(self) -> None:
        ser = self._require()
        try:
            ser.reset_input_buffer()
        except _PORT_ERRORS as exc:
            self.close()
            raise DeviceOffline(f"port {self.port}: {_reason(exc)}") from exc

    def _require(self) -> serial.Serial:
        if self._ser is None:
            raise DeviceOffline(f"port {self.port} is not open")
        return self._ser

    def __enter__(self) -> SerialTransport:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def explain_open_error(port: str, exc: BaseException) -> str:
    """One line of advice for a port that would not open."""
    code = getattr(exc, "errno", None)
    if code is None and isinstance(exc.__context__, OSError):
        code = exc.__context__.errno
    if code == errno.ENOENT or code == errno.ENODEV or code == errno.ENXIO:
        return f"no such port {port} (device unplugged? see ls /dev/serial/by-id)"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied on port {port} (add the till user to the dialout group)"
    if code in (errno.EBUSY, errno.EAGAIN):
        return f"port {port} is busy (used by another program?)"
    return f"cannot open port {port}: {_reason(exc)}"


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _flag(params: Mapping[str, str], name: str) -> bool:
    value = params.get(name, "0").lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be 0 or 1, not {value!r}")
