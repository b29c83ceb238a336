"""The [fiscal] table of the till's configuration: where the receipt-signing key comes from.

    [fiscal]
    algorithm = "rsa"                      # "rsa" (RSA-SHA1-1024) or "hmac" (HMAC-SHA1-128)
    private_key = "/etc/kassa/signing.pem" # PEM private key (rsa) or base64 key text (hmac)
    key_version = 1                        # recorded on every receipt (SAF-T keyVersion)
    # or, instead of a file, the OS keystore (pip install 'kassa[keyring]'):
    # keyring_service = "kassa"
    # keyring_user = "signing-key"

The key never lives in the repository. A till without a usable key does not sell: Norwegian
cash register systems must sign every receipt (kassasystemforskrifta § 2-7 (1) and
Skatteetaten's signature guidelines, 2017).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class FiscalSection(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    algorithm: Literal["rsa", "hmac"] = "rsa"
    # Relative paths are relative to the config file (like receipt.logo).
    private_key: Annotated[Path | None, Field(strict=False)] = None
    key_version: Annotated[int, Field(ge=1, le=999_999)] = 1
    keyring_service: str = ""
    keyring_user: str = "signing-key"
    # For `kassa demo` and tests only: create a throwaway key at private_key when the file is
    # missing. A real till must never do this (a new key would not match the public key the
    # tax office holds), so it is off unless set.
    demo_key: bool = False
