"""The per-process state every request reaches through `get_hub`."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import Request

from hub.config import HubConfig
from hub.db import Database

if TYPE_CHECKING:
    from hub.broadcaster import Broadcaster


class TtlCache:
    """A small LRU of verified credentials, so each request does not hash and query; entries
    live `ttl` seconds, so a revoked credential stops working within that time."""

    def __init__(self, size: int = 4096, ttl: float = 60.0) -> None:
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()  # requests run on the thread pool

    def get(self, key: str) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] < time.monotonic():
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._items[key] = (time.monotonic() + self.ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


@dataclass
class Hub:
    config: HubConfig
    db: Database
    broadcaster: Broadcaster
    credential_cache: TtlCache = field(default_factory=TtlCache)

    def committed(self) -> None:
        """Called after a transaction that wrote feed rows has committed: wake this process's
        fan-out, and on PostgreSQL the other hub processes' (NOTIFY, after the commit)."""
        self.broadcaster.wake(notify_others=True)


def get_hub(request: Request) -> Hub:
    hub: Hub = request.app.state.hub
    return hub


@contextmanager
def offline_hub(config: HubConfig) -> Iterator[Hub]:
    """The hub's state without a server (for the command line): migrated database; commits
    wake no local clients, but running hubs see them (NOTIFY, or their safety poll)."""
    from hub.broadcaster import Broadcaster
    from hub.db import migrate, open_database

    db = open_database(config.db_url, pool_size=2)
    try:
        migrate(db)
        yield Hub(config=config, db=db, broadcaster=Broadcaster(db, config))
    finally:
        db.dispose()
