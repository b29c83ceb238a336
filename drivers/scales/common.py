"""What both serial scale drivers share: exact unit conversion, the scale-fault error, and the
request/answer loop over a :class:`~drivers.transports.serial.SerialTransport`.

A scale answers a one-byte (8217) or one-line (SMA) request with one frame. The loop drops stale
input, sends the request, feeds whatever arrives to a pure frame splitter, and takes the first
frame that decodes. It never waits past the deadline:

- nothing at all came back           -> DeviceOffline (switched off, unplugged, wrong baudrate)
- bytes came, but no frame decoded   -> ProtocolError (garbage, truncated answer, other protocol)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Protocol, TypeVar
from urllib.parse import parse_qsl, urlsplit

from drivers.base import DeviceBusy, DeviceError, DeviceOffline, ProtocolError, WeightReading
from drivers.transports.serial import SerialTransport

try:  # termios.error is not an OSError; pyserial lets it out of tcflush/tcsetattr on POSIX
    from termios import error as _TermiosError
except ImportError:  # pragma: no cover - Windows
    _TermiosError = OSError  # type: ignore[misc,assignment]

A = TypeVar("A")
# Read in short slices until the deadline. A constant slice keeps pyserial's timeout unchanged
# between reads (changing it reprograms the UART with tcsetattr every time); the deadline is
# overshot by at most one slice.
POLL_S = 0.05
# What may still escape the transport when a port vanishes under us (ValueError: pyserial on
# a closed port); translated to DeviceOffline here, at the driver boundary.
_LINK_ERRORS = (OSError, ValueError, _TermiosError)

# Exact factors to grams. 1 lb = 0.45359237 kg by definition (international pound, 1959);
# 1 oz = 1/16 lb.
GRAMS_PER_UNIT: dict[str, Decimal] = {
    "g": Decimal(1),
    "kg": Decimal(1000),
    "lb": Decimal("453.59237"),
    "oz": Decimal("453.59237") / 16,
}


class ScaleFault(DeviceError):
    """The scale answered, but reports that it cannot weigh (zero error, tare error, outside
    the zero capture range at power-up) or refused a command (zero while in motion)."""


def to_grams(text: str, unit: str) -> int:
    """Exact decimal weight text in ``unit`` -> integer grams, rounding half up (no float).

    Raises ProtocolError for anything that is not a plain decimal number or an unknown unit.
    """
    factor = GRAMS_PER_UNIT.get(unit.lower())
    if factor is None:
        raise ProtocolError(f"unknown weight unit {unit!r}")
    body = text.strip()
    # Decimal() also accepts "NaN", "Infinity", "1e3", "_": only plain digits reach it.
    digits = body[1:] if body[:1] in "+-" else body
    if not digits or not digits.replace(".", "", 1).isdigit() or not digits.isascii():
        raise ProtocolError(f"not a weight: {text!r}")
    try:
        value = Decimal(body) * factor
    except InvalidOperation as exc:  # pragma: no cover - guarded above
        raise ProtocolError(f"not a weight: {text!r}") from exc
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class FrameSplitter(Protocol):
    def feed(self, data: bytes) -> list[bytes]: ...


def parse_scale_url(
    url: str, scheme: str, defaults: dict[str, str], extra: Iterable[str] = ()
) -> tuple[SerialTransport, dict[str, str]]:
    """``<scheme>:///dev/ttyUSB1?baudrate=9600&...`` -> (transport, driver-specific params).

    ``defaults`` fill in serial settings the URL leaves out (protocol defaults such as 7E1);
    parameters neither the transport nor ``extra`` know are an error, so typos do not pass.
    """
    parts = urlsplit(url)
    if parts.scheme != scheme:
        raise ValueError(f"expected a {scheme}:// URL, not {url!r}")
    port = parts.netloc + parts.path if parts.netloc else parts.path  # serial://COM3 too
    params = dict(defaults)
    params.update(parse_qsl(parts.query, keep_blank_values=True))
    transport = SerialTransport.from_params(port, params)
    own = {k: params.pop(k) for k in list(params) if k in set(extra)}
    if params:
        raise ValueError(f"unknown parameter(s) {', '.join(sorted(params))} in {url!r}")
    return transport, own


class SerialScale:
    """Base of the serial scale drivers: one lock, open/close, and :meth:`_transact`.

    Any link failure closes the transport (SerialTransport does that); the next call reopens
    it, so a scale that was unplugged and plugged back in works again without a restart.
    """

    def __init__(
        self, transport: SerialTransport, *, timeout: float = 1.0, busy_timeout: float = 5.0
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.transport = transport
        self.timeout = timeout
        self.busy_timeout = busy_timeout
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.transport!r})"

    def open(self) -> None:
        with self._locked():
            self.transport.open()

    def close(self) -> None:
        with self._locked():
            self.transport.close()

    def read_weight(self) -> WeightReading:
        raise NotImplementedError  # each protocol's request and decoding

    def zero(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SerialScale:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _locked(self) -> _Held:
        if not self._lock.acquire(timeout=self.busy_timeout):
            raise DeviceBusy(f"{self!r} is busy")
        return _Held(self._lock)

    def _transact(self, request: bytes, splitter: FrameSplitter, decode: Callable[[bytes], A]) -> A:
        """Send ``request`` and return the first answer frame that ``decode`` accepts."""
        with self._locked():
            try:
                return self._exchange(request, splitter, decode)
            except DeviceError:
                raise
            except _LINK_ERRORS as exc:
                self.transport.close()
                raise DeviceOffline(f"{self.transport.port}: {exc!r}") from exc

    def _exchange(self, request: bytes, splitter: FrameSplitter, decode: Callable[[bytes], A]) -> A:
        self.transport.open()
        self.transport.discard_input()  # a late answer to an earlier request is not ours
        self.transport.write(request)
        deadline = time.monotonic() + self.timeout
        received = 0
        last_error: ProtocolError | None = None
        while time.monotonic() < deadline:
            chunk = self.transport.read_some(256, POLL_S)
            received += len(chunk)
            for frame in splitter.feed(chunk):
                try:
                    return decode(frame)
                except ProtocolError as exc:
                    last_error = exc  # maybe garbage that looked like a frame: read on
        if received == 0:
            raise DeviceOffline(
                f"{self.transport.port}: no answer within {self.timeout} s "
                "(scale off or unplugged, wrong baudrate or protocol?)"
            )
        if last_error is not None:
            raise ProtocolError(f"{self.transport.port}: {last_error}") from last_error
        raise ProtocolError(
            f"{self.transport.port}: {received} byte(s) but no complete answer within "
            f"{self.timeout} s (truncated answer, or the scale speaks another protocol?)"
        )


class _Held:
    """Releases an already acquired lock on exit (so `_locked` can raise DeviceBusy first)."""

    def __init__(self, lock: threading.Lock) -> None:
        self._lock = lock

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()
