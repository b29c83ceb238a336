"""`kassa doctor`'s hub lines: reachable, the credential accepted, the clocks agreeing.

Two cheap calls with short timeouts (the doctor's whole run must stay under 3 s): the hub's
health endpoint (no credential; its HTTP Date header gives the hub's clock) and an
authenticated feed poll that returns at once (`after` = the hub's head, `timeout=0`), which
proves the credential is this till's without moving anything.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from pos.app.hub_config import HubSection
from pos.app.setup_secrets import read_credential_ref
from pos.store import sync_state
from pos.store.db import Database

CONNECT_S, READ_S = 1.0, 1.5
SKEW_WARN_S, SKEW_FAIL_S = 30.0, 300.0
Line = tuple[str, str, str, str]  # name, verdict, detail, fix
REENROL = "re-enrol: kassa setup --enrol NEW_CODE (a new code from IT)"


def hub_checks(hub: HubSection, db: Database | None, *, unreadable: bool = False
               ) -> Iterator[Line]:
    """unreadable: the database exists but could not be opened, so the enrolment is unknown."""
    import httpx

    link = sync_state.get_link(db) if db is not None else None
    timeout = httpx.Timeout(READ_S, connect=CONNECT_S)
    with httpx.Client(base_url=hub.url, verify=hub.tls_verify, timeout=timeout) as http:
        began = time.time()
        try:
            health = http.get("/v1/health")
        except httpx.HTTPError as error:
            yield "hub", "fail", f"{hub.url}: no answer ({_reason(error)})", _fix_for(error)
            return
        ended = time.time()
        yield _clock_line(health.headers.get("date"), (began + ended) / 2)
        if link is None and unreadable:
            yield "hub", "warn", f"{hub.url} answers; the enrolment was not checked (the " \
                "database could not be read)", "see the database line"
            return
        if link is None:
            yield "hub", "fail", f"{hub.url} answers; this till is not enrolled", \
                "kassa setup --hub URL --enrol CODE (a code from IT)"
            return
        try:
            credential = read_credential_ref(link.credential_ref)
        except OSError as error:
            yield "hub", "fail", f"the credential is missing: {error}", REENROL
            return
        head = _head(health)
        try:
            answer = http.get("/v1/feed/poll", params={
                "topics": f"store:{link.store_id}", "after": head, "timeout": 0},
                headers={"authorization": f"Bearer {credential}"})
        except httpx.HTTPError as error:
            yield "hub", "fail", f"{hub.url}: {_reason(error)}", _fix_for(error)
            return
    who = f"store {link.store_id} register {link.register_id}"
    if answer.status_code == 401:
        yield "hub", "fail", f"{hub.url} does not accept this till's credential ({who})", REENROL
    elif answer.status_code == 403:
        yield "hub", "fail", f"{hub.url} refuses {who}: the credential is another till's", REENROL
    elif answer.status_code >= 400:
        yield "hub", "warn", f"{hub.url} answered {answer.status_code} to {who}", \
            "look at the hub's log; the till keeps selling and sends later"
    else:
        yield "hub", "ok", f"{hub.url}: enrolled as {who}, credential accepted", ""


def _head(health: object) -> int:
    try:
        return int(health.json().get("position", 0))  # type: ignore[attr-defined]
    except Exception:  # an older hub without the position: from 0 is still one cheap page
        return 0


def _clock_line(date_header: str | None, local: float) -> Line:
    if not date_header:
        return "clock", "warn", "the hub sent no Date header; skew unknown", ""
    hub_time = parsedate_to_datetime(date_header).timestamp() + 0.5  # whole seconds
    skew = local - hub_time
    text = f"{abs(skew):.0f} s {'ahead of' if skew > 0 else 'behind'} the hub"
    fix = "set the PC's time from the network (NTP / Windows Time): receipts carry this clock"
    if abs(skew) >= SKEW_FAIL_S:
        return "clock", "fail", text, fix
    if abs(skew) >= SKEW_WARN_S:
        return "clock", "warn", text, fix
    return "clock", "ok", f"within {max(abs(skew), 1):.0f} s of the hub", ""


def _reason(error: BaseException) -> str:
    from pos.app.setup_errors import tls_problem

    tls = tls_problem(error)
    return f"TLS certificate not trusted: {tls}" if tls else f"{type(error).__name__}: {error}"


def _fix_for(error: BaseException) -> str:
    from pos.app.setup_errors import tls_problem

    if tls_problem(error):
        return "set [hub] verify to the chain's CA certificate (kassa setup --hub-ca FILE)"
    return "check the network and the hub's URL; the till keeps selling and sends later"
