"""`kassa setup`'s errors: each a sentence with what to do, and what was (not) lost."""

from __future__ import annotations

import ssl

from pos.app.hub_config import HubSection


class SetupError(Exception):
    """What went wrong and what to do. exit_code 1: the hub refused or did not answer (try
    again with what the message says); 2: bad options or config."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def explain_hub_error(error: Exception, hub: HubSection) -> SetupError:
    """A sync.client.HubError from the enrolment, as a sentence with what to do."""
    status = getattr(error, "status", 0)
    if status in (410, 422) or "code_invalid" in str(error):
        return SetupError(
            f"the hub refused the enrolment code ({error}): it is unknown, already used or "
            "expired, and each code works once. Ask IT for a new code for this till (kassa "
            "hub enrol-code --store S --register R, or the hub's fleet page) and run kassa "
            "setup again with --enrol NEW_CODE. Nothing on this till was changed.", 1)
    if tls_problem(error):
        ca = f" (now: {hub.verify})" if not isinstance(hub.verify, bool) else ""
        return SetupError(
            f"the hub at {hub.url} has a TLS certificate this till does not trust{ca}: "
            f"{tls_problem(error)}. If the chain runs its own CA, give its certificate with "
            "--hub-ca FILE; otherwise have the hub's certificate fixed (expired, self-signed "
            "or for another name). The code was not sent and can still be used.", 1)
    if status == 0:
        return SetupError(
            f"the hub at {hub.url} does not answer ({error}). Check the URL, the network and "
            "that the hub is running, then run the same command again: the code was not used.",
            1)
    return SetupError(f"the hub at {hub.url} answered {error}. Try again in a minute; if it "
                      "persists, ask IT to look at the hub's log. Nothing on this till was "
                      "changed.", 1)


def tls_problem(error: BaseException) -> str:
    seen: BaseException | None = error
    for _ in range(8):  # HubError <- httpx <- httpcore <- ssl: the cause chain
        if seen is None:
            return ""
        if isinstance(seen, ssl.SSLCertVerificationError):
            return str(seen.verify_message or seen)
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return str(seen).split("certificate verify failed:")[-1].strip(" )") or str(seen)
        seen = seen.__cause__ or seen.__context__
    return ""
