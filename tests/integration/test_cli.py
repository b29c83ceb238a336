"""`kassa` at start-up: a broken config or a database it must not touch gets a clear message,
a non-zero exit, and the file is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from pos.store.db import open_database

CONFIG = """\
[till]
company_name = "Testbutikken AS"
company_org_no = "923609016"
store_id = "oslo-1"
register_id = "2"
data_dir = "{data_dir}"
"""


def kassa(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KASSA_NO_DIALOGS": "1"}
    return subprocess.run([sys.executable, "-m", "pos.cli", *args], capture_output=True,
                          text=True, timeout=60, env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_config(tmp_path: Path) -> Path:
    config = tmp_path / "till.toml"
    config.write_text(CONFIG.format(data_dir=tmp_path / "data"), encoding="utf-8")
    (tmp_path / "data").mkdir()
    return config


def test_version() -> None:
    done = kassa("--version")
    assert done.returncode == 0 and done.stdout.startswith("kassa ")


def test_broken_config_names_the_key_and_line(tmp_path: Path) -> None:
    config = tmp_path / "till.toml"
    config.write_text(CONFIG.format(data_dir=tmp_path) + "\n[devices]\nprinter = 42\n")
    done = kassa("till", "--config", str(config))
    assert done.returncode == 2
    assert "devices.printer" in done.stderr and ":9:" in done.stderr, done.stderr


def test_corrupt_database_is_refused_and_untouched(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    db = tmp_path / "data" / "till.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    before = digest(db)
    done = kassa("till", "--config", str(config))
    assert done.returncode == 2
    assert str(db) in done.stderr and "not changed" in done.stderr, done.stderr
    assert digest(db) == before


def test_database_from_a_newer_kassa_is_refused(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    db = tmp_path / "data" / "till.db"
    open_database(db).close()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(db)
    done = kassa("till", "--config", str(config))
    assert done.returncode == 2
    assert "newer" in done.stderr.lower(), done.stderr
    assert digest(db) == before


def test_doctor_exit_code_and_json(tmp_path: Path) -> None:
    import json

    from pos.app.fiscal import write_demo_key

    config = write_config(tmp_path)
    done = kassa("doctor", "--config", str(config), "--json")
    checks = {c["name"]: c for c in json.loads(done.stdout)}
    # no signing key: no fiscal sale, so the doctor fails and names the fix
    assert checks["fiscal key"]["verdict"] == "fail" and checks["fiscal key"]["fix"]
    assert done.returncode == 1
    key = tmp_path / "key.pem"
    write_demo_key(key, "rsa")
    config.write_text(config.read_text() + f'\n[fiscal]\nprivate_key = "{key}"\n')
    done = kassa("doctor", "--config", str(config), "--json")
    checks = {c["name"]: c for c in json.loads(done.stdout)}
    # no printer configured: a warning, not a failure; the new database does not exist yet
    assert checks["config"]["verdict"] == "ok" and checks["printer"]["verdict"] == "warn"
    assert done.returncode == 0, done.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("[till]\n")
    done = kassa("doctor", "--config", str(broken))
    assert done.returncode == 1 and "FAIL" in done.stdout


def test_sigterm_closes_the_till_and_journals_the_stop(tmp_path: Path) -> None:
    import signal
    import time

    from pos.store import journal

    config = write_config(tmp_path)
    ready = tmp_path / "ready"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KASSA_NO_DIALOGS": "1"}
    process = subprocess.Popen([sys.executable, "-m", "pos.cli", "till", "--config",
                                str(config), "--ready-file", str(ready)], env=env)
    try:
        for _ in range(200):
            if ready.exists():
                break
            time.sleep(0.05)
        assert ready.exists(), "the till never became ready"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
    db = open_database(tmp_path / "data" / "till.db")
    try:
        events = [e.event for e in journal.entries(db, "2")]
    finally:
        db.close()
    assert events[0] == "app_start" and events[-1] == "app_stop"
