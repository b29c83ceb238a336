"""Device-file transport: a printer as a character device (``/dev/usb/lp0`` from the kernel's
usblp driver, ``/dev/lp0`` on a parallel port), a FIFO, or any file opened for writing.

Write-only: such a link carries no answer we rely on, so the printer's status is unknown
(``readable`` is False and :class:`~drivers.printers.escpos.EscposPrinter` does not ask).

The file is opened non-blocking and never created: a typo in the path must fail loudly rather
than pour receipts into a new regular file, and a printer that stops taking data (paper out on
usblp blocks the write) must not hang the device thread: we wait at most ``timeout`` seconds
for it to take more, then give up with DeviceOffline.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import time
from collections.abc import MutableMapping

from drivers.base import DeviceOffline, ProtocolError

PARAMS = ("timeout",)


class FileTransport:
    readable = False

    def __init__(self, path: str, timeout: float = 5.0) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.path, self.timeout = path, timeout
        self._fd: int | None = None

    @classmethod
    def from_params(cls, path: str, params: MutableMapping[str, str]) -> FileTransport:
        if not path:
            raise ValueError("file URL without a path (like escpos+file:///dev/usb/lp0)")
        return cls(path, float(params.pop("timeout", "5")))

    def __repr__(self) -> str:
        return f"FileTransport({self.path!r})"

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def open(self) -> None:
        if self._fd is not None:
            return
        flags = os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        try:
            self._fd = os.open(self.path, flags)
        except OSError as exc:
            raise DeviceOffline(_explain(self.path, exc)) from exc

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):  # the device vanished: nothing left to do
                os.close(fd)

    def write(self, data: bytes) -> None:
        fd = self._require()
        view = memoryview(data)
        deadline = time.monotonic() + self.timeout
        try:
            while view:
                try:
                    view = view[os.write(fd, view) :]
                    continue
                except BlockingIOError:
                    pass
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [fd], [], left)[1]:
                    self.close()
                    raise DeviceOffline(
                        f"device {self.path} took no data for {self.timeout} s "
                        "(printer offline, out of paper or cover open?)"
                    )
        except OSError as exc:
            self.close()
            raise DeviceOffline(f"write failed: {_explain(self.path, exc)}") from exc

    def read(self, n: int) -> bytes:
        raise ProtocolError(f"device {self.path} is write-only: it cannot answer")

    def discard_input(self) -> None:
        """Nothing is ever read, so there is nothing stale to drop."""
        self._require()

    def _require(self) -> int:
        if self._fd is None:
            raise DeviceOffline(f"device {self.path} is not open")
        return self._fd

    def __enter__(self) -> FileTransport:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _explain(path: str, exc: OSError) -> str:
    code = exc.errno
    if code in (errno.ENOENT, errno.ENODEV):
        return f"no such device {path} (printer unplugged or switched off?)"
    if code == errno.ENXIO:
        return f"nobody is reading {path} (no printer behind it, or a FIFO without a reader)"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied on {path} (add the till user to the lp group)"
    if code == errno.EBUSY:
        return f"device {path} is busy (used by another program, e.g. CUPS?)"
    if code == errno.EPIPE:
        return f"{path} was closed by the other side"
    return f"{path}: {exc.strerror or exc}"
