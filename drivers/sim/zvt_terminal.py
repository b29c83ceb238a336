"""A simulated ZVT card terminal (PT side) over TCP, scriptable per test.

``with SimulatedZvtTerminal() as sim: sim.script = Script("decline", result_code=0x05)``.
Behaviours for the next Authorization (06 01), Refund (06 31) or Reversal (06 30):

- ``approve``           ACK, statuses, 06 D1 receipt line, 04 0F (result 00), 06 0F
- ``decline``           ACK, statuses, 04 0F (result code), 06 1E (result code)
- ``timeout``           read the command, never answer (not even the ACK)
- ``drop``              ACK, statuses, then close the connection
- ``lose_completion``   ACK, statuses, 04 0F approved, then close (the completion is lost)
- ``hold``              ACK, statuses, then wait for 06 B0 and answer 06 1E 6C
- ``garbage``           ACK, then bytes that are no ZVT frame
- ``refuse``            84 <result_code> 00 instead of the ACK (nothing started)

Repeat Receipt (06 20) answers with the last payment's 04 0F (how an ECR settles a payment
whose completion it lost), End-of-Day with result 00. ``python -m drivers.sim.zvt_terminal``
runs one on port 20007 that approves everything.

``received`` records every APDU the ECR sent (ACKs included), ``connections`` counts accepts.
Card data here is fake and already masked, as a terminal sends it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass
from typing import Literal

from drivers.base import ProtocolError
from drivers.payment.zvt_codec import Apdu, bcd_encode, decode_apdu, encode_bmp, parse_bmps

Behaviour = Literal[
    "approve", "decline", "timeout", "drop", "lose_completion", "hold", "garbage", "refuse"
]

TERMINAL_ID = "52500038"


@dataclass
class Script:
    behaviour: Behaviour = "approve"
    result_code: int = 0x05
    statuses: tuple[int, ...] = ()  # 04 FF status bytes to send first (0x0A insert card, ...)
    card_name: str = "Visa"
    masked_pan: str = "4111EEEEEEEE1111"  # BCD nibbles as the PT sends them: E = masked


class SimulatedZvtTerminal:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, ack_timeout: float = 2.0):
        self.host, self._port_wanted = host, port
        self.ack_timeout = ack_timeout
        self.script = Script()
        self.received: list[Apdu] = []
        self.connections = 0
        self.trace = 1
        self.last_status_info = b"\x27\x00"
        self._cond = threading.Condition()
        self._listener: socket.socket | None = None
        self._clients: set[socket.socket] = set()
        self._stopping = threading.Event()

    # --- life cycle ----------------------------------------------------------------------------

    def start(self) -> SimulatedZvtTerminal:
        sock = socket.create_server((self.host, self._port_wanted))
        sock.settimeout(0.1)
        self._listener = sock
        threading.Thread(target=self._accept_loop, args=(sock,), daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        for c in list(self._clients):
            with contextlib.suppress(OSError):
                c.close()

    def __enter__(self) -> SimulatedZvtTerminal:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._listener is not None
        return int(self._listener.getsockname()[1])

    @property
    def url(self) -> str:
        return f"zvt+tcp://{self.host}:{self.port}"

    def commands(self) -> list[Apdu]:
        """What the ECR sent other than ACKs."""
        with self._cond:
            return [a for a in self.received if a.cls != 0x80]

    def acks(self, expected: int, timeout: float = 2.0) -> int:
        """How many ACKs (80 00 00) the ECR sent, waiting up to ``timeout`` for ``expected``
        (the ECR's last ACK may still be in flight when its call returns)."""
        with self._cond:
            self._cond.wait_for(lambda: self._count_acks() >= expected, timeout)
            return self._count_acks()

    def _count_acks(self) -> int:
        return sum(1 for a in self.received if a.command == (0x80, 0x00))

    # --- serving -------------------------------------------------------------------------------

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._clients.add(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(None)
        with contextlib.suppress(OSError, ProtocolError), conn:
            while not self._stopping.is_set():
                apdu = self._recv(conn)
                if apdu is None:
                    return
                if not self._handle(conn, apdu):
                    return
        self._clients.discard(conn)

    def _recv(self, conn: socket.socket) -> Apdu | None:
        head = _recv_exact(conn, 3)
        if head is None:
            return None
        extra = _recv_exact(conn, 2) if head[2] == 0xFF else b""
        if extra is None:
            return None
        n = int.from_bytes(extra, "little") if extra else head[2]
        data = _recv_exact(conn, n) if n else b""
        if data is None:
            return None
        apdu = decode_apdu(head + extra + data)
        with self._cond:
            self.received.append(apdu)
            self._cond.notify_all()
        return apdu

    def _say(self, conn: socket.socket, apdu: Apdu) -> None:
        """Send a PT message and wait for the ECR's ACK, as the PT does."""
        conn.sendall(apdu.encode())
        conn.settimeout(self.ack_timeout)
        try:
            self._recv(conn)
        finally:
            conn.settimeout(None)

    def _handle(self, conn: socket.socket, apdu: Apdu) -> bool:
        """Answer one ECR command; False ends the connection."""
        ack = Apdu(0x80, 0x00).encode()
        if apdu.cls == 0x80:
            return True  # a late ACK
        if apdu.command in ((0x06, 0x01), (0x06, 0x31), (0x06, 0x30)):
            return self._payment(conn, apdu)
        conn.sendall(ack)
        if apdu.command == (0x06, 0x00):  # registration
            self._say(conn, Apdu(0x06, 0x0F, encode_bmp(0x29, bytes.fromhex(TERMINAL_ID))))
        elif apdu.command == (0x05, 0x01):  # status enquiry
            info = encode_bmp(0x27, b"\x00") + encode_bmp(0x29, bytes.fromhex(TERMINAL_ID))
            self._say(conn, Apdu(0x04, 0x0F, info))
            self._say(conn, Apdu(0x06, 0x0F))
        elif apdu.command == (0x06, 0x20):  # repeat receipt
            self._say(conn, Apdu(0x04, 0x0F, self.last_status_info))
            self._say(conn, Apdu(0x06, 0x0F))
        elif apdu.command == (0x06, 0x50):  # end of day
            self._say(conn, Apdu(0x04, 0x0F, encode_bmp(0x27, b"\x00")))
            self._say(conn, Apdu(0x06, 0x0F))
        return True

    def _payment(self, conn: socket.socket, apdu: Apdu) -> bool:
        s = self.script
        if s.behaviour == "timeout":
            return True  # never answer; keep reading so the client sees silence, not a close
        if s.behaviour == "refuse":
            conn.sendall(Apdu(0x84, s.result_code).encode())
            return True
        conn.sendall(Apdu(0x80, 0x00).encode())
        if s.behaviour == "garbage":
            conn.sendall(b"\x13\x37\x00HELLO")
            return True
        for code in s.statuses:
            self._say(conn, Apdu(0x04, 0xFF, bytes((code,))))
        if s.behaviour == "drop":
            return False
        if s.behaviour == "hold":
            while True:
                got = self._recv(conn)
                if got is None:
                    return False
                if got.command == (0x06, 0xB0):
                    conn.sendall(Apdu(0x80, 0x00).encode())
                    self._say(conn, Apdu(0x06, 0x1E, b"\x6c"))
                    return True
        bmps = parse_bmps(apdu.data if apdu.instr == 0x01 else apdu.data[3:])  # after password
        amount = bmps.get(0x04) or b"\x00" * 6
        code = s.result_code if s.behaviour == "decline" else 0x00
        self.last_status_info = self._status_info(code, amount)
        self._say(conn, Apdu(0x04, 0x0F, self.last_status_info))
        if s.behaviour == "lose_completion":
            return False
        if code == 0:
            self._say(conn, Apdu(0x06, 0xD1, b"\x00" + f"{s.card_name} CONTACTLESS".encode()))
            self._say(conn, Apdu(0x06, 0x0F, encode_bmp(0x27, b"\x00")))
        else:
            self._say(conn, Apdu(0x06, 0x1E, bytes((code,))))
        return True

    def _status_info(self, code: int, amount: bytes) -> bytes:
        s = self.script
        self.trace += 1
        parts = [
            encode_bmp(0x27, bytes((code,))),
            encode_bmp(0x04, amount),
            encode_bmp(0x0B, bcd_encode(self.trace, 3)),
            encode_bmp(0x0C, bytes.fromhex("153012")),
            encode_bmp(0x0D, bytes.fromhex("1123")),
            encode_bmp(0x29, bytes.fromhex(TERMINAL_ID)),
            encode_bmp(0x49, bytes.fromhex("0578")),
            encode_bmp(0x87, bcd_encode(self.trace, 2)),
            encode_bmp(0x22, bytes.fromhex(s.masked_pan)),
            encode_bmp(0x8A, b"\x0a"),
            encode_bmp(0x8B, s.card_name.encode()),
        ]
        if code == 0:
            parts.append(encode_bmp(0x3B, b"A1B2C3\x00\x00"))
        return b"".join(parts)


def _recv_exact(conn: socket.socket, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def main() -> None:
    import argparse
    import time

    parser = argparse.ArgumentParser(description="A simulated ZVT card terminal (approves all)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=20007)
    args = parser.parse_args()
    with SimulatedZvtTerminal(args.host, args.port) as sim:
        print(f"ZVT terminal simulator on {sim.url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
