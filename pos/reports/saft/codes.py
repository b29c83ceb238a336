"""The official code lists (resources/saft/*.csv) and the basics the export declares.

Every code the file uses (eventType, transType, lineType, paymentType, artGroupID) is declared
in `basics` (the schema keys basics by basicID and checks event/eventType and ctLine/lineType
against it). The till's own codes ARE the predefined ones for events (130xx), transaction types
(110xx) and payments (120xx), so basicID = predefinedBasicID there, and the basicIDs of the
five basic types never collide (their codes start with the type's two digits).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from resources import resource_path

# Our line types (basicType 05, no predefined list): a sold line and a returned line.
LINE_SALE = "SAL"
LINE_RETURN = "RET"
LINE_TYPES = {LINE_SALE: "Sale line", LINE_RETURN: "Return line"}
# Article groups without a department; departments map to PredefinedBasicID-04 "Sale of goods".
NO_GROUP = "NOGROUP"
ARTICLE_GROUP_CODE = "04003"
DISCOUNT_TYPE = "DSC"  # basicType 08, discount codes: a discount on the line

# Transaction types (PredefinedBasicID-11) by sale kind. A void reverses a whole receipt: it is
# a correction (11009) and carries voidTransaction=true.
TX_TYPE_BY_KIND = {"sale": "11001", "return": "11006", "void": "11009"}


@dataclass(frozen=True, slots=True)
class Basic:
    basic_type: str
    basic_id: str
    predefined: str | None
    description: str


def _rows(name: str) -> list[list[str]]:
    path = resource_path("saft", f"{name}.csv")
    raw = path.read_bytes()
    try:  # -13 is UTF-8, the others Windows-1252 (resources/saft/SOURCES.md)
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return [row for row in csv.reader(text.splitlines(), delimiter=";") if row][1:]


@cache
def code_list(name: str) -> dict[str, str]:
    """{code: English description} of one official list, e.g. code_list("PredefinedBasicID-13")."""
    return {row[0].strip(): row[1].strip() for row in _rows(name)}


def standard_basics() -> list[Basic]:
    """Every event, transaction and payment code of the official lists, plus our line types."""
    basics = []
    for basic_type in ("11", "12", "13"):
        for code, desc in code_list(f"PredefinedBasicID-{basic_type}").items():
            basics.append(Basic(basic_type, code, code, desc))
    basics += [Basic("05", code, None, desc) for code, desc in LINE_TYPES.items()]
    basics.append(Basic("08", DISCOUNT_TYPE, None, "Discount on the line"))
    return basics


def article_group_basics(groups: list[str]) -> list[Basic]:
    return [Basic("04", g, ARTICLE_GROUP_CODE, g) for g in groups]
