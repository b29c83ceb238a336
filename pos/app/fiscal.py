"""The till's receipt signer: the key from the [fiscal] config (a PEM file or the OS keystore),
wired into every sale commit. No usable key, no fiscal sale.

`attach_signer` runs at start-up (pos.app.bootstrap). It sets `db.signer`, which
pos.store.sales.commit_sale calls inside each sale's write transaction, whichever use case
commits it (checkout, returns, voids). When the key is missing, unreadable or of the wrong size
the signer it sets refuses every commit with that sentence (the sale rolls back, nothing is half
written), and `TillContext.fiscal_problem` tells the UI to stop selling and say why.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pos.app.config import TillConfig
from pos.app.fiscal_config import FiscalSection
from pos.app.saft_identity import identity_of
from pos.reports.signing import (
    KeyProblem,
    ReceiptSigner,
    generate_rsa_pem,
    load_hmac_key,
    load_rsa_private_key,
)
from pos.store.db import Database
from pos.store.records import Signature, SignatureInput
from pos.store.signing_keys import record_key

log = logging.getLogger(__name__)


class SigningUnavailable(KeyProblem):
    """A sale was about to be committed on a till that has no usable signing key."""


@dataclass(frozen=True)
class BlockedSigner:
    """Stands in for the signer when there is no key: every commit is refused with the reason."""

    reason: str

    def __call__(self, data: SignatureInput) -> Signature:
        raise SigningUnavailable(f"no fiscal sale without a signing key: {self.reason}")


@dataclass(frozen=True)
class FiscalState:
    signer: ReceiptSigner | None
    problem: str | None  # a sentence for the screen; None when the till may sell


def read_key_text(section: FiscalSection) -> bytes:
    """The key material: from the OS keystore when keyring_service is set, else the file."""
    if section.keyring_service:
        return _from_keyring(section.keyring_service, section.keyring_user)
    if section.private_key is None:
        raise KeyProblem(
            "no signing key is configured: set [fiscal] private_key (a PEM file) or "
            "keyring_service in the till's configuration"
        )
    path = Path(section.private_key)
    if not path.exists() and section.demo_key:
        write_demo_key(path, section.algorithm)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyProblem(f"the signing key file {path} does not exist") from None
    except OSError as exc:
        raise KeyProblem(f"the signing key file {path} cannot be read ({exc.strerror})") from None


def _from_keyring(service: str, user: str) -> bytes:
    try:
        import keyring  # type: ignore[import-not-found]  # optional: kassa[keyring]
        from keyring.errors import KeyringError  # type: ignore[import-not-found]
    except ImportError:
        raise KeyProblem(
            "[fiscal] keyring_service is set but the keyring package is not installed"
        ) from None
    try:
        secret = keyring.get_password(service, user)
    except KeyringError as exc:
        raise KeyProblem(f"the OS keystore could not be read: {exc}") from None
    if not secret:
        raise KeyProblem(f"the OS keystore has no entry {user!r} for service {service!r}")
    return str(secret).encode()


def write_demo_key(path: Path, algorithm: str) -> None:
    """A throwaway key for `kassa demo` (never for a real store), readable by the owner only."""
    import base64

    material = generate_rsa_pem() if algorithm == "rsa" else base64.b64encode(os.urandom(16))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(material)
    log.warning("generated a demo signing key at %s (demo data only)", path)


def load_signer(section: FiscalSection, timezone: str) -> ReceiptSigner:
    material = read_key_text(section)
    if section.algorithm == "rsa":
        return ReceiptSigner.rsa(load_rsa_private_key(material), section.key_version, timezone)
    return ReceiptSigner.hmac(load_hmac_key(material), section.key_version, timezone)


def attach_signer(db: Database, section: FiscalSection, timezone: str,
                  now: Callable[[], datetime]) -> FiscalState:
    """Load the key, bind its version in the database and make it sign every commit on `db`.
    Never raises for a key problem: the returned state carries the sentence instead."""
    try:
        signer = load_signer(section, timezone)
        pem = signer.public_pem()
        clash = record_key(db, signer.key_version, signer.algorithm, signer.fingerprint,
                           pem.decode() if pem else None, now())
        if clash:
            raise KeyProblem(clash)
    except KeyProblem as problem:
        log.error("the till cannot sign receipts: %s", problem)
        db.signer = BlockedSigner(str(problem))  # type: ignore[attr-defined]
        return FiscalState(None, str(problem))
    db.signer = signer  # type: ignore[attr-defined]
    return FiscalState(signer, None)


def attach_fiscal(db: Database, config: TillConfig, now: Callable[[], datetime]) -> FiscalState:
    """Start-up: the signer (attach_signer) and the company as the SAF-T export names it, so
    the end of day can export with nothing but the database (pos.reports.saft.export_day)."""
    db.saft_identity = identity_of(config)  # type: ignore[attr-defined]
    return attach_signer(db, config.fiscal, config.till.timezone, now)
