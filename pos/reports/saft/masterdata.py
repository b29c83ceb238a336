"""header and the company's master data (VAT codes, employees, articles, basics), as lxml
elements: small, written once per file.

What the till does not know is written as the technical description says: dateOfEntry
0001-01-01 and timeOfEntry 00:00:00 ("If the Cash Register System does not contain this
information"). Articles are the ones on the period's lines (current name and department from
the catalog, else the line's own snapshot), so a product deleted since is still declared and a
million-product catalog does not bloat a day's file.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from pos.reports.saft.codes import NO_GROUP, Basic
from pos.reports.saft.selection import Period, RegisterSelection
from pos.reports.saft.text import NS, date_text, time_text
from pos.store.codes import SAFT_TAX_CODE_BY_RATE_BP
from pos.store.keys import CHILD_BITS

UNKNOWN_DATE, UNKNOWN_TIME = "0001-01-01", "00:00:00"
SOFTWARE = "Kassa"
SOFTWARE_COMPANY = "Kassa"
AUDITFILE_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the file is about, from the till's configuration (the reports layer reads no config)."""

    company_name: str
    org_no: str
    store_name: str
    address: str
    currency: str
    timezone: str
    software_version: str
    register_descriptions: tuple[tuple[str, str], ...] = ()  # (register_id, regDesc)


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def element(tag: str) -> etree._Element:
    """A top-level element written on its own: it declares the default namespace itself, so
    the serializer needs no ns0: prefixes."""
    return etree.Element(q(tag), nsmap={None: NS})


def sub(parent: etree._Element, tag: str, text: str | None = None,
        limit: int | None = None) -> etree._Element:
    child = etree.SubElement(parent, q(tag))
    if text is not None:
        child.text = text[:limit] if limit else text
    return child


def header(identity: Identity, period: Period, created: datetime, comment: str) -> etree._Element:
    h = element("header")
    first, last = period.first_day.year, period.last_day.year
    sub(h, "fiscalYear", str(first) if first == last else f"{first}-{last}")
    sub(h, "startDate", period.first_day.isoformat())
    sub(h, "endDate", period.last_day.isoformat())
    sub(h, "curCode", identity.currency)
    sub(h, "dateCreated", date_text(created))
    sub(h, "timeCreated", time_text(created))
    sub(h, "softwareDesc", SOFTWARE)
    sub(h, "softwareVersion", identity.software_version, 20)
    sub(h, "softwareCompanyName", SOFTWARE_COMPANY)
    sub(h, "auditfileVersion", AUDITFILE_VERSION)
    if comment:
        sub(h, "headerComment", comment, 999)
    return h


_POSTCODE_CITY = re.compile(r"^\s*(\d{4})\s+(.+?)\s*$")


def street_address(parent: etree._Element, address: str, tag: str = "streetAddress") -> None:
    """"Storgata 1, 0155 Oslo" -> streetname, postalCode, city (country NO); anything else is
    written whole as the street name."""
    if not address.strip():
        return
    street, _, rest = address.rpartition(",")
    match = _POSTCODE_CITY.match(rest)
    a = sub(parent, tag)
    if street and match:
        sub(a, "streetname", street.strip(), 100)
        sub(a, "city", match.group(2), 50)
        sub(a, "postalCode", match.group(1))
    else:
        sub(a, "streetname", address.strip(), 100)
    sub(a, "country", "NO")


def company_head(company: etree._Element, identity: Identity) -> None:
    sub(company, "companyIdent", identity.org_no)
    sub(company, "companyName", identity.company_name, 100)
    sub(company, "taxRegistrationCountry", "NO")
    sub(company, "taxRegIdent", f"{identity.org_no}MVA")
    street_address(company, identity.address)


@dataclass
class Catalog:
    """What the period's lines use: articles (sku -> name, group) and VAT codes (code -> rate)."""

    articles: dict[str, tuple[str, str]]
    vat_rates: dict[str, int]

    @property
    def groups(self) -> list[str]:
        return sorted({group for _name, group in self.articles.values()})


def scan_catalog(con: sqlite3.Connection, registers: Iterable[RegisterSelection]) -> Catalog:
    """One DISTINCT pass over each register's period lines (a line_key range; no join per
    line: the catalog is looked up once per distinct article afterwards)."""
    snapshots: dict[str, tuple[str, str | None]] = {}
    vat_rates: dict[str, int] = {}
    for reg in registers:
        if reg.sales.first is None or reg.sales.last is None:
            continue
        lo, hi = reg.sales.first << CHILD_BITS, (reg.sales.last << CHILD_BITS) | 0xFFFF
        for sku, name, dept, vat_code, rate_bp in con.execute(
            "SELECT DISTINCT sku, name, department, vat_code, vat_rate_bp FROM sale_lines "
            "WHERE line_key BETWEEN ? AND ?",
            (lo, hi),
        ):
            snapshots.setdefault(sku, (name, dept))
            vat_rates.setdefault(vat_code, rate_bp)
    current: dict[str, tuple[str, str | None]] = {}
    skus = sorted(snapshots)
    for start in range(0, len(skus), 500):
        chunk = skus[start:start + 500]
        current.update((sku, (name, dept)) for sku, name, dept in con.execute(
            "SELECT p.sku, p.name, d.name FROM products p LEFT JOIN departments d "
            f"ON d.id = p.department_id WHERE p.sku IN ({','.join('?' * len(chunk))})",
            chunk,
        ))
    articles = {}
    for sku, (line_name, line_dept) in snapshots.items():
        name, dept = current.get(sku, (line_name, line_dept))
        articles[sku] = (name or line_name, dept or line_dept or NO_GROUP)
    return Catalog(articles, vat_rates)


def vat_code_details(con: sqlite3.Connection, used: dict[str, int]) -> etree._Element:
    details = element("vatCodeDetails")
    known = {code: (rate, saft, desc) for code, rate, saft, desc in con.execute(
        "SELECT code, rate_bp, saft_code, description FROM vat_classes ORDER BY code")}
    for code, rate in used.items():
        if code not in known:
            known[code] = (rate, SAFT_TAX_CODE_BY_RATE_BP.get(rate, code), "")
    for code, (rate, saft, desc) in sorted(known.items()):
        d = sub(details, "vatCodeDetail")
        sub(d, "vatCode", code, 20)
        sub(d, "dateOfEntry", UNKNOWN_DATE)
        sub(d, "vatDesc", desc or f"VAT {rate / 100:g} %", 100)
        sub(d, "standardVatCode", saft, 9)
    return details


def employees(con: sqlite3.Connection) -> tuple[etree._Element, dict[int, str]]:
    """All users (the file names them by employee number) and the id -> empID map."""
    out = element("employees")
    emp_ids: dict[int, str] = {}
    for user_id, employee_no, name, role in con.execute(
        "SELECT id, employee_no, name, role FROM users ORDER BY id"
    ):
        emp_ids[user_id] = employee_no
        e = sub(out, "employee")
        sub(e, "empID", employee_no, 35)
        sub(e, "dateOfEntry", UNKNOWN_DATE)
        sub(e, "timeOfEntry", UNKNOWN_TIME)
        first, _, last = name.strip().rpartition(" ")
        if first:
            sub(e, "firstName", first, 50)
        sub(e, "surName", last or name or employee_no, 100)
        r = sub(e, "employeeRole")
        sub(r, "roleType", role, 50)
    return out, emp_ids


def articles(catalog: Catalog) -> etree._Element:
    out = element("articles")
    for sku in sorted(catalog.articles):
        name, group = catalog.articles[sku]
        a = sub(out, "article")
        sub(a, "artID", sku, 35)
        sub(a, "dateOfEntry", UNKNOWN_DATE)
        sub(a, "artGroupID", group, 35)
        sub(a, "artDesc", name or sku, 999)
    return out


def basics(items: Iterable[Basic]) -> etree._Element:
    out = element("basics")
    seen: set[str] = set()
    for b in items:
        key = b.basic_id[:35]
        if key in seen:  # basicID is the schema's key across all basic types
            continue
        seen.add(key)
        e = sub(out, "basic")
        sub(e, "basicType", b.basic_type)
        sub(e, "basicID", key)
        if b.predefined:
            sub(e, "predefinedBasicID", b.predefined)
        sub(e, "basicDesc", b.description or b.basic_id, 999)
    return out
