"""A simulated checkout scale on a pseudo-terminal, speaking Toledo 8217 or SMA on the wire.

The driver under test opens ``sim.port`` (``/dev/pts/N``) through pyserial exactly as it would
open ``/dev/ttyUSB1``; this side answers on the pty's master end from its own thread::

    with SimulatedScale(protocol="sma") as sim:          # or protocol="toledo8217"
        sim.set(1234)                                    # 1.234 kg, stable
        sim.set(800, WeightState.MOTION)
        scale = SmaScale.from_url(sim.url)

Faults: ``garbage`` (bytes sent before every answer), ``truncate`` (send only the first half
of the next answers), ``silent`` (read requests, never answer), ``delay`` (seconds before each
answer: a late answer), :meth:`unplug` (the port goes away: the driver's next read fails).
``requests`` lists the commands received.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty
from typing import Literal

from drivers.base import WeightState
from drivers.scales import sma_frames, toledo_frames

Protocol = Literal["toledo8217", "sma"]


class SimulatedScale:
    def __init__(self, protocol: Protocol = "toledo8217", *, toledo_zero_status: bool = False):
        if protocol not in ("toledo8217", "sma"):
            raise ValueError(f"protocol must be toledo8217 or sma, not {protocol!r}")
        self.protocol: Protocol = protocol
        # Some 8217 firmwares answer W at zero with a center-of-zero status record rather
        # than "00.000"; the driver must read both.
        self.toledo_zero_status = toledo_zero_status
        self.grams = 0
        self.state = WeightState.ZERO
        self.garbage = b""
        self.truncate = False
        self.silent = False
        self.delay = 0.0
        self.requests: list[bytes] = []
        self._master: int | None = None
        self._slave: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._inbuf = bytearray()
        self.port = ""

    # --- life cycle ---------------------------------------------------------------------------

    def start(self) -> SimulatedScale:
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no CR/LF translation before the driver opens it
        self._master, self._slave = master, slave
        self.port = os.ttyname(slave)
        self._thread = threading.Thread(target=self._serve, name="sim-scale", daemon=True)
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        """The driver URL for this port. A pty has no parity or character size (Linux forces
        CS8 and refuses to change it again), so the 8217's 7E1 default is overridden to 8N1."""
        if self.protocol == "toledo8217":
            return f"toledo8217+serial://{self.port}?bytesize=8&parity=N&timeout=0.5"
        return f"sma+serial://{self.port}?timeout=0.5"

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        self._close_fds()

    def unplug(self) -> None:
        """The cable is pulled: the pty goes away; the driver sees EIO / no such port."""
        self.stop()

    def __enter__(self) -> SimulatedScale:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _close_fds(self) -> None:
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None

    # --- the scale ----------------------------------------------------------------------------

    def set(self, grams: int, state: WeightState | None = None) -> None:
        """Put ``grams`` on the platter; the state defaults to STABLE (ZERO for 0 g)."""
        if state is None:
            state = WeightState.STABLE if grams else WeightState.ZERO
        self.grams, self.state = grams, state

    def _serve(self) -> None:
        master = self._master
        assert master is not None
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 1024)
            except OSError:  # the driver side closed everything (EIO): wait for a reopen
                self._stop.wait(0.05)
                continue
            for command in self._commands(data):
                self.requests.append(command)
                answer = self._answer(command)
                if self.silent or answer is None:
                    continue
                if self.delay:
                    self._stop.wait(self.delay)  # a slow scale: the answer comes late
                if self.truncate:
                    answer = answer[: max(1, len(answer) // 2)]
                with contextlib.suppress(OSError):
                    os.write(master, self.garbage + answer)

    def _commands(self, data: bytes) -> list[bytes]:
        if self.protocol == "toledo8217":
            return [bytes([b]) for b in data]  # one-byte commands, no terminator
        commands = []
        for byte in data:  # SMA: <LF> command <CR>
            if byte == 0x0A:
                self._inbuf = bytearray()
            elif byte == 0x0D:
                commands.append(bytes(self._inbuf))
                self._inbuf = bytearray()
            else:
                self._inbuf.append(byte)
        return commands

    def _answer(self, command: bytes) -> bytes | None:
        if self.protocol == "toledo8217":
            return self._toledo(command)
        return self._sma(command)

    def _toledo(self, command: bytes) -> bytes | None:
        tf = toledo_frames
        bits = {
            WeightState.MOTION: tf.MOTION,
            WeightState.OVER_CAPACITY: tf.OVER_CAPACITY,
            WeightState.UNDER_ZERO: tf.UNDER_ZERO,
        }
        if command == b"W":
            if self.state in bits:
                return tf.encode_status(bits[self.state])
            if self.state is WeightState.ZERO and self.toledo_zero_status:
                return tf.encode_status(tf.CENTER_OF_ZERO)
            return tf.encode_weight(max(self.grams, 0) if self.state is not WeightState.ZERO else 0)
        if command == b"Z":
            if self.state in (WeightState.MOTION, WeightState.OVER_CAPACITY):
                return tf.encode_status(bits[self.state])  # ignored, status as it is
            self.set(0)
            return tf.encode_status(tf.CENTER_OF_ZERO)
        if command in (b"\r", b"\n", b" "):
            return None
        return tf.encode_status(0)  # unknown command: a status record, as the scales do

    def _sma(self, command: bytes) -> bytes:
        enc = sma_frames.encode
        if command == b"Z":
            if self.state is not WeightState.MOTION:
                self.set(0)
        elif command != b"W":
            return b"\n?\r"
        if self.state is WeightState.MOTION:
            return enc(self.grams, motion=True)
        if self.state is WeightState.OVER_CAPACITY:
            return enc(self.grams, status="O")
        if self.state is WeightState.UNDER_ZERO:
            return enc(-abs(self.grams), status="U")
        if self.state is WeightState.ZERO:
            return enc(0, status="Z")
        return enc(self.grams)


def main() -> None:  # pragma: no cover - manual use
    import argparse
    import time

    parser = argparse.ArgumentParser(description="simulated serial scale on a pty")
    parser.add_argument("--protocol", choices=("toledo8217", "sma"), default="toledo8217")
    parser.add_argument("--grams", type=int, default=1234)
    args = parser.parse_args()
    with SimulatedScale(args.protocol) as sim:
        sim.set(args.grams)
        print(sim.url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(1)


if __name__ == "__main__":  # pragma: no cover
    main()
