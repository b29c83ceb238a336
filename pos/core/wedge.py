"""Telling a keyboard-wedge scanner from a human at the keyboard, by key timing alone.

A wedge scanner "types" a barcode as a burst of keys a few milliseconds apart, usually ending
with Enter. A human is slower: even a fast typist leaves 60-200 ms between most keys, and
rarely types six keys plus Enter all within 35 ms of each other.

The rule, applied when Enter arrives (``suffix_enter=True``):

* The *burst* is the run of characters since the last gap longer than ``max_interkey_ms``
  (or since the last Backspace: scanners never send one).
* It is a scan when the Enter itself also came within ``max_interkey_ms`` of the last
  character, the burst starts with ``prefix``, and after the prefix it holds at least
  ``min_length`` characters. The result is ``Scanned(data)`` with the prefix stripped.
* Characters the human typed *before* that burst are not lost and not glued onto the scan:
  they stay pending (see ``pending``), as if the scan had not interrupted the typing.
  So a scan that starts while the cashier has typed "12" yields ``Scanned`` and leaves "12".
* Otherwise the whole pending text, Backspaces applied, is ``Typed(text)``; a lone Enter is
  ``Typed("")``. One slow gap inside a scan therefore makes it ``Typed`` (unless the part after
  the gap is itself long enough), which is harmless: typed text is interpreted as a barcode too.

With ``suffix_enter=False`` a burst ends by silence: the next key after a long gap, or a call
to ``poll(now)`` once ``max_interkey_ms`` have passed (the UI calls it from a short timer).

The module is pure: the caller passes each key's timestamp (e.g. ``QKeyEvent.timestamp()``).
A timestamp that goes backwards counts as a long gap, i.e. as human.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

ENTER_KEYS = frozenset({"Enter", "Return", "\r", "\n"})
BACKSPACE_KEYS = frozenset({"Backspace", "\b", "\x7f"})
_GS = "\x1d"  # Ctrl+] : how wedge scanners type the GS1 separator


@dataclass(frozen=True)
class Scanned:
    data: str


@dataclass(frozen=True)
class Typed:
    text: str


WedgeResult: TypeAlias = Scanned | Typed


class WedgeClassifier:
    """Feed every key with its time; get a result when a burst or an entry ends."""

    def __init__(
        self,
        max_interkey_ms: int = 35,
        min_length: int = 6,
        prefix: str = "",
        suffix_enter: bool = True,
    ) -> None:
        if max_interkey_ms < 0:
            raise ValueError("max_interkey_ms must not be negative")
        if min_length < 1:
            raise ValueError("min_length must be at least 1")
        self.max_interkey_ms = max_interkey_ms
        self.min_length = min_length
        self.prefix = prefix
        self.suffix_enter = suffix_enter
        self._chars: list[str] = []
        self._burst_start = 0  # index in _chars where the current fast run began
        self._last_t: int | None = None

    @property
    def pending(self) -> str:
        """What the human has typed so far and not yet ended with Enter."""
        return "".join(self._chars)

    def reset(self) -> None:
        self._chars.clear()
        self._burst_start = 0
        self._last_t = None

    def feed(self, key: str, t_ms: int) -> WedgeResult | None:
        """One key: a character, "Enter"/"\\r", or "Backspace". Other key names are ignored."""
        fast = self._within_burst(t_ms)
        if key in ENTER_KEYS:
            return self._enter(t_ms, fast)
        if key in BACKSPACE_KEYS:
            if self._chars:
                self._chars.pop()
            self._burst_start = len(self._chars)
            self._last_t = t_ms
            return None
        if len(key) != 1 or not (key.isprintable() or key == _GS):
            return None  # Shift, F-keys, arrows: no text, and no effect on timing
        result = None
        if not fast:
            if not self.suffix_enter:
                result = self._take_burst()  # the silence before this key ended a scan
            self._burst_start = len(self._chars)
        self._chars.append(key)
        self._last_t = t_ms
        return result

    def poll(self, t_ms: int) -> WedgeResult | None:
        """Without an Enter suffix, deliver a scan once the line has been quiet long enough."""
        if self.suffix_enter or self._last_t is None or self._within_burst(t_ms):
            return None
        return self._take_burst()

    def _within_burst(self, t_ms: int) -> bool:
        if self._last_t is None:
            return False
        return 0 <= t_ms - self._last_t <= self.max_interkey_ms

    def _enter(self, t_ms: int, fast: bool) -> WedgeResult:
        if self.suffix_enter and fast:
            scan = self._take_burst()
            if scan is not None:
                self._last_t = t_ms
                return scan
        text = self.pending
        self.reset()
        return Typed(text)

    def _take_burst(self) -> Scanned | None:
        burst = "".join(self._chars[self._burst_start :])
        if not burst.startswith(self.prefix):
            return None
        data = burst[len(self.prefix) :]
        if len(data) < self.min_length:
            return None
        del self._chars[self._burst_start :]
        return Scanned(data)
