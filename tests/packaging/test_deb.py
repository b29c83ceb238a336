"""The till's Debian package, installed into a clean Debian 12 root: the till starts there as
an ordinary user in the kassa group, `kassa doctor` passes against a printer, an upgrade keeps
the data, removal keeps it, purge deletes it.

Slow (builds the package, ~15-40 s; the first run also debootstraps, ~1-2 min, cached under
/var/cache/kassa-test-roots). Needs root; skips with the reason where that or the Debian mirror
is missing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from drivers.sim.escpos_printer import SimulatedPrinter
from pos.reports.signing import generate_rsa_pem
from tests.packaging import roots

REPO = Path(__file__).resolve().parents[2]
PREVIOUS, CURRENT = "0.0.9-1", "0.1.0-1"
# No fsync per unpacked file: the root is thrown away after the test (a store PC keeps it).
DPKG = "dpkg --force-unsafe-io"

pytestmark = pytest.mark.slow

TILL_TOML = """\
[till]
company_name = "Testbutikken AS"
company_org_no = "923609016"
store_id = "oslo-1"
register_id = "1"
data_dir = "/var/lib/kassa"

[devices]
printer = "{printer}"
scanner = "keyboard:"

[fiscal]
private_key = "/etc/kassa/signing.pem"
"""


def build_deb_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_deb", REPO / "packaging/deb/build_deb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def debs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The package at two versions: the same files, so the upgrade exercises the maintainer
    scripts' upgrade path (prerm upgrade, postinst configure <old>) and the data's survival."""
    build = build_deb_module()
    if not Path(build.PYTHON).exists() or subprocess.run(
            ["which", "dpkg-deb"], capture_output=True).returncode != 0:
        pytest.skip(f"building the package needs {build.PYTHON} (python3.11-venv) and dpkg-deb")
    work = tmp_path_factory.mktemp("deb")
    started = time.monotonic()
    with contextlib.suppress(OSError):
        roots.CACHE.mkdir(parents=True, exist_ok=True)
    cache = roots.CACHE if os.access(roots.CACHE, os.W_OK) else None
    root = build.stage(work, venv_cache=cache)
    previous = build.pack(root, PREVIOUS, work / "out", compression="none")
    current = build.pack(root, CURRENT, work / "out", compression="none")
    print(f"\nbuilt both packages in {time.monotonic() - started:.1f} s", file=sys.stderr)
    yield previous, current
    shutil.rmtree(work, ignore_errors=True)  # ~600 MB: not kept among pytest's last runs


def control_field(deb: Path, field: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_package_declares_what_a_store_pc_needs(debs: tuple[Path, Path]) -> None:
    _, deb = debs
    depends = {d.strip() for d in control_field(deb, "Depends").split(",")}
    assert {"python3.11", "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1",
            "libdbus-1-3", "libusb-1.0-0", "libxcb-cursor0", "adduser"} <= depends
    files = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                           check=True).stdout
    for path in ("./usr/bin/kassa", "./usr/share/applications/kassa.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/kassa.svg",
                 "./lib/udev/rules.d/60-kassa-pos-devices.rules",
                 "./usr/share/kassa/autostart/kassa.desktop", "./usr/sbin/kassa-kiosk",
                 "./opt/kassa/venv/bin/kassa"):
        assert path in files, path
    assert "./var/lib/kassa" not in files  # made by postinst: dpkg must never own the data
    # The hub's server stack is not part of the till.
    assert "site-packages/uvicorn/" not in files and "site-packages/fastapi/" not in files
    installed_mb = int(control_field(deb, "Installed-Size")) / 1024
    print(f"\ninstalled size {installed_mb:.0f} MB (goal <= 120 MB)", file=sys.stderr)


@pytest.fixture(scope="module")
def clean_root(debs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory,
               ) -> Iterator[Path]:
    build = build_deb_module()
    started = time.monotonic()
    try:
        lower = roots.deps_root(build.DEPENDS)
    except roots.Unavailable as why:
        pytest.skip(f"no clean Debian 12 root: {why}")
    print(f"\nclean root ready in {time.monotonic() - started:.1f} s", file=sys.stderr)
    with roots.scratch_root(lower, tmp_path_factory.mktemp("root")) as root:
        yield root


def ok(root: Path, script: str, **kwargs: object) -> str:
    started = time.monotonic()
    done = roots.in_root(root, script, **kwargs)  # type: ignore[arg-type]
    assert done.returncode == 0, f"{script}\n--- exit {done.returncode}\n{done.stdout}{done.stderr}"
    print(f"  {time.monotonic() - started:5.1f} s  {script[:70]}", file=sys.stderr)
    return done.stdout


def data_digest(root: Path) -> str:
    return ok(root, "cd /var/lib/kassa && find . -type f | sort | xargs sha256sum")


def test_install_upgrade_remove_purge_in_a_clean_debian_12(
        debs: tuple[Path, Path], clean_root: Path) -> None:
    root, (previous, current) = clean_root, debs
    started = time.monotonic()
    for deb in debs:
        (root / "tmp" / deb.name).write_bytes(deb.read_bytes())

    # Install: dpkg alone (no apt): every dependency must already be in the Depends layer.
    ok(root, f"{DPKG} -i /tmp/{previous.name}")
    assert ok(root, "kassa --version").strip() == "kassa 0.1.0"
    assert ok(root, "getent group kassa").startswith("kassa:")
    assert ok(root, "stat -c '%a %U %G' /var/lib/kassa").split() == ["2775", "root", "kassa"]

    # Every shared object we ship finds every library it needs (ld.so, as ldd would).
    missing = ok(root, "find /opt/kassa -name '*.so*' -type f | while read f; do "
                       "/lib64/ld-linux-x86-64.so.2 --list \"$f\" | grep 'not found' "
                       "| sed \"s|^|$f: |\"; done")
    assert missing == "", f"libraries missing from Depends:\n{missing}"

    # A cashier account in the kassa group runs the till (offscreen) and the doctor.
    ok(root, "useradd -m cashier && kassa-kiosk enable cashier")
    assert ok(root, "readlink /etc/xdg/autostart/kassa.desktop").strip() == \
        "/usr/share/kassa/autostart/kassa.desktop"
    with SimulatedPrinter() as printer:  # on the host's loopback, which the chroot shares
        (root / "etc/kassa/till.toml").write_text(TILL_TOML.format(printer=printer.url))
        (root / "etc/kassa/signing.pem").write_bytes(generate_rsa_pem())  # doctor: fiscal key
        ok(root, "chgrp kassa /etc/kassa/signing.pem && chmod 0640 /etc/kassa/signing.pem")
        env = {"QT_QPA_PLATFORM": "offscreen", "KASSA_NO_DIALOGS": "1"}
        ok(root, "kassa till --config /etc/kassa/till.toml --ready-file /tmp/ready "
                 "--exit-when-ready", user="cashier", env=env, timeout=120)
        assert (root / "tmp/ready").read_text().startswith("ready ")
        report = ok(root, "kassa doctor --config /etc/kassa/till.toml", user="cashier", env=env)
        assert "FAIL" not in report
        assert any(line.startswith("OK") and "database" in line for line in report.splitlines())
        assert any(line.startswith("OK") and "printer" in line for line in report.splitlines())
        before = data_digest(root)
        assert "till.db" in before

        # Upgrade: the data and the config are left exactly as they were.
        ok(root, f"{DPKG} -i /tmp/{current.name}")
        assert ok(root, "dpkg-query -W -f '${Version}' kassa") == CURRENT
        assert data_digest(root) == before
        report = ok(root, "kassa doctor --config /etc/kassa/till.toml", user="cashier", env=env)
        assert "FAIL" not in report

    # Remove: the program goes, the data, the config and the group stay.
    ok(root, f"{DPKG} -r kassa")
    assert not (root / "opt/kassa").exists() and not (root / "usr/bin/kassa").exists()
    assert not (root / "etc/xdg/autostart/kassa.desktop").is_symlink()
    assert data_digest(root) == before
    assert (root / "etc/kassa/till.toml").exists()

    # Purge: now the data goes too.
    ok(root, f"{DPKG} -P kassa")
    assert not (root / "var/lib/kassa").exists() and not (root / "etc/kassa").exists()
    print(f"\ninstall/run/upgrade/remove/purge in {time.monotonic() - started:.1f} s",
          file=sys.stderr)

