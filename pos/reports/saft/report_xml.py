"""An X or Z report (pos.reports.xz_model, the eventReport tree in snake_case) as eventReport XML.

The model's fields are the XSD's elements in the XSD's order, so the rendering is generic:
snake_case -> camelCase ("_id" -> "ID"), a tuple is a list element whose items take the
singular name, a nested model is a structure, None is left out. Units (see xz_model): money in
minor units, art_group_num in thousandths, vat_perc in basis points, *_num plain counts.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from pos.reports.saft.text import amount_text, esc, percent_text, quantity_text

# List elements whose item is not simply the list's name without its final "s".
_ITEM_NAMES = {
    "reportCashSalesVat": "reportCashSaleVat",
    "reportPriceInquiries": "reportPriceInquiry",
}
_SKIP = {"extras"}  # the till's own additions, not in the XSD


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join("ID" if part == "id" else part.capitalize() for part in rest)


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if name == "art_group_num":
            return quantity_text(value)
        if name == "vat_perc":
            return percent_text(value)
        if name.endswith("_num"):
            return str(value)
        return amount_text(value)
    return esc(str(value))


def render_model(model: BaseModel, out: list[str]) -> None:
    for name in type(model).model_fields:
        if name in _SKIP:
            continue
        value = getattr(model, name)
        if value is None:
            continue
        tag = camel(name)
        if isinstance(value, tuple):
            item = _ITEM_NAMES.get(tag, tag[:-1])
            out.append(f"<{tag}>")
            for entry in value:
                out.append(f"<{item}>")
                render_model(entry, out)
                out.append(f"</{item}>")
            out.append(f"</{tag}>")
        elif isinstance(value, BaseModel):
            out.append(f"<{tag}>")
            render_model(value, out)
            out.append(f"</{tag}>")
        else:
            out.append(f"<{tag}>{_value(name, value)}</{tag}>")


def event_report_xml(report: BaseModel, report_id: str) -> str:
    """<eventReport>...</eventReport>; report_id replaces the model's (unique in the file)."""
    out: list[str] = []
    render_model(report, out)
    body = "".join(out)
    original = getattr(report, "report_id", None)
    if original is not None:
        body = body.replace(f"<reportID>{esc(str(original))}</reportID>",
                            f"<reportID>{esc(report_id, 35)}</reportID>", 1)
    return f"<eventReport>{body}</eventReport>"
