"""Cutting a serial scanner's byte stream into scans: pure, incremental, never raises on input.

A scanner sends each barcode as one frame::

    [prefix bytes] [AIM identifier "]E0"] data [suffix bytes] terminator (CR, LF or CR LF)

`FrameParser.feed(chunk, now)` takes bytes as they arrive, in chunks of any size, and returns
the `ScanEvent`s completed by them. What is not a good frame is dropped and logged (logger
``drivers.scanners``) and counted in `FrameParser.dropped`, never raised:

* **garbage**: a control byte other than GS (0x1D, GS1's FNC1) and the configured prefix/suffix
  bytes, invalid UTF-8, or a frame without its configured prefix/suffix. A bad control byte
  ends the frame it is in *at once*, so a good frame that follows it is never glued onto it.
* **overlong**: more than `max_length` bytes without a terminator (a stuck line, a wrong baud
  rate); everything up to the next terminator, bad byte or silence is dropped too.
* **partial**: bytes and then silence (more than `gap` seconds) with no terminator: the scanner
  was unplugged mid-frame or lost bytes. Dropped by the next `feed` (which passes its time) or by
  `expire(now)`, which the driver calls when a read times out.
* **wrong terminator**: with ``suffix="CR"`` an LF (or with ``suffix="LF"`` a lone CR) is a bad
  byte, so a scanner configured for another suffix shows up in the log instead of gluing scans
  together. The tolerances: CR LF is accepted by all three settings (with "CR" and "CRLF" a
  frame is complete at its CR, no waiting for the LF, and the LF is skipped).

The one thing a stream parser cannot tell apart: garbage made of printable bytes arriving in
the same burst as the next frame, with no terminator, control byte or silence between them.
Then the garbage becomes the front of that frame's data and barcode interpretation rejects it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Literal

from drivers.base import ScanEvent

log = logging.getLogger("drivers.scanners")

GS = 0x1D
CR, LF = 0x0D, 0x0A
Suffix = Literal["CR", "LF", "CRLF"]
AimMode = Literal["auto", "on", "off"]
TERMINATORS: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}
DEFAULT_MAX_LENGTH = 4096  # a full 2D code (QR holds up to ~3 kB); a 1D code is far shorter
DEFAULT_GAP = 0.2  # s; a scanner sends a frame in one burst (9600 baud: ~1 ms per byte)

_AIM = re.compile(r"\]([A-Za-z][0-9A-Za-z])")


def decode_text(raw: bytes) -> str | None:
    """`raw` as text if it is valid UTF-8 of printable characters and GS, else None."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if all(c.isprintable() or c == "\x1d" for c in text):
        return text
    return None


def split_aim(text: str, mode: AimMode) -> tuple[str, str | None] | None:
    """(data, symbology) with a leading AIM identifier split off according to `mode`:
    "auto" splits one if present, "on" requires one (None if missing), "off" never splits."""
    if mode == "off":
        return text, None
    match = _AIM.match(text)
    if match is None:
        return None if mode == "on" else (text, None)
    return text[3:], match[1]


class FrameParser:
    """Incremental frame parser for one scanner (see module doc). Not thread-safe."""

    def __init__(
        self,
        *,
        suffix: Suffix = "CR",
        prefix_bytes: bytes = b"",
        suffix_bytes: bytes = b"",
        aim: AimMode = "auto",
        max_length: int = DEFAULT_MAX_LENGTH,
        gap: float = DEFAULT_GAP,
        source: str = "",
    ) -> None:
        if suffix not in TERMINATORS:
            raise ValueError(f"suffix must be CR, LF or CRLF, not {suffix!r}")
        if aim not in ("auto", "on", "off"):
            raise ValueError(f"aim must be auto, on or off, not {aim!r}")
        if max_length < 1 or gap <= 0:
            raise ValueError("max_length and gap must be positive")
        extra = set(prefix_bytes) | set(suffix_bytes)
        if extra & {CR, LF}:
            raise ValueError("prefix and suffix bytes cannot contain CR or LF")
        self.suffix = suffix
        self.prefix_bytes = prefix_bytes
        self.suffix_bytes = suffix_bytes
        self.aim = aim
        self.max_length = max_length
        self.gap = gap
        self.source = source
        self.dropped: Counter[str] = Counter()  # reason -> frames dropped, for health and tests
        self._end = LF if suffix == "LF" else CR
        self._allowed_controls = frozenset(extra | {GS})
        self._buf = bytearray()
        self._overlong = False  # dropping the rest of an overlong frame
        self._skip_lf = False  # the last byte ended a frame with CR; an LF now is its tail
        self._cr_held = False  # suffix LF: a CR that is fine if an LF follows (CR LF scanner)
        self._junk = bytearray()  # bad bytes of this feed(), logged once as one drop
        self._junk_len = 0
        self._last: float | None = None

    @property
    def pending(self) -> bool:
        """True while part of a frame waits for its terminator."""
        return bool(self._buf) or self._overlong or self._cr_held

    def feed(self, data: bytes, now: float | None = None) -> list[ScanEvent]:
        """Take the next bytes (received at monotonic time `now`, if given)."""
        if now is not None:
            self.expire(now)
            self._last = now
        out: list[ScanEvent] = []
        for byte in data:
            skip_lf, self._skip_lf = self._skip_lf, False
            if self._cr_held:
                self._cr_held = False
                if byte == LF:
                    self._end_frame(out)
                    continue
                self._bad_byte(CR)
            if byte == CR and self.suffix == "LF":
                self._cr_held = True
            elif byte == self._end:
                self._end_frame(out)
                self._skip_lf = byte == CR and self.suffix in ("CR", "CRLF")
            elif byte == LF and skip_lf:
                continue
            elif (byte < 0x20 and byte not in self._allowed_controls) or byte == 0x7F:
                self._bad_byte(byte)
            elif self._overlong:
                continue
            else:
                self._buf.append(byte)
                if len(self._buf) > self.max_length:
                    self._drop("overlong", bytes(self._buf[:40]), size=len(self._buf))
                    self._buf.clear()
                    self._overlong = True
        self._flush_junk()
        return out

    def expire(self, now: float) -> None:
        """Drop a partial frame if the line has been silent for more than `gap` seconds."""
        if self._last is not None and now - self._last > self.gap and self.pending:
            self.flush()

    def flush(self) -> None:
        """Drop whatever partial frame is pending (silence, unplug, close)."""
        if self._cr_held:
            self._bad_byte(CR)
        if self._buf:
            self._drop("partial", bytes(self._buf))
        self._flush_junk()
        self._buf.clear()
        self._overlong = False
        self._skip_lf = self._cr_held = False

    # --- internals -------------------------------------------------------------------------

    def _bad_byte(self, byte: int) -> None:
        if self._overlong:
            self._overlong = False
            return
        wrong_end = byte in (CR, LF)
        if wrong_end and self._buf:
            self._drop("wrong_terminator", bytes(self._buf) + bytes([byte]))
            log.warning(
                "%s: frame ended by %s but suffix=%s is configured; check the scanner's suffix",
                self.source or "scanner",
                "CR" if byte == CR else "LF",
                self.suffix,
            )
        elif not wrong_end:
            # A burst of line noise is one drop, not one per bad byte.
            self._junk_len += len(self._buf) + 1
            if len(self._junk) < 40:
                self._junk += self._buf + bytes([byte])
        self._buf.clear()

    def _flush_junk(self) -> None:
        if self._junk_len:
            junk, size = bytes(self._junk), self._junk_len
            self._junk.clear()
            self._junk_len = 0
            self._drop("garbage", junk, size=size)

    def _end_frame(self, out: list[ScanEvent]) -> None:
        raw = bytes(self._buf)
        self._buf.clear()
        if self._overlong:
            self._overlong = False
            return
        if not raw:
            return  # a blank line: nothing was lost
        event = self._frame(raw)
        if event is not None:
            out.append(event)

    def _frame(self, raw: bytes) -> ScanEvent | None:
        body = raw
        if self.prefix_bytes:
            at = body.rfind(self.prefix_bytes)
            if at < 0:
                self._drop("garbage", raw, "no prefix")
                return None
            if at > 0:
                self._drop("garbage", body[:at], "before prefix")
            body = body[at + len(self.prefix_bytes) :]
        if self.suffix_bytes:
            if not body.endswith(self.suffix_bytes):
                self._drop("garbage", raw, "no suffix")
                return None
            body = body[: -len(self.suffix_bytes)]
        text = decode_text(body)
        if text is None:
            self._drop("garbage", raw)
            return None
        split = split_aim(text, self.aim)
        if split is None:
            self._drop("garbage", raw, "no AIM identifier")
            return None
        data, symbology = split
        if not data:
            self._drop("garbage", raw, "no data")
            return None
        return ScanEvent(data, symbology, self.source)

    def _drop(self, reason: str, raw: bytes, detail: str = "", size: int | None = None) -> None:
        self._flush_junk()  # keep the log in the order things arrived (a no-op when called by it)
        size = len(raw) if size is None else size
        self.dropped[reason] += 1
        shown = raw[:40].hex(" ") + (" ..." if size > 40 else "")
        log.warning(
            "%s: dropped %s%s (%d bytes: %s)",
            self.source or "scanner",
            reason,
            f" ({detail})" if detail else "",
            size,
            shown,
        )
