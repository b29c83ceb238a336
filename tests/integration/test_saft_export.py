"""The SAF-T Cash Register export of a demo store day, checked against the official XSD (keys
and keyrefs included) and with the signature chain verified independently, with the public key
taken from the till's key file and the signed text rebuilt from the XML alone."""

from __future__ import annotations

import base64
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from lxml import etree

from pos.app.demo_day import DemoDay, run_demo_day
from pos.app.saft_identity import identity_of
from pos.cli import main
from pos.reports.saft import Period, export_saft, writer
from pos.store.db import open_database
from resources import resource_path

NS = {"s": "urn:StandardAuditFile-Taxation-CashRegister:NO"}
DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(resource_path(
        "saft", "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd"))))


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDay]:
    demo_day = run_demo_day(tmp_path_factory.mktemp("store") / "till", DAY)
    yield demo_day
    demo_day.demo.stop()


@pytest.fixture(scope="module")
def exported(day: DemoDay, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "saft.xml"
    code = main(["saft", "export", "--demo", "--data-dir", str(day.demo.data_dir), "--from",
                 DAY.isoformat(), "--to", DAY.isoformat(), "--out", str(out), "--verify",
                 "--no-progress"])
    assert code == 0
    return out


def text(node: etree._Element, tag: str) -> str:
    return node.findtext(f"s:{tag}", namespaces=NS) or ""


def test_the_export_is_valid_against_the_official_schema(
    exported: Path, schema: etree.XMLSchema
) -> None:
    doc = etree.parse(str(exported))
    schema.assertValid(doc)  # xsd:key / xsd:keyref: basics, employees, articles, reportID
    header = doc.find("s:header", NS)
    assert header is not None
    assert (text(header, "startDate"), text(header, "endDate")) == ("2026-11-20", "2026-11-20")
    company = doc.find("s:company", NS)
    assert company is not None
    assert text(company, "companyIdent") == "923609016"
    assert text(company, "taxRegIdent") == "923609016MVA"


def test_every_signature_verifies_with_the_public_key(day: DemoDay, exported: Path) -> None:
    key = serialization.load_pem_private_key(
        (day.demo.data_dir / "demo-signing-key.pem").read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey) and key.key_size == 1024
    public = key.public_key()
    doc = etree.parse(str(exported))
    registers = doc.findall(".//s:cashregister", NS)
    assert registers
    checked = 0
    for register in registers:
        previous = "0"  # guidelines 2.1 item 7
        numbers = []
        for tx in register.iterfind("s:cashtransaction", NS):
            message = ";".join([previous, text(tx, "transDate"), text(tx, "transTime"),
                                text(tx, "nr"), text(tx, "transAmntIn"), text(tx, "transAmntEx")])
            signature = text(tx, "signature")
            try:
                public.verify(base64.b64decode(signature), message.encode(), padding.PKCS1v15(),
                              hashes.SHA1())
            except InvalidSignature:
                pytest.fail(f"transaction {text(tx, 'nr')}: signature does not verify")
            assert text(tx, "keyVersion") == "1"
            previous = signature
            numbers.append(int(text(tx, "nr")))
            checked += 1
        assert numbers == list(range(1, len(numbers) + 1))  # gapless, in order
    assert checked == 6


def test_journal_events_transactions_and_the_z_report(day: DemoDay, exported: Path) -> None:
    doc = etree.parse(str(exported))
    with sqlite3.connect(day.demo.data_dir / "till.db") as con:
        journal = con.execute("SELECT entry_no, event_code FROM journal ORDER BY entry_key")
        expected = [(str(no), code) for no, code in journal]
    events = [(text(e, "eventID"), text(e, "eventType")) for e in doc.iterfind(".//s:event", NS)]
    assert events == expected
    basics = {text(b, "basicID"): text(b, "basicType") for b in doc.iterfind(".//s:basic", NS)}
    assert all(basics[code] == "13" for _no, code in events)
    reports = doc.findall(".//s:eventReport", NS)
    assert [text(r, "reportType") for r in reports] == ["Z report"]
    rows = {text(tx, "nr"): tx for tx in doc.iterfind(".//s:cashtransaction", NS)}
    assert text(rows["2"], "receiptCopyNum") == "1"  # the copy receipt (13014) of sale 2
    assert (text(rows["4"], "transType"), text(rows["4"], "voidTransaction"),
            text(rows["4"], "amntTp")) == ("11009", "true", "D")
    assert text(rows["5"], "trainingID") == "true"
    assert text(rows["3"], "receiptProformaNum") == "1"  # its provisional receipt (13015)
    assert [text(r, "reportReceiptProformaNum") for r in reports] == ["1"]
    cash = rows["1"].find("s:payment", NS)
    assert cash is not None and text(cash, "paidAmnt") == "102.00"  # 101.70 rounded, no change
    assert text(rows["1"], "transTime") == "09:07:47"  # Oslo time, not the stored UTC


def test_a_period_without_data_is_a_valid_empty_file(
    day: DemoDay, tmp_path: Path, schema: etree.XMLSchema
) -> None:
    out = tmp_path / "empty.xml"
    code = main(["saft", "export", "--demo", "--data-dir", str(day.demo.data_dir), "--from",
                 "2025-01-01", "--to", "2025-01-31", "--out", str(out), "--no-progress"])
    assert code == 0
    doc = etree.parse(str(out))
    schema.assertValid(doc)
    assert doc.findall(".//s:cashtransaction", NS) == []
    assert doc.findall(".//s:event", NS) == []


def test_a_tampered_journal_is_named_at_its_first_broken_link(
    day: DemoDay, tmp_path: Path, schema: etree.XMLSchema, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "copy"
    shutil.copytree(day.demo.data_dir, data, ignore=shutil.ignore_patterns("printed"))
    with sqlite3.connect(data / "till.db") as con:
        con.execute("DROP TRIGGER journal_no_update")
        con.execute("UPDATE journal SET payload = '{\"lines\":0}' WHERE entry_no = 6")
    out = tmp_path / "tampered.xml"
    code = main(["saft", "export", "--demo", "--data-dir", str(data), "--from",
                 DAY.isoformat(), "--to", DAY.isoformat(), "--out", str(out), "--no-progress"])
    assert code == 1  # written, with a warning
    err = capsys.readouterr().err
    assert "first broken link at entry 6" in err and "changed after it was written" in err
    schema.assertValid(etree.parse(str(out)))


def test_one_register_and_the_library_call(day: DemoDay, tmp_path: Path) -> None:
    db = open_database(day.demo.data_dir / "till.db", check_integrity=False,
                       background_checkpoint=False)
    try:
        result = export_saft(db, identity_of(day.demo.till.ctx.config),
                             Period(DAY, DAY, "Europe/Oslo"), tmp_path / "r.xml",
                             register_id="no-such-register", verify_signatures=True)
    finally:
        db.close()
    assert result.registers == [] and result.transactions == 0
    assert result.warnings == ["no register 'no-such-register' in this database"]


@pytest.mark.parametrize("args", [
    ["--from", "2026-11-21", "--to", "2026-11-20"],  # backwards
    ["--from", "20.11.2026", "--to", "2026-11-20"],  # not ISO
])
def test_bad_ranges_are_refused(day: DemoDay, tmp_path: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) if "20.11.2026" in args else _no_exit():
        code = main(["saft", "export", "--demo", "--data-dir", str(day.demo.data_dir), *args,
                     "--out", str(tmp_path / "x.xml"), "--no-progress"])
        assert code == 2
    assert not (tmp_path / "x.xml").exists()


def test_no_database_writes_nothing(tmp_path: Path) -> None:
    code = main(["saft", "export", "--demo", "--data-dir", str(tmp_path / "none"), "--from",
                 "2026-11-20", "--to", "2026-11-20", "--out", str(tmp_path / "x.xml"),
                 "--no-progress"])
    assert code == 2
    assert not (tmp_path / "none").exists() and not (tmp_path / "x.xml").exists()


class _no_exit:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize("share", [None, 0.5, 1.0])
def test_the_two_process_path_writes_the_same_document(
    day: DemoDay, exported: Path, tmp_path: Path, schema: etree.XMLSchema,
    monkeypatch: pytest.MonkeyPatch, share: float | None,
) -> None:
    """Big registers have their last transactions rendered by a second process
    (pos.reports.saft.parallel; its estimated share, then half and all of them): the result
    is the same file as the one-process path, byte for byte."""
    if share is not None:
        monkeypatch.setattr(writer, "worker_share", lambda events, transactions: share)
    db = open_database(day.demo.data_dir / "till.db", check_integrity=False,
                       background_checkpoint=False)
    try:
        period, identity = Period(DAY, DAY, "Europe/Oslo"), identity_of(day.demo.till.ctx.config)
        when = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
        one = export_saft(db, identity, period, tmp_path / "one.xml", now=when)
        two = export_saft(db, identity, period, tmp_path / "two.xml", now=when, parallel_from=1)
    finally:
        db.close()
    assert (two.events, two.transactions, two.warnings) == (one.events, one.transactions, [])
    assert (tmp_path / "two.xml").read_bytes() == (tmp_path / "one.xml").read_bytes()
    schema.assertValid(etree.parse(str(tmp_path / "two.xml")))
    assert not list(tmp_path.glob(".saft-*"))  # the part files are gone
