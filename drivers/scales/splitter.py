"""Both scale protocols frame an answer as START ... CR; one splitter serves them."""

from __future__ import annotations

CR = 0x0D


class Splitter:
    """Feed bytes as they arrive; get complete ``start ... CR`` bodies back (without them).

    Bytes outside a frame are dropped; a start byte inside a frame restarts it (the earlier
    partial frame was garbage or truncated); a body longer than `max_body` is dropped.
    """

    def __init__(self, start: int, max_body: int) -> None:
        self.start = start
        self.max_body = max_body
        self._body: bytearray | None = None

    def feed(self, data: bytes) -> list[bytes]:
        frames: list[bytes] = []
        for byte in data:
            if byte == self.start:
                self._body = bytearray()
            elif self._body is None:
                continue  # garbage between frames
            elif byte == CR:
                frames.append(bytes(self._body))
                self._body = None
            elif len(self._body) >= self.max_body:
                self._body = None
            else:
                self._body.append(byte)
        return frames
