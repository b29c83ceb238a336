"""Every 4xx answers `{"error": code, "detail": text}` (sync.protocol.ErrorBody), and no
request can produce a 500 by its shape: validation errors are 422, bodies over the limit 413."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorBody

log = logging.getLogger(__name__)


class HubError(Exception):
    """A refusal the client can act on."""

    def __init__(self, status: int, error: str, detail: str = "", **extra: Any) -> None:
        super().__init__(detail or error)
        self.status, self.error, self.detail, self.extra = status, error, detail, extra

    def response(self) -> JSONResponse:
        body = ErrorBody(error=self.error, detail=self.detail, **self.extra)
        return JSONResponse(body.model_dump(exclude_none=True), status_code=self.status,
                            headers=_auth_header(self.status))


def _auth_header(status: int) -> dict[str, str] | None:
    return {"WWW-Authenticate": "Bearer"} if status == 401 else None


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 410: "gone", 413: "too_large",
          415: "unsupported_media_type", 422: "invalid"}


def install(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def _hub(_request: Request, exc: HubError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()[:5])
        return HubError(422, "invalid", detail[:2000]).response()

    @app.exception_handler(OperationalError)
    async def _database_away(_request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return HubError(503, "unavailable", "the hub's database is unavailable; retry").response()

    @app.exception_handler(DataError)
    async def _out_of_range(_request: Request, exc: DataError) -> JSONResponse:
        log.info("refused a value the database cannot hold: %s", exc.orig)
        return HubError(422, "invalid", "a value is too long or out of range").response()

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        return HubError(exc.status_code, code, str(exc.detail)).response()


class BodyLimit:
    """Refuses a request body over `limit` bytes (`admin_limit` under /v1/admin/) with 413
    before the app reads it whole: by Content-Length at once, or while a chunked body
    streams in."""

    def __init__(self, app: ASGIApp, limit: int, admin_limit: int) -> None:
        self.app, self.limit, self.admin_limit = app, limit, admin_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        admin = str(scope.get("path", "")).startswith("/v1/admin/")
        limit = self.admin_limit if admin else self.limit
        too_large = HubError(413, "too_large", f"the body is over {limit} bytes")
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await too_large.response()(scope, receive, send)
                return
        seen, refused = 0, False

        async def limited() -> Message:
            # Over the limit: answer 413 now and tell the app the client went away, so it
            # stops reading and writes nothing; whatever it still sends is dropped.
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    refused = True
                    await too_large.response()(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, limited, guarded_send)
