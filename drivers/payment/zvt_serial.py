"""ZVT over RS-232: a byte pipe for ``ZvtTerminal`` that frames each APDU on the wire.

URL ``zvt+serial:///dev/ttyUSB0?baud=9600`` (ZVT's usual line is 9600 8N2; ``bytesize``,
``parity``, ``stopbits``, ``rtscts``, ``xonxoff`` as for every serial device, ``baudrate`` is an
alias of ``baud``; ``link_timeout`` is the wait for the one-byte link ACK, default 2 s).

``write(apdu)`` sends one frame (``zvt_framing``) and waits for the terminal's ACK (06),
repeating it on NAK (15) or silence up to three times; ``read(n)`` hands out the APDU bytes of
frames received whole and correct, each answered with ACK; a damaged frame is answered with NAK
so the terminal sends it again. ``ZvtTerminal`` therefore speaks the same APDUs over serial as
over TCP and knows nothing of this layer.

Failures, as the client expects them: silence or a vanished port is ``DeviceOffline``; a
terminal whose frames keep failing (three NAKed in a row) or that sends only noise is a
``ZvtProtocolError``. Two threads may use one transport (``abort()`` writes while ``purchase()``
reads): only one of them reads the port at a time and hands what it finds to the other.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, MutableMapping

from drivers.base import DeviceOffline
from drivers.payment.zvt_codec import NotZvt, ZvtProtocolError
from drivers.payment.zvt_framing import (
    ACK,
    NAK,
    BadFrame,
    Deframer,
    Frame,
    LinkAck,
    Stray,
    encode_frame,
)
from drivers.transports.serial import SerialTransport

log = logging.getLogger(__name__)

RETRIES = 3  # repeats of a frame after the first try (NAK or no answer)
MAX_BAD_FRAMES = 3  # the sender's own retries are spent: the line is broken
MAX_STRAY = 256  # bytes of noise between frames before we call the line broken
_SERIAL_PARAMS = ("bytesize", "parity", "stopbits", "rtscts", "xonxoff")
_STEP = 0.05  # how long one read waits, so another thread's data is handed over promptly


class ZvtSerialTransport:
    def __init__(
        self,
        port: SerialTransport,
        timeout: float = 90.0,
        link_timeout: float = 2.0,
        inter_byte_timeout: float = 1.0,
    ) -> None:
        if timeout <= 0 or link_timeout <= 0:
            raise ValueError("timeouts must be positive")
        self.port = port
        self.timeout = timeout
        self.link_timeout = link_timeout
        self.inter_byte_timeout = inter_byte_timeout
        self._read_wait = timeout
        self._cond = threading.Condition()
        self._pumping = False
        self._write_lock = threading.Lock()  # one frame in flight at a time
        self._port_write = threading.Lock()  # a one-byte ACK never lands inside a frame
        self._reset()

    @classmethod
    def from_url_parts(cls, path: str, params: MutableMapping[str, str]) -> ZvtSerialTransport:
        """Build from the URL path and query, *removing* the parameters used here (the
        shared ``timeout`` stays for the client to see)."""
        serial = {k: params.pop(k) for k in _SERIAL_PARAMS if k in params}
        baud = params.pop("baud", None)
        serial["baudrate"] = baud or params.pop("baudrate", None) or "9600"
        params.pop("baudrate", None)
        serial.setdefault("stopbits", "2")  # ZVT's line: 9600 8N2
        link_timeout = float(params.pop("link_timeout", "2"))
        serial["timeout"] = str(link_timeout)  # bounds a write the port will not take
        port = SerialTransport.from_params(path, serial)
        return cls(port, timeout=float(params.get("timeout", "90")), link_timeout=link_timeout)

    def __repr__(self) -> str:
        return f"ZvtSerialTransport({self.port.port!r}, {self.port.baudrate})"

    def _reset(self) -> None:
        self._deframer = Deframer()
        self._rx = bytearray()
        self._link: deque[bool] = deque()
        self._error: ZvtProtocolError | None = None
        self._bad_frames = 0
        self._stray = 0
        self._last_byte = time.monotonic()

    # --- Transport --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.port.is_open

    def open(self) -> None:
        if not self.port.is_open:
            self.port.open()
            with self._cond:
                self._reset()

    def close(self) -> None:
        self.port.close()

    def set_read_timeout(self, seconds: float) -> None:
        self._read_wait = seconds

    def discard_input(self) -> None:
        self.port.discard_input()
        with self._cond:
            self._rx.clear()
            self._link.clear()
            self._deframer.reset()
            self._error = None

    def write(self, data: bytes) -> None:
        frame = encode_frame(data)
        with self._write_lock:
            for attempt in range(1 + RETRIES):
                with self._cond:
                    self._link.clear()
                self._port_write_bytes(frame)
                if self._wait(lambda: bool(self._link), self.link_timeout) and self._link.pop():
                    return
                log.info("ZVT frame not acknowledged (try %d of %d)", attempt + 1, 1 + RETRIES)
        self.close()
        raise DeviceOffline(
            f"port {self.port.port}: the terminal did not acknowledge a frame "
            f"({1 + RETRIES} tries; terminal off, wrong baud rate or cable?)"
        )

    def read(self, n: int) -> bytes:
        wait = self._read_wait
        if not self._wait(lambda: len(self._rx) >= n or self._error is not None, wait):
            raise DeviceOffline(f"port {self.port.port}: no answer within {wait} s")
        with self._cond:
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            out = bytes(self._rx[:n])
            del self._rx[:n]
            return out

    # --- the one reader -----------------------------------------------------------------------

    def _wait(self, ready: Callable[[], bool], timeout: float) -> bool:
        """Read the port (or let the thread already reading it do so) until ``ready()`` or
        ``timeout``. Errors of the port (DeviceOffline) go to whoever was reading."""
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                if ready():
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                if self._pumping:
                    self._cond.wait(min(left, _STEP))
                    continue
                self._pumping = True
            try:
                self._pump(min(left, _STEP))
            finally:
                with self._cond:
                    self._pumping = False
                    self._cond.notify_all()

    def _pump(self, wait: float) -> None:
        data = self.port.read_some(4096, wait)
        now = time.monotonic()
        if data:
            self._last_byte = now
            events = self._deframer.feed(data)
        elif self._deframer.in_frame and now - self._last_byte > self.inter_byte_timeout:
            cut = self._deframer.abandon()
            events = [cut] if cut else []
        else:
            return
        for event in events:
            self._handle(event)

    def _handle(self, event: Frame | LinkAck | BadFrame | Stray) -> None:
        if isinstance(event, Frame):
            self._port_write_bytes(bytes((ACK,)))
            with self._cond:
                self._rx += event.apdu
                self._bad_frames = self._stray = 0
        elif isinstance(event, LinkAck):
            with self._cond:
                self._link.append(event.positive)
        elif isinstance(event, BadFrame):
            self._port_write_bytes(bytes((NAK,)))
            self._bad_frames += 1
            log.info("ZVT frame refused with NAK: %s", event.error)
            if self._bad_frames >= MAX_BAD_FRAMES:
                self._fail(event.error)
        else:
            self._stray += event.count
            if self._stray > MAX_STRAY:
                self._fail(NotZvt(f"{self._stray} bytes of noise on the line, no ZVT frame"))

    def _fail(self, error: ZvtProtocolError) -> None:
        with self._cond:
            self._error = error
            self._bad_frames = self._stray = 0
            self._deframer.reset()

    def _port_write_bytes(self, data: bytes) -> None:
        with self._port_write:
            self.port.write(data)
