"""A simulated ZVT card terminal (PT side) over TCP, scriptable per test; the same terminal on a
serial line (a pty) is ``drivers.sim.zvt_serial_terminal.SimulatedZvtSerialTerminal``.

``with SimulatedZvtTerminal() as sim: sim.script = Script("decline", result_code=0x05)``.
Behaviours for the next Authorization (06 01), Refund (06 31) or Reversal (06 30):

- ``approve``           ACK, statuses, 04 0F (result 00), receipt (see ``receipt``), 06 0F
- ``decline``           ACK, statuses, 04 0F (result code), 06 1E (result code)
- ``timeout``           read the command, never answer (not even the ACK)
- ``drop``              ACK, statuses, then cut the link (TCP: close; serial: pull the cable)
- ``lose_completion``   ACK, statuses, 04 0F approved, then cut the link (the completion is lost)
- ``hold``              ACK, statuses, then wait for 06 B0 and answer 06 1E 6C
- ``garbage``           ACK, then ``Script.garbage`` (bytes that are no ZVT; framed over serial)
- ``bad_crc``           ACK, then a 04 0F whose serial frame has a wrong CRC on every try
                        (over TCP the same as ``garbage``)
- ``refuse``            84 <result_code> 00 instead of the ACK (nothing started)

``PIN_STATUSES`` is the intermediate-status run of a chip-and-PIN payment; ``status_delay``
waits that many seconds before each (a customer's pace: the demo, the kill test). ``receipt``:
``"line"`` one 06 D1 line (the default), ``"lines"`` merchant and customer copies as 06 D1 lines
(each ending with a last-line mark), ``"block"`` the same as two 06 D3 text blocks (TLV 1F07
receipt type), ``"none"``. ``signature=True`` sends TLV 1F10 = 01 (signature) in the 04 0F and a
signature line on the merchant copy. ``noise`` (serial only) puts raw bytes on the line
before every PT message, as a noisy cable does between frames.

The simulator keeps its batch: Reversal (06 30) of a receipt number it booked answers approved
(again: 06 1E B4, unknown: 06 1E B5); End-of-Day (06 50) answers 04 0F with the batch's totals
(BMP 04, BMP 60 per brand: purchases less refunds and reversals) and clears it; Repeat Receipt
(06 20) sends the last payment's 04 0F and receipt again; Status Enquiry (05 01) answers
04 0F with ``status_code`` (00 ready). ``python -m drivers.sim.zvt_terminal [--serial]`` runs
one on port 20007 (or a pty) that approves everything.

``received`` records every APDU the ECR sent (ACKs included), ``connections`` counts accepts.
Card data here is fake and masked, as a terminal sends it (``Script.masked_pan`` may be set
unmasked to test that the ECR masks it).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from typing import Literal

from drivers.base import ProtocolError
from drivers.payment.zvt_codec import (
    Apdu,
    bcd_decode,
    bcd_encode,
    decode_apdu,
    encode_bmp,
    encode_tlv,
    parse_bmps,
)
from drivers.payment.zvt_messages import TOTALS_BRANDS, encode_totals
from drivers.sim.zvt_links import Link, SerialLink, TcpLink

Behaviour = Literal[
    "approve",
    "decline",
    "timeout",
    "drop",
    "lose_completion",
    "hold",
    "garbage",
    "bad_crc",
    "refuse",
]
ReceiptStyle = Literal["line", "lines", "block", "none"]

TERMINAL_ID = "52500038"
# Insert card, watch the PIN pad (twice: the PIN, then its confirmation), waiting for the
# host, remove card.
PIN_STATUSES = (0x0A, 0x01, 0x02, 0x04, 0x0B)
ACK = Apdu(0x80, 0x00)


@dataclass
class Script:
    behaviour: Behaviour = "approve"
    result_code: int = 0x05
    statuses: tuple[int, ...] = ()  # 04 FF status bytes to send first (0x0A insert card, ...)
    card_name: str = "Visa"
    masked_pan: str = "4111EEEEEEEE1111"  # BCD nibbles as the PT sends them: E = masked
    receipt: ReceiptStyle = "line"
    signature: bool = False
    garbage: bytes = b"\x13\x37\x00HELLO"
    status_code: int = 0x00  # what a Status Enquiry answers (0x00 ready, 0x9C busy, ...)
    noise: bytes = b""  # serial only: raw bytes put on the line before every PT message
    status_delay: float = 0.0  # seconds before each intermediate status (a customer's pace)


@dataclass
class Booking:
    receipt_no: int
    kind: Literal["purchase", "refund", "reversal"]
    amount_minor: int
    brand: str
    reversed: bool = False


@dataclass
class _Last:
    status_info: bytes = b"\x27\x00"
    receipt: list[Apdu] = field(default_factory=list)


class SimulatedZvtTerminal:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, ack_timeout: float = 2.0):
        self.host, self._port_wanted = host, port
        self.ack_timeout = ack_timeout
        self.script = Script()
        self.received: list[Apdu] = []
        self.connections = 0
        self.trace = 1
        self.batch: list[Booking] = []
        self._last = _Last()
        self._cond = threading.Condition()
        self._listener: socket.socket | None = None
        self._clients: set[socket.socket] = set()
        self._stopping = threading.Event()

    @property
    def last_status_info(self) -> bytes:
        return self._last.status_info

    @last_status_info.setter
    def last_status_info(self, value: bytes) -> None:
        self._last.status_info = value

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
            threading.Thread(target=self._serve_tcp, args=(conn,), daemon=True).start()

    def _serve_tcp(self, conn: socket.socket) -> None:
        link = TcpLink(conn)
        try:
            with contextlib.suppress(OSError, ProtocolError), conn:
                while not self._stopping.is_set():
                    apdu = self._recv(link, None)
                    if apdu is None or not self._handle(link, apdu):
                        return
        finally:  # every way out, the return above included, forgets the client
            self._clients.discard(conn)

    def _recv(self, link: Link, timeout: float | None) -> Apdu | None:
        raw = link.recv(timeout)
        if raw is None:
            return None
        apdu = decode_apdu(raw)
        with self._cond:
            self.received.append(apdu)
            self._cond.notify_all()
        return apdu

    def _say(self, link: Link, apdu: Apdu, *, corrupt: bool = False) -> None:
        """Send a PT message and wait for the ECR's ACK, as the PT does."""
        if self.script.noise and isinstance(link, SerialLink):
            link.send_raw(self.script.noise)
        if not link.send(apdu.encode(), corrupt=corrupt):
            raise TimeoutError("the ECR did not take the frame")
        self._recv(link, self.ack_timeout)

    def _handle(self, link: Link, apdu: Apdu) -> bool:
        """Answer one ECR command; False ends the connection."""
        if apdu.cls == 0x80:
            return True  # a late ACK
        if apdu.command in ((0x06, 0x01), (0x06, 0x31), (0x06, 0x30)):
            return self._payment(link, apdu)
        link.send(ACK.encode())
        if apdu.command == (0x06, 0x00):  # registration
            self._say(link, Apdu(0x06, 0x0F, encode_bmp(0x29, bytes.fromhex(TERMINAL_ID))))
        elif apdu.command == (0x05, 0x01):  # status enquiry
            code = bytes((self.script.status_code,))
            info = encode_bmp(0x27, code) + encode_bmp(0x29, bytes.fromhex(TERMINAL_ID))
            self._say(link, Apdu(0x04, 0x0F, info))
            self._say(link, Apdu(0x06, 0x0F))
        elif apdu.command == (0x06, 0x20):  # repeat receipt
            self._say(link, Apdu(0x04, 0x0F, self._last.status_info))
            for line in self._last.receipt:
                self._say(link, line)
            self._say(link, Apdu(0x06, 0x0F))
        elif apdu.command == (0x06, 0x50):  # end of day
            self._end_of_day(link)
        return True

    # --- payments ------------------------------------------------------------------------------

    def _payment(self, link: Link, apdu: Apdu) -> bool:
        s = self.script
        if s.behaviour == "timeout":
            return True  # never answer; keep reading so the client sees silence, not a close
        if s.behaviour == "refuse":
            link.send(Apdu(0x84, s.result_code).encode())
            return True
        link.send(ACK.encode())
        if s.behaviour == "garbage" or (s.behaviour == "bad_crc" and isinstance(link, TcpLink)):
            if isinstance(link, SerialLink):
                link.send(s.garbage)  # framed right, but no ZVT inside
            else:
                link.send_raw(s.garbage)
            return True
        for code in s.statuses:
            if s.status_delay and self._stopping.wait(s.status_delay):
                return False
            self._say(link, Apdu(0x04, 0xFF, bytes((code,))))
        if s.behaviour == "drop":
            link.drop()
            return False
        if s.behaviour == "hold":
            while True:
                got = self._recv(link, None)
                if got is None:
                    return False
                if got.command == (0x06, 0xB0):
                    link.send(ACK.encode())
                    self._say(link, Apdu(0x06, 0x1E, b"\x6c"))
                    return True
        if s.behaviour == "bad_crc":
            self._say(link, Apdu(0x04, 0x0F, encode_bmp(0x27, b"\x00")), corrupt=True)
            return True
        code, booking = self._book(apdu)
        self._last = _Last(self._status_info(code, booking), self._receipt(code, booking))
        self._say(link, Apdu(0x04, 0x0F, self._last.status_info))
        if s.behaviour == "lose_completion":
            link.drop()
            return False
        if code == 0:
            for line in self._last.receipt:
                self._say(link, line)
            self._say(link, Apdu(0x06, 0x0F, encode_bmp(0x27, b"\x00")))
        else:
            self._say(link, Apdu(0x06, 0x1E, bytes((code,))))
        return True

    def _book(self, apdu: Apdu) -> tuple[int, Booking]:
        """The result code and what was booked (or would have been, when declined)."""
        s = self.script
        bmps = parse_bmps(apdu.data if apdu.instr == 0x01 else apdu.data[3:])  # after password
        self.trace += 1
        if apdu.instr == 0x30:  # reversal of a receipt number
            wanted = bcd_decode(bmps.get(0x87) or b"\x00\x00")
            original = next((b for b in self.batch if b.receipt_no == wanted), None)
            amount = original.amount_minor if original else 0
            booking = Booking(self.trace, "reversal", amount, s.card_name)
            if s.behaviour == "decline":
                return s.result_code, booking
            if original is None or original.kind != "purchase":
                return 0xB5, booking
            if original.reversed:
                return 0xB4, booking
            original.reversed = True
        else:
            amount = bcd_decode(bmps.get(0x04) or b"\x00")
            kind: Literal["purchase", "refund"] = "purchase" if apdu.instr == 0x01 else "refund"
            booking = Booking(self.trace, kind, amount, s.card_name)
            if s.behaviour == "decline":
                return s.result_code, booking
        self.batch.append(booking)
        return 0, booking

    def _status_info(self, code: int, booking: Booking) -> bytes:
        s = self.script
        parts = [
            encode_bmp(0x27, bytes((code,))),
            encode_bmp(0x04, bcd_encode(booking.amount_minor, 6)),
            encode_bmp(0x0B, bcd_encode(booking.receipt_no, 3)),
            encode_bmp(0x0C, bytes.fromhex("153012")),
            encode_bmp(0x0D, bytes.fromhex("1123")),
            encode_bmp(0x29, bytes.fromhex(TERMINAL_ID)),
            encode_bmp(0x49, bytes.fromhex("0578")),
            encode_bmp(0x87, bcd_encode(booking.receipt_no, 2)),
            encode_bmp(0x22, bytes.fromhex(s.masked_pan)),
            encode_bmp(0x8A, b"\x0a"),
            encode_bmp(0x8B, s.card_name.encode()),
        ]
        if code == 0:
            parts.append(encode_bmp(0x3B, b"A1B2C3\x00\x00"))
            cvm = b"\x01" if s.signature else b"\x02"  # signature, or online PIN
            parts.append(encode_bmp(0x06, encode_tlv(0x1F10, cvm)))
        return b"".join(parts)

    def _receipt(self, code: int, booking: Booking) -> list[Apdu]:
        s = self.script
        if code != 0 or s.receipt == "none":
            return []
        if s.receipt == "line":
            return [Apdu(0x06, 0xD1, b"\x00" + f"{s.card_name} CONTACTLESS".encode())]
        amount = f"NOK {booking.amount_minor // 100},{booking.amount_minor % 100:02d}"
        body = [
            "KASSA TEST TERMINAL",
            f"{booking.kind.upper()}  {s.card_name}",
            f"Card {s.masked_pan[-4:].rjust(16, '*')}",  # masked, as a real slip
            f"Receipt {booking.receipt_no:04d}  Auth A1B2C3",
            amount,
        ]
        merchant = ["MERCHANT COPY", *body]
        if s.signature:
            merchant += ["", "Signature: ____________________"]
        customer = ["CUSTOMER COPY", *body]
        if s.receipt == "block":
            return [_text_block(0x01, merchant), _text_block(0x02, customer)]
        out = []
        for copy in (merchant, customer):
            for i, text in enumerate(copy):
                attribute = 0x81 if i == len(copy) - 1 else 0x00  # 1xxx xxxx: last line
                out.append(Apdu(0x06, 0xD1, bytes((attribute,)) + text.encode("cp437")))
        return out

    def _end_of_day(self, link: Link) -> None:
        by_brand: dict[str, tuple[int, int]] = {}
        for b in self.batch:
            if b.kind == "reversal" or b.reversed:
                continue
            brand = b.brand if b.brand in TOTALS_BRANDS else "Other"
            count, total = by_brand.get(brand, (0, 0))
            signed = b.amount_minor if b.kind == "purchase" else -b.amount_minor
            by_brand[brand] = (count + 1, total + signed)
        by_brand = {k: (c, max(0, t)) for k, (c, t) in by_brand.items()}  # BCD has no sign
        grand = sum(t for _, t in by_brand.values())
        first = self.batch[0].receipt_no if self.batch else 0
        last = self.batch[-1].receipt_no if self.batch else 0
        self.trace += 1
        info = b"".join(
            [
                encode_bmp(0x27, b"\x00"),
                encode_bmp(0x04, bcd_encode(grand, 6)),
                encode_bmp(0x0B, bcd_encode(self.trace, 3)),
                encode_bmp(0x0C, bytes.fromhex("235900")),
                encode_bmp(0x0D, bytes.fromhex("1123")),
                encode_bmp(0x60, encode_totals(first, last, by_brand)),
            ]
        )
        self._say(link, Apdu(0x04, 0x0F, info))
        total_line = f"TOTAL NOK {grand // 100},{grand % 100:02d}"
        self._say(link, _text_block(0x03, ["END OF DAY", total_line]))
        self._say(link, Apdu(0x06, 0x0F))
        self.batch.clear()


def _text_block(receipt_type: int, lines: list[str]) -> Apdu:
    texts = b"".join(encode_tlv(0x07, line.encode("cp437")) for line in lines)
    tlv = encode_tlv(0x1F07, bytes((receipt_type,))) + encode_tlv(0x25, texts)
    return Apdu(0x06, 0xD3, encode_bmp(0x06, tlv))


def main() -> None:
    import argparse
    import time

    parser = argparse.ArgumentParser(description="A simulated ZVT card terminal (approves all)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=20007)
    parser.add_argument("--serial", action="store_true", help="on a pty instead of TCP")
    args = parser.parse_args()
    sim: SimulatedZvtTerminal
    if args.serial:
        from drivers.sim.zvt_serial_terminal import SimulatedZvtSerialTerminal

        sim = SimulatedZvtSerialTerminal()
    else:
        sim = SimulatedZvtTerminal(args.host, args.port)
    with sim:
        print(f"ZVT terminal simulator on {sim.url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
