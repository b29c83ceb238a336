"""Returns anywhere and stock everywhere in a running hub: `install(app, hub)` (one line in
hub/app.py) adds the tills' routes and, when the hub is configured for Medusa, the web returns'
pusher thread (for the application's lifetime) and the Admin API client the live stock look-up
and home-delivery orders use."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI

from hub import return_claims, returns_anywhere
from hub.medusa import stock_everywhere, web_returns
from hub.medusa.client import MedusaClient
from hub.medusa.return_pusher import ReturnPusher

if TYPE_CHECKING:
    from hub.state import Hub


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    pusher: ReturnPusher | None = getattr(app.state, "web_return_pusher", None)
    if pusher is not None:
        pusher.start()
    try:
        yield
    finally:
        if pusher is not None:
            pusher.stop()
            app.state.web_shop_client.close()


def install(app: FastAPI, hub: Hub, responses: dict[int | str, dict[str, object]]) -> None:
    settings = hub.config.medusa
    if settings is not None:
        app.state.web_return_pusher = ReturnPusher(hub.db, settings)
        app.state.web_shop_client = MedusaClient(settings)
    router = APIRouter(lifespan=_lifespan)
    for module in (returns_anywhere, return_claims, web_returns, stock_everywhere):
        router.include_router(module.router, responses=responses)
    app.include_router(router)
