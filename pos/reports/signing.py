"""Receipt signatures: RSA-SHA1-1024 (PKCS#1 v1.5) or, as the fallback, HMAC-SHA1-128.

Skatteetaten's guidelines (July 2017) allow exactly these two: "The vendor must use
RSA-SHA1-1024 as long as it is applicable, and only use HMAC-SHA1-128 if RSA is not feasible".
The signed text is pos.core.signing; the signature is stored and exported as base64.

A signer is the `pos.store.sales.Signer` callable: commit_sale calls it inside the sale's write
transaction with the new transaction number and the register's previous signature, so a
receipt is signed as it is finalised (2.1 item 5), never in a batch, and a signer that fails
rolls the sale back: there is no unsigned fiscal sale.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from pos.core.signing import SignedFields
from pos.store.records import Signature, SignatureInput

Algorithm = Literal["rsa", "hmac"]
RSA_BITS = 1024  # guidelines 3.2: "1024-bit for RSA"
HMAC_KEY_BYTES = 16  # guidelines 3.2: "128-bit for HMAC"
RSA_PUBLIC_EXPONENT = 65537  # guidelines 3.2: "0x010001 (65537)"


class KeyProblem(ValueError):
    """The signing key is missing, unreadable or of the wrong kind or size. The message is
    meant for the person at the till or in IT, without a traceback."""


# -- keys ----------------------------------------------------------------------------------------


def generate_rsa_pem() -> bytes:
    """A fresh 1024-bit RSA key with e = 65537 and CRT parameters, as unencrypted PKCS#8 PEM."""
    key = rsa.generate_private_key(public_exponent=RSA_PUBLIC_EXPONENT, key_size=RSA_BITS)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_rsa_private_key(pem: bytes, password: bytes | None = None) -> rsa.RSAPrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=password)
    except TypeError as exc:  # encrypted without a password, or a password for a plain key
        raise KeyProblem(f"the private key could not be opened: {exc}") from None
    except (ValueError, UnsupportedAlgorithm):
        raise KeyProblem("the file is not a readable PEM private key") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeyProblem("the private key is not an RSA key")
    if key.key_size != RSA_BITS:
        raise KeyProblem(f"the RSA key has {key.key_size} bits; the guidelines require {RSA_BITS}")
    return key


def load_rsa_public_key(pem: bytes) -> rsa.RSAPublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, UnsupportedAlgorithm):
        raise KeyProblem("the file is not a readable PEM public key") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise KeyProblem("the public key is not an RSA key")
    return key


def public_pem(key: rsa.RSAPrivateKey) -> bytes:
    """The public key as the guidelines want it sent to the tax office (2.2.4 item 2)."""
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_hmac_key(text: bytes | str) -> bytes:
    """An HMAC key as text: base64 (as it is sent to the tax office) of exactly 16 bytes."""
    raw = text.encode() if isinstance(text, str) else text
    try:
        key = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyProblem("the HMAC key is not base64 text") from None
    if len(key) != HMAC_KEY_BYTES:
        raise KeyProblem(
            f"the HMAC key has {len(key) * 8} bits; the guidelines require {HMAC_KEY_BYTES * 8}"
        )
    return key


def rsa_fingerprint(public_key: rsa.RSAPublicKey) -> str:
    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def hmac_fingerprint(key: bytes) -> str:
    # Never the key itself, nor a plain hash of 16 bytes: an HMAC of a fixed label.
    return hmac.new(key, b"kassa signing key fingerprint", hashlib.sha256).hexdigest()


# -- signing -------------------------------------------------------------------------------------


def rsa_sign(key: rsa.RSAPrivateKey, message: str) -> str:
    raw = key.sign(message.encode("utf-8"), padding.PKCS1v15(), hashes.SHA1())
    return base64.b64encode(raw).decode("ascii")


def hmac_sign(key: bytes, message: str | bytes) -> str:
    data = message.encode("utf-8") if isinstance(message, str) else message
    return base64.b64encode(hmac.new(key, data, hashlib.sha1).digest()).decode()


def local_moment(moment: datetime, zone: ZoneInfo) -> datetime:
    """The receipt's Norwegian (store-local, daylight-saving adjusted) wall-clock time."""
    return moment.astimezone(zone)


@dataclass(frozen=True)
class ReceiptSigner:
    """The store's Signer: signs SignatureInput with the configured key; records its version."""

    algorithm: Algorithm
    key_version: int
    timezone: str
    fingerprint: str
    _rsa: rsa.RSAPrivateKey | None = None
    _hmac: bytes | None = None

    @classmethod
    def rsa(cls, key: rsa.RSAPrivateKey, key_version: int, timezone: str) -> ReceiptSigner:
        return cls("rsa", key_version, timezone, rsa_fingerprint(key.public_key()), _rsa=key)

    @classmethod
    def hmac(cls, key: bytes, key_version: int, timezone: str) -> ReceiptSigner:
        return cls("hmac", key_version, timezone, hmac_fingerprint(key), _hmac=key)

    def message(self, data: SignatureInput) -> str:
        local = local_moment(data.closed_at, ZoneInfo(self.timezone))
        fields = SignedFields.of(local, data.transaction_no, data.total_minor, data.net_minor)
        return fields.message(data.previous_signature)

    def sign_text(self, message: str) -> str:
        if self._rsa is not None:
            return rsa_sign(self._rsa, message)
        assert self._hmac is not None
        return hmac_sign(self._hmac, message)

    def __call__(self, data: SignatureInput) -> Signature:
        return Signature(self.sign_text(self.message(data)), self.key_version)

    def public_pem(self) -> bytes | None:
        return public_pem(self._rsa) if self._rsa is not None else None

    def verifier(self) -> SignatureVerifier:
        if self._rsa is not None:
            return SignatureVerifier(public_key=self._rsa.public_key())
        return SignatureVerifier(hmac_key=self._hmac)


# -- verifying -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureVerifier:
    """Checks one signature against its message: with the RSA public key (anyone can), or with
    the HMAC secret (the tax office has it from the product declaration)."""

    public_key: rsa.RSAPublicKey | None = None
    hmac_key: bytes | None = None

    def verify(self, message: str, signature_b64: str) -> bool:
        try:
            raw = base64.b64decode(signature_b64, validate=True)
        except (binascii.Error, ValueError):
            return False
        if self.public_key is not None:
            try:
                self.public_key.verify(
                    raw, message.encode("utf-8"), padding.PKCS1v15(), hashes.SHA1()
                )
            except InvalidSignature:
                return False
            return True
        if self.hmac_key is None:
            raise KeyProblem("no key to verify with")
        expected = hmac.new(self.hmac_key, message.encode("utf-8"), hashlib.sha1).digest()
        return hmac.compare_digest(expected, raw)


@dataclass
class ChainBreak:
    register_id: str
    nr: str
    reason: str

    def __str__(self) -> str:
        return f"register {self.register_id}, transaction {self.nr}: {self.reason}"


class ChainChecker:
    """Walks one register's receipts in export order (2.1.1) and names the first broken link:
    a signature that does not verify, or one computed over another previous signature."""

    def __init__(self, verifier: SignatureVerifier, register_id: str) -> None:
        self.verifier = verifier
        self.register_id = register_id
        self.previous: str | None = None
        self.checked = 0
        self.first_break: ChainBreak | None = None

    def feed(self, fields: SignedFields, signature: str) -> bool:
        ok = self.verifier.verify(fields.message(self.previous), signature)
        if not ok and self.first_break is None:
            self.first_break = ChainBreak(
                self.register_id, fields.nr,
                "the signature does not match the receipt's data and the previous signature",
            )
        self.previous = signature
        self.checked += 1
        return ok
