"""GET /fleet: IT's page of every store and till (version, last seen, outbox backlog, devices,
fiscal key), where enrolment codes are issued and revoked and a till's credential revoked.

Server-rendered (Jinja2, hub/templates), no script. Signed in with the hub's admin token: the
browser keeps a signed session (HttpOnly, SameSite=Strict, 12 h), never the token itself, and
every form carries a token derived from that session, so no other site can post them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select, update

from hub.db import utcnow
from hub.enrol import create_code
from hub.fleet_view import codes_view, stores_view
from hub.fleet_web import (
    dismiss_failure,
    dismiss_mismatch,
    dismiss_return,
    retry_return,
    web_shop_view,
)
from hub.heartbeat import fleet, revoke_terminal
from hub.models import enrolment_codes
from hub.state import Hub, TtlCache, get_hub
from sync.protocol import EnrolmentCodeRequest

router = APIRouter(include_in_schema=False)
COOKIE = "kassa_fleet"
SESSION_S = 12 * 3600
IDENT = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
MESSAGES = {"code_revoked": "The enrolment code is revoked.",
            "till_revoked": "The till's credential is revoked: it must be enrolled again.",
            "signed_out": "Signed out.",
            "failure_dismissed": "The web shop push failure is dismissed.",
            "return_retried": "The web return goes to the web shop again.",
            "return_dismissed": "The web return is marked as settled by hand.",
            "mismatch_dismissed": "The stock difference is dismissed; the next reconciliation "
                                  "finds it again if it is still there."}
templates = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                        autoescape=select_autoescape(["html"]))


def _sign(hub: Hub, text: str) -> str:
    key = hub.config.admin_token.encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def _session(hub: Hub, request: Request) -> str | None:
    """The valid session cookie, or None."""
    value = request.cookies.get(COOKIE, "")
    expires, _, signature = value.partition(".")
    if not hub.config.admin_token or not expires.isdigit() or int(expires) < time.time():
        return None
    return value if hmac.compare_digest(signature, _sign(hub, f"fleet:{expires}")) else None


def _csrf(hub: Hub, session: str) -> str:
    return _sign(hub, f"csrf:{session}")[:32]


async def _form(request: Request) -> dict[str, str]:
    raw = (await request.body())[:16384].decode("utf-8", "replace")
    return {k: v[0].strip() for k, v in parse_qs(raw).items()}


def _page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status)


def _fleet_page(hub: Hub, session: str, status: int = 200, **context: object) -> HTMLResponse:
    now = utcnow()
    with hub.db.reader.connect() as conn:
        tills = fleet(conn)
        codes = conn.execute(select(enrolment_codes).where(
            enrolment_codes.c.used_at.is_(None), enrolment_codes.c.revoked_at.is_(None),
            enrolment_codes.c.expires_at > now).order_by(enrolment_codes.c.expires_at)).all()
        web = web_shop_view(conn, hub.config.medusa is not None, now)
    return _page("fleet.html", status, stores=stores_view(tills, now), codes=codes_view(codes, now),
                 web=web, csrf=_csrf(hub, session), **context)


@router.get("/fleet")
def fleet_page(request: Request, msg: str = "", hub: Hub = Depends(get_hub)) -> Response:
    session = _session(hub, request)
    if session is None:
        return _page("login.html", message=MESSAGES.get(msg),
                     error=None if hub.config.admin_token else
                     "This hub has no admin token: start it with KASSA_HUB_ADMIN_TOKEN.")
    return _fleet_page(hub, session, message=MESSAGES.get(msg), refresh=True)


@router.post("/fleet/login")
async def login(request: Request, hub: Hub = Depends(get_hub)) -> Response:
    token = (await _form(request)).get("token", "")
    if not hub.config.admin_token or not hmac.compare_digest(token, hub.config.admin_token):
        return _page("login.html", 401, error="That is not this hub's admin token.")
    expires = str(int(time.time()) + SESSION_S)
    answer = RedirectResponse("/fleet", status_code=303)
    secure = (request.url.scheme == "https"
              or request.headers.get("x-forwarded-proto", "") == "https")
    answer.set_cookie(COOKIE, f"{expires}.{_sign(hub, f'fleet:{expires}')}", max_age=SESSION_S,
                      path="/fleet", httponly=True, samesite="strict", secure=secure)
    return answer


@router.post("/fleet/logout")
def logout() -> Response:
    answer = RedirectResponse("/fleet?msg=signed_out", status_code=303)
    answer.delete_cookie(COOKIE, path="/fleet")
    return answer


async def _checked(request: Request, hub: Hub) -> tuple[str, dict[str, str]] | Response:
    """(session, form) for a signed-in POST carrying this session's form token; else the
    answer to give."""
    session = _session(hub, request)
    if session is None:
        return _page("login.html", 401, error="Your session has ended: sign in again.")
    form = await _form(request)
    if not hmac.compare_digest(form.get("csrf", ""), _csrf(hub, session)):
        return _page("login.html", 403, error="The form had expired: sign in and try again.")
    return session, form


@router.post("/fleet/codes")
async def issue_code(request: Request, hub: Hub = Depends(get_hub)) -> Response:
    checked = await _checked(request, hub)
    if isinstance(checked, Response):
        return checked
    session, form = checked
    store, register = form.get("store", ""), form.get("register", "")
    days = form.get("days", "7")
    if not IDENT.match(store) or not IDENT.match(register):
        return _fleet_page(hub, session, 422, error="Store and register: letters, digits, "
                           "'.', '_' or '-', at most 64.", form=form)
    if not days.isdigit() or not 1 <= int(days) <= 90:
        return _fleet_page(hub, session, 422, error="Valid for 1 to 90 days.", form=form)
    code = create_code(hub, EnrolmentCodeRequest(
        store_id=store, register_id=register, valid_minutes=int(days) * 24 * 60))
    return _fleet_page(hub, session, 201, new_code=code,
                       new_code_expires=code.expires_at.strftime("%Y-%m-%d %H:%M UTC"))


@router.post("/fleet/codes/revoke")
async def revoke_code(request: Request, hub: Hub = Depends(get_hub)) -> Response:
    checked = await _checked(request, hub)
    if isinstance(checked, Response):
        return checked
    _session_value, form = checked
    now = utcnow()
    with hub.db.writer.begin() as conn:
        # Expired as well as revoked: enrolment (hub.enrol) refuses it with 410 from now on.
        conn.execute(update(enrolment_codes).where(
            enrolment_codes.c.code_hash == form.get("code", ""),
            enrolment_codes.c.used_at.is_(None)).values(
            revoked_at=now, expires_at=now - timedelta(seconds=1)))
    return RedirectResponse("/fleet?msg=code_revoked", status_code=303)


@router.post("/fleet/tills/revoke")
async def revoke_till(request: Request, hub: Hub = Depends(get_hub)) -> Response:
    checked = await _checked(request, hub)
    if isinstance(checked, Response):
        return checked
    _session_value, form = checked
    with hub.db.writer.begin() as conn:
        revoke_terminal(conn, form.get("store", ""), form.get("register", ""))
    # Verified credentials are cached for a minute: forget them here at once (other hub
    # processes forget theirs within that minute).
    hub.credential_cache = TtlCache()
    return RedirectResponse("/fleet?msg=till_revoked", status_code=303)


@router.post("/fleet/web/failures/dismiss")
async def dismiss_web_failure(request: Request, hub: Hub = Depends(get_hub)) -> Response:
    checked = await _checked(request, hub)
    if isinstance(checked, Response):
        return checked
    _session_value, form = checked
    if form.get("id", "").isdigit():
        with hub.db.writer.begin() as conn:
            dismiss_failure(conn, int(form["id"]))
    return RedirectResponse("/fleet?msg=failure_dismissed#web-shop", status_code=303)


@router.post("/fleet/web/mismatches/dismiss")
async def dismiss_web_mismatch(request: Request, hub: Hub = Depends(get_hub)) -> Response:
    checked = await _checked(request, hub)
    if isinstance(checked, Response):
        return checked
    _session_value, form = checked
    with hub.db.writer.begin() as conn:
        dismiss_mismatch(conn, form.get("kind", ""), form.get("key", ""))
    return RedirectResponse("/fleet?msg=mismatch_dismissed#web-shop", status_code=303)


@router.post("/fleet/web/returns/{action}")
async def settle_web_return(action: str, request: Request,
                            hub: Hub = Depends(get_hub)) -> Response:
    checked = await _checked(request, hub)
    if isinstance(checked, Response):
        return checked
    _session_value, form = checked
    settle = {"retry": retry_return, "dismiss": dismiss_return}.get(action)
    if settle is None:
        return Response(status_code=404)
    with hub.db.writer.begin() as conn:
        settle(conn, form.get("id", "")[:36])
    done = "return_retried" if action == "retry" else "return_dismissed"
    return RedirectResponse(f"/fleet?msg={done}#web-shop", status_code=303)

