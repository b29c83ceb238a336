"""The installed till (issue 8's numbers): the package's installed size, the installed till's
start to ready-for-scan, and `kassa doctor` with every check passing, both run in a clean
Debian 12 root (tests/packaging/roots.py; needs root and the cached roots, else an error line
says why).

Each start is a fresh process (`kassa till --ready-file F --exit-when-ready`, offscreen Qt) on
an existing database; the baseline is the same Python in the same root doing nothing
(`python3.11 -c pass`), so the ratio says what Kassa adds to a bare interpreter start there.
"""

from __future__ import annotations

import importlib.util
import resource
import statistics
import tempfile
import time
from pathlib import Path

from common import benchmark, result

from drivers.sim.escpos_printer import SimulatedPrinter
from pos.reports.signing import generate_rsa_pem
from tests.packaging import roots

REPO = Path(__file__).resolve().parents[2]
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
ENV = {"QT_QPA_PLATFORM": "offscreen", "KASSA_NO_DIALOGS": "1"}


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_deb", REPO / "packaging/deb/build_deb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ok(root: Path, script: str, cpu: list[float] | None = None, **kwargs: object) -> float:
    """Wall seconds; appends the CPU seconds to `cpu` (a crowded CI machine stretches the
    wall time, much less the CPU time)."""
    started, cpu_before = time.monotonic(), _cpu()
    done = roots.in_root(root, script, **kwargs)  # type: ignore[arg-type]
    if done.returncode != 0:
        raise RuntimeError(f"{script}: exit {done.returncode}: {done.stderr[-500:]}")
    if cpu is not None:
        cpu.append(_cpu() - cpu_before)
    return time.monotonic() - started


@benchmark("package", goal="<= 120 MB", unit="MB")
def package(quick: bool) -> list[dict[str, object]]:
    build = _build_module()
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="kassa-bench-deb-") as tmp:
        work = Path(tmp)
        root_tree = build.stage(work / "stage", venv_cache=roots.CACHE)
        deb = build.pack(root_tree, "0.1.0-1", work / "out", compression="none")
        installed_mb = int(build.installed_kb(root_tree)) / 1024
        results: list[dict[str, object]] = [
            result("package_installed_size_mb", round(installed_mb, 1), n=1)]
        lower = roots.deps_root(build.DEPENDS)
        with roots.scratch_root(lower, work / "chroot") as root, SimulatedPrinter() as printer:
            (root / "tmp" / deb.name).write_bytes(deb.read_bytes())
            _ok(root, f"dpkg --force-unsafe-io -i /tmp/{deb.name} && useradd -m cashier "
                      "&& adduser --quiet cashier kassa")
            (root / "etc/kassa/till.toml").write_text(TILL_TOML.format(printer=printer.url))
            (root / "etc/kassa/signing.pem").write_bytes(generate_rsa_pem())  # doctor: fiscal key
            _ok(root, "chgrp kassa /etc/kassa/signing.pem && chmod 0640 /etc/kassa/signing.pem")
            start = ("kassa till --config /etc/kassa/till.toml --ready-file /tmp/ready "
                     "--exit-when-ready")
            _ok(root, start, user="cashier", env=ENV, timeout=300)  # creates the database
            bare = [_ok(root, "python3.11 -c pass", user="cashier") for _ in range(runs)]
            starts: list[float] = []
            start_cpu: list[float] = []
            for _ in range(runs):
                (root / "tmp/ready").unlink(missing_ok=True)
                began = time.monotonic_ns()  # CLOCK_MONOTONIC is one clock for the chroot too
                _ok(root, start, start_cpu, user="cashier", env=ENV, timeout=300)
                ready_ns = int((root / "tmp/ready").read_text().split()[1])
                starts.append((ready_ns - began) / 1e9)
            doctor_cpu: list[float] = []
            doctor = [_ok(root, "kassa doctor --config /etc/kassa/till.toml", doctor_cpu,
                          user="cashier", env=ENV) for _ in range(runs)]
    baseline = statistics.median(bare)
    return [
        *results,
        result("installed_till_start_to_ready_s", round(statistics.median(starts), 3),
               goal="<= 1.5 s", unit="s", n=runs, baseline=round(baseline, 3),
               baseline_name="python3.11 -c pass in the same root",
               notes=f"CPU {statistics.median(start_cpu):.2f} s to exit after ready"),
        result("installed_doctor_all_ok_s", round(statistics.median(doctor), 3),
               goal="<= 3 s", unit="s", n=runs, baseline=round(baseline, 3),
               baseline_name="python3.11 -c pass in the same root",
               notes=f"CPU {statistics.median(doctor_cpu):.2f} s"),
    ]
