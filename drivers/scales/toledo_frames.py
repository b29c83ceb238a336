"""Mettler Toledo 8217 ("ECR" weight-only) frames: a pure splitter and decoder, no I/O.

What this relies on (public descriptions of the protocol, cited, not copied):

- Mettler Toledo DIVA Service Manual, section 6.1.4 "8217": the host sends ``W``; the scale
  answers ``STX WW.WWW CR`` (kg, 3 decimals) or ``STX 0WW.WW CR`` (lb, 2 decimals), with an
  ASCII ``N`` after the digits for a net weight; or ``STX ? <status byte> CR`` "if the scale is
  in motion, or the net/gross weight is negative or over capacity". ``Z`` zeroes "on the next
  A/D reading" if stable and within the capture range, and always answers ``STX ? status CR``.
  Section 6.1.4.3 gives the status byte: bit 0 motion, 1 over capacity, 2 under zero,
  3 outside zero capture range, 4 center of zero, 5 net weight, 6 always 1, 7 even parity.
- Odoo's IoT box scale driver (hw_drivers / iot_drivers ``SerialScaleDriver``, Toledo8217):
  9600 baud, 7 data bits, even parity, 1 stop bit; it tolerates blanks after STX
  (``STX \\s* [0-9.]+ N? CR``) and reads the same status bits.
- Transcell / Brecknell manuals for the 8213/8217 "demand" format: the same two records, and
  ``Z`` answered with a status record whether or not the scale zeroed.

The status byte always has bit 6 set (>= 0x40), so it can never be STX or CR: STX therefore
always starts a new frame, which is how the splitter resynchronises after garbage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from drivers.base import ProtocolError, WeightReading, WeightState
from drivers.scales.common import ScaleFault, to_grams
from drivers.scales.splitter import Splitter

STX, CR = 0x02, 0x0D
WEIGH, ZERO = b"W", b"Z"
MAX_BODY = 24  # the longest real body is ~10 bytes; longer runs without CR are garbage

MOTION, OVER_CAPACITY, UNDER_ZERO, OUTSIDE_ZERO_RANGE, CENTER_OF_ZERO, NET = (
    1 << 0,
    1 << 1,
    1 << 2,
    1 << 3,
    1 << 4,
    1 << 5,
)
ALWAYS_SET = 1 << 6

# Digits with at most one decimal point, optional N (net), optional unit (some firmwares
# append KG / LB, see the DIVA manual's ECR description), blanks tolerated around them.
_WEIGHT = re.compile(rb" *(\d+(?:\.\d*)?|\.\d+) *(N?) *(KG|LB|kg|lb)? *")


@dataclass(frozen=True, slots=True)
class ToledoWeight:
    """A weight record: the digits as sent (exact), net flag, and the unit if the scale sent
    one (else the configured unit applies)."""

    text: str
    net: bool = False
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class ToledoStatus:
    """A status record; ``bits`` is the status byte without its parity bit."""

    bits: int

    def has(self, flag: int) -> bool:
        return bool(self.bits & flag)


ToledoAnswer = ToledoWeight | ToledoStatus


class ToledoSplitter(Splitter):
    """``STX ... CR`` bodies."""

    def __init__(self) -> None:
        super().__init__(STX, MAX_BODY)


def decode(body: bytes) -> ToledoAnswer:
    """One frame body -> weight or status record. ProtocolError if it is neither."""
    stripped = body.lstrip(b" ")
    if stripped[:1] == b"?":
        if len(stripped) != 2:
            raise ProtocolError(f"bad 8217 status record {body!r}")
        bits = stripped[1] & 0x7F  # bit 7 is parity (stripped already on a 7-bit port)
        if not bits & ALWAYS_SET:
            raise ProtocolError(f"bad 8217 status byte {stripped[1]:#04x}")
        return ToledoStatus(bits)
    match = _WEIGHT.fullmatch(body)
    if match is None:
        raise ProtocolError(f"not an 8217 answer: {body!r}")
    digits, net, unit = match.groups()
    return ToledoWeight(digits.decode(), bool(net), unit.decode().lower() if unit else None)


def to_reading(answer: ToledoAnswer, unit: str) -> WeightReading:
    """A decoded answer to ``W`` -> WeightReading. A weight record is STABLE (or ZERO at 0);
    a status record says why there is no weight. ScaleFault for a zero error."""
    if isinstance(answer, ToledoWeight):
        grams = to_grams(answer.text, answer.unit or unit)
        return WeightReading(grams, WeightState.STABLE if grams > 0 else WeightState.ZERO)
    # Persistent conditions first: the cashier must act on them, motion settles by itself.
    if answer.has(OVER_CAPACITY):
        return WeightReading(0, WeightState.OVER_CAPACITY)
    if answer.has(UNDER_ZERO):
        return WeightReading(0, WeightState.UNDER_ZERO)
    if answer.has(MOTION):
        return WeightReading(0, WeightState.MOTION)
    if answer.has(OUTSIDE_ZERO_RANGE):
        raise ScaleFault(
            "scale is outside its zero capture range (empty the platter, "
            "then switch the scale off and on)"
        )
    if answer.has(CENTER_OF_ZERO):
        return WeightReading(0, WeightState.ZERO)
    raise ProtocolError(f"8217 status record without a reason (bits {answer.bits:#04x})")


def encode_weight(grams: int, unit: str = "kg", net: bool = False) -> bytes:
    """The scale's side (for the simulator): ``STX WW.WWW CR`` in kg or ``STX 0WW.WW CR``."""
    if grams < 0:
        raise ValueError("an 8217 weight record is never negative (the scale sends a status)")
    if unit == "kg":
        text = f"{Decimal(grams) / 1000:06.3f}"
    elif unit == "lb":
        text = f"{(Decimal(grams) / Decimal('453.59237')).quantize(Decimal('0.01')):06.2f}"
    else:
        raise ValueError(f"8217 weighs in kg or lb, not {unit!r}")
    return bytes([STX]) + text.encode() + (b"N" if net else b"") + bytes([CR])


def encode_status(bits: int) -> bytes:
    return bytes([STX]) + b"?" + bytes([(bits | ALWAYS_SET) & 0x7F, CR])
