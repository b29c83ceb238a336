"""ZVT (ECR interface of German/Nordic card terminals) wire format, ECR side. No I/O.

An APDU is CLASS, INSTR, LEN, DATA. LEN is one byte, or 0xFF followed by two bytes little-endian
when the data is 255 bytes or longer. DATA is mostly a run of BMP fields: one tag byte, then a
value whose length the tag fixes (table below), or an LLVAR / LLLVAR length written as F0+digit
bytes ("F1 F2" = 12), or, for the TLV container 06, a BER length.

Everything malformed raises a :class:`ZvtProtocolError` (a :class:`~drivers.base.ProtocolError`)
and nothing else: :class:`FrameTruncated`, :class:`FrameTooLong`, :class:`NotZvt`. An unknown
BMP whose length we cannot know ends BMP parsing (the fields before it are kept) because a
terminal with a newer spec version must not make the till fail a payment it has approved;
unknown TLV tags are kept as opaque values and ignored by the readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers.base import ProtocolError

LLVAR = -2
LLLVAR = -3
TLV = -1

# Length of each BMP value in bytes (or LLVAR / LLLVAR / TLV). From the ZVT spec's BMP list.
BMP_LENGTHS: dict[int, int] = {
    0x01: 1, 0x02: 1, 0x03: 1, 0x04: 6, 0x05: 1, 0x06: TLV, 0x0B: 3, 0x0C: 3, 0x0D: 2,
    0x0E: 2, 0x17: 2, 0x19: 1, 0x22: LLVAR, 0x23: LLVAR, 0x24: LLLVAR, 0x27: 1, 0x29: 4,
    0x2A: 15, 0x2D: LLVAR, 0x2E: LLLVAR, 0x37: 3, 0x3A: 2, 0x3B: 8, 0x3C: LLLVAR, 0x3D: 3,
    0x49: 2, 0x60: LLLVAR, 0x87: 2, 0x88: 3, 0x8A: 1, 0x8B: LLVAR, 0x8C: 1, 0x92: LLLVAR,
    0x9A: LLLVAR, 0xA0: 1, 0xA7: LLVAR, 0xAF: LLLVAR, 0xBA: 5, 0xD0: 1, 0xD1: LLVAR, 0xD2: 1,
    0xD3: 1, 0xE0: 1, 0xE1: LLVAR, 0xE2: LLVAR, 0xE3: LLVAR, 0xE4: LLVAR, 0xE5: LLVAR,
    0xE6: LLVAR, 0xE7: LLVAR, 0xE8: LLVAR, 0xE9: 1, 0xEA: 1, 0xEB: 8, 0xEC: 1, 0xED: 1,
    0xEE: 1, 0xF0: 1, 0xF1: LLVAR, 0xF2: LLVAR, 0xF3: LLVAR, 0xF4: LLVAR, 0xF5: LLVAR,
    0xF6: LLVAR, 0xF7: LLVAR, 0xF8: LLVAR, 0xF9: 1, 0xFA: 1, 0xFB: 1, 0xFC: 1, 0xFD: 1,
}  # fmt: skip

MAX_DATA = 0xFFFF
# The largest APDU we accept from a terminal. Receipts as print text blocks run to a few KB; a
# length field above this is garbage, refused at once instead of waiting for bytes that never come.
MAX_INCOMING = 16 * 1024


class ZvtProtocolError(ProtocolError):
    """Base of every ZVT decoding error (a ProtocolError, so callers may catch either)."""


class FrameTruncated(ZvtProtocolError):
    """Fewer bytes than the frame or field says."""


class FrameTooLong(ZvtProtocolError):
    """More bytes than the frame says, or a length beyond what a terminal can mean."""


class NotZvt(ZvtProtocolError):
    """Bytes that are no ZVT at all (unknown class byte, bad BCD, bad length digit, bad CRC)."""


# --- APDU ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Apdu:
    cls: int
    instr: int
    data: bytes = b""

    @property
    def command(self) -> tuple[int, int]:
        return (self.cls, self.instr)

    def encode(self) -> bytes:
        return bytes((self.cls, self.instr)) + encode_length(len(self.data)) + self.data

    def __repr__(self) -> str:
        # Command and size only: a repr ends up in logs and error messages, and the data of a
        # status message holds card data (masked by the terminal, but we do not rely on it).
        return f"Apdu({self.cls:02X} {self.instr:02X}, {len(self.data)} bytes)"


def encode_length(n: int) -> bytes:
    if not 0 <= n <= MAX_DATA:
        raise ZvtProtocolError(f"APDU data of {n} bytes cannot be framed")
    if n < 0xFF:
        return bytes((n,))
    return b"\xff" + n.to_bytes(2, "little")


def header_length(header: bytes) -> tuple[int, int]:
    """From the first 3 bytes of an APDU: (bytes of length field still to read, data length
    if known now or -1). Lets a stream reader know how much more to read."""
    if len(header) < 3:
        raise FrameTruncated("APDU header shorter than 3 bytes")
    if header[2] == 0xFF:
        return 2, -1
    return 0, header[2]


def decode_apdu(frame: bytes) -> Apdu:
    """One whole APDU; trailing or missing bytes are a ProtocolError."""
    if len(frame) < 3:
        raise FrameTruncated(f"APDU too short ({len(frame)} bytes)")
    start, n = 3, frame[2]
    if n == 0xFF:
        if len(frame) < 5:
            raise FrameTruncated("APDU extended length truncated")
        n, start = int.from_bytes(frame[3:5], "little"), 5
    if len(frame) < start + n:
        raise FrameTruncated(f"APDU says {n} data bytes, has {len(frame) - start}")
    if len(frame) > start + n:
        raise FrameTooLong(f"APDU says {n} data bytes, has {len(frame) - start}")
    return Apdu(frame[0], frame[1], bytes(frame[start:]))


# --- BCD ----------------------------------------------------------------------------------------


def bcd_encode(value: int, size: int) -> bytes:
    digits = str(value)
    if value < 0 or len(digits) > size * 2:
        raise ZvtProtocolError(f"{value} does not fit {size} BCD bytes")
    return bytes.fromhex(digits.zfill(size * 2))


def bcd_digits(raw: bytes) -> str:
    text = raw.hex()
    if not text.isdigit() and text:
        raise NotZvt(f"not BCD ({len(raw)} bytes)")  # no data: the bytes could be card data
    return text


def bcd_decode(raw: bytes) -> int:
    return int(bcd_digits(raw) or "0")


def encode_amount(amount_minor: int) -> bytes:
    """BMP 04: integer minor units as 12 BCD digits (never a float anywhere)."""
    if not isinstance(amount_minor, int) or isinstance(amount_minor, bool):
        raise TypeError("amount must be an int in minor units")
    return b"\x04" + bcd_encode(amount_minor, 6)


# --- variable lengths ---------------------------------------------------------------------------


def encode_var(value: bytes, digits: int) -> bytes:
    """LLVAR (digits=2) / LLLVAR (digits=3) length prefix: each digit d as the byte F0+d."""
    if len(value) >= 10**digits:
        raise ZvtProtocolError(f"{len(value)} bytes do not fit an L{'L' * digits}VAR")
    return bytes(0xF0 | int(d) for d in str(len(value)).zfill(digits)) + value


def _var_length(data: bytes, pos: int, digits: int) -> int:
    if pos + digits > len(data):
        raise FrameTruncated("variable-length prefix truncated")
    n = 0
    for b in data[pos : pos + digits]:
        if b & 0xF0 != 0xF0 or b & 0x0F > 9:
            raise NotZvt(f"bad variable-length digit {b:02X}")
        n = n * 10 + (b & 0x0F)
    return n


def encode_ber_length(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    if n <= 0xFF:
        return bytes((0x81, n))
    if n <= 0xFFFF:
        return b"\x82" + n.to_bytes(2, "big")
    raise ZvtProtocolError(f"TLV length {n} too long")


def _ber_length(data: bytes, pos: int) -> tuple[int, int]:
    """(length, position after the length bytes)."""
    if pos >= len(data):
        raise FrameTruncated("TLV length missing")
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    count = first & 0x7F
    if count == 0 or count > 2 or pos + 1 + count > len(data):
        raise NotZvt(f"bad TLV length byte {first:02X}")
    return int.from_bytes(data[pos + 1 : pos + 1 + count], "big"), pos + 1 + count


# --- BER-TLV (inside BMP 06) --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tlv:
    """One BER-TLV object. Its repr shows no value: a TLV may carry card data."""

    tag: int  # the tag bytes as one big-endian int (1F 10 -> 0x1F10)
    value: bytes = b""
    children: tuple[Tlv, ...] = ()

    @property
    def constructed(self) -> bool:
        first = self.tag.to_bytes(max(1, (self.tag.bit_length() + 7) // 8), "big")[0]
        return bool(first & 0x20)

    def __repr__(self) -> str:
        return f"Tlv({self.tag:X}, {len(self.value)} bytes)"

    def find(self, tag: int) -> list[Tlv]:
        found = [c for c in self.children if c.tag == tag]
        for c in self.children:
            found += c.find(tag)
        return found


def encode_tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    return tag_bytes + encode_ber_length(len(value)) + value


def decode_tlv(data: bytes, depth: int = 0) -> tuple[Tlv, ...]:
    """A sequence of BER-TLV objects; constructed ones (bit 6 of the first tag byte) are
    parsed into children."""
    if depth > 8:
        raise NotZvt("TLV nested too deeply")
    items: list[Tlv] = []
    pos = 0
    while pos < len(data):
        start = pos
        first = data[pos]
        pos += 1
        if first & 0x1F == 0x1F:  # multi-byte tag: more bytes while bit 8 is set
            while True:
                if pos >= len(data) or pos - start > 3:
                    raise FrameTruncated("TLV tag truncated")
                pos += 1
                if not data[pos - 1] & 0x80:
                    break
        tag = int.from_bytes(data[start:pos], "big")
        n, pos = _ber_length(data, pos)
        if pos + n > len(data):
            raise FrameTruncated(f"TLV {tag:X} says {n} bytes, has {len(data) - pos}")
        value = bytes(data[pos : pos + n])
        pos += n
        children = decode_tlv(value, depth + 1) if first & 0x20 else ()
        items.append(Tlv(tag, value, children))
    return tuple(items)


# --- BMP runs -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bmps:
    """BMP fields in order of arrival. ``stopped_at`` is the offset where parsing stopped at an
    unknown BMP (None when all data was understood)."""

    fields: tuple[tuple[int, bytes], ...] = ()
    stopped_at: int | None = None
    by_tag: dict[int, bytes] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for tag, value in self.fields:
            self.by_tag.setdefault(tag, value)

    def get(self, tag: int) -> bytes | None:
        return self.by_tag.get(tag)

    def __repr__(self) -> str:
        # Tags only: values include BMP 22 / 23 (PAN, track data) as the terminal sent them.
        return f"Bmps(tags={[f'{t:02X}' for t, _ in self.fields]}, stopped_at={self.stopped_at})"


def parse_bmps(data: bytes) -> Bmps:
    fields: list[tuple[int, bytes]] = []
    pos = 0
    while pos < len(data):
        tag = data[pos]
        size = BMP_LENGTHS.get(tag)
        if size is None:
            return Bmps(tuple(fields), stopped_at=pos)
        pos += 1
        if size == TLV:
            size, pos = _ber_length(data, pos)
        elif size in (LLVAR, LLLVAR):
            digits = -size
            size = _var_length(data, pos, digits)
            pos += digits
        if pos + size > len(data):
            raise FrameTruncated(f"BMP {tag:02X} needs {size} bytes, has {len(data) - pos}")
        fields.append((tag, bytes(data[pos : pos + size])))
        pos += size
    return Bmps(tuple(fields))


def encode_bmp(tag: int, value: bytes) -> bytes:
    size = BMP_LENGTHS.get(tag)
    if size is None:
        raise ZvtProtocolError(f"unknown BMP {tag:02X}")
    if size == TLV:
        return bytes((tag,)) + encode_ber_length(len(value)) + value
    if size in (LLVAR, LLLVAR):
        return bytes((tag,)) + encode_var(value, -size)
    if len(value) != size:
        raise ZvtProtocolError(f"BMP {tag:02X} takes {size} bytes, not {len(value)}")
    return bytes((tag,)) + value
