"""The till's use cases without Qt, against the demo database and the simulated printer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from stdnum import ean

from pos.app.checkout import CheckoutError
from pos.app.demo import Demo, start_demo
from pos.app.lookup import NeedsWeight, ScanRefused
from pos.core.money import Money
from pos.store import journal, sales


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


def events(demo: Demo) -> list[str]:
    return [e.event for e in journal.entries(demo.till.ctx.db, "1")]


def first_gtin(demo: Demo, text: str) -> str:
    gtin = demo.till.ctx.search(text)[0].gtin
    assert gtin
    return gtin


def test_cashier_needs_a_supervisor_to_open_the_drawer(demo: Demo) -> None:
    till = demo.till
    till.login("1", "1234")
    with pytest.raises(CheckoutError) as refused:
        till.open_drawer()
    assert refused.value.kind == "not_allowed"
    with pytest.raises(CheckoutError):
        till.approve("1", "1234")  # a cashier cannot approve
    supervisor = till.approve("2", "2222")
    till.open_drawer(supervisor)
    assert demo.printer.wait_for(lambda p: p.drawer_kicks == 1, timeout=5)
    assert "no_sale" in events(demo)
    assert journal.verify_journal(till.ctx.db, "1").ok


def test_wrong_pins_lock_the_employee_out(demo: Demo) -> None:
    for _ in range(5):
        with pytest.raises(CheckoutError) as wrong:
            demo.till.login("1", "0000")
        assert wrong.value.kind == "bad_login"
    with pytest.raises(CheckoutError) as locked:
        demo.till.login("1", "1234")  # even the right PIN, for a while
    assert locked.value.kind == "locked_out"
    assert events(demo).count("login_failed") == 5
    demo.till.login("2", "2222")  # others are not affected


def test_bad_codes_are_refused_and_add_nothing(demo: Demo) -> None:
    demo.till.login("1", "1234")
    checkout = demo.till.checkout
    assert checkout is not None
    for code, kind in (("7000000000003", "unknown_code"), ("7038010055721", "bad_code"),
                       ("ABC\x07", "bad_code"), ("", "bad_code")):
        with pytest.raises(ScanRefused) as refused:
            checkout.scan(code)
        assert refused.value.kind == kind
    assert checkout.cart.is_empty


def test_weight_label_and_plu(demo: Demo) -> None:
    demo.till.login("1", "1234")
    checkout = demo.till.checkout
    assert checkout is not None
    bananas = demo.till.ctx.lookup("4011")  # loose bananas by their PLU
    assert bananas is not None and bananas.sold_by == "weight"
    # A scale label: 23 + the PLU in 5 digits + 5 digits of grams + check digit.
    body = "23" + "04011" + "01250"
    checkout.scan(body + ean.calc_check_digit(body))
    line = checkout.cart.lines[-1]
    assert line.item.product_id == bananas.id and line.quantity_milli == 1250
    # The PLU keyed alone asks for a weight rather than selling one kilo.
    assert isinstance(checkout.scan("4011"), NeedsWeight)


def test_a_second_pay_never_commits_twice(demo: Demo) -> None:
    demo.till.login("1", "1234")
    checkout = demo.till.checkout
    assert checkout is not None
    checkout.scan(first_gtin(demo, "melk"))
    first = checkout.pay_cash(Money(10_000, "NOK"))
    again = checkout.pay_cash(Money(10_000, "NOK"))
    assert first is again and first is not None
    with demo.till.ctx.db.read() as con:
        assert con.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 1
    stored = sales.last_sale(demo.till.ctx.db, "1")
    assert stored is not None and stored.record.total_minor == first.receipt.total.minor


def test_shutdown_parks_an_unfinished_sale(tmp_path: Path) -> None:
    demo = start_demo(tmp_path / "till")
    demo.till.start()
    demo.till.login("1", "1234")
    assert demo.till.checkout is not None
    demo.till.checkout.scan(first_gtin(demo, "melk"))
    demo.till.shutdown()
    demo.stop()
    again = start_demo(tmp_path / "till")
    try:
        again.till.start()
        parked = again.till.parked()
        assert len(parked) == 1 and parked[0].label == "shutdown"
        again.till.login("1", "1234")
        assert again.till.checkout is not None
        again.till.checkout.resume(parked[0].id)
        assert len(again.till.checkout.cart.lines) == 1
    finally:
        again.till.shutdown()
        again.stop()


def test_drawer_openings_are_journaled_and_left_open_warns(demo: Demo) -> None:
    from drivers.drawers.watch import DrawerAlert, LeftOpenWatch

    till = demo.till
    till.ctx.printer.poll_seconds = 0.05
    till.drawer.watch = LeftOpenWatch(0.3)
    alerts: list[DrawerAlert] = []
    till.drawer.alerts.connect(alerts.append)
    demo.printer.drawer_open = True  # opened by hand with the key: still journaled
    for _ in range(100):
        if any(a.kind == "left_open" for a in alerts):
            break
        threading.Event().wait(0.05)
    assert [a.kind for a in alerts][:2] == ["opened", "left_open"]
    demo.printer.drawer_open = False
    for _ in range(100):
        if alerts[-1].kind == "closed":
            break
        threading.Event().wait(0.05)
    assert alerts[-1].kind == "closed"
    assert {"drawer_opened", "drawer_closed"} <= set(events(demo))


def test_damage_deep_in_the_file_is_found_after_start(tmp_path: Path) -> None:
    demo = start_demo(tmp_path / "till")
    demo.till.start()
    demo.till.shutdown()
    demo.till.ctx.db.close()
    demo.stop()
    path = tmp_path / "till" / "till.db"
    size = path.stat().st_size
    with path.open("r+b") as handle:  # a bad sector in the middle of the catalog
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(bytes(range(256)) * 16)
    again = start_demo(tmp_path / "till")  # opens quickly: header and schema are sound
    found = threading.Event()
    problems: list[list[str]] = []
    again.till.integrity.connect(lambda p: (problems.append(p), found.set()))
    try:
        again.till.start()
        assert found.wait(20), "the background integrity check did not report"
        assert problems[0]
    finally:
        again.till.ctx.printer.stop()
        again.stop()
