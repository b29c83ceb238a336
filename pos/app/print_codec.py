"""Print jobs to JSON-able data and back: a receipt waiting for its printer is stored."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from drivers.base import Barcode, Cut, Feed, Logo, PrintItem, PrintJob, QrCode, TextLine

_KINDS: dict[str, type[PrintItem]] = {
    "text": TextLine, "barcode": Barcode, "qr": QrCode, "feed": Feed, "cut": Cut, "logo": Logo,
}
_NAMES = {kind: name for name, kind in _KINDS.items()}


def job_to_data(job: PrintJob) -> dict[str, Any]:
    return {
        "items": [{"k": _NAMES[type(item)], **asdict(item)} for item in job.items],
        "open_drawer": job.open_drawer,
        "drawer_pin": job.drawer_pin,
    }


def job_from_data(data: dict[str, Any]) -> PrintJob:
    items = []
    for raw in data["items"]:
        fields = dict(raw)
        kind = _KINDS[fields.pop("k")]
        items.append(kind(**fields))
    return PrintJob(tuple(items), data["open_drawer"], data["drawer_pin"])


def mark_copy(job: PrintJob, banner: str) -> PrintJob:
    """The same receipt with a copy banner on top and bottom, and no drawer kick."""
    top = TextLine(banner, bold=True, double=True, align="center")
    bottom = TextLine(banner, bold=True, align="center")
    body = [item for item in job.items if not isinstance(item, Cut)]
    return PrintJob((top, *body, bottom, Feed(3), Cut()), open_drawer=False)
