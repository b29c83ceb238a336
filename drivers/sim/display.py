"""A simulated ESC/POS pole display on a pseudo-terminal: the driver opens ``sim.path`` (the
pty's slave, /dev/pts/N) with pyserial exactly as it would open /dev/ttyUSB2.

:class:`DisplayParser` is the display's firmware: an incremental parser of the DM-D command
set (written from the Epson DM-D reference, independently of our driver) that keeps the rows.
It never raises on garbage; unknown commands are dropped the way a display drops them.

Faults: ``unplug()`` closes the pty master (the driver's next write fails with EIO, as when a
USB-serial adapter is pulled); ``garbage_echo = True`` makes the display send random bytes back
after everything it receives (a babbling or misconfigured display; the driver must not care).
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import threading
import time
from collections.abc import Callable

ESC, US = 0x1B, 0x1F
CODEPAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252",
             17: "cp866", 18: "cp852", 19: "cp858"}  # fmt: skip
_ESC_ONE_PARAM = {0x25, 0x3D, 0x3F, 0x52, 0x74}  # ESC % n, ESC = n, ESC ? n, ESC R n, ESC t n
_US_ONE_PARAM = {0x43, 0x45, 0x58, 0x72, 0x3A}  # cursor, blink, brightness, reverse, macro


class DisplayParser:
    def __init__(self, columns: int = 20, rows: int = 2) -> None:
        self.columns, self.nrows = columns, rows
        self._buf = bytearray()
        self.clears = 0
        self.inits = 0
        self._init()

    def _init(self) -> None:
        self.codec = "cp437"
        self.mode = "overwrite"  # US MD1 / MD2 (vertical scroll) / MD3 (horizontal: as MD1)
        self.cursor_visible = True
        self._cells = [[" "] * self.columns for _ in range(self.nrows)]
        self.x = self.y = 0

    @property
    def rows(self) -> tuple[str, ...]:
        return tuple("".join(r) for r in self._cells)

    def feed(self, data: bytes) -> None:
        self._buf += data
        pos = 0
        while pos < len(self._buf):
            used = self._step(pos)
            if used == 0:
                break
            pos += used
        del self._buf[:pos]

    def _step(self, pos: int) -> int:
        buf, b = self._buf, self._buf[pos]
        if b >= 0x20 and b != 0x7F:
            self._put(bytes([b]).decode(self.codec, errors="replace"))
            return 1
        if b in (ESC, US):
            if pos + 1 >= len(buf):
                return 0
            cmd = buf[pos + 1]
            if b == US and cmd == 0x24:  # US $ x y: cursor to column x, row y (1-based)
                if pos + 3 >= len(buf):
                    return 0
                x, y = buf[pos + 2], buf[pos + 3]
                if 1 <= x <= self.columns and 1 <= y <= self.nrows:
                    self.x, self.y = x - 1, y - 1
                return 4
            one = _ESC_ONE_PARAM if b == ESC else _US_ONE_PARAM
            if cmd in one:
                if pos + 2 >= len(buf):
                    return 0
                self._command(b, cmd, buf[pos + 2])
                return 3
            self._command(b, cmd, None)
            return 2  # includes unknown ones: drop the prefix and the command byte
        if b == 0x0C:  # CLR
            self._cells = [[" "] * self.columns for _ in range(self.nrows)]
            self.x = self.y = 0
            self.clears += 1
        elif b == 0x0B:  # HOM
            self.x = self.y = 0
        elif b == 0x0D:  # CR
            self.x = 0
        elif b == 0x0A:  # LF
            self._newline()
        elif b == 0x08:  # BS
            self.x = max(0, self.x - 1)
        elif b == 0x09:  # HT
            self._advance()
        elif b == 0x18:  # CAN: clear the cursor line
            self._cells[self.y] = [" "] * self.columns
            self.x = 0
        return 1

    def _command(self, prefix: int, cmd: int, n: int | None) -> None:
        if prefix == ESC:
            if cmd == 0x40:
                self.inits += 1
                self._init()
            elif cmd == 0x74 and n is not None:
                self.codec = CODEPAGES.get(n, "cp437")
        elif cmd in (0x01, 0x02, 0x03):
            self.mode = {0x01: "overwrite", 0x02: "vscroll", 0x03: "overwrite"}[cmd]
        elif cmd == 0x43 and n is not None:
            self.cursor_visible = bool(n & 1)
        elif cmd == 0x42:  # US B: cursor to the bottom-left
            self.x, self.y = 0, self.nrows - 1

    def _put(self, ch: str) -> None:
        self._cells[self.y][self.x] = ch
        self._advance()

    def _advance(self) -> None:
        self.x += 1
        if self.x >= self.columns:
            self.x = 0
            self._newline()

    def _newline(self) -> None:
        if self.y + 1 < self.nrows:
            self.y += 1
        elif self.mode == "vscroll":
            self._cells = [*self._cells[1:], [" "] * self.columns]
        else:
            self.y = 0  # overwrite mode wraps to the top row


class SimulatedDisplay:
    """``with SimulatedDisplay() as sim:`` then ``EscposDisplay(sim.path)``; ``sim.rows``."""

    def __init__(self, columns: int = 20, rows: int = 2, seed: int = 0) -> None:
        self.parser = DisplayParser(columns, rows)
        self.garbage_echo = False
        self.received = 0
        self._rng = random.Random(seed)
        self._cond = threading.Condition()
        self._master: int | None = None
        self._slave: int | None = None
        self._thread: threading.Thread | None = None
        self._stop = False
        self.path = ""

    def start(self) -> SimulatedDisplay:
        self._master, self._slave = os.openpty()
        self.path = os.ttyname(self._slave)
        self._thread = threading.Thread(target=self._serve, daemon=True, name="sim-display")
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop = True
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.unplug()
        if self._slave is not None:
            with contextlib.suppress(OSError):
                os.close(self._slave)
            self._slave = None

    def __enter__(self) -> SimulatedDisplay:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"escpos-display+serial://{self.path}?baudrate=9600&timeout=0.5"

    @property
    def rows(self) -> tuple[str, ...]:
        with self._cond:
            return self.parser.rows

    def unplug(self) -> None:
        """Pull the cable: the pty master goes away and the slave's writes fail with EIO."""
        with self._cond:
            master, self._master = self._master, None
        # Let the reader thread notice before the fd is closed (its number could be reused).
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        if master is not None:
            with contextlib.suppress(OSError):
                os.close(master)

    def wait_for(self, predicate: Callable[[SimulatedDisplay], bool], timeout: float = 2.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def wait_rows(self, rows: tuple[str, ...], timeout: float = 2.0) -> tuple[str, ...]:
        self.wait_for(lambda s: s.parser.rows == rows, timeout)
        return self.rows

    def _serve(self) -> None:
        while not self._stop:
            master = self._master
            if master is None:
                return
            try:
                ready, _, _ = select.select([master], [], [], 0.05)
                if not ready:
                    continue
                data = os.read(master, 4096)
            except OSError:
                return  # unplugged under us
            if not data:
                continue
            with self._cond:
                self.parser.feed(data)
                self.received += len(data)
                self._cond.notify_all()
            if self.garbage_echo:
                with contextlib.suppress(OSError):
                    os.write(master, self._rng.randbytes(self._rng.randint(1, 16)))


def main() -> None:
    """``python -m drivers.sim.display``: print the pty path, then the rows as they change."""
    with SimulatedDisplay() as sim:
        print(f"simulated pole display on {sim.url}", flush=True)
        shown: tuple[str, ...] = ()
        try:
            while True:
                last = shown

                def changed(s: SimulatedDisplay, last: tuple[str, ...] = last) -> bool:
                    return s.parser.rows != last

                sim.wait_for(changed, timeout=1.0)
                if sim.rows != shown:
                    shown = sim.rows
                    print("+" + "-" * sim.parser.columns + "+", flush=True)
                    for row in shown:
                        print(f"|{row}|", flush=True)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
