"""`kassa doctor`: one line per thing that must be right for the till to sell, with a verdict
and the fix to try. Read-only: it never changes the database or a device's state."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from drivers.base import DeviceError, PrinterStatus
from drivers.registry import UnknownDriver, open_device
from pos.app.bootstrap import data_dir_of
from pos.app.card.doctor import card_terminal_check
from pos.app.config import ConfigError, TillConfig, load_config
from pos.store import journal, outbox
from pos.store.db import open_database
from pos.store.errors import StoreError

Verdict = Literal["ok", "warn", "fail"]
MIN_FREE_BYTES = 500 * 1024 * 1024


@dataclass(frozen=True)
class Check:
    name: str
    verdict: Verdict
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_config(path: Path) -> tuple[Check, TillConfig | None]:
    try:
        config = load_config(path)
    except ConfigError as error:
        return Check("config", "fail", str(error), "correct the key named above"), None
    return Check("config", "ok", f"{path} is valid"), config


def check_database(config: TillConfig) -> Iterator[Check]:
    path = data_dir_of(config) / "till.db"
    if not path.exists():
        yield Check("database", "warn", f"{path} does not exist yet",
                    "start the till once; it creates the database")
        return
    try:
        db = open_database(path, create=False)
    except StoreError as error:
        yield Check("database", "fail", str(error),
                    "restore the newest backup; keep the broken file for the supplier")
        return
    try:
        yield Check("database", "ok", f"{path}: integrity and migrations are current")
        register = config.till.register_id
        chain = journal.verify_journal(db, register)
        if chain.ok:
            yield Check("journal", "ok", f"{chain.entries_checked} entries, hash chain intact")
        else:
            yield Check("journal", "fail",
                        f"chain broken at entry {chain.first_bad_entry}: {chain.reason}",
                        "report to the manager: the journal was altered outside Kassa")
        pending = outbox.count_pending(db, register)
        verdict: Verdict = "ok" if pending < 1000 else "warn"
        yield Check("outbox", verdict, f"{pending} event(s) waiting for the hub",
                    "" if verdict == "ok" else "check the network and the hub")
    finally:
        db.close()


def check_disk(config: TillConfig) -> Check:
    directory = data_dir_of(config)
    probe = directory if directory.exists() else directory.parent
    free = shutil.disk_usage(probe).free
    if free < MIN_FREE_BYTES:
        return Check("disk", "fail", f"{free // 2**20} MB free under {probe}",
                     "free disk space: the till needs room to write every sale")
    return Check("disk", "ok", f"{free // 2**30} GB free under {probe}")


def _device(role: str, url: str, probe: Callable[[Any], str]) -> Check:
    try:
        device = open_device(url)
    except (UnknownDriver, ValueError) as error:
        return Check(role, "fail", f"{url}: {error}", "fix the device URL in the config")
    try:
        device.open()
        try:
            return Check(role, "ok", f"{url}: {probe(device)}")
        finally:
            device.close()
    except DeviceError as error:
        return Check(role, "fail", f"{url}: {error}",
                     "check the cable and power, and that no other program holds the port")


def _printer_probe(printer: Any) -> str:
    status: PrinterStatus = printer.status()
    if not status.ready:
        raise DeviceError("cover open" if status.cover_open else
                          "out of paper" if status.paper_out else "not ready")
    return "paper low" if status.paper_near_end else "ready"


def check_devices(config: TillConfig) -> Iterator[Check]:
    devices = config.devices
    if devices.printer:
        yield _device("printer", devices.printer, _printer_probe)
    else:
        yield Check("printer", "warn", "no receipt printer configured",
                    "set [devices] printer, e.g. escpos+tcp://10.0.0.21:9100")
    for role, url, probe in (
        ("scanner", devices.scanner, lambda d: "port open"),
        ("scale", devices.scale, lambda d: f"{d.read_weight().grams} g"),
        ("display", devices.display, lambda d: "port open"),
    ):
        if not url or url in ("keyboard:", "window:"):
            continue
        yield _device(role, url, probe)
    if devices.payment:  # a ZVT status enquiry with short timeouts (pos.app.card.doctor)
        yield Check("card terminal", *card_terminal_check(devices.payment))


def run_checks(config_path: Path) -> list[Check]:
    config_check, config = check_config(config_path)
    checks = [config_check]
    if config is None:
        return checks
    checks.append(check_disk(config))
    checks += check_database(config)
    checks += check_devices(config)
    return checks


def exit_code(checks: list[Check]) -> int:
    return 1 if any(c.verdict == "fail" for c in checks) else 0


def table(checks: list[Check]) -> str:
    marks = {"ok": "OK  ", "warn": "WARN", "fail": "FAIL"}
    width = max(len(c.name) for c in checks)
    rows = []
    for c in checks:
        rows.append(f"{marks[c.verdict]}  {c.name:<{width}}  {c.detail}")
        if c.fix and c.verdict != "ok":
            rows.append(f"{'':4}  {'':<{width}}  -> {c.fix}")
    return "\n".join(rows)
