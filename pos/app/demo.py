"""`kassa demo`: a till on the sample grocery catalog, with a simulated receipt printer.

The first run creates the demo database in the user's data directory, imports the sample
catalog and the demo staff; later runs reuse it, so yesterday's sales are still there.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.sim.scale import SimulatedScale
from drivers.sim.zvt_terminal import SimulatedZvtTerminal
from pos.app.bootstrap import build_till
from pos.app.card.demo_terminal import start_demo_terminal
from pos.app.config import default_demo_config
from pos.app.hub_config import HubSection
from pos.app.till import Till
from pos.core.barcode import BarcodeError, gtin_key
from pos.store import card_payments, catalog, users
from resources import resource_path

# The sample catalog names VAT classes plainly; the till stores the SAF-T standard tax codes.
VAT_CODE = {"food": "31", "standard": "3", "zero": "5"}

DEMO_WEIGHT_GRAMS = 734

# Demo staff: employee number, name, role, PIN. Shown on the demo's login screen.
DEMO_STAFF = (
    ("1", "Kari Nordmann", "cashier", "1234"),
    ("2", "Ola Hansen", "supervisor", "2222"),
    ("9", "Marit Berg", "manager", "9999"),
)


@dataclass
class Demo:
    till: Till
    printer: SimulatedPrinter
    data_dir: Path
    scale: SimulatedScale | None = None
    card_terminal: SimulatedZvtTerminal | None = None

    def stop(self) -> None:
        self.printer.stop()
        if self.card_terminal is not None:
            self.card_terminal.stop()
        if self.scale is not None:
            self.scale.stop()


def demo_data_dir() -> Path:
    return Path(user_data_dir("kassa", appauthor=False)) / "demo"


def canonical_code(code: str) -> str:
    """The catalog stores each GTIN the way the scan path looks it up."""
    try:
        return gtin_key(code)
    except BarcodeError:
        return code


def sample_rows(path: Path | None = None) -> Iterator[dict[str, Any]]:
    """The sample catalog as import rows; its flagged quick keys come first, in file order."""
    path = path or resource_path("catalog", "sample_catalog.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for position, row in enumerate(csv.DictReader(handle), start=1):
            codes = [canonical_code(c) for c in row["gtins"].split("|") if c]
            if row.get("plu"):
                codes.append(row["plu"])
            yield {
                "sku": row["sku"],
                "name": row["name"],
                "department": row["department"],
                "price_minor": int(row["price_minor"]),
                "vat_code": VAT_CODE.get(row["vat_code"], row["vat_code"]),
                "sold_by": row["sold_by"],
                "gtins": codes,
                "quick_key": position if row.get("quick_key") == "1" else None,
            }


def seed(till: Till) -> None:
    db = till.ctx.db
    if catalog.departments(db):
        return
    catalog.import_products(db, sample_rows())
    for employee_no, name, role, pin in DEMO_STAFF:
        users.create_user(db, employee_no, name, role, pin)  # type: ignore[arg-type]


def start_demo(
    data_dir: Path | None = None, *, printer_port: int = 0, require_shift: bool = False,
    register_id: str = "1", hub: HubSection | None = None,
) -> Demo:
    """The till with a simulated ESC/POS printer (TCP) and, where ptys exist, a simulated
    Toledo 8217 scale holding a stable 734 g, so goods sold by weight are weighed."""
    data_dir = data_dir or demo_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    printer = SimulatedPrinter(port=printer_port, out_dir=data_dir / "printed")
    printer.start()
    config = default_demo_config(data_dir, printer=printer.url)
    if hub is not None or register_id != "1":  # `kassa demo` with its hub (pos.app.demo_hub)
        till_section = config.till.model_copy(update={"register_id": register_id})
        config = config.model_copy(update={"till": till_section, "hub": hub})
    if require_shift:  # `kassa demo`: the float is counted after the log-in (issue 7)
        shifts = config.shifts.model_copy(update={"required_to_sell": True})
        config = config.model_copy(update={"shifts": shifts})
    scale = None
    if os.name == "posix":
        scale = SimulatedScale("toledo8217").start()
        scale.set(DEMO_WEIGHT_GRAMS)
        devices = config.devices.model_copy(update={"scale": scale.url})
        config = config.model_copy(update={"devices": devices})
    card_terminal = start_demo_terminal()  # a simulated ZVT terminal that approves
    devices = config.devices.model_copy(update={"payment": card_terminal.url})
    config = config.model_copy(update={"devices": devices})
    till = build_till(config)
    seed(till)
    card_terminal.trace = card_payments.last_trace_no(till.ctx.db)  # numbers go on, as a real one's
    return Demo(till, printer, data_dir, scale, card_terminal)


def login_hint() -> str:
    staff = ", ".join(f"{no} / {pin} ({role})" for no, _name, role, pin in DEMO_STAFF)
    return f"Demo: {staff}"
