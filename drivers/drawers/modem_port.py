"""A serial port with its modem lines, for the serial cash drawer.

The drawer fires on DTR/RTS and reads its switch on CTS/DSR, which the byte-pipe
:class:`~drivers.transports.serial.SerialTransport` does not expose; so it opens pyserial here.

Every pyserial and OS error is translated into a :mod:`drivers.base` error here, at the driver
boundary. ``serial_for_url`` accepts a device path as well as pyserial URLs such as ``loop://``
(which the tests use: on it CTS follows RTS and DSR follows DTR).
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from drivers.base import DeviceOffline, ProtocolError

try:  # pyserial lets termios.error (not an OSError) escape from tcdrain on a vanished tty
    from termios import error as _TermiosError
except ImportError:  # Windows
    _TermiosError = OSError  # type: ignore[misc,assignment]

PortFactory = Callable[..., Any]


def open_port(
    path: str,
    baudrate: int,
    timeout: float,
    *,
    dtr: bool | None = None,
    rts: bool | None = None,
    factory: PortFactory | None = None,
) -> Any:
    """An open ``serial.Serial`` (raw 8N1, no flow control). ``dtr``/``rts`` set the lines'
    state *before* opening: pyserial otherwise asserts both on open, which fires a drawer that
    is triggered by DTR or RTS."""
    import serial  # lazily: drivers that never touch a serial port do not need pyserial

    make = factory or serial.serial_for_url
    with translated(f"cannot open {path}"):
        port = make(path, baudrate=baudrate, timeout=timeout, write_timeout=timeout,
                    do_not_open=True)  # fmt: skip
        if dtr is not None:
            port.dtr = dtr
        if rts is not None:
            port.rts = rts
        port.open()
        return port


@contextmanager
def translated(what: str) -> Iterator[None]:
    """pyserial/OS errors -> DeviceOffline (SerialException is an OSError subclass); a port
    without modem control lines (a pty, some USB adapters) -> ProtocolError."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOTTY, errno.EINVAL):
            raise ProtocolError(f"{what}: the port has no modem control lines ({exc})") from exc
        raise DeviceOffline(f"{what}: {exc}") from exc
    except (ValueError, _TermiosError) as exc:  # ValueError: pyserial on a closed port
        raise DeviceOffline(f"{what}: {exc}") from exc
