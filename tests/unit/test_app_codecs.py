"""Round trips and formats of the app layer: parked carts, stored print jobs, money input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from drivers.base import Barcode, Cut, Feed, PrintJob, TextLine
from pos.app.cart_codec import cart_from_data, cart_to_data
from pos.app.format import Formatter
from pos.app.print_codec import job_from_data, job_to_data, mark_copy
from pos.app.receipt_layout import layout_receipt
from pos.core.cart import Cart, Discount, Item
from pos.core.money import Money
from pos.core.receipt import Seller, build_receipt
from pos.core.tender import Settlement
from pos.core.totals import compute_totals
from pos.core.vat import VatRate

FOOD = VatRate("31", 1500)


def cart() -> Cart:
    milk = Item(1, "100", "Tine Lettmelk 1 l", Money(2490, "NOK"), FOOD, "Meieri", "7038010000089")
    apples = Item(2, "200", "Epler røde", Money(3490, "NOK"), FOOD, "Frukt", None, "weight")
    c = Cart("NOK").add(milk, 2000).add(apples, 734)
    c = c.override_price(1, Money(1990, "NOK"), "kort dato")
    c = c.discount_line(2, Discount("tilbud", percent_bp=1000))
    return c.discount_receipt(Discount("medlem", amount_minor=500)).void_line(1).add(milk)


def test_parked_cart_round_trips() -> None:
    original = cart()
    assert cart_from_data(cart_to_data(original, "sale-1")) == original


def test_print_job_round_trips_and_copy_is_marked() -> None:
    job = PrintJob((TextLine("Kassa", bold=True, align="center"), Barcode("R1-1V"), Feed(2), Cut()),
                   open_drawer=True, drawer_pin=5)
    assert job_from_data(job_to_data(job)) == job
    copy = mark_copy(job, "*** KOPI ***")
    assert copy.items[0].text == "*** KOPI ***" and not copy.open_drawer  # type: ignore[union-attr]
    assert isinstance(copy.items[-1], Cut) and sum(isinstance(i, Cut) for i in copy.items) == 1


@pytest.mark.parametrize(("text", "minor"), [("250", 25_000), ("24,90", 2490), ("24.9", 2490),
                                             ("1 000", 100_000), (",50", 50)])
def test_parse_amount(text: str, minor: int) -> None:
    assert Formatter("nb_NO").parse_amount(text, "NOK") == Money(minor, "NOK")


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1,234", "-5", "12e3"])
def test_parse_amount_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        Formatter("nb_NO").parse_amount(text, "NOK")


def test_receipt_layout_fits_the_paper_and_adds_up() -> None:
    totals = compute_totals(cart())
    settlement = Settlement(totals.total).pay_cash(Money(20_000, "NOK"))
    receipt = build_receipt(
        seller=Seller("Kassa Demo AS", "923609016", "Demo", "demo", "1"), transaction_no=7,
        receipt_id="R1-7X", closed_at=datetime(2026, 11, 23, 13, 5, tzinfo=UTC),
        employee="Kari", totals=totals, settlement=settlement, receipt_discount_reason="medlem")
    for columns in (42, 32):
        job = layout_receipt(receipt, "nb_NO", columns, Formatter("nb_NO", "Europe/Oslo"))
        text = [i.text for i in job.items if isinstance(i, TextLine)]
        assert all(len(line) <= columns for line in text), [t for t in text if len(t) > columns]
        body = "\n".join(text)
        assert "23.11.2026, 14:05" in body  # Oslo time, not UTC
        assert "Øreavrunding" in body and "Kontant" in body and "Veksel" in body
        assert "Rabatt medlem" in body and "MVA 15%" in body
        assert "Kvittering nr. 7" in body


def test_pole_display_lines_fit_two_by_twenty() -> None:
    from pos.app.customer_view import CustomerView, pole_lines

    top, bottom = pole_lines(CustomerView("Tine Ekstra lett melk 1 l", "24,90", "TOTALT 1 234,50"))
    assert len(top) == 20 and len(bottom) == 20
    assert top.endswith(" 24,90") and top.startswith("Tine Ekstra l")
    assert bottom.strip() == "TOTALT 1 234,50"
