"""Receipt signatures against the Norwegian guidelines' worked examples and RFC 2202."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from pos.core.signing import SignedFields, amount_text
from pos.reports.signing import (
    ChainChecker,
    KeyProblem,
    ReceiptSigner,
    SignatureVerifier,
    generate_rsa_pem,
    hmac_sign,
    load_hmac_key,
    load_rsa_private_key,
    rsa_sign,
)
from pos.store.records import SignatureInput

# Guidelines 2.2.5 "Practical example": the data to be signed and its SHA-1.
GUIDELINE_MESSAGE = (
    "signature_from_previous_receipt;2014-01-24;23:59:59;123456789;1250.00;1000.00"
)
GUIDELINE_SHA1 = "55abb153c38026540a601dd7bd4302e41481cd37"
# Guidelines 2.3.4: the HMAC example's data (the guidelines print no digest for it; HMAC is
# defined by RFC 2104, whose test vectors are RFC 2202's, below).
GUIDELINE_HMAC_MESSAGE = (
    "HMAC(signature)_from_previous_receipt;2014-01-24;23:59:59;123456789;1250.00;1000.00"
)

RFC2202_HMAC_SHA1 = [
    (b"\x0b" * 20, b"Hi There", "b617318655057264e28bc0b6fb378c8ef146be00"),
    (b"Jefe", b"what do ya want for nothing?", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
    (b"\xaa" * 20, b"\xdd" * 50, "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
    (bytes(range(1, 26)), b"\xcd" * 50, "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
    (b"\xaa" * 80, b"Test Using Larger Than Block-Size Key - Hash Key First",
     "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
]


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return load_rsa_private_key(generate_rsa_pem())


def test_the_guidelines_message_is_built_field_by_field() -> None:
    local = datetime(2014, 1, 24, 23, 59, 59, 987654)  # the fraction is dropped, not rounded
    fields = SignedFields.of(local, 123456789, 125000, 100000)
    assert fields.message("signature_from_previous_receipt") == GUIDELINE_MESSAGE
    assert hashlib.sha1(GUIDELINE_MESSAGE.encode()).hexdigest() == GUIDELINE_SHA1


def test_first_receipt_chains_from_zero_and_amounts_keep_their_sign() -> None:
    fields = SignedFields.of(datetime(2015, 10, 29, 8, 5, 0), 1, -125000, -100000)
    assert fields.message(None) == "0;2015-10-29;08:05:00;1;-1250.00;-1000.00"
    assert [amount_text(m) for m in (0, 5, -5, 100, 123456789)] == [
        "0.00", "0.05", "-0.05", "1.00", "1234567.89"]


def test_rsa_signature_recovers_the_guidelines_sha1(rsa_key: rsa.RSAPrivateKey) -> None:
    """2.2.5 "Use public key on signature to get hash: 55abb153...": PKCS#1 v1.5 over SHA-1."""
    signature = base64.b64decode(rsa_sign(rsa_key, GUIDELINE_MESSAGE))
    assert len(signature) == 128  # 1024 bits
    recovered = rsa_key.public_key().recover_data_from_signature(
        signature, padding.PKCS1v15(), hashes.SHA1())
    assert recovered.hex() == GUIDELINE_SHA1
    verifier = SignatureVerifier(public_key=rsa_key.public_key())
    assert verifier.verify(GUIDELINE_MESSAGE, base64.b64encode(signature).decode())
    assert not verifier.verify(GUIDELINE_MESSAGE.replace("1250.00", "1250.01"),
                               base64.b64encode(signature).decode())


@pytest.mark.parametrize(("key", "data", "digest"), RFC2202_HMAC_SHA1)
def test_hmac_sha1_matches_rfc2202(key: bytes, data: bytes, digest: str) -> None:
    assert base64.b64decode(hmac_sign(key, data)).hex() == digest


def test_hmac_signer_on_the_guidelines_example() -> None:
    key = bytes(range(16))
    text = base64.b64encode(key).decode()
    assert load_hmac_key(text) == key
    signed = hmac_sign(key, GUIDELINE_HMAC_MESSAGE)
    assert len(base64.b64decode(signed)) == 20  # "L = 160 bits"
    assert SignatureVerifier(hmac_key=key).verify(GUIDELINE_HMAC_MESSAGE, signed)
    assert not SignatureVerifier(hmac_key=bytes(16)).verify(GUIDELINE_HMAC_MESSAGE, signed)


def test_signer_uses_norwegian_local_time_and_records_the_key_version(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    signer = ReceiptSigner.rsa(rsa_key, key_version=3, timezone="Europe/Oslo")
    summer = SignatureInput("1", 7, None, datetime(2026, 7, 1, 21, 59, 59, tzinfo=UTC),
                            12550, 10040)
    assert signer.message(summer) == "0;2026-07-01;23:59:59;7;125.50;100.40"  # UTC+2
    winter = SignatureInput("1", 8, "prev", datetime(2026, 12, 31, 23, 30, tzinfo=UTC), 0, 0)
    assert signer.message(winter) == "prev;2027-01-01;00:30:00;8;0.00;0.00"  # UTC+1
    signature = signer(summer)
    assert signature.key_version == 3
    assert signer.verifier().verify(signer.message(summer), signature.signature)


def test_chain_checker_names_the_first_broken_link(rsa_key: rsa.RSAPrivateKey) -> None:
    signer = ReceiptSigner.rsa(rsa_key, 1, "Europe/Oslo")
    receipts, previous = [], None
    for nr in range(1, 6):
        fields = SignedFields("2026-11-23", "10:00:00", str(nr), "10.00", "8.00")
        signature = signer.sign_text(fields.message(previous))
        receipts.append((fields, signature))
        previous = signature
    tampered = SignedFields("2026-11-23", "10:00:00", "3", "1.00", "0.80")
    receipts[2] = (tampered, receipts[2][1])
    chain = ChainChecker(signer.verifier(), "1")
    results = [chain.feed(f, s) for f, s in receipts]
    assert results == [True, True, False, True, True]
    assert chain.first_break is not None and chain.first_break.nr == "3"


@pytest.mark.parametrize("bits", [1536, 2048])
def test_wrong_size_rsa_keys_are_refused(bits: int) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    with pytest.raises(KeyProblem, match=f"{bits} bits"):
        load_rsa_private_key(pem)


def test_unreadable_keys_are_refused_with_a_sentence() -> None:
    with pytest.raises(KeyProblem, match="not a readable PEM"):
        load_rsa_private_key(b"-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----")
    with pytest.raises(KeyProblem, match="not base64"):
        load_hmac_key("***")
    with pytest.raises(KeyProblem, match="256 bits"):
        load_hmac_key(base64.b64encode(bytes(32)))
