"""The Norwegian SAF-T Cash Register export (schema v1.00, resources/saft/).

    result = export_saft(db, identity, period, out_path, register_id=None, progress=...)

One module per part of the file: masterdata (header, company, VAT codes, employees, articles,
basics), events (the journal, with the Z reports), transactions (sales with lines, VAT,
payments, signatures); writer puts them together as a stream. See docs/fiscal.md.
"""

from datetime import date
from pathlib import Path

from pos.reports.saft.masterdata import Identity
from pos.reports.saft.selection import Period
from pos.reports.saft.writer import ExportResult, export_saft
from pos.store.db import Database

__all__ = ["ExportResult", "Identity", "Period", "export_day", "export_saft"]


def export_day(db: Database, business_date: str, out: Path, identity: Identity | None = None,
               *, register_id: str | None = None) -> ExportResult:
    """One store-local day, all registers (the end of day's SAF-T step, pos.app.end_of_day).

    identity: the company as configured; by default the one the till set on `db` at start-up
    (pos.app.fiscal.attach_fiscal), so a caller holding only the database writes the same file.
    """
    who = identity or getattr(db, "saft_identity", None)
    if who is None:
        raise ValueError("export_day needs the company's identity (pos.app.saft_identity)")
    day = date.fromisoformat(business_date)
    return export_saft(db, who, Period(day, day, who.timezone), out, register_id=register_id)
