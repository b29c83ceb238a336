"""Assembling a till from its configuration: database, printer, identity. No Qt here."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from drivers.base import ReceiptPrinter
from drivers.registry import open_device
from pos.app.config import TillConfig
from pos.app.context import TillContext
from pos.app.devices import DeviceHub
from pos.app.fiscal import attach_fiscal
from pos.app.printing import PrintService
from pos.app.till import Till
from pos.core.receipt import Seller
from pos.store.db import open_database


def data_dir_of(config: TillConfig) -> Path:
    return Path(config.till.data_dir or user_data_dir("kassa", appauthor=False))


def seller_of(config: TillConfig) -> Seller:
    till = config.till
    return Seller(
        company_name=till.company_name,
        org_no=till.company_org_no,
        store_name=till.store_name or till.store_id,
        store_id=till.store_id,
        register_id=till.register_id,
        address=till.address,
    )


def build_till(config: TillConfig, *, printer: ReceiptPrinter | None = None,
               poll_seconds: float = 2.0) -> Till:
    """Open (or create and migrate) the till database and wire the services together.

    The database is opened first: a corrupt or too-new file stops the start-up with its
    StoreError before any device is touched.
    """
    directory = data_dir_of(config)
    directory.mkdir(parents=True, exist_ok=True)
    # The full integrity check runs in the background once the till is up (Till.start).
    db = open_database(directory / "till.db", check_integrity=False)
    if printer is None and config.devices.printer:
        printer = open_device(config.devices.printer)
    service = PrintService(db, printer, poll_seconds=poll_seconds)
    ctx = TillContext(
        config=config, db=db, seller=seller_of(config), printer=service,
        layouts=config.in_store_layouts(),
    )
    # Every sale on this database is signed from here on; no usable key stops the selling.
    ctx.fiscal_problem = attach_fiscal(db, config, ctx.now).problem
    devices = DeviceHub(config)
    if devices.has_drawer:
        ctx.drawer_kicker = devices.kick_drawer
    return Till(ctx, devices)
