"""The simulated ZVT terminal on a serial line: a pty pair, ZVT's DLE STX framing with CRC and
ACK / NAK, and the same ``Script`` behaviours as over TCP.

``with SimulatedZvtSerialTerminal() as sim: ZvtTerminal.from_url(sim.url)`` where ``sim.url``
is ``zvt+serial:///tmp/.../ttyZVT0?baud=9600``. ``drop`` pulls the cable (the ECR's port fails
with EIO; a new pty appears behind the same path, as udev does). ``link.naks_sent`` counts
the damaged frames the simulator refused; ``noise(data)`` puts raw bytes on the line.
"""

from __future__ import annotations

import contextlib
import threading

from drivers.base import ProtocolError
from drivers.sim.pty_port import PtyPort
from drivers.sim.zvt_links import SerialLink
from drivers.sim.zvt_terminal import SimulatedZvtTerminal


class SimulatedZvtSerialTerminal(SimulatedZvtTerminal):
    def __init__(self, ack_timeout: float = 2.0, link_timeout: float = 1.0) -> None:
        super().__init__(ack_timeout=ack_timeout)
        self.link_timeout = link_timeout
        self.pty: PtyPort | None = None
        self.link: SerialLink | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> SimulatedZvtSerialTerminal:
        self.pty = PtyPort(name="ttyZVT0")
        self.link = SerialLink(self.pty, self._stopping, self.link_timeout)
        self.connections = 1
        self._thread = threading.Thread(target=self._serve_serial, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(2)
        if self.pty is not None:
            self.pty.close()

    def __enter__(self) -> SimulatedZvtSerialTerminal:
        return self.start()

    @property
    def path(self) -> str:
        assert self.pty is not None
        return self.pty.path

    @property
    def url(self) -> str:
        return f"zvt+serial://{self.path}?baud=9600"

    def noise(self, data: bytes) -> None:
        assert self.pty is not None
        self.pty.write(data)

    def _serve_serial(self) -> None:
        link = self.link
        assert link is not None
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError, OSError, ProtocolError):
                apdu = self._recv(link, 0.2)
                if apdu is not None and not self._handle(link, apdu):
                    self.connections += 1  # the cable was pulled and put back
