"""Signing at the till: every commit signed in its transaction, chained per register; no usable
key, no fiscal sale; a clock that jumps back is flagged by the export, never renumbered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from pos.app.bootstrap import build_till
from pos.app.config import default_demo_config
from pos.app.fiscal import SigningUnavailable, attach_signer
from pos.app.fiscal_config import FiscalSection
from pos.app.saft_identity import identity_of
from pos.core.signing import SignedFields
from pos.reports.saft import Period, export_saft
from pos.reports.signing import generate_rsa_pem
from pos.store.db import Database, open_database
from pos.store.sales import commit_sale
from pos.store.samples import sample_sale

OSLO = "Europe/Oslo"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.db", background_checkpoint=False)
    yield database
    database.close()


def _key_file(tmp_path: Path, pem: bytes, name: str = "key.pem") -> Path:
    path = tmp_path / name
    path.write_bytes(pem)
    return path


def _now() -> datetime:
    return datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_commits_are_signed_and_chained_per_register(db: Database, tmp_path: Path) -> None:
    section = FiscalSection(private_key=_key_file(tmp_path, generate_rsa_pem()), key_version=4)
    state = attach_signer(db, section, OSLO, _now)
    assert state.problem is None and state.signer is not None
    for register in ("R1", "R2", "R1"):
        commit_sale(db, sample_sale(register))  # no signer passed: the till's own (db.signer)
    verifier = state.signer.verifier()
    with db.read() as con:
        rows = con.execute(
            "SELECT register_id, transaction_no, closed_at, total_minor, net_minor, signature, "
            "key_version FROM sales ORDER BY register_id, transaction_no").fetchall()
    previous: dict[str, str | None] = {}
    for register, nr, closed, total, net, signature, version in rows:
        local = datetime.fromisoformat(closed.replace("Z", "+00:00")).astimezone(ZoneInfo(OSLO))
        message = SignedFields.of(local, nr, total, net).message(previous.get(register))
        assert verifier.verify(message, signature), (register, nr)
        assert version == 4
        previous[register] = signature
    assert [r[1] for r in rows] == [1, 2, 1]


@pytest.mark.parametrize(("case", "expected"), [
    ("missing", "does not exist"),
    ("garbage", "not a readable PEM"),
    ("2048", "2048 bits"),
    ("none", "no signing key is configured"),
])
def test_no_usable_key_means_no_fiscal_sale(db: Database, tmp_path: Path, case: str,
                                            expected: str) -> None:
    if case == "2048":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        path: Path | None = _key_file(tmp_path, key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
    elif case == "garbage":
        path = _key_file(tmp_path, b"not a key at all")
    elif case == "missing":
        path = tmp_path / "nowhere.pem"
    else:
        path = None
    state = attach_signer(db, FiscalSection(private_key=path), OSLO, _now)
    assert state.signer is None and state.problem is not None and expected in state.problem
    with pytest.raises(SigningUnavailable, match=expected):
        commit_sale(db, sample_sale("R1"))
    with db.read() as con:  # the refused sale left nothing behind
        assert con.execute("SELECT count(*) FROM sales").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM journal").fetchone()[0] == 0


def test_a_key_version_stays_bound_to_its_key(db: Database, tmp_path: Path) -> None:
    first = FiscalSection(private_key=_key_file(tmp_path, generate_rsa_pem(), "a.pem"))
    assert attach_signer(db, first, OSLO, _now).problem is None
    other = FiscalSection(private_key=_key_file(tmp_path, generate_rsa_pem(), "b.pem"))
    problem = attach_signer(db, other, OSLO, _now).problem
    assert problem is not None and "another key" in problem
    renumbered = other.model_copy(update={"key_version": 2})
    assert attach_signer(db, renumbered, OSLO, _now).problem is None


def test_the_till_says_why_it_cannot_sell(tmp_path: Path) -> None:
    config = default_demo_config(tmp_path / "data", printer="escpos+tcp://127.0.0.1:9")
    config = config.model_copy(update={"fiscal": FiscalSection(
        private_key=tmp_path / "missing.pem")})
    till = build_till(config)
    try:
        assert till.ctx.fiscal_problem is not None
        assert "missing.pem does not exist" in till.ctx.fiscal_problem
    finally:
        till.ctx.db.close()


def test_a_clock_jumping_back_is_flagged_and_numbers_kept(db: Database, tmp_path: Path) -> None:
    section = FiscalSection(private_key=_key_file(tmp_path, generate_rsa_pem()))
    assert attach_signer(db, section, OSLO, _now).problem is None
    times = [datetime(2026, 11, 23, 9, 0, tzinfo=UTC), datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
             datetime(2026, 11, 23, 8, 55, tzinfo=UTC), datetime(2026, 11, 23, 9, 40, tzinfo=UTC)]
    numbers = [commit_sale(db, sample_sale("R1", closed_at=t)).transaction_no for t in times]
    assert numbers == [1, 2, 3, 4]
    config = default_demo_config(tmp_path)
    day = date(2026, 11, 23)
    result = export_saft(db, identity_of(config), Period(day, day, OSLO), tmp_path / "s.xml",
                         verify_signatures=True)
    assert result.transactions == 4 and result.signatures_checked == 4
    assert any("clock went backwards at transaction 3" in w for w in result.warnings)
    assert not any("signature" in w for w in result.warnings)


def test_one_copy_receipt_per_sale(tmp_path: Path) -> None:
    from pos.app.checkout import CheckoutError
    from pos.app.demo import start_demo
    from pos.core.money import Money

    demo = start_demo(tmp_path / "till")
    till = demo.till
    till.start()
    try:
        till.login("1", "1234")
        assert till.checkout is not None
        till.checkout.scan(till.ctx.search("melk")[0].gtin or "")
        till.checkout.pay_cash(Money(10_000, "NOK"))
        till.checkout.next_sale()
        till.reprint_last()  # the one copy (KOPI), journaled 13014
        with pytest.raises(CheckoutError) as refused:
            till.reprint_last()
        assert refused.value.kind == "copy_already_printed"
        with till.ctx.db.read() as con:
            assert con.execute(
                "SELECT count(*) FROM journal WHERE event_code = '13014'").fetchone()[0] == 1
    finally:
        till.shutdown()
        demo.stop()


def test_hmac_fallback_signs_with_a_128_bit_key(db: Database, tmp_path: Path) -> None:
    import base64
    import os

    from pos.reports.signing import SignatureVerifier

    key = os.urandom(16)
    path = _key_file(tmp_path, base64.b64encode(key), "hmac.key")
    state = attach_signer(db, FiscalSection(algorithm="hmac", private_key=path), OSLO, _now)
    assert state.problem is None
    moment = datetime(2026, 11, 23, 11, 15, 30, tzinfo=UTC)
    commit_sale(db, sample_sale("R1", closed_at=moment))
    with db.read() as con:
        nr, total, net, signature, version, pem = con.execute(
            "SELECT s.transaction_no, s.total_minor, s.net_minor, s.signature, s.key_version, "
            "k.public_key_pem FROM sales s JOIN signing_keys k USING (key_version)").fetchone()
    message = SignedFields.of(moment.astimezone(ZoneInfo(OSLO)), nr, total, net).message(None)
    assert message.startswith("0;2026-11-23;12:15:30;1;")
    assert SignatureVerifier(hmac_key=key).verify(message, signature)
    assert len(base64.b64decode(signature)) == 20 and version == 1
    assert pem is None  # the secret never enters the database


def test_provisional_and_delivery_receipts_have_their_own_series(tmp_path: Path) -> None:
    from pos.app.demo import start_demo
    from pos.app.series_receipts import issue_series_receipt
    from pos.store.printing import get_job

    demo = start_demo(tmp_path / "till")
    till = demo.till
    try:
        user = till.login("1", "1234")
        checkout = till.checkout
        assert checkout is not None
        checkout.scan(till.ctx.search("melk")[0].gtin or "")
        issued = [issue_series_receipt(till.ctx, series, checkout.totals, user, checkout.sale_id)
                  for series in ("provisional", "provisional", "delivery")]
        assert [(i.series, i.number) for i in issued] == [
            ("provisional", 1), ("provisional", 2), ("delivery", 1)]
        printed = get_job(till.ctx.db, issued[1].job_id).document
        texts = [item.get("text") for item in printed["items"]]
        assert "FORELØPIG KVITTERING" in texts and "Nr. 2" in texts
        assert texts.count("IKKJE KVITTERING") == 2 and texts.count("FOR KJØP") == 2  # top, bottom
        with till.ctx.db.read() as con:
            codes = [r[0] for r in con.execute(
                "SELECT event_code FROM journal WHERE event_code IN ('13015', '13016') "
                "ORDER BY entry_key")]
            sales = con.execute("SELECT count(*) FROM sales").fetchone()[0]
        assert codes == ["13015", "13015", "13016"] and sales == 0  # no transaction number used
    finally:
        demo.stop()


def test_the_key_can_come_from_the_os_keystore(db: Database) -> None:
    import keyring

    from tests.memory_keyring import memory_keyring

    with memory_keyring():
        section = FiscalSection(keyring_service="kassa-test", keyring_user="till-1")
        missing = attach_signer(db, section, OSLO, _now)
        assert missing.problem == "the OS keystore has no entry 'till-1' for service 'kassa-test'"
        keyring.set_password("kassa-test", "till-1", generate_rsa_pem().decode())
        state = attach_signer(db, section, OSLO, _now)
        assert state.problem is None and state.signer is not None
        commit_sale(db, sample_sale("R1"))
        with db.read() as con:
            assert con.execute("SELECT signature FROM sales").fetchone()[0]
