"""Receipt markings and the SAF-T value formats: what the regulation and the schema read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pos.app.receipt_marks import receipt_heading, sales_layout_heading
from pos.reports.saft.report_xml import camel
from pos.reports.saft.text import LocalTime, amount_text, esc, quantity_text


@pytest.mark.parametrize(("minor", "text"), [
    (0, "0.00"), (5, "0.05"), (-5, "-0.05"), (-100, "-1.00"), (125000, "1250.00"),
    (-125099, "-1250.99"), (10**15 + 1, "10000000000000.01"),
])
def test_amounts_are_two_decimal_text_without_floats(minor: int, text: str) -> None:
    assert amount_text(minor) == text


@pytest.mark.parametrize(("milli", "text"), [
    (1000, "1"), (2500, "2.5"), (734, "0.734"), (-1000, "-1"), (1, "0.001"), (0, "0"),
])
def test_quantities(milli: int, text: str) -> None:
    assert quantity_text(milli) == text


def test_text_is_escaped_and_cut_and_cleaned() -> None:
    assert esc("Brød & <smør>") == "Brød &amp; &lt;smør&gt;"
    assert esc("a\x00b\x1fc") == "abc"  # XML 1.0 cannot carry these at all
    assert esc("x" * 50, 35) == "x" * 35
    assert esc("Vanlig tekst") == "Vanlig tekst"


def test_local_time_matches_the_zone_across_daylight_saving() -> None:
    zone = ZoneInfo("Europe/Oslo")
    local = LocalTime(zone)
    moment = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)  # spring forward at 01:00 UTC on the 29th
    for _ in range(4 * 24 * 7):
        text = moment.strftime("%Y-%m-%dT%H:%M:%S.123456Z")
        expected = moment.astimezone(zone)
        assert local(text) == (f"{expected:%Y-%m-%d}", f"{expected:%H:%M:%S}"), text
        moment += timedelta(minutes=15)


def test_xz_field_names_become_the_schema_names() -> None:
    assert camel("report_total_cash_sales") == "reportTotalCashSales"
    assert camel("emp_id") == "empID"
    assert camel("report_receipt_proforma_num") == "reportReceiptProformaNum"
    assert camel("vat_amnt_tp") == "vatAmntTp"


def test_receipts_are_named_on_top_and_non_sales_receipts_say_so() -> None:
    [sale] = sales_layout_heading("sale", "nb_NO", training=False)
    assert sale.text == "SALGSKVITTERING" and sale.double
    training = [line.text for line in sales_layout_heading("sale", "nb_NO", training=True)]
    # double size on 42 columns: 21 characters a line, broken between words
    assert training == ["TRENINGSKVITTERING", "IKKJE KVITTERING", "FOR KJØP"]
    assert sales_layout_heading("return", "nb_NO", training=False) == []  # return_marking's
    provisional = [line.text for line in receipt_heading("provisional", "nb_NO", number="7")]
    assert provisional == ["FORELØPIG KVITTERING", "Nr. 7", "IKKJE KVITTERING", "FOR KJØP"]
    wide = [line.text for line in receipt_heading("provisional", "nb_NO", number="7", columns=48)]
    assert wide == ["FORELØPIG KVITTERING 7", "IKKJE KVITTERING", "FOR KJØP"]
    assert receipt_heading("delivery", "sv_SE")[0].text == "UTLÄMNINGSKVITTO"
    assert receipt_heading("return", "nb_NO")[0].text == "RETURKVITTERING"
    assert receipt_heading("void", "nb_NO") == []
