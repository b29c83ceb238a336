"""`kassa doctor` with every check passing (issue 8: <= 3 s), in the development venv.

The till is set up as IT would (`kassa setup`, a real hub in a uvicorn subprocess, enrolled,
its credential in a 0600 file, an RSA signing key) with every device kind answering: the
ESC/POS printer simulator over TCP, a Toledo scale on a pty, the ZVT card terminal
simulator, a serial scanner's pty. Each run is a fresh `python -m pos.cli doctor` process (the
whole command as IT types it: interpreter start, imports, every check); the baseline is the
same interpreter doing nothing (`python -c pass`). Every result carries os.getloadavg().
tests/bench/bench_package.py measures the same command inside the installed .deb.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import benchmark, result

REPO = Path(__file__).resolve().parents[2]


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _timed(args: list[str]) -> tuple[float, int]:
    began = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, KASSA_NO_DIALOGS="1"))
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}"
                           f"{done.stderr}")
    return elapsed, done.returncode


@benchmark("doctor", goal="<= 3 s", unit="s")
def doctor_all_ok(quick: bool) -> list[dict[str, object]]:
    from drivers.sim.escpos_printer import SimulatedPrinter
    from drivers.sim.scale import SimulatedScale
    from drivers.sim.zvt_terminal import SimulatedZvtTerminal
    from hub.testing import running_hub
    from pos.cli import main
    from pos.reports.signing import generate_rsa_pem

    runs = 3 if quick else 9
    with tempfile.TemporaryDirectory() as tmp_name, running_hub(Path(tmp_name) / "hub") as hub, \
            SimulatedPrinter() as printer, SimulatedScale("toledo8217") as scale, \
            SimulatedZvtTerminal() as terminal:
        tmp = Path(tmp_name)
        scale.set(250)
        hub.seed_demo(("S1",))
        code = hub.admin.post("/v1/admin/enrolment-codes",
                              json={"store_id": "S1", "register_id": "R1"}).json()["code"]
        (tmp / "signing.pem").write_bytes(generate_rsa_pem())
        (tmp / "chain.toml").write_text(
            '[till]\ncompany_name = "Testbutikken AS"\ncompany_org_no = "923609016"\n'
            'store_id = "S1"\nregister_id = "R1"\n'
            f'[fiscal]\nprivate_key = "{tmp / "signing.pem"}"\n')
        config = tmp / "till.toml"
        assert main(["setup", "--config", str(config), "--template", str(tmp / "chain.toml"),
                     "--hub", hub.url, "--enrol", code, "--data-dir", str(tmp / "data"),
                     "--printer", printer.url, "--scale", scale.url,
                     "--card-terminal", terminal.url, "--credential-store", "file"]) == 0
        doctor = [sys.executable, "-m", "pos.cli", "doctor", "--config", str(config)]
        bare = [sys.executable, "-c", "pass"]
        _timed(doctor)  # warm the page cache once, as a second run by IT would be
        load_before = _load()
        times = [_timed(doctor)[0] for _ in range(runs)]
        baseline = statistics.median(_timed(bare)[0] for _ in range(runs))
        checks = subprocess.run([*doctor, "--json"], cwd=REPO, capture_output=True,
                                text=True, timeout=60).stdout
    sizes = {"runs": runs, "loadavg_before": load_before, "loadavg_after": _load(),
             "checks": checks.count('"name"')}
    return [
        result("doctor_all_ok_s", round(statistics.median(times), 3), n=runs,
               baseline=round(baseline, 3), baseline_name="python -c pass, same venv",
               sizes=sizes, notes=f"max {max(times):.3f} s; every line ok: config, disk, "
               "database, journal, outbox, fiscal key, clock, hub, printer, scale, card terminal"),
    ]
