"""`kassa doctor`'s card terminal line: a ZVT Status Enquiry (05 01) with short timeouts.

Read-only: a status enquiry starts no payment and changes nothing on the terminal. A terminal
that serves one ECR at a time may not answer while the till holds it; the fix says so.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from drivers.base import DeviceError, ProtocolError
from drivers.payment.zvt_client import TerminalRefused, ZvtTerminal

Verdict = Literal["ok", "warn", "fail"]
BUSY_CODES = {0x9C, 0xA0}  # "please wait", "receiver not ready"
NOT_ANSWERING_FIX = ("check the terminal's power and network (or cable), its ECR interface "
                     "(ZVT, port 20007), and that the till is not using it right now")


def quick_url(url: str, seconds: float) -> str:
    """The same terminal with every wait cut to `seconds`: a doctor does not wait 90 s."""
    parts = urlsplit(url)
    params = dict(parse_qsl(parts.query))
    params.update(timeout=str(seconds), ack_timeout=str(seconds))
    if parts.scheme == "zvt+tcp":
        params["connect_timeout"] = str(seconds)
    return urlunsplit(parts._replace(query=urlencode(params)))


def card_terminal_check(url: str, seconds: float = 2.0) -> tuple[Verdict, str, str]:
    """(verdict, what was seen, the fix): ok ready / warn busy / fail not answering."""
    if not urlsplit(url).scheme.startswith("zvt+"):
        return "warn", f"{url}: no status check for this kind of terminal", ""
    try:
        terminal = ZvtTerminal.from_url(quick_url(url, seconds))
    except ValueError as error:
        return "fail", f"{url}: {error}", "fix the payment URL in the config"
    try:
        terminal.open()
        try:
            status = terminal.status_enquiry()
        finally:
            terminal.close()
    except TerminalRefused as refused:
        return "warn", f"{url}: busy, refused the enquiry ({refused})", \
            "finish what the terminal is doing, then run the doctor again"
    except ProtocolError as error:
        return "fail", f"{url}: answers, but not in ZVT ({error})", \
            "check that the URL points at the terminal's ZVT (ECR) interface"
    except DeviceError as error:
        return "fail", f"{url}: not answering ({error})", NOT_ANSWERING_FIX
    tid = f", terminal id {status.terminal_id}" if status.terminal_id else ""
    if status.ready:
        return "ok", f"{url}: ready{tid}", ""
    if status.result_code in BUSY_CODES:
        return "warn", f"{url}: busy: {status.message}{tid}", \
            "finish what the terminal is doing, then run the doctor again"
    return "fail", f"{url}: {status.message} (code {status.result_code:02X}){tid}", \
        "see the terminal's screen and its manual for this code"
