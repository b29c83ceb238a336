"""UTC timestamps as sortable ISO-8601 text, the one format the till DB stores."""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc_text(moment: datetime) -> str:
    """`2026-11-23T14:05:08.123456Z`; refuses naive datetimes (their zone is a guess)."""
    if moment.tzinfo is UTC:  # the common case (utc_now()): no conversion needed
        return moment.isoformat(timespec="microseconds")[:-6] + "Z"
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware datetime")
    # isoformat is several times faster than strftime; this runs twice per sale commit.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_utc_text(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def utc_now() -> datetime:
    return datetime.now(UTC)
