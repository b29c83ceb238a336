"""A simulated serial barcode scanner on a pseudo-terminal, speaking the real wire format.

``sim = SimulatedSerialScanner().start()``; point the driver at ``sim.port`` (a stable link to
the pty's slave, /dev/pts/N, as /dev/serial/by-id/... is to a real one; ``sim.slave`` is the
/dev/pts path itself) or ``sim.url``; ``sim.scan("4006381333931", symbology="E0")`` writes one
frame: [prefix] ["]E0"] data [suffix bytes] terminator.

Faults: ``garbage(data)`` (raw bytes, e.g. line noise), ``partial(data)`` (a frame cut off
before its terminator; follow it with silence), ``scan(..., terminator=b"\\n")`` or
``wrong_suffix(data)`` (a scanner configured for another suffix), and ``unplug()`` (closes the
master: the driver's reads fail as on a pulled USB cable, and the port path disappears).
``replug()`` makes a new pty behind the same ``port`` path, as udev does for a real scanner.
Bytes written while the driver has the port closed are lost when it opens it (pyserial
discards stale input on open), as with a real port. The pty handling is
:class:`drivers.sim.pty_port.PtyPort`.

``python -m drivers.sim.serial_scanner`` prints the port and sends each line typed on stdin.
"""

from __future__ import annotations

import sys
import threading
import time

from drivers.scanners.framing import TERMINATORS
from drivers.sim.pty_port import PtyPort


class SimulatedSerialScanner:
    def __init__(
        self,
        *,
        suffix: str = "CR",
        prefix_bytes: bytes = b"",
        suffix_bytes: bytes = b"",
        aim: bool = False,
    ) -> None:
        if suffix not in TERMINATORS:
            raise ValueError(f"suffix must be CR, LF or CRLF, not {suffix!r}")
        self.suffix = suffix
        self.terminator = TERMINATORS[suffix]
        self.prefix_bytes = prefix_bytes
        self.suffix_bytes = suffix_bytes
        self.aim = aim  # send "]E0"-style identifiers (default for scan() without symbology)
        self._pty: PtyPort | None = None
        self.sent: list[bytes] = []  # every write, in order
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        query = f"suffix={self.suffix}&aim={'1' if self.aim else 'auto'}"
        if self.prefix_bytes:
            query += f"&prefix={self.prefix_bytes.hex()}"
        if self.suffix_bytes:
            query += f"&suffix_bytes={self.suffix_bytes.hex()}"
        return f"serial://{self.port}?{query}"

    @property
    def port(self) -> str:
        if self._pty is None:
            raise RuntimeError("simulated scanner is not started")
        return self._pty.path

    @property
    def slave(self) -> str:
        """The /dev/pts/N the port path points to now."""
        return self._pty.slave_name if self._pty is not None else ""

    @property
    def master(self) -> int | None:
        """The master fd (the scanner's end), None while unplugged."""
        return self._pty.master if self._pty is not None else None

    def start(self) -> SimulatedSerialScanner:
        if self._pty is None:
            self._pty = PtyPort(name="ttySCANNER")  # raw from the start, see PtyPort
        return self

    def stop(self) -> None:
        with self._lock:
            if self._pty is not None:
                self._pty.close()

    def __enter__(self) -> SimulatedSerialScanner:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- the wire ----------------------------------------------------------------------------

    def frame(
        self, data: str | bytes, symbology: str | None = None, terminator: bytes | None = None
    ) -> bytes:
        body = data.encode("utf-8") if isinstance(data, str) else data
        aim = b"" if symbology is None else b"]" + symbology.encode("ascii")
        end = self.terminator if terminator is None else terminator
        return self.prefix_bytes + aim + body + self.suffix_bytes + end

    def write(self, raw: bytes) -> None:
        with self._lock:
            if self._pty is None or not self._pty.plugged:
                raise RuntimeError("simulated scanner is not started or unplugged")
            self._pty.write(raw)
            self.sent.append(raw)

    def scan(
        self, data: str | bytes, symbology: str | None = None, *, terminator: bytes | None = None
    ) -> bytes:
        """Write one frame; returns the bytes sent."""
        if symbology is None and self.aim:
            symbology = "E0" if isinstance(data, str) and data.isdigit() else "A0"
        raw = self.frame(data, symbology, terminator)
        self.write(raw)
        return raw

    # --- faults ------------------------------------------------------------------------------

    def garbage(self, raw: bytes = b"\x00\xff\x13\x80\x1b") -> None:
        self.write(raw)

    def partial(self, data: str, symbology: str | None = None) -> None:
        """A frame without its terminator: the scanner lost it half-way. The driver drops it
        once it has heard silence for its gap (default 200 ms)."""
        self.write(self.frame(data, symbology, terminator=b""))

    def wrong_suffix(self, data: str, symbology: str | None = None) -> bytes:
        """A frame ended the other way (LF for a CR scanner, CR for an LF one)."""
        wrong = b"\r" if self.suffix == "LF" else b"\n"
        return self.scan(data, symbology, terminator=wrong)

    def unplug(self) -> None:
        """Pull the cable: the driver's next read fails (EIO / hang-up), the path is gone."""
        with self._lock:
            if self._pty is not None:
                self._pty.unplug()

    def replug(self) -> None:
        """Plug back in: a fresh pty behind the same `port` path."""
        with self._lock:
            self.start()
            assert self._pty is not None
            self._pty.replug()


def main() -> int:  # pragma: no cover - manual tool
    sim = SimulatedSerialScanner(aim="--aim" in sys.argv).start()
    print(f"scanner on {sim.port}  (url {sim.url}); type barcodes, Ctrl-D to quit", flush=True)
    try:
        for line in sys.stdin:
            if line.strip():
                sim.scan(line.strip())
    finally:
        time.sleep(0.1)
        sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
