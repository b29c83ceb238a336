"""The [hub] section of the till's config: where the hub is and how the till reaches it.

    [hub]
    url = "https://hub.example.no"          # http:// only for a hub on this machine
    credential_file = "hub-credential"      # default: hub-credential in the data directory
    verify = true                           # TLS: true (system CAs), false, or a CA bundle
    credential_ref = "keyring:kassa/hub-credential@/var/lib/kassa"   # written by kassa setup

The credential itself is never in the config (it is rolled out silently to many tills).
`credential_ref` says where it is: "keyring:SERVICE/USER" (the OS keystore) or "file:PATH"
(readable by the till's user only); without it, `credential_file`. `kassa setup` chooses and
records it (pos.app.setup_secrets); `kassa enrol` stores the credential there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class HubSection(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    url: str
    credential_file: Annotated[Path | None, Field(strict=False)] = None
    # True: the system's CA certificates; a path: a CA bundle (a private CA); False: no check
    # (tests on one machine only; the till warns).
    verify: bool | Annotated[Path, Field(strict=False)] = True
    credential_ref: str | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(f'a hub URL like "https://hub.example.no"; got {value!r}')
        if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
            raise ValueError(
                "https:// for a hub on another machine (the till's credential and its sales "
                f"travel over it); plain http:// only for {', '.join(sorted(LOCAL_HOSTS))}")
        return value.rstrip("/")

    @field_validator("credential_ref")
    @classmethod
    def _ref(cls, value: str | None) -> str | None:
        if value is None:
            return None
        kind, _, rest = value.partition(":")
        service, _, user = rest.partition("/")
        if (kind == "file" and rest) or (kind == "keyring" and service and user):
            return value
        raise ValueError('"keyring:SERVICE/USER" or "file:PATH" (where the credential is); '
                         f"got {value!r}")

    def credential_path(self, data_dir: Path) -> Path:
        path = self.credential_file or Path("hub-credential")
        return path if path.is_absolute() else data_dir / path

    def credential_ref_for(self, data_dir: Path) -> str:
        """Where the credential is (or goes): credential_ref, else the credential file."""
        return self.credential_ref or f"file:{self.credential_path(data_dir).resolve()}"

    @property
    def tls_verify(self) -> bool | str:
        return str(self.verify) if isinstance(self.verify, Path) else self.verify
