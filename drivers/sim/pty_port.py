"""A serial port that can be unplugged and plugged in again: a pty pair behind a stable link.

The driver opens :attr:`PtyPort.path`, a symlink to the pty's slave (/dev/pts/N), as it would
open /dev/serial/by-id/usb-...; the simulator or test reads and writes the master side.
:meth:`unplug` closes the master (the driver's next read or write fails the way a pulled
USB-serial adapter does: EIO / "returned no data") and removes the link; :meth:`replug` makes a
new pty and points the link at it, as udev does when the adapter comes back.

POSIX only (os.openpty).
"""

from __future__ import annotations

import contextlib
import os
import select
import tempfile
import time
import tty
from pathlib import Path


class PtyPort:
    def __init__(self, directory: str | Path | None = None, name: str = "ttySIM0") -> None:
        self._dir = Path(directory) if directory is not None else Path(tempfile.mkdtemp())
        self.path = str(self._dir / name)
        self.master: int | None = None
        self._slave: int | None = None
        self.replug()

    @property
    def plugged(self) -> bool:
        return self.master is not None

    @property
    def slave_name(self) -> str:
        return os.readlink(self.path)

    def replug(self) -> None:
        """A new pty behind :attr:`path` (unplugging the old one first)."""
        self.unplug()
        master, slave = os.openpty()
        # Raw from the start: bytes written before the driver opens (and sets raw mode itself)
        # must not be echoed or turned into signals by the line discipline.
        tty.setraw(slave)
        self.master, self._slave = master, slave
        tmp = self.path + ".new"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.path)

    def unplug(self) -> None:
        """Close both our ends and remove the link: the port is gone."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        for fd in (self.master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.master = self._slave = None

    def write(self, data: bytes) -> None:
        """Send ``data`` to the driver (as the device would)."""
        if self.master is None:
            raise OSError("port is unplugged")
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def read(self, n: int = 4096, timeout: float = 1.0) -> bytes:
        """What the driver sent: up to ``n`` bytes once some arrive, b"" after ``timeout``."""
        if self.master is None:
            raise OSError("port is unplugged")
        if not select.select([self.master], [], [], timeout)[0]:
            return b""
        try:
            return os.read(self.master, n)
        except OSError:  # EIO: no slave open (the driver closed the port)
            return b""

    def read_exactly(self, n: int, timeout: float = 2.0) -> bytes:
        deadline = time.monotonic() + timeout
        buf = bytearray()
        while len(buf) < n and (left := deadline - time.monotonic()) > 0:
            buf += self.read(n - len(buf), left)
        return bytes(buf)

    def close(self) -> None:
        self.unplug()
        with contextlib.suppress(OSError):
            self._dir.rmdir()

    def __enter__(self) -> PtyPort:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
