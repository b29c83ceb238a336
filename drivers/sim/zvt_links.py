"""The PT side's two links for the ZVT simulator: a TCP connection and a serial line (a pty).

Both move whole APDUs (bytes): ``send`` one (over serial: framed, then wait for the ECR's
one-byte ACK and repeat on NAK or silence, as a terminal does), ``recv`` the next one (over
serial: frames are answered ACK, damaged ones NAK), ``send_raw`` bytes as they are (garbage),
``drop`` the link as a pulled cable would. ``recv`` raises TimeoutError after ``timeout``
seconds of nothing, returns None when the ECR hung up (TCP) or the simulator stops.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque

from drivers.payment.zvt_framing import ACK, NAK, BadFrame, Deframer, Frame, LinkAck, encode_frame
from drivers.sim.pty_port import PtyPort


class TcpLink:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn

    def send(self, apdu: bytes, *, corrupt: bool = False) -> bool:
        self.conn.sendall(apdu)
        return True

    def send_raw(self, data: bytes) -> None:
        self.conn.sendall(data)

    def recv(self, timeout: float | None) -> bytes | None:
        self.conn.settimeout(timeout)
        head = self._exact(3)
        if head is None:
            return None
        extra = self._exact(2) if head[2] == 0xFF else b""
        if extra is None:
            return None
        n = int.from_bytes(extra, "little") if extra else head[2]
        data = self._exact(n) if n else b""
        return None if data is None else head + extra + data

    def _exact(self, n: int) -> bytes | None:
        buf = bytearray()
        while len(buf) < n:
            chunk = self.conn.recv(n - len(buf))
            if not chunk:
                return None
            buf += chunk
        return bytes(buf)

    def drop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()


class SerialLink:
    """The PT end of a pty. Single-threaded: whoever calls reads the line."""

    RETRIES = 3

    def __init__(self, pty: PtyPort, stopping: threading.Event, link_timeout: float = 1.0) -> None:
        self.pty = pty
        self.stopping = stopping
        self.link_timeout = link_timeout
        self.deframer = Deframer()
        self.frames: deque[bytes] = deque()
        self.link_acks: deque[bool] = deque()
        self.naks_sent = 0  # damaged frames refused
        self.naks_received = 0  # our frames the ECR refused
        self.refuse_frames = 0  # fault injection: NAK this many good frames
        self.deaf = False  # fault injection: ignore everything (a dead line)

    def send(self, apdu: bytes, *, corrupt: bool = False) -> bool:
        """Frame, send, wait for the link ACK; repeat on NAK or silence. ``corrupt`` spoils
        the CRC of every try (a noisy line). False when the ECR never acknowledged."""
        frame = encode_frame(apdu)
        if corrupt:
            frame = frame[:-1] + bytes((frame[-1] ^ 0x5A,))
        for _ in range(1 + self.RETRIES):
            self.link_acks.clear()
            self.pty.write(frame)
            deadline = time.monotonic() + self.link_timeout
            while not self.link_acks and (left := deadline - time.monotonic()) > 0:
                self._pump(min(left, 0.05))
            if self.link_acks and self.link_acks.popleft():
                return True
        return False

    def send_raw(self, data: bytes) -> None:
        self.pty.write(data)

    def recv(self, timeout: float | None) -> bytes | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.frames:
            if self.stopping.is_set():
                return None
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("no frame from the ECR")
            self._pump(0.05)
        return self.frames.popleft()

    def drop(self) -> None:
        """Pull the cable: the ECR's port fails (EIO); a new pty takes the same path."""
        self.pty.replug()
        self.deframer.reset()
        self.frames.clear()

    def _pump(self, timeout: float) -> None:
        if not self.pty.plugged:
            time.sleep(timeout)
            return
        data = self.pty.read(4096, timeout)
        if self.deaf:
            return
        for event in self.deframer.feed(data):
            if isinstance(event, Frame) and self.refuse_frames > 0:
                self.refuse_frames -= 1
                self.pty.write(bytes((NAK,)))
            elif isinstance(event, Frame):
                self.pty.write(bytes((ACK,)))
                self.frames.append(event.apdu)
            elif isinstance(event, BadFrame):
                self.naks_sent += 1
                self.pty.write(bytes((NAK,)))
            elif isinstance(event, LinkAck):
                self.naks_received += not event.positive
                self.link_acks.append(event.positive)


Link = TcpLink | SerialLink
