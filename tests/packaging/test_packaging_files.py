"""The installers' source files, checked where they are written: the Windows installer script
compiles with makensis (warnings are errors), the maintainer scripts and helpers are valid
shell, the desktop entries parse, the udev rules cover exactly the vendors discovery knows."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pos.app.discovery import POS_VENDORS

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def test_nsis_installer_compiles(tmp_path: Path) -> None:
    if shutil.which("makensis") is None:
        pytest.skip("makensis is not installed (apt-get install nsis)")
    # A stand-in for the PyInstaller folder: the script only needs the names it refers to.
    payload = tmp_path / "payload"
    (payload / "_internal/resources/config").mkdir(parents=True)
    for exe in ("kassa.exe", "kassa-till.exe"):
        (payload / exe).write_bytes(b"MZ stub")
    shutil.copy(REPO / "resources/config/example.toml", payload / "_internal/resources/config")
    setup = tmp_path / "kassa-setup.exe"
    done = subprocess.run(
        ["makensis", "-V2", "-WX", "-DVERSION=0.1.0", f"-DPAYLOAD={payload}",
         f"-DOUTFILE={setup}", "kassa.nsi"],
        cwd=PACKAGING / "windows", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert setup.read_bytes()[:2] == b"MZ"


def test_nsis_silent_flags_reach_kassa_setup() -> None:
    script = (PACKAGING / "windows/kassa.nsi").read_text(encoding="utf-8")
    for flag, option in (("HUB", "--hub"), ("ENROL", "--enrol"), ("STORE", "--store"),
                         ("REGISTER", "--register")):
        assert f'"/{flag}="' in script and f"{option} " in script
    assert "setup --config" in script and "/AUTOSTART=" in script and "/PURGE" in script


@pytest.mark.parametrize("script", ["deb/postinst", "deb/prerm", "deb/postrm",
                                    "linux/kassa", "linux/kassa-kiosk"])
def test_shell_scripts_parse_and_are_executable(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    done = subprocess.run(["sh", "-n", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", ["kassa.desktop", "kassa-autostart.desktop"])
def test_desktop_entries_start_the_till(name: str) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / name, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "kassa"
    assert "kassa till --config /etc/kassa/till.toml" in section["Exec"]
    if shutil.which("desktop-file-validate"):  # desktop-file-utils, where installed
        done = subprocess.run(["desktop-file-validate", str(PACKAGING / "linux" / name)],
                              capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_udev_rules_cover_the_vendors_discovery_knows() -> None:
    rules = (PACKAGING / "linux/60-kassa-pos-devices.rules").read_text(encoding="utf-8")
    vendor_lists = re.findall(r'ATTRS?\{idVendor\}=="([0-9a-f|]+)"', rules)
    assert len(vendor_lists) == 2
    expected = {f"{vid:04x}" for vid in POS_VENDORS}
    for listed in vendor_lists:
        assert set(listed.split("|")) == expected
    for line in rules.splitlines():
        if line and not line.startswith("#"):
            assert 'GROUP="kassa"' in line and 'MODE="0660"' in line, line
