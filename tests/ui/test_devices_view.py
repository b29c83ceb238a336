"""The Devices page against the simulated printer: health shown, a test print comes out."""

from __future__ import annotations

from pos.app.demo import Demo
from pos.ui.devices_view import DevicesView
from tests.ui.conftest import screenshot


def test_devices_page_shows_health_and_test_prints(qtbot, window, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    demo.till.login("9", "9999")
    view = DevicesView(demo.till, window)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.table.item(0, 1) is not None
                    and "klar" in view.table.item(0, 1).text().lower(), timeout=5000)
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert len(names) >= 3  # printer, drawer, scanner (keyboard), customer window
    view.test_print()
    receipt = demo.printer.wait_for_receipts(1, timeout=5)[0]
    assert "Kassa test" in receipt and "æøå ÆØÅ äö ÄÖ €" in receipt
    demo.printer.paper_out = True
    qtbot.waitUntil(lambda: "papir" in view.table.item(0, 1).text().lower(), timeout=5000)
    view.weigh()  # the demo's simulated Toledo scale on a pty holds 734 g
    qtbot.waitUntil(lambda: "0,734 kg" in view.weight.text(), timeout=5000)
    screenshot(view, "09-devices")
