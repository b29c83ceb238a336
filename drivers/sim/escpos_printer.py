"""A simulated ESC/POS network receipt printer: a real TCP server that parses what it is sent.

Used by the tests and by ``kassa demo``; run it alone with
``python -m drivers.sim.escpos_printer --port 9100 --out DIR``.

Fault flags (``paper_out``, ``paper_near_end``, ``cover_open``, ``error``, ``drawer_open``,
``offline``, ``unresponsive``) may be flipped at any time from any thread; the status answers
follow them. A drawer kick opens the drawer (``drawer_open`` becomes True) until someone closes it.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drivers.sim.escpos_parser import EscposParser, SimReceipt
from drivers.sim.receipt_png import render_png


@dataclass(frozen=True)
class DrawerKick:
    pin: int
    pulse_ms: int
    realtime: bool  # DLE DC4 1 rather than ESC p


class SimulatedPrinter:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        out_dir: str | Path | None = None,
        columns: int = 42,
        drawer_open_high: bool = True,
        codepages: dict[int, str] | None = None,
    ) -> None:
        """``codepages``: the ESC t table (escpos_parser.CODEPAGES, Epson's, by default;
        STAR_CODEPAGES for a Star printer in ESC/POS emulation)."""
        self.host, self._port_wanted = host, port
        self.codepages = codepages
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.columns = columns
        self.drawer_open_high = drawer_open_high
        self.paper_out = False
        self.paper_near_end = False
        self.cover_open = False
        self.drawer_open = False
        self.error = False  # e.g. a cutter jam: offline, n=2 bit 6
        self.unresponsive = False  # accepts and reads, answers nothing: a hung printer
        self._offline = False
        self._cond = threading.Condition()
        self._documents: list[SimReceipt] = []
        self._uncut: list[SimReceipt] = []
        self._kicks: list[DrawerKick] = []
        self.png_paths: list[Path] = []
        self._png_seq = 0
        self.print_bytes = 0  # bytes other than real-time commands, over all connections
        self.status_queries = 0
        self.connections = 0
        self._listener: socket.socket | None = None
        self._clients: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []

    # --- life cycle ----------------------------------------------------------------------------

    def start(self) -> SimulatedPrinter:
        sock = socket.create_server((self.host, self._port_wanted), reuse_port=False)
        sock.settimeout(0.1)  # so the accept loop notices stop()
        self._listener = sock
        self._spawn(self._accept_loop, sock)
        return self

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self._drop_clients()
        for t in list(self._threads):
            t.join(timeout=2)
        self._threads.clear()

    def __enter__(self) -> SimulatedPrinter:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._listener is None:
            raise RuntimeError("simulator not started")
        return int(self._listener.getsockname()[1])

    @property
    def url(self) -> str:
        return f"escpos+tcp://{self.host}:{self.port}?columns={self.columns}&timeout=2"

    # --- faults --------------------------------------------------------------------------------

    @property
    def offline(self) -> bool:
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        """Offline: drop every connection and refuse new ones (accept, then close at once)."""
        self._offline = value
        if value:
            self._drop_clients()

    # --- what came out -------------------------------------------------------------------------

    @property
    def documents(self) -> list[SimReceipt]:
        with self._cond:
            return list(self._documents)

    @property
    def receipts(self) -> list[str]:
        """The text of every cut receipt, oldest first."""
        return [d.text for d in self.documents]

    @property
    def uncut(self) -> list[str]:
        """Text printed on connections that closed before a cut."""
        with self._cond:
            return [d.text for d in self._uncut]

    @property
    def drawer_kicks(self) -> int:
        with self._cond:
            return len(self._kicks)

    @property
    def kick_log(self) -> list[DrawerKick]:
        with self._cond:
            return list(self._kicks)

    def wait_for(self, predicate: Callable[[SimulatedPrinter], bool], timeout: float = 2.0) -> bool:
        """Block until ``predicate(self)`` holds (checked whenever something arrives)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def wait_for_receipts(self, count: int, timeout: float = 2.0) -> list[str]:
        self.wait_for(lambda s: len(s._documents) >= count, timeout)
        return self.receipts

    def status_byte(self, n: int) -> bytes:
        """The answer to DLE EOT n (Epson bit layout; bits 1 and 4 are always set)."""
        stopped = self.paper_out or self.cover_open or self.error
        if n == 1:
            pin3_high = self.drawer_open == self.drawer_open_high
            value = 0x12 | (0x04 if pin3_high else 0) | (0x08 if stopped else 0)
        elif n == 2:
            value = 0x12 | (0x04 if self.cover_open else 0) | (0x20 if self.paper_out else 0)
            value |= 0x40 if self.error else 0
        elif n == 4:
            value = 0x12 | (0x0C if self.paper_near_end else 0) | (0x60 if self.paper_out else 0)
        else:
            value = 0x12
        return bytes([value])

    # --- serving -------------------------------------------------------------------------------

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        t = threading.Thread(target=target, args=args, daemon=True, name="sim-printer")
        self._threads.append(t)
        t.start()

    def _drop_clients(self) -> None:
        with self._cond:
            clients, self._clients = set(self._clients), set()
        for c in clients:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                c.close()

    def _accept_loop(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # listener closed by stop()
            if self._offline:
                conn.close()
                continue
            with self._cond:
                self._clients.add(conn)
                self.connections += 1
                self._threads = [t for t in self._threads if t.is_alive()]
            self._spawn(self._serve, conn)

    def _serve(self, conn: socket.socket) -> None:
        parser = EscposParser(
            self.status_byte, self._on_receipt, self._on_kick, codepages=self.codepages
        )
        counted_print = counted_queries = 0
        try:
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                if self.unresponsive:
                    continue
                answer = parser.feed(data)
                with self._cond:
                    self.print_bytes += parser.print_bytes - counted_print
                    self.status_queries += parser.status_queries - counted_queries
                    counted_print, counted_queries = parser.print_bytes, parser.status_queries
                    self._cond.notify_all()
                if answer:
                    conn.sendall(answer)
        except OSError:
            pass  # the client went away or we went offline: a printer does not crash over it
        finally:
            leftover = parser.finish()
            with self._cond:
                if leftover is not None:
                    self._uncut.append(leftover)
                self._clients.discard(conn)
                self._cond.notify_all()
            with contextlib.suppress(OSError):
                conn.close()

    def _on_receipt(self, receipt: SimReceipt) -> None:
        # Draw first, publish after: whoever sees the receipt also finds its PNG.
        path = None
        if self.out_dir is not None:
            with self._cond:
                self._png_seq += 1
                number = self._png_seq
            path = render_png(receipt, self.out_dir / f"receipt-{number:04d}.png", self.columns)
        with self._cond:
            self._documents.append(receipt)
            if path is not None:
                self.png_paths.append(path)
            self._cond.notify_all()

    def _on_kick(self, pin: int, pulse_ms: int, realtime: bool) -> None:
        with self._cond:
            self._kicks.append(DrawerKick(pin, pulse_ms, realtime))
            self.drawer_open = True  # the solenoid fires; the drawer springs open
            self._cond.notify_all()


# The name the `kassa.drivers` entry point in pyproject.toml refers to.
SimulatedPrinterServer = SimulatedPrinter


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Simulated ESC/POS network receipt printer")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=9100)
    ap.add_argument("--out", type=Path, default=None, help="directory for receipt PNGs")
    ap.add_argument("--columns", type=int, default=42)
    args = ap.parse_args(argv)
    sim = SimulatedPrinter(args.host, args.port, args.out, args.columns).start()
    print(f"simulated printer listening on {sim.url}", flush=True)
    seen = 0
    try:
        while True:
            for text in sim.wait_for_receipts(seen + 1, timeout=1.0)[seen:]:
                print(f"--- receipt {seen + 1} ---\n{text}\n", flush=True)
                seen += 1
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()


if __name__ == "__main__":
    main()
