"""The simulated ESC/POS printer on a serial port (a pty) instead of TCP.

Same parser, status answers, fault flags and recorded documents as
:class:`~drivers.sim.escpos_printer.SimulatedPrinter`; the printer's end of the cable is the
pty master. :meth:`unplug` and :meth:`replug` pull and reconnect the cable (see
:class:`~drivers.sim.pty_port.PtyPort`); ``offline`` has no meaning here, unplug instead.
"""

from __future__ import annotations

import os
import select
import threading
from pathlib import Path
from typing import Any

from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.sim.pty_port import PtyPort


class SerialSimulatedPrinter(SimulatedPrinter):
    def __init__(
        self, port: PtyPort | None = None, out_dir: str | Path | None = None, **kwargs: Any
    ) -> None:
        super().__init__(out_dir=out_dir, **kwargs)
        self.pty = port if port is not None else PtyPort(name="ttySIMPRN")
        self._running = False
        self._server: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"escpos+serial://{self.pty.path}?baudrate=38400&timeout=1&columns={self.columns}"

    def start(self) -> SerialSimulatedPrinter:
        self._running = True
        self._serve_current()
        return self

    def stop(self) -> None:
        self._running = False
        self.pty.close()
        if self._server is not None:
            self._server.join(timeout=2)

    def __enter__(self) -> SerialSimulatedPrinter:
        return self.start()

    def unplug(self) -> None:
        self.pty.unplug()
        if self._server is not None:
            self._server.join(timeout=2)

    def replug(self) -> None:
        self.unplug()
        self.pty.replug()
        self._serve_current()

    def _serve_current(self) -> None:
        master = self.pty.master
        assert master is not None
        conn = _MasterConn(master, lambda: self._running and self.pty.master == master)
        self._server = threading.Thread(target=self._serve, args=(conn,), daemon=True)
        self._server.start()


class _MasterConn:
    """Enough of a socket for SimulatedPrinter._serve: recv, sendall, shutdown, close."""

    def __init__(self, fd: int, alive: Any) -> None:
        self._fd, self._alive = fd, alive

    def recv(self, n: int) -> bytes:
        while self._alive():
            try:
                if select.select([self._fd], [], [], 0.05)[0]:
                    return os.read(self._fd, n)
            except (OSError, ValueError):
                return b""  # unplugged: the master is closed
        return b""

    def sendall(self, data: bytes) -> None:
        os.write(self._fd, data)

    def shutdown(self, how: int) -> None:
        pass

    def close(self) -> None:
        pass  # the PtyPort owns the fd
