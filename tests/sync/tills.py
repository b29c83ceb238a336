"""Real tills for the sync tests: a till database and app (no printer, no Qt) per register,
enrolled with a real hub (hub.testing.running_hub)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pos.app.bootstrap import build_till
from pos.app.config import DevicesSection, TillConfig, TillSection
from pos.app.enrol import enrol_till
from pos.app.fiscal_config import FiscalSection
from pos.app.hub_config import HubSection
from pos.app.till import Till
from pos.core.money import Money
from pos.store import users

# A small catalog with the till's own VAT codes (the SAF-T standard tax codes).
PRODUCTS: tuple[dict[str, Any], ...] = (
    {"sku": "M1", "name": "Melk lett 1 l", "price_minor": 2490, "vat_code": "31",
     "barcodes": ["7038010000010"], "department": "Meieri"},
    {"sku": "B1", "name": "Brød grovt", "price_minor": 3990, "vat_code": "31",
     "barcodes": ["7038010000027"], "department": "Bakeri"},
    {"sku": "K1", "name": "Kaffe 500 g", "price_minor": 8990, "vat_code": "31",
     "barcodes": ["7038010000041"], "department": "Kolonial"},
    {"sku": "T1", "name": "Tannkrem", "price_minor": 2990, "vat_code": "3",
     "barcodes": ["7038010000065"], "department": "Pleie"},
)
STOCK_MILLI = 100_000
# Every till built here, so tests/sync/conftest.py closes its database (and its connections
# on every thread) after each test: a long run must not run out of file descriptors.
BUILT: list[Till] = []


def build(config: TillConfig) -> Till:
    till = build_till(config)
    BUILT.append(till)
    return till


def seed_hub(hub: Any, stores: tuple[str, ...] = ("S1",)) -> None:
    hub.import_catalog(PRODUCTS)
    hub.set_stock({(s, p["sku"]): STOCK_MILLI for s in stores for p in PRODUCTS})


def till_config(data_dir: Path, hub_url: str, store: str = "S1",
                register: str = "R1") -> TillConfig:
    return TillConfig(
        till=TillSection(company_name="Test AS", company_org_no="923609016", store_id=store,
                         register_id=register, data_dir=data_dir,
                         locale="en_GB"),  # the UI tests read English texts
        devices=DevicesSection(scanner="keyboard:"),
        hub=HubSection(url=hub_url),
        fiscal=FiscalSection(private_key=data_dir / "signing-key.pem", demo_key=True),
    )


def make_till(hub: Any, data_dir: Path, store: str = "S1", register: str = "R1", *,
              start: bool = True, payment: str | None = None) -> Till:
    """A till enrolled with `hub` (once: a second call on the same directory reuses it);
    `payment`: its card terminal's URL (a drivers.sim ZVT terminal)."""
    config = till_config(data_dir, hub.url, store, register)
    if payment is not None:
        config = config.model_copy(update={"devices": config.devices.model_copy(
            update={"payment": payment})})
    till = build(config)
    if not users.list_users(till.ctx.db):
        users.create_user(till.ctx.db, "1", "Kari", "cashier", "1234")
    from pos.store import sync_state

    if sync_state.get_link(till.ctx.db) is None:
        code = hub.admin.post("/v1/admin/enrolment-codes",
                              json={"store_id": store, "register_id": register}).json()["code"]
        assert config.hub is not None
        enrol_till(till.ctx.db, config.hub, data_dir, code, store_id=store, register_id=register)
    if start:
        till.start()
        till.login("1", "1234")
    return till


def sell(till: Till, *codes: str, customer_id: str | None = None) -> int:
    """Scan the codes and pay cash exactly; returns the sale's transaction number."""
    checkout = till.checkout
    assert checkout is not None
    for code in codes:
        checkout.scan(code)
    if customer_id is not None:
        checkout.attach_customer(customer_id)
    settlement = checkout.start_payment()
    done = checkout.pay_cash(Money(settlement.cash_due.minor, till.ctx.currency))
    assert done is not None
    checkout.next_sale()
    return done.transaction_no


def wait_for(condition: Callable[[], Any], timeout: float = 20.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def credential_of(till: Till) -> str:
    from pos.store import sync_state

    link = sync_state.get_link(till.ctx.db)
    assert link is not None
    return Path(link.credential_ref.removeprefix("file:")).read_text().strip()


def hub_stock(hub: Any, till: Till, sku: str) -> int:
    """The hub's on-hand of `sku` in the till's store, asked over the till's own credential."""
    with hub.client(credential_of(till)) as http:
        answer = http.get(f"/v1/stock/{sku}")
        answer.raise_for_status()
        stores = {s["store_id"]: s["on_hand_milli"] for s in answer.json()["stores"]}
    return int(stores[till.ctx.seller.store_id])


def drained(till: Till) -> bool:
    from pos.store import outbox

    return outbox.count_pending(till.ctx.db, till.ctx.register_id) == 0
