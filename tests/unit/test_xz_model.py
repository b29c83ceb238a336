"""The X/Z model mirrors eventReport: every element of the XSD is a field, in order, and the
numbers print as the XSD's decimals."""

from __future__ import annotations

import re
from pathlib import Path

from pos.reports.xz_model import XZReport, amount_text, percent_text, quantity_text

XSD = (Path(__file__).resolve().parents[2] / "resources" / "saft"
       / "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd")


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.replace("ID", "Id")).lower()


def test_every_event_report_child_is_a_field_in_xsd_order() -> None:
    text = XSD.read_text(encoding="utf-8")
    start = text.index('<xsd:element name="eventReport"')
    body = text[start:text.index('<xsd:element name="cashtransaction"', start)]
    # Direct children of eventReport's sequence: the elements six tabs deeper than it.
    indent = text[text.rindex("\n", 0, start) + 1:start]
    child = re.compile(rf"^{indent}\t\t\t<xsd:element name=\"(\w+)\"", re.MULTILINE)
    names = [snake(n) for n in child.findall(body)]
    assert names[:3] == ["report_id", "report_type", "company_ident"]
    fields = [f for f in XZReport.model_fields if f != "extras"]
    assert fields == names


def test_numbers_print_as_the_xsd_decimals() -> None:
    assert amount_text(51420) == "514.20"
    assert amount_text(-5) == "-0.05"
    assert amount_text(0) == "0.00"
    assert quantity_text(2000) == "2"
    assert quantity_text(1500) == "1.5"
    assert quantity_text(-734) == "-0.734"
    assert percent_text(2500) == "25.00"
