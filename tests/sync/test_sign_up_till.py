"""A loyalty sign-up at the till (F2 in the customer dialog), against a real hub: a new member is
made by the hub and attached; a customer who signed up elsewhere (another store, or the web)
is found by her e-mail and attached, with the card the cashier scanned added to her, never
doubled; offline the dialog says so and stays open with what was typed. The hub answers off
the GUI thread: the dialog is busy meanwhile and refuses a second send. Writes
docs/screenshots/customer-signup.png.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hub.testing import HubProcess, running_hub
from pos.ui.customer_signup import SignUpDialog, prefill
from tests.sync.proxy import Proxy
from tests.sync.test_till_ui import window_for
from tests.sync.tills import build, credential_of, make_till, seed_hub, till_config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path / "hub") as hub:
        seed_hub(hub)
        yield hub


def _fill(qtbot, dialog: SignUpDialog, *values: str) -> None:  # type: ignore[no-untyped-def]
    for field, value in zip(dialog.fields, values, strict=True):
        field.setText("")
        qtbot.keyClicks(field, value)


def test_what_was_typed_in_the_search_lands_in_its_field() -> None:
    assert prefill("kari@example.no") == {"email": "kari@example.no"}
    assert prefill("+47 412 30 001") == {"phone": "+47 412 30 001"}
    assert prefill("7070000000013") == {"card": "7070000000013"}
    assert prefill("Kari Nordmann") == {"name": "Kari Nordmann"}
    assert prefill("  ") == {}


def test_a_new_member_and_one_who_signed_up_elsewhere(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    till = make_till(hub, tmp_path / "a")
    other_store = make_till(hub, tmp_path / "b", store="S2", register="R9", start=False)
    try:
        win = window_for(qtbot, till)
        tag = f"{uuid.uuid4().int % 10**6:06d}"
        # A new member: typed in the search as a name; the scanner ends the card with Enter.
        dialog = SignUpDialog(win, till.loyalty, "Ingrid Ny")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.name.text() == "Ingrid Ny" and dialog.focusWidget() is dialog.phone
        qtbot.keyClicks(dialog.phone, "41230077")
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
        assert dialog.focusWidget() is dialog.email
        qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # no e-mail: fine with a phone
        qtbot.keyClicks(dialog.card, f"70{tag}01")
        dialog.grab().save(str(ROOT / "docs" / "screenshots" / "customer-signup.png"))
        qtbot.keyClick(dialog.card, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
        ingrid = dialog.customer
        assert ingrid is not None and ingrid.loyalty_card == f"70{tag}01"
        assert "a member now" in dialog.notice
        cached, live = till.loyalty.find(f"70{tag}01")
        assert [c.customer_id for c in cached] == [ingrid.customer_id] and live

        # Lisa signed up in another store (or on the web) with her e-mail, no card.
        email = f"lisa.{tag}@example.no"
        with hub.client(credential_of(other_store)) as http:
            made = http.post("/v1/customers", json={"name": "Lisa Berg", "email": email})
        assert made.status_code == 201
        dialog = SignUpDialog(win, till.loyalty, email.upper())
        qtbot.addWidget(dialog)
        dialog.show()
        _fill(qtbot, dialog, "Lisa B", "", email.upper(), f"70{tag}02")
        dialog.send()
        # Busy until the hub answers (on the GUI thread, by a queued signal): a second
        # send is refused, the form is read-only.
        assert dialog.busy and not dialog.submit.isEnabled() and dialog.card.isReadOnly()
        assert "Signing up" in dialog.note.text()
        dialog.send()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
        lisa = dialog.customer
        assert lisa is not None and lisa.customer_id == made.json()["customer_id"]
        assert lisa.name == "Lisa Berg" and lisa.loyalty_card == f"70{tag}02"
        assert "a member already" in dialog.notice
        with hub.client(credential_of(till)) as http:
            found = http.get("/v1/customers", params={"q": email}).json()
        assert [(c["customer_id"], c["loyalty_card"]) for c in found] == [
            (lisa.customer_id, f"70{tag}02")]  # one customer, with the card
    finally:
        till.shutdown()
        other_store.ctx.db.close()


def test_offline_the_dialog_says_so_and_keeps_what_was_typed(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    proxy = Proxy(hub.port)
    first = make_till(hub, tmp_path / "a", start=False)
    first.ctx.db.close()
    till = build(till_config(tmp_path / "a", proxy.url))
    till.start()
    till.login("1", "1234")
    try:
        win = window_for(qtbot, till)
        qtbot.waitUntil(lambda: till.hub.current().online, timeout=20_000)
        proxy.cut()
        qtbot.waitUntil(lambda: not till.hub.online, timeout=30_000)
        dialog = SignUpDialog(win, till.loyalty)
        qtbot.addWidget(dialog)
        dialog.show()
        _fill(qtbot, dialog, "Per Uten Nett", "99001122", "", "")
        dialog.send()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        assert "cannot be reached" in dialog.note.text()
        assert dialog.isVisible() and dialog.customer is None
        assert dialog.name.text() == "Per Uten Nett" and not dialog.name.isReadOnly()
        _fill(qtbot, dialog, "", "", "", "")
        dialog.send()  # nothing to sign up with: said at once, nothing asked of the hub
        qtbot.waitUntil(lambda: not dialog.busy, timeout=5_000)
        assert "needs a name" in dialog.note.text()
    finally:
        till.shutdown()
        proxy.close()


def test_the_customer_search_asks_the_hub_off_the_gui_thread(  # type: ignore[no-untyped-def]
        qtbot, hub: HubProcess, tmp_path: Path) -> None:
    """Ctrl+K's dialog: Enter searches in the background ("Searching…", a second Enter sends
    nothing), the hub's answer fills the list, Enter again attaches the highlighted one."""
    from pos.ui.customer_search import CustomerDialog

    till = make_till(hub, tmp_path / "a")
    try:
        win = window_for(qtbot, till)
        tag = f"{uuid.uuid4().int % 10**6:06d}"
        with hub.client(credential_of(till)) as http:
            made = http.post("/v1/customers", json={"name": f"Søker {tag}",
                                                    "phone": f"4123{tag}"})
        assert made.status_code == 201
        dialog = CustomerDialog(win, till.loyalty)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.query, f"4123{tag}")
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        assert dialog.calls.busy and "Searching" in dialog.note.text()
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # while it asks: nothing more
        qtbot.waitUntil(lambda: not dialog.calls.busy, timeout=10_000)
        assert dialog.results.count() == 1 and f"Søker {tag}" in dialog.results.item(0).text()
        assert dialog.result() != QDialog.DialogCode.Accepted  # the second Enter took nothing
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # Enter again: the highlighted one
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.chosen is not None and dialog.chosen.customer_id == made.json()[
            "customer_id"]
    finally:
        till.shutdown()
