"""Values as the SAF-T Cash Register schema writes them, and XML text escaping.

The bulk of an export (events and cash transactions) is rendered by small templates rather
than element by element (see pos.reports.saft.writer for why); everything a template puts
between tags goes through `esc` (text) or one of the number formatters below (numbers and
codes the till made itself), so nothing a cashier typed can break the markup.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from pos.core.signing import amount_text as _amount_text
from pos.core.signing import date_text, time_text

# The same few thousand prices and totals recur all year: a cache hit is a C call.
amount_text = lru_cache(maxsize=1 << 16)(_amount_text)

__all__ = ["amount_text", "date_text", "esc", "flag", "ident", "quantity_text", "time_text"]

NS = "urn:StandardAuditFile-Taxation-CashRegister:NO"
SCHEMA_FILE = "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd"

# XML 1.0 allows tab, LF, CR and everything from U+0020 on except the surrogates and FFFE/FFFF.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: str, limit: int | None = None) -> str:
    """Escape for element content; characters XML cannot carry are dropped; cut to `limit`
    characters (the schema's StringNNN) before escaping."""
    if limit is not None and len(text) > limit:
        text = text[:limit]
    if text.isprintable() and "&" not in text and "<" not in text and ">" not in text:
        return text  # the usual case, decided in C
    text = _INVALID.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ident(text: str) -> str:
    """An IdentificationString35 value."""
    return esc(text, 35)


def quantity_text(milli: int) -> str:
    """Thousandths as Amount6decimals, no trailing zeros: 2000 -> "2", 734 -> "0.734"."""
    sign = "-" if milli < 0 else ""
    whole, frac = divmod(abs(milli), 1000)
    return f"{sign}{whole}" + (f".{frac:03d}".rstrip("0") if frac else "")


def percent_text(basis_points: int) -> str:
    """2500 -> "25.00" (Decimal8: at most 3 decimals, never negative)."""
    return amount_text(basis_points)


def flag(value: bool) -> str:
    return "true" if value else "false"


def credit_debit(minor: int) -> str:
    """amntTp: revenue up (a sale) is C, revenue down (a return) is D (technical description)."""
    return "D" if minor < 0 else "C"


def local_date_time(moment: datetime) -> tuple[str, str]:
    return date_text(moment), time_text(moment)


class LocalTime:
    """The database's UTC text ("2026-11-20T08:07:47.123456Z") as the store's local date and
    time ("2026-11-20", "09:07:47"), seconds truncated like the signer does.

    The zone's offset is looked up once per UTC hour: daylight-saving changes happen on the
    hour (in Europe at 01:00 UTC), and a zone lookup per row would cost more than the rest of
    the row's date handling together."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.offsets: dict[str, tuple[timedelta, int | None]] = {}

    def __call__(self, utc_text: str) -> tuple[str, str]:
        hour = utc_text[:13]
        known = self.offsets.get(hour)
        if known is None:
            moment = datetime.fromisoformat(hour + ":00:00+00:00").astimezone(self.zone)
            offset = moment.utcoffset() or timedelta(0)
            # Whole-hour offset and the local hour on the same day: the date stays and only
            # the hour digits change (the usual case, no datetime arithmetic per row).
            seconds = int(offset.total_seconds())
            shifted = int(utc_text[11:13]) + seconds // 3600
            same_day = seconds % 3600 == 0 and 0 <= shifted <= 23
            known = (offset, shifted if same_day else None)
            if len(self.offsets) > 50_000:
                self.offsets.clear()
            self.offsets[hour] = known
        offset, local_hour = known
        if local_hour is not None:
            return utc_text[:10], f"{local_hour:02d}{utc_text[13:19]}"
        iso = (datetime.fromisoformat(utc_text[:19]) + offset).isoformat()
        return iso[:10], iso[11:19]
