"""SMA (Scale Manufacturers Association, standard SCP-0499 level 1) frames: pure, no I/O.

What this relies on (the standard as reproduced in the Fairbanks FB2550, Sartorius PR 5210 /
PR 5220 and B-Tek T419S manuals, cited, not copied):

- Commands are ``<LF> c <CR>``: ``W`` displayed weight, ``Z`` zero, ``H`` high resolution, ...
- Standard response ``<LF> s r n m f <xxxxxx.xxx> <uuu> <CR>``: s status (``Z`` center of
  zero, ``O`` over capacity, ``U`` under capacity, ``E`` zero error, ``I`` initial-zero error,
  ``T`` tare error, space none; for E/I/T the weight field is dashes), r range digit, n
  ``G``/``N``/``T``/``g``/``n`` (gross/net/tare/high-res), m ``M`` in motion or space, f reserved,
  a weight field of exactly 10 characters, a 3-character unit ("lb ", "kg ", ...).
- ``Z`` answers the standard response; the s field tells whether the scale is now at zero.
- An unrecognised command is answered ``<LF>?<CR>``.

The serial settings are not part of the standard: 9600 8N1 by default, set them in the URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from drivers.base import ProtocolError, WeightReading, WeightState
from drivers.scales.common import GRAMS_PER_UNIT, ScaleFault, to_grams
from drivers.scales.splitter import Splitter

LF, CR = 0x0A, 0x0D
WEIGH, ZERO = b"\nW\r", b"\nZ\r"
BODY_LEN = 18  # s r n m f (5) + weight (10) + unit (3)
MAX_BODY = 40  # longer runs without CR are garbage (level 2 "about" replies are < 32)

_STATUS = " ZOUEIT"
_FAULTS = {
    "E": "zero error",
    "I": "initial-zero error (empty the platter, then switch the scale off and on)",
    "T": "tare error",
}


@dataclass(frozen=True, slots=True)
class SmaAnswer:
    status: str  # one of " ZOUEIT"
    range: str
    mode: str  # G N T g n
    motion: bool
    weight: str  # the 10-character field, as sent
    unit: str  # stripped, lower case


class SmaSplitter(Splitter):
    """``LF ... CR`` bodies: LF always starts a new frame (it never occurs inside one)."""

    def __init__(self) -> None:
        super().__init__(LF, MAX_BODY)


def decode(body: bytes) -> SmaAnswer:
    """One frame body -> SmaAnswer. ProtocolError for ``?`` (command not understood) and for
    anything that is not a standard response."""
    if body == b"?":
        raise ProtocolError("the scale did not understand the command (SMA '?')")
    if len(body) != BODY_LEN:
        raise ProtocolError(f"not an SMA standard response ({len(body)} bytes): {body!r}")
    try:
        text = body.decode("ascii")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"not an SMA standard response: {body!r}") from exc
    status, rng, mode, motion = text[0], text[1], text[2], text[3]
    if status not in _STATUS or not rng.isdigit() or mode not in "GNTgn" or motion not in " M":
        raise ProtocolError(f"bad SMA status fields {text[:5]!r}")
    return SmaAnswer(status, rng, mode, motion == "M", text[5:15], text[15:18].strip().lower())


def to_reading(answer: SmaAnswer) -> WeightReading:
    """A decoded answer to ``W`` -> WeightReading (grams as the scale shows them, negative
    under zero). ScaleFault for E/I/T; ProtocolError for a unit or weight we cannot read."""
    if answer.status in _FAULTS:
        raise ScaleFault(f"scale reports {_FAULTS[answer.status]}")
    if answer.unit not in GRAMS_PER_UNIT:
        raise ProtocolError(f"unsupported SMA unit {answer.unit!r} (set the scale to kg, g or lb)")
    grams = to_grams(answer.weight, answer.unit)
    if answer.status == "O":
        return WeightReading(grams, WeightState.OVER_CAPACITY)
    if answer.status == "U" or grams < 0:
        return WeightReading(grams, WeightState.UNDER_ZERO)
    if answer.motion:
        return WeightReading(grams, WeightState.MOTION)
    if answer.status == "Z" or grams == 0:
        return WeightReading(grams, WeightState.ZERO)
    return WeightReading(grams, WeightState.STABLE)


def encode(
    grams: int, *, status: str = " ", motion: bool = False, unit: str = "kg", mode: str = "G"
) -> bytes:
    """The scale's side (for the simulator): one standard response."""
    if unit == "kg":
        weight = f"{Decimal(grams) / 1000:.3f}"
    elif unit == "g":
        weight = str(grams)
    else:
        raise ValueError(f"the simulator weighs in kg or g, not {unit!r}")
    if status in _FAULTS:
        weight = "-" * 5  # "center dashes"
    return f"\n{status}1{mode}{'M' if motion else ' '} {weight:>10.10}{unit:<3}\r".encode("ascii")
