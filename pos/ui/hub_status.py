"""The hub part of the status bar: online or offline, the queue, the age of the last sync."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos.app.hub_link import HubStatus

translate = QCoreApplication.translate


def age_text(last: datetime | None, now: datetime | None = None) -> str:
    """"just now", "40 s ago", "12 min ago", "3 h ago", "2 d ago", or "never"."""
    if last is None:
        return translate("HubStatus", "never")
    seconds = max(0, int(((now or datetime.now(UTC)) - last).total_seconds()))
    if seconds < 10:
        return translate("HubStatus", "just now")
    if seconds < 120:
        return translate("HubStatus", "{0} s ago").format(seconds)
    if seconds < 2 * 3600:
        return translate("HubStatus", "{0} min ago").format(seconds // 60)
    if seconds < 2 * 86400:
        return translate("HubStatus", "{0} h ago").format(seconds // 3600)
    return translate("HubStatus", "{0} d ago").format(seconds // 86400)


# Marked for lupdate here, translated in hub_status_text.
_PROBLEMS = {
    "not_enrolled": (QT_TRANSLATE_NOOP(
        "HubStatus", "Hub: not enrolled (kassa enrol)"), "warning"),
    "no_credential": (QT_TRANSLATE_NOOP(
        "HubStatus", "Hub: credential missing"), "error"),
    "refused": (QT_TRANSLATE_NOOP(
        "HubStatus", "Hub: credential refused"), "error"),
    "seq_reused": (QT_TRANSLATE_NOOP(
        "HubStatus", "Hub: stopped, numbers clash"), "error"),
    "rejected": (QT_TRANSLATE_NOOP(
        "HubStatus", "Hub: stopped, batch refused"), "error"),
    "internal": (QT_TRANSLATE_NOOP(
        "HubStatus", "Hub: stopped by an error"), "error"),
}


def hub_status_text(status: HubStatus | None, pending: int,
                    now: datetime | None = None) -> tuple[str, str, str]:
    """(text, level, tooltip) for the status bar; status None: no hub configured."""
    queued = translate("HubStatus", "{0} queued").format(pending)
    if status is None:
        return translate("HubStatus", "Hub: not set up") + " · " + queued, "warning", ""
    if status.problem in _PROBLEMS:
        text, level = _PROBLEMS[status.problem]
        advice = translate("HubStatus", "Sales are kept on this till. Call support.")
        return (translate("HubStatus", text) + " · " + queued, level,
                f"{advice}\n{status.detail}".strip())
    if status.in_sync:
        return translate("HubStatus", "Hub: online · in sync"), "ok", ""
    last = translate("HubStatus", "last sync {0}").format(age_text(status.last_sync, now))
    if status.online:
        return translate("HubStatus", "Hub: online") + f" · {queued} · {last}", "ok", ""
    return (translate("HubStatus", "Hub: offline") + f" · {queued} · {last}", "warning",
            status.detail)
