"""Reading the hub's SSE feed from a test: a background thread collecting frames."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

import httpx
from httpx_sse import connect_sse

from hub.testing import HubProcess


class FeedReader:
    """Subscribes on a thread; `frames` receives (id, event, data) tuples; `.next()` takes one."""

    def __init__(self, hub: HubProcess, credential: str, topics: str, *,
                 last_event_id: str | None = None, after: int | None = None) -> None:
        self.frames: queue.Queue[tuple[str, str, Any]] = queue.Queue()
        self.opened = threading.Event()
        self.status: int | None = None
        self._client = hub.client(credential, timeout=httpx.Timeout(30, read=60))
        headers = {"Last-Event-ID": last_event_id} if last_event_id is not None else {}
        params: dict[str, Any] = {"topics": topics}
        if after is not None:
            params["after"] = after
        self._thread = threading.Thread(target=self._read, args=(headers, params), daemon=True)
        self._thread.start()
        assert self.opened.wait(30), "the feed did not open"

    def _read(self, headers: dict[str, str], params: dict[str, Any]) -> None:
        try:
            with connect_sse(self._client, "GET", "/v1/feed", headers=headers,
                             params=params) as source:
                self.status = source.response.status_code
                self.opened.set()
                for event in source.iter_sse():
                    self.frames.put((event.id, event.event, json.loads(event.data or "null")))
        except httpx.HTTPError:
            pass  # closed by the test
        finally:
            self.opened.set()

    def next(self, timeout: float = 10.0) -> tuple[str, str, Any]:
        return self.frames.get(timeout=timeout)

    def until(self, predicate, timeout: float = 10.0) -> tuple[str, str, Any]:
        while True:
            frame = self.next(timeout)
            if predicate(frame):
                return frame

    def close(self) -> None:
        self._client.close()
        self._thread.join(0.2)  # a read blocked in the thread ends with the hub or a ping
