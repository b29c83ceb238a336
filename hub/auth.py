"""Who is calling: a till (its own bearer credential) or an administrator (the admin token).

Credentials and enrolment codes are random and long (256 and 60 bits), so a SHA-256 of them
is what is stored and looked up: nothing on the hub's disk lets anyone call as a till.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from hub.errors import HubError
from hub.models import credentials
from hub.state import Hub, get_hub

bearer = HTTPBearer(auto_error=False, description="A till's credential or the admin token")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_credential() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    """A one-time enrolment code someone can type: 12 characters of an unambiguous alphabet."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


@dataclass(frozen=True)
class Terminal:
    store_id: str
    register_id: str
    epoch: int

    def require_store(self, store_id: str) -> None:
        if store_id != self.store_id:
            raise HubError(403, "forbidden", f"this till belongs to store {self.store_id}")

    def require_register(self, store_id: str, register_id: str) -> None:
        self.require_store(store_id)
        if register_id != self.register_id:
            raise HubError(403, "forbidden", f"this credential is register {self.register_id}")


def _token(auth: HTTPAuthorizationCredentials | None) -> str:
    if auth is None or auth.scheme.lower() != "bearer" or not auth.credentials:
        raise HubError(401, "unauthorized", "send Authorization: Bearer <credential>")
    return auth.credentials


def terminal(request: Request, auth: HTTPAuthorizationCredentials | None = Depends(bearer),
             hub: Hub = Depends(get_hub)) -> Terminal:
    token = _token(auth)
    cached = hub.credential_cache.get(token)
    if cached is not None:
        return cached
    with hub.db.reader.connect() as conn:
        row = conn.execute(
            select(credentials.c.store_id, credentials.c.register_id, credentials.c.epoch)
            .where(credentials.c.token_hash == digest(token), credentials.c.revoked_at.is_(None))
        ).first()
    if row is None:
        raise HubError(401, "unauthorized", "unknown credential")
    found = Terminal(row.store_id, row.register_id, row.epoch)
    hub.credential_cache.put(token, found)
    return found


def admin(auth: HTTPAuthorizationCredentials | None = Depends(bearer),
          hub: Hub = Depends(get_hub)) -> None:
    token = _token(auth)
    if not hub.config.admin_token or not hmac.compare_digest(token, hub.config.admin_token):
        raise HubError(401, "unauthorized", "admin calls need the hub's admin token")
