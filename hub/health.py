"""Liveness and readiness, for systemd, container engines, Kubernetes and load balancers.

- `GET /healthz`: the process answers (its event loop runs). No database: a liveness probe
  that failed on a database outage would restart every hub process at once for nothing.
- `GET /readyz`: the database answers within 3 s and its schema is at this code's Alembic head.
  503 `{"status": "unavailable", "reason": ...}` otherwise, so a load balancer sends no till
  here while the database is away or a newer/older schema is in place (during an upgrade).
"""

from __future__ import annotations

import asyncio
from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from hub.db import MIGRATIONS
from hub.state import Hub, get_hub

router = APIRouter(tags=["health"])
READY_TIMEOUT_S = 3.0
UNAVAILABLE = {503: {"description": "not ready, with the reason",
                     "content": {"application/json": {"example": {
                         "status": "unavailable", "reason": "database unreachable"}}}}}


@cache
def head_revisions() -> frozenset[str]:
    """The revisions this code expects (read once from hub/migrations)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def check_database(hub: Hub) -> str | None:
    """None when ready, else the reason in a few words."""
    try:
        with hub.db.reader.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = frozenset(MigrationContext.configure(conn).get_current_heads())
    except SQLAlchemyError as error:
        return f"database unreachable: {type(getattr(error, 'orig', None) or error).__name__}"
    expected = head_revisions()
    if current != expected:
        have = ",".join(sorted(current)) or "none"
        return f"schema at {have}, this hub needs {','.join(sorted(expected))}: kassa hub migrate"
    return None


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses=UNAVAILABLE)
async def readyz(hub: Hub = Depends(get_hub)) -> JSONResponse:
    try:
        reason = await asyncio.wait_for(asyncio.to_thread(check_database, hub),
                                        READY_TIMEOUT_S)
    except TimeoutError:
        reason = f"database did not answer within {READY_TIMEOUT_S:g} s"
    if reason is not None:
        return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
    return JSONResponse({"status": "ready"})
