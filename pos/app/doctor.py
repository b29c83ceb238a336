"""`kassa doctor`: one line per thing that must be right for the till to sell, with a verdict
and the fix to try. Read-only: it never changes a device's state, never makes a key, and
writes the database only as its opening always does (a migration, backed up first).

Lines: config, disk, database, journal, outbox (backlog and age), fiscal key, clock and hub
(pos.app.doctor_hub), then each configured device. The checks after the config run side by
side, so the whole run takes about as long as the slowest device or network answer."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal

from drivers.base import DeviceError, PrinterStatus
from drivers.registry import UnknownDriver, open_device
from pos.app.config import ConfigError, TillConfig, load_config
from pos.store import journal
from pos.store.db import Database, open_database
from pos.store.errors import StoreError

Verdict = Literal["ok", "warn", "fail"]
MIN_FREE_BYTES = 500 * 1024 * 1024


def data_dir_of(config: TillConfig) -> Path:
    """As pos.app.bootstrap.data_dir_of, without importing the whole till (0.4 s)."""
    from platformdirs import user_data_dir

    return Path(config.till.data_dir or user_data_dir("kassa", appauthor=False))


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


def open_for_checks(config: TillConfig) -> tuple[Check, Database | None]:
    path = data_dir_of(config) / "till.db"
    if not path.exists():
        return Check("database", "warn", f"{path} does not exist yet",
                     "start the till once; it creates the database"), None
    try:
        db = open_database(path, create=False, background_checkpoint=False)
    except StoreError as error:
        if "database is locked" in str(error):  # not damage: another program holds it
            return Check("database", "warn", f"{path} is locked by another program (a till "
                         "holding it exclusively, or an upgrade under way)",
                         "run the doctor again in a minute, or after closing the till"), None
        return Check("database", "fail", str(error),
                     "restore the newest backup; keep the broken file for the supplier"), None
    return Check("database", "ok", f"{path}: integrity and migrations are current"), db


def check_journal(config: TillConfig, db: Database) -> Check:
    chain = journal.verify_journal(db, config.till.register_id)
    if chain.ok:
        return Check("journal", "ok", f"{chain.entries_checked} entries, hash chain intact")
    return Check("journal", "fail", f"chain broken at entry {chain.first_bad_entry}: "
                 f"{chain.reason}", "report to the manager: the journal was altered outside Kassa")


def check_outbox(config: TillConfig, db: Database, now: datetime | None = None) -> Check:
    from pos.app.doctor_local import outbox_line

    return Check(*outbox_line(db, config.till.register_id, now))


def check_fiscal(config: TillConfig) -> Check:
    from pos.app.doctor_local import fiscal_line

    return Check(*fiscal_line(config))


def check_hub(config: TillConfig, db: Database | None) -> list[Check]:
    if config.hub is None:
        return []
    from pos.app.doctor_hub import hub_checks

    unreadable = db is None and (data_dir_of(config) / "till.db").exists()  # locked, damaged
    return [Check(*line) for line in hub_checks(config.hub, db, unreadable=unreadable)]


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


def device_checks(config: TillConfig) -> list[Callable[[], Check]]:
    """One call per configured device, to run side by side (each has its own timeouts)."""
    devices = config.devices
    calls: list[Callable[[], Check]] = []
    if devices.printer:
        calls.append(partial(_device, "printer", devices.printer, _printer_probe))
    else:
        calls.append(lambda: Check("printer", "warn", "no receipt printer configured",
                                   "set [devices] printer, e.g. escpos+tcp://10.0.0.21:9100"))
    for role, url, probe in (
        ("scanner", devices.scanner, lambda d: "port open"),
        ("scale", devices.scale, lambda d: f"{d.read_weight().grams} g"),
        ("display", devices.display, lambda d: "port open"),
    ):
        if url and url not in ("keyboard:", "window:"):
            calls.append(partial(_device, role, url, probe))
    if devices.payment:  # a ZVT status enquiry with short timeouts (pos.app.card.doctor)
        calls.append(partial(_card_terminal, devices.payment))
    return calls


def _card_terminal(url: str) -> Check:
    from pos.app.card.doctor import card_terminal_check  # the ZVT stack: only when configured

    return Check("card terminal", *card_terminal_check(url))


def check_devices(config: TillConfig) -> Iterator[Check]:
    for call in device_checks(config):
        yield call()


def run_checks(config_path: Path) -> list[Check]:
    """Every check, the independent ones side by side (the network and device checks spend
    their time waiting), reported in a fixed order."""
    config_check, config = check_config(config_path)
    if config is None:
        return [config_check]
    database, db = open_for_checks(config)
    groups: list[Callable[[], Check | list[Check]]] = [partial(check_disk, config)]
    groups.append(lambda: database)
    if db is not None:
        groups += [partial(check_journal, config, db), partial(check_outbox, config, db)]
    groups += [partial(check_fiscal, config), partial(check_hub, config, db)]
    groups += device_checks(config)
    try:
        with ThreadPoolExecutor(max_workers=len(groups), thread_name_prefix="doctor") as pool:
            results = [f.result() for f in [pool.submit(_guarded, g) for g in groups]]
    finally:
        if db is not None:
            db.close()
    checks = [config_check]
    for result in results:
        checks += result if isinstance(result, list) else [result]
    return checks


def _guarded(call: Callable[[], Check | list[Check]]) -> Check | list[Check]:
    try:
        return call()
    except Exception as error:  # a check that crashes is a failed line, not a dead doctor
        name = getattr(getattr(call, "func", call), "__name__", "check").removeprefix("check_")
        return Check(name, "fail", f"{type(error).__name__}: {error}",
                     "send `kassa support-bundle` to the helpdesk")


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
