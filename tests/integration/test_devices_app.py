"""The till with every simulated device on its real transport: a serial scanner and a
scale on ptys, a pole display on a pty, the printer over TCP. No Qt."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.base import DeviceHealth, ScanEvent, WeightState
from drivers.sim.display import SimulatedDisplay
from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.sim.scale import SimulatedScale
from drivers.sim.serial_scanner import SimulatedSerialScanner
from pos.app.bootstrap import build_till
from pos.app.config import default_demo_config
from pos.app.customer_view import CustomerView
from pos.app.demo import seed
from pos.app.till import Till


class Rig:
    def __init__(self, tmp: Path) -> None:
        self.printer = SimulatedPrinter().start()
        self.scanner = SimulatedSerialScanner().start()
        self.scale = SimulatedScale("toledo8217").start()
        self.display = SimulatedDisplay().start()
        config = default_demo_config(tmp, printer=self.printer.url)
        devices = config.devices.model_copy(update={
            "scanner": self.scanner.url, "scale": self.scale.url, "display": self.display.url})
        self.till: Till = build_till(config.model_copy(update={"devices": devices}))
        seed(self.till)
        self.scans: list[ScanEvent] = []
        self.got_scan = threading.Event()
        assert self.till.devices is not None

        def on_scan(event: ScanEvent) -> None:
            self.scans.append(event)
            self.got_scan.set()

        self.till.devices.scans.connect(on_scan)
        self.till.start()

    def stop(self) -> None:
        self.till.shutdown()
        for sim in (self.printer, self.scanner, self.scale, self.display):
            sim.stop()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    rig = Rig(tmp_path)
    yield rig
    rig.stop()


def test_a_serial_scan_reaches_the_till_and_sells(rig: Rig) -> None:
    product = rig.till.ctx.search("melk")[0]
    assert product.gtin
    rig.scanner.scan(product.gtin, symbology="E0")
    assert rig.got_scan.wait(5)
    event = rig.scans[0]
    assert event.data == product.gtin and event.symbology == "E0"
    rig.till.login("1", "1234")
    assert rig.till.checkout is not None
    rig.till.checkout.scan(event.data, event.symbology)
    assert rig.till.checkout.cart.lines[0].item.product_id == product.id


def test_weighing_waits_for_a_stable_reading(rig: Rig) -> None:
    assert rig.till.devices is not None and rig.till.devices.has_scale
    rig.scale.set(734, WeightState.MOTION)
    timer = threading.Timer(0.4, lambda: rig.scale.set(734, WeightState.STABLE))
    timer.start()
    reading = rig.till.devices.weigh(timeout_s=4).result(timeout=10)
    assert reading is not None and reading.sellable and reading.grams == 734
    rig.scale.set(0, WeightState.ZERO)
    zero = rig.till.devices.weigh(timeout_s=0.5).result(timeout=10)
    assert zero is not None and not zero.sellable


def test_the_pole_display_follows_the_customer_view(rig: Rig) -> None:
    rig.till.customer.emit(CustomerView("Bananer", "27,90 kr", "TOTALT 27,90 kr"))
    rows = rig.display.wait_rows(("Bananer     27,90 kr", "     TOTALT 27,90 kr"), timeout=5)
    assert rows == ("Bananer     27,90 kr", "     TOTALT 27,90 kr")


def test_an_unplugged_scanner_is_unavailable_and_comes_back(rig: Rig) -> None:
    devices = rig.till.devices
    assert devices is not None
    states = []
    devices.states.connect(states.append)
    rig.scanner.unplug()
    deadline = threading.Event()
    for _ in range(50):
        if any(s.name == "scanner" and s.health is DeviceHealth.UNAVAILABLE for s in states):
            break
        deadline.wait(0.1)
    assert any(s.health is DeviceHealth.UNAVAILABLE for s in states), states
    rig.scanner.replug()
    product = rig.till.ctx.search("brød")[0]
    assert product.gtin
    for _ in range(100):  # the worker retries with backoff; scans resume once it reopens
        rig.scanner.scan(product.gtin)
        if rig.got_scan.wait(0.2):
            break
    assert rig.scans and rig.scans[-1].data == product.gtin


def test_a_drawer_on_its_own_port_opens_for_a_cash_sale(tmp_path: Path) -> None:
    import os
    import select
    import tty

    from pos.core.money import Money

    master, slave = os.openpty()
    tty.setraw(slave)
    printer = SimulatedPrinter().start()
    try:
        config = default_demo_config(tmp_path, printer=printer.url)
        url = f"serial-drawer://{os.ttyname(slave)}?trigger=byte&sensor=none"
        config = config.model_copy(update={"devices": config.devices.model_copy(
            update={"drawer": url, "display": None})})
        till = build_till(config)
        seed(till)
        till.start()
        try:
            till.login("1", "1234")
            assert till.checkout is not None
            till.checkout.scan(till.ctx.search("melk")[0].gtin or "")
            till.checkout.pay_cash(Money(10_000, "NOK"))
            ready, _, _ = select.select([master], [], [], 5)
            assert ready and os.read(master, 16) == b"\x07"  # the drawer's kick byte
            assert printer.wait_for_receipts(1, timeout=5)
            assert printer.drawer_kicks == 0  # not through the printer
        finally:
            till.shutdown()
    finally:
        printer.stop()
        os.close(master)
        os.close(slave)
