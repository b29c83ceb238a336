"""Reading the hub's snapshot (NDJSON: header, records, end) for a new or reset till.

`open_snapshot` streams it: the caller (pos.store through pos.app) writes the records in one
transaction as they arrive, so a 1,000,000-product catalog never sits in memory, and a stream
that breaks before its `end` line raises `SnapshotBroken` inside that transaction: rolled back,
the till keeps what it had.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from sync.client import HubClient, HubError, _translated, raise_for
from sync.protocol import FEED_DATA_TYPES, SnapshotEnd, SnapshotHeader

SNAPSHOT_READ_TIMEOUT_S = 120.0  # the hub may take a while to start a big store's stream


class SnapshotBroken(HubError):
    """The stream ended early or carried something that is not a snapshot line."""


class SnapshotStream:
    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        first = next(self._lines, None)
        if first is None:
            raise SnapshotBroken("empty snapshot")
        self.header = SnapshotHeader.model_validate_json(first)
        self.total = sum(self.header.counts.values())

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(type, data) of each record, validated against its sync.protocol model; raises
        SnapshotBroken unless the stream ends with its `end` line at the header's position."""
        for line in self._lines:
            if not line.strip():
                continue
            raw = json.loads(line)
            kind = raw.get("type")
            if kind == "end":
                end = SnapshotEnd.model_validate(raw)
                if end.position != self.header.position:
                    raise SnapshotBroken(
                        f"snapshot ends at position {end.position}, began at "
                        f"{self.header.position}")
                return
            if kind not in ("product", "stock", "customer", "price_list"):
                raise SnapshotBroken(f"unexpected snapshot line of type {kind!r}")
            data = raw["data"]
            FEED_DATA_TYPES[kind].model_validate(data)
            yield kind, data
        raise SnapshotBroken("the snapshot stream ended before its end line")


@contextmanager
def open_snapshot(client: HubClient) -> Iterator[SnapshotStream]:
    timeout = httpx.Timeout(30.0, read=SNAPSHOT_READ_TIMEOUT_S)
    with _translated(), client.http.stream("GET", "/v1/snapshot", timeout=timeout) as response:
        if response.status_code >= 300:
            response.read()
            raise_for(response)
        yield SnapshotStream(response.iter_lines())
