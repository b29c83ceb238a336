"""`kassa doctor`'s new lines against a real hub (uvicorn subprocess) and a real till
database: hub reachable with the credential, clock skew, the outbox's age, the fiscal key,
and the logs and support bundle of the same till."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from drivers.sim.escpos_printer import SimulatedPrinter
from hub.testing import HubProcess, running_hub
from pos.app.config import load_config
from pos.app.doctor import check_outbox, exit_code, run_checks, table
from pos.app.doctor_hub import _clock_line
from pos.app.logs import TillLogFile
from pos.cli import main
from pos.reports.signing import generate_rsa_pem
from pos.store import outbox
from pos.store.db import open_database


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with running_hub(tmp_path_factory.mktemp("hub")) as hub:
        hub.seed_demo(("S1",))
        yield hub


def enrolled_till(hub: HubProcess, tmp: Path, register: str, printer: str) -> Path:
    code = hub.admin.post("/v1/admin/enrolment-codes",
                          json={"store_id": "S1", "register_id": register}).json()["code"]
    key = tmp / "signing.pem"
    key.write_bytes(generate_rsa_pem())
    template = tmp / "chain.toml"
    template.write_text('[till]\ncompany_name = "Testbutikken AS"\n'
                        'company_org_no = "923609016"\nstore_id = "x"\nregister_id = "x"\n'
                        f'[fiscal]\nprivate_key = "{key}"\n')
    assert main(["setup", "--config", str(tmp / "till.toml"), "--template", str(template),
                 "--hub", hub.url, "--enrol", code, "--store", "S1", "--register", register,
                 "--data-dir", str(tmp / "data"), "--printer", printer,
                 "--credential-store", "file"]) == 0
    return tmp / "till.toml"


def verdicts(checks: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {c.name: c.verdict for c in checks}


def test_all_well_then_a_wrong_credential_says_re_enrol(hub: HubProcess, tmp_path: Path) -> None:
    with SimulatedPrinter() as printer:
        config_path = enrolled_till(hub, tmp_path, "R1", printer.url)
        began = time.monotonic()
        checks = run_checks(config_path)
        elapsed = time.monotonic() - began
        assert verdicts(checks) == {
            "config": "ok", "disk": "ok", "database": "ok", "journal": "ok", "outbox": "ok",
            "fiscal key": "ok", "clock": "ok", "hub": "ok", "printer": "ok"}, table(checks)
        assert exit_code(checks) == 0 and elapsed < 10  # the bench measures; this is a bound
        assert "enrolled as store S1 register R1, credential accepted" in table(checks)

        (tmp_path / "data" / "hub-credential").write_text("not-the-credential\n")
        checks = run_checks(config_path)
    assert verdicts(checks)["hub"] == "fail" and exit_code(checks) == 1
    assert "re-enrol: kassa setup --enrol NEW_CODE" in table(checks)


def test_a_hub_that_is_down_fails_fast_with_the_fix(tmp_path: Path, hub: HubProcess) -> None:
    with SimulatedPrinter() as printer:
        config_path = enrolled_till(hub, tmp_path, "R2", printer.url)
        text = config_path.read_text().replace(hub.url, "http://127.0.0.1:9")  # discard port
        config_path.write_text(text)
        began = time.monotonic()
        checks = run_checks(config_path)
    assert time.monotonic() - began < 5
    assert verdicts(checks)["hub"] == "fail" and "no answer" in table(checks)
    assert "the till keeps selling" in table(checks)


def test_clock_skew_and_outbox_age_have_thresholds(tmp_path: Path) -> None:
    now = time.time()
    stamp = datetime.fromtimestamp(now, UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert _clock_line(stamp, now)[1] == "ok"
    assert _clock_line(stamp, now + 45)[1:3] == ("warn", "45 s ahead of the hub")
    assert _clock_line(stamp, now - 600)[1] == "fail"

    config = tmp_path / "till.toml"
    config.write_text('[till]\ncompany_name = "A AS"\ncompany_org_no = "923609016"\n'
                      f'store_id = "S1"\nregister_id = "R1"\ndata_dir = "{tmp_path}"\n')
    db = open_database(tmp_path / "till.db")
    try:
        occurred = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
        with db.write() as con:
            outbox.append_outbox_in(con, "R1", "test", "{}", occurred_at=occurred)
        till = load_config(config)
        soon = check_outbox(till, db, now=occurred + timedelta(seconds=30))
        assert (soon.verdict, soon.detail) == ("ok", "1 event(s) waiting for the hub, the "
                                                     "oldest 30 s old")
        late = check_outbox(till, db, now=occurred + timedelta(hours=3))
        assert late.verdict == "warn" and "3.0 h old" in late.detail and late.fix
    finally:
        db.close()


def test_support_bundle_has_no_secrets_even_with_the_database_locked(
        hub: HubProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KASSA_LOG_DIR", str(tmp_path / "logs"))
    # An earlier main() in this process already opened its log file elsewhere, and configure()
    # keeps an open one: take it away for this test, so the bundle reads what it writes.
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, TillLogFile)]:
        root.removeHandler(handler)
        handler.close()
    with SimulatedPrinter() as printer:
        url = printer.url.replace("tcp://", "tcp://admin:hunter2secret@")
        config_path = enrolled_till(hub, tmp_path, "R3", url)
    credential = (tmp_path / "data" / "hub-credential").read_text().strip()
    pem = (tmp_path / "signing.pem").read_text()
    key_line = pem.splitlines()[3]
    main(["doctor", "--config", str(config_path)])  # starts the log file
    logging.getLogger("kassa.test").warning("pushing with Bearer %s", credential)

    holder = sqlite3.connect(tmp_path / "data" / "till.db")  # a till holding it exclusively
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO registers (register_id) VALUES ('lock')")
    try:
        out = tmp_path / "bundle.zip"
        assert main(["support-bundle", "--config", str(config_path), "--out", str(out)]) == 0
    finally:
        holder.rollback()
        holder.close()
    with zipfile.ZipFile(out) as bundle:
        names = bundle.namelist()
        blob = b"\n".join(bundle.read(n) for n in names)
        database = json.loads(bundle.read("database.json"))
        versions = json.loads(bundle.read("versions.json"))
        doctor = json.loads(bundle.read("doctor.json"))
        config_text = bundle.read("config.toml").decode()
    assert {"config.toml", "doctor.txt", "doctor.json", "versions.json", "database.json",
            "README.txt"} <= set(names)
    assert any(n.startswith("logs/") for n in names)
    assert b"pushing with Bearer ***" in blob  # the log line is there, masked
    for secret in (credential, "hunter2secret", key_line, "PRIVATE KEY-----"):
        assert secret.encode() not in blob, secret
    assert "admin:***@127.0.0.1" in config_text and 'credential_ref = "file:' in config_text
    assert database["locked"] is True and "locked" in database["error"]
    assert versions["kassa"] and versions["python"] and versions["packages"]
    assert {c["name"] for c in doctor} >= {"config", "database", "hub"}
    [database_line] = [c for c in doctor if c["name"] == "database"]
    assert database_line["verdict"] == "warn" and "locked" in database_line["detail"]
    [hub_line] = [c for c in doctor if c["name"] == "hub"]
    assert hub_line["verdict"] == "warn" and "not checked" in hub_line["detail"]
    shutil.copy(out, tmp_path.parent / "last-support-bundle.zip")  # to look at by hand
