"""`kassa doctor` against real peers: the simulated printer over TCP, a scale on a pty, a
real database whose journal we tamper with."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.sim.scale import SimulatedScale
from pos.app.bootstrap import build_till
from pos.app.config import default_demo_config
from pos.app.demo import seed
from pos.app.doctor import exit_code, run_checks, table

CONFIG = """\
[till]
company_name = "Testbutikken AS"
company_org_no = "923609016"
store_id = "oslo-1"
register_id = "1"
data_dir = "{data_dir}"

[devices]
printer = "{printer}"
drawer = "printer:?pin=2"
scale = "{scale}"

[fiscal]
private_key = "{data_dir}/demo-signing-key.pem"
"""


def write(tmp: Path, printer: str, scale: str) -> Path:
    path = tmp / "till.toml"
    path.write_text(CONFIG.format(data_dir=tmp / "data", printer=printer, scale=scale))
    return path


def verdicts(checks: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {c.name: c.verdict for c in checks}


def test_all_well_then_each_fault_named_with_a_fix(tmp_path: Path) -> None:
    with SimulatedPrinter() as printer, SimulatedScale("toledo8217") as scale:
        scale.set(500)
        config = write(tmp_path, printer.url, scale.url)
        till = build_till(default_demo_config(tmp_path / "data", printer=printer.url))
        seed(till)
        till.start()
        till.shutdown()
        checks = run_checks(config)
        assert verdicts(checks) == {"config": "ok", "disk": "ok", "database": "ok",
                                    "journal": "ok", "outbox": "ok", "fiscal key": "ok",
                                    "printer": "ok", "scale": "ok"}, table(checks)
        assert exit_code(checks) == 0

        printer.paper_out = True
        checks = run_checks(config)
        assert verdicts(checks)["printer"] == "fail" and exit_code(checks) == 1
        assert "out of paper" in table(checks)

    with sqlite3.connect(tmp_path / "data" / "till.db") as con:
        con.execute("DROP TRIGGER IF EXISTS journal_no_update")
        triggers = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='journal'")]
        for name in triggers:
            con.execute(f'DROP TRIGGER "{name}"')
        con.execute("UPDATE journal SET payload = '{\"tampered\": 1}' WHERE entry_no = 2")
    checks = run_checks(config)
    text = table(checks)
    assert verdicts(checks)["journal"] == "fail" and "entry 2" in text, text
    assert verdicts(checks)["printer"] == "fail"  # the simulator is gone now
    assert verdicts(checks)["scale"] == "fail" and "->" in text  # with the fix to try


def test_a_broken_config_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "till.toml"
    path.write_text("[till]\ncompany_name = 42\n")
    checks = run_checks(path)
    assert [c.name for c in checks] == ["config"] and checks[0].verdict == "fail"
    assert "till.company_name" in checks[0].detail
