"""`kassa doctor`'s lines about the till's own state: the outbox's backlog and age, and the
fiscal signing key. Each returns (name, verdict, detail, fix); imported when the doctor runs
them, on its worker threads, so their imports overlap the network and device waits."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pos.app.config import TillConfig
from pos.store import outbox
from pos.store.db import Database

OUTBOX_WARN_EVENTS = 1000  # about a day of a busy till's sales
OUTBOX_WARN_AGE_S = 15 * 60  # the pusher retries within a minute: 15 min is not a blip
Line = tuple[str, str, str, str]


def outbox_line(db: Database, register: str, now: datetime | None = None) -> Line:
    pending = outbox.count_pending(db, register)
    oldest = outbox.oldest_pending_at(db, register) if pending else None
    age = ((now or datetime.now(UTC)) - oldest).total_seconds() if oldest else 0.0
    detail = f"{pending} event(s) waiting for the hub"
    if oldest is not None:
        detail += f", the oldest {_duration(age)} old"
    if pending >= OUTBOX_WARN_EVENTS or age >= OUTBOX_WARN_AGE_S:
        return ("outbox", "warn", detail, "check the network and the hub line below; the till "
                "keeps every event and sends it when the hub answers")
    return "outbox", "ok", detail, ""


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min" if seconds < 7200 else f"{seconds / 3600:.1f} h"


def fiscal_line(config: TillConfig) -> Line:
    """The signing key loads. Never made here: the till makes a demo key, the doctor changes
    nothing."""
    from pos.app.fiscal import load_signer
    from pos.reports.signing import KeyProblem

    section = config.fiscal
    where = (f"OS keystore {section.keyring_service}/{section.keyring_user}"
             if section.keyring_service else str(section.private_key))
    if section.demo_key and section.private_key and not Path(section.private_key).exists():
        return ("fiscal key", "warn", f"{where} does not exist; the till makes a demo key",
                "demo only: a real till needs the key the tax office has")
    try:
        signer = load_signer(section.model_copy(update={"demo_key": False}),
                             config.till.timezone)
    except KeyProblem as problem:
        return ("fiscal key", "fail", str(problem), "install the signing key (docs/fiscal.md) "
                "and set [fiscal] private_key or keyring_service; the till does not sell "
                "without it")
    return ("fiscal key", "ok", f"{signer.algorithm} key version {signer.key_version} loads "
            f"from {where}", "")
