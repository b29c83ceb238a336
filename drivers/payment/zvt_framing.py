"""ZVT over RS-232: the link layer under the APDUs. Pure, no I/O.

A frame is ``DLE STX <APDU, every DLE doubled> DLE ETX CRC-lo CRC-hi``. The CRC is the
CCITT polynomial (x^16 + x^12 + x^5 + 1) as the ZVT spec computes it: bits reflected (0x8408),
start value 0, no final XOR (the parameters called CRC-16/KERMIT), over the APDU *before* DLE
doubling plus the ETX byte, sent low byte first and not DLE-doubled. The receiver answers every
frame with one byte, ACK (06) or NAK (15); the sender repeats a frame on NAK or silence, up to
three times. (Checked against the open implementations ecrterm and Portalum.Zvt.)

:class:`Deframer` is fed whatever the port delivered and returns link events; it never raises
and keeps no more than :data:`~drivers.payment.zvt_codec.MAX_INCOMING` bytes of a frame.
:func:`decode_frame` reads one whole frame strictly and raises the codec's ProtocolError family.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.payment.zvt_codec import (
    MAX_INCOMING,
    FrameTooLong,
    FrameTruncated,
    NotZvt,
    ZvtProtocolError,
)

STX, ETX, ACK, DLE, NAK = 0x02, 0x03, 0x06, 0x10, 0x15


def _table() -> tuple[int, ...]:
    out = []
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
        out.append(crc)
    return tuple(out)


_CRC_TABLE = _table()


def crc16(data: bytes) -> int:
    """CRC-CCITT, reflected, start 0 (ZVT's serial checksum); crc16(b"123456789") == 0x2189."""
    crc = 0
    for b in data:
        crc = (crc >> 8) ^ _CRC_TABLE[(crc ^ b) & 0xFF]
    return crc


def encode_frame(apdu: bytes) -> bytes:
    """One APDU (already encoded) as a serial frame."""
    if len(apdu) > 0xFFFF + 5:
        raise FrameTooLong(f"APDU of {len(apdu)} bytes cannot be framed")
    crc = crc16(apdu + bytes((ETX,)))
    body = apdu.replace(bytes((DLE,)), bytes((DLE, DLE)))
    return bytes((DLE, STX)) + body + bytes((DLE, ETX, crc & 0xFF, crc >> 8))


def decode_frame(frame: bytes) -> bytes:
    """The APDU in one whole frame; anything else raises a ZvtProtocolError subclass."""
    deframer = Deframer()
    events = deframer.feed(frame)
    frames = [e for e in events if isinstance(e, Frame)]
    errors = [e for e in events if isinstance(e, BadFrame)]
    if errors:
        raise errors[0].error
    if deframer.pending:
        raise FrameTruncated("serial frame incomplete")
    if len(frames) != 1 or len(events) != 1:
        if not frames and not events:
            raise FrameTruncated("incomplete serial frame")
        raise NotZvt("not exactly one serial frame")
    return frames[0].apdu


# --- link events --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    apdu: bytes

    def __repr__(self) -> str:
        return f"Frame({len(self.apdu)} bytes)"  # the APDU may hold card data


@dataclass(frozen=True, slots=True)
class LinkAck:
    positive: bool  # ACK (06) or NAK (15)


@dataclass(frozen=True, slots=True)
class BadFrame:
    """A frame that started but cannot be used: the receiver answers NAK."""

    error: ZvtProtocolError


@dataclass(frozen=True, slots=True)
class Stray:
    """Bytes outside any frame that are neither ACK nor NAK."""

    count: int


Event = Frame | LinkAck | BadFrame | Stray

_IDLE, _DLE, _BODY, _BODY_DLE, _CRC_LO, _CRC_HI = range(6)


class Deframer:
    """Incremental: ``feed(bytes) -> [events]``; state carries over between calls."""

    def __init__(self, max_apdu: int = MAX_INCOMING) -> None:
        self.max_apdu = max_apdu
        self.reset()

    def reset(self) -> None:
        self._state = _IDLE
        self._body = bytearray()
        self._crc_lo = 0
        self._overflow = False  # too long, reported: skip to its end, keeping nothing

    @property
    def pending(self) -> bool:
        """Some bytes of a frame (even just a DLE) wait for the rest."""
        return self._state != _IDLE

    @property
    def in_frame(self) -> bool:
        """A frame has started and not ended (a silence now means it was cut off)."""
        return self._state not in (_IDLE, _DLE)

    def abandon(self) -> BadFrame | None:
        """Give up on a frame cut off mid-way (the caller saw the line go quiet)."""
        cut = self.in_frame and not self._overflow
        self.reset()
        return BadFrame(FrameTruncated("serial frame cut off")) if cut else None

    def feed(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        stray = 0
        for b in data:
            state = self._state
            if state == _IDLE:
                if b in (ACK, NAK):
                    if stray:
                        events.append(Stray(stray))
                        stray = 0
                    events.append(LinkAck(b == ACK))
                elif b == DLE:
                    self._state = _DLE
                else:
                    stray += 1
            elif state == _DLE:
                if b == STX:
                    self._state, self._body = _BODY, bytearray()
                elif b != DLE:
                    stray += 2
                    self._state = _IDLE
                else:
                    stray += 1
            elif state == _BODY:
                if b == DLE:
                    self._state = _BODY_DLE
                elif self._overflow:
                    pass
                elif len(self._body) >= self.max_apdu:
                    events.append(BadFrame(FrameTooLong("serial frame longer than allowed")))
                    self._overflow, self._body = True, bytearray()
                else:
                    self._body.append(b)
            elif state == _BODY_DLE:
                if b == DLE:
                    if not self._overflow:
                        self._body.append(DLE)
                    self._state = _BODY
                elif b == ETX:
                    self._state = _CRC_LO
                elif b == STX:  # a new frame began: the old one was cut off
                    if not self._overflow:
                        events.append(BadFrame(FrameTruncated("serial frame cut off by a new one")))
                    self._body, self._overflow = bytearray(), False
                    self._state = _BODY
                else:
                    events.append(BadFrame(NotZvt(f"DLE followed by {b:02X} in a frame")))
                    self.reset()
            elif state == _CRC_LO:
                self._crc_lo, self._state = b, _CRC_HI
            else:  # _CRC_HI
                body = bytes(self._body)
                if self._overflow:
                    pass  # reported when it overflowed
                elif self._crc_lo | b << 8 == crc16(body + bytes((ETX,))):
                    events.append(Frame(body))
                else:
                    events.append(BadFrame(NotZvt("serial frame with a wrong CRC")))
                self.reset()
        if stray:
            events.append(Stray(stray))
        return events
