"""cashregister/event: every journal entry of the period, with its PredefinedBasicID-13 code.

While streaming, each entry's hash link is checked (pos.store.journal: sha256 of the previous
hash and the entry's canonical fields), so the export names the first broken link of the
exported range; a clock that went backwards between two entries is flagged, never renumbered.
Z and X reports (13009/13008) carry their report (journaled in full by pos.store.z_reports)
as eventReport. Copy, provisional and delivery receipts (13014-13016) are counted per sale for
cashtransaction/receiptCopyNum, receiptProformaNum and receiptDeliveryNum.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from pos.reports.saft.report_xml import event_report_xml
from pos.reports.saft.selection import RegisterSelection
from pos.reports.saft.text import LocalTime, esc, ident
from pos.store.journal import GENESIS_HASH, canonical_fields

COPY_RECEIPT = "13014"
PROVISIONAL_RECEIPT = "13015"
DELIVERY_RECEIPT = "13016"
PER_SALE = (COPY_RECEIPT, PROVISIONAL_RECEIPT, DELIVERY_RECEIPT)  # counted per sale id
REPORT_EVENTS = ("13008", "13009")
SALE_EVENTS = ("13012", "13013", "13017", "13028")  # the cashtransaction holds the details


@dataclass
class RegisterEvents:
    # event code (13014 copy, 13015 provisional, 13016 delivery) -> sale id -> receipts
    per_sale: dict[str, dict[str, int]] = field(
        default_factory=lambda: {code: {} for code in PER_SALE})
    warnings: list[str] = field(default_factory=list)
    first_broken_entry: int | None = None
    written: int = 0


class ReportIds:
    """reportID is keyed across the whole file: each register numbers its own Z reports."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, register_id: str, wanted: str) -> str:
        candidate = wanted[:35]
        if candidate in self.used:
            candidate = f"{register_id}-{wanted}"[:35]
        n = 2
        while candidate in self.used:
            candidate, n = f"{register_id}-{wanted}-{n}"[:35], n + 1
        self.used.add(candidate)
        return candidate


def _report_xml(payload_json: str, register_id: str, ids: ReportIds) -> str:
    from pos.reports.xz_model import XZReport  # the shifts engineer's model (issue 7)

    payload = json.loads(payload_json)
    report = payload.get("report") if isinstance(payload, dict) else None
    if not report:
        return ""
    model = XZReport.model_validate(report)
    return event_report_xml(model, ids.unique(register_id, model.report_id))


def write_events(
    con: sqlite3.Connection,
    reg: RegisterSelection,
    zone: ZoneInfo,
    emp_ids: dict[int, str],
    write: Callable[[str], None],
    ids: ReportIds,
    progress: Callable[[int], None] = lambda n: None,
) -> RegisterEvents:
    result = RegisterEvents()
    span = reg.journal
    if span.first is None or span.last is None:
        return result
    prev_hash = _hash_before(con, span.first, reg)
    expected_no = (span.first & ((1 << 36) - 1))
    last_at = ""
    local_time = LocalTime(zone)
    chunk: list[str] = []
    heads: dict[tuple[str, int | None], tuple[str, str]] = {}
    event_texts: dict[str, str] = {}  # <eventText> of the events exported by name alone
    rows = con.execute(
        "SELECT entry_no, at, employee_id, event_code, event, transaction_no, sale_id, "
        "payload, prev_hash, hash FROM journal WHERE entry_key BETWEEN ? AND ? "
        "ORDER BY entry_key",
        (span.first, span.last),
    )
    for entry_no, at, emp, code, event, tx_no, sale_id, payload, prev, digest in rows:
        if result.first_broken_entry is None:
            reason = None
            if entry_no != expected_no:
                reason = f"entry {expected_no} is missing"
            elif prev != prev_hash:
                reason = "its link to the previous entry does not match"
            else:
                text = canonical_fields(reg.register_id, entry_no, at, emp, code, event, tx_no,
                                        sale_id, payload)
                if hashlib.sha256((prev_hash + text).encode()).hexdigest() != digest:
                    reason = "its contents do not match its hash (changed after it was written)"
            if reason:
                result.first_broken_entry = entry_no
                result.warnings.append(
                    f"journal of register {reg.register_id}: first broken link at entry "
                    f"{entry_no}: {reason}")
        expected_no, prev_hash = entry_no + 1, digest
        if at < last_at:
            result.warnings.append(
                f"register {reg.register_id}: the clock went backwards at journal entry "
                f"{entry_no} ({at} after {last_at}); kept as recorded")
        last_at = max(last_at, at)
        day, clock = local_time(at)
        head = heads.get((code, emp))
        if head is None:
            who = f"<empID>{ident(emp_ids[emp])}</empID>" if emp in emp_ids else ""
            head = heads[(code, emp)] = (f"</eventID><eventType>{ident(code)}</eventType>", who)
        report = ""
        if code in REPORT_EVENTS:
            try:
                report = _report_xml(payload, reg.register_id, ids)
            except ValueError as exc:  # a report the model cannot read: say so, keep the event
                result.warnings.append(f"register {reg.register_id}: the report of journal "
                                       f"entry {entry_no} could not be exported: {exc}")
            text = event_texts.get(event) or _event_text(event_texts, event)
        elif code in SALE_EVENTS or payload == "{}":
            text = event_texts.get(event) or _event_text(event_texts, event)
        else:
            text = f"<eventText>{esc(event + ' ' + payload, 9999)}</eventText>"
        if code in PER_SALE:
            of_sale = json.loads(payload).get("sale_id")
            if of_sale:
                counts = result.per_sale[code]
                counts[of_sale] = counts.get(of_sale, 0) + 1
        trans = f"<transID>{tx_no}</transID>" if tx_no is not None else ""
        chunk.append(f"<event><eventID>{entry_no}{head[0]}{trans}{head[1]}<eventDate>{day}"
                     f"</eventDate><eventTime>{clock}</eventTime>{text}{report}</event>")
        result.written += 1
        if result.written % 512 == 0:
            write("".join(chunk))
            chunk.clear()
            progress(512)
    write("".join(chunk))
    progress(result.written % 512)
    return result


def _event_text(known: dict[str, str], event: str) -> str:
    text = known[event] = f"<eventText>{esc(event)}</eventText>"
    return text


def _hash_before(con: sqlite3.Connection, first_key: int, reg: RegisterSelection) -> str:
    """The hash the period's first entry must link to (the genesis for a register's first)."""
    if first_key == reg.key_lo + 1:
        return GENESIS_HASH
    row = con.execute("SELECT hash FROM journal WHERE entry_key = ?", (first_key - 1,)).fetchone()
    return row[0] if row else "(missing)"
