"""Close every till database a sync test opened (pos.store keeps one SQLite connection per
thread and database; the pusher, the subscriber and the UI each add theirs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sync.tills import BUILT


@pytest.fixture(autouse=True)
def close_till_databases() -> Iterator[None]:
    yield
    while BUILT:
        till = BUILT.pop()
        if till.hub is not None:
            till.hub.stop()
        till.ctx.printer.stop()
        till.ctx.db.close()
