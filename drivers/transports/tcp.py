"""Raw TCP transport ("port 9100", a.k.a. JetDirect / AppSocket), as network printers speak it.

Every OS-level failure becomes :class:`~drivers.base.DeviceOffline`, and the socket is closed
so that the next ``open()`` starts clean: a half-dead connection is never reused.
"""

from __future__ import annotations

import contextlib
import select
import socket

from drivers.base import DeviceOffline

DEFAULT_PORT = 9100


class TcpTransport:
    def __init__(self, host: str, port: int = DEFAULT_PORT, timeout: float = 2.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.host = host
        self.port = port
        self.timeout = timeout
        self._sock: socket.socket | None = None

    def __repr__(self) -> str:
        return f"TcpTransport({self.host!r}, {self.port}, timeout={self.timeout})"

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self) -> None:
        if self._sock is not None:
            return
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:  # refused, unreachable, timeout (socket.timeout is an OSError)
            raise DeviceOffline(f"cannot connect to {self.host}:{self.port}: {exc}") from exc
        # Receipts are small and sent whole; do not let Nagle hold back the tail of a job or
        # a status query.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()

    def set_read_timeout(self, seconds: float) -> None:
        """Wait up to ``seconds`` in ``read()`` from now on, while this connection lasts
        (``timeout`` is untouched and applies again after the next ``open()``). For protocols
        that wait seconds for an acknowledgement but minutes for a customer."""
        if seconds <= 0:
            raise ValueError("timeout must be positive")
        if self._sock is not None:
            self._sock.settimeout(seconds)

    def _require(self) -> socket.socket:
        if self._sock is None:
            raise DeviceOffline(f"{self.host}:{self.port} is not connected")
        return self._sock

    def write(self, data: bytes) -> None:
        sock = self._require()
        try:
            sock.sendall(data)
        except OSError as exc:
            self.close()
            raise DeviceOffline(f"write to {self.host}:{self.port} failed: {exc}") from exc

    def read(self, n: int) -> bytes:
        sock = self._require()
        buf = bytearray()
        try:
            while len(buf) < n:
                chunk = sock.recv(n - len(buf))
                if not chunk:
                    self.close()
                    raise DeviceOffline(f"{self.host}:{self.port} closed the connection")
                buf += chunk
        except OSError as exc:
            self.close()
            raise DeviceOffline(f"no answer from {self.host}:{self.port}: {exc}") from exc
        return bytes(buf)

    def discard_input(self) -> None:
        sock = self._require()
        try:
            while select.select([sock], [], [], 0)[0]:
                if not sock.recv(4096):
                    self.close()
                    raise DeviceOffline(f"{self.host}:{self.port} closed the connection")
        except OSError as exc:
            self.close()
            raise DeviceOffline(f"{self.host}:{self.port}: {exc}") from exc

    def __enter__(self) -> TcpTransport:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
