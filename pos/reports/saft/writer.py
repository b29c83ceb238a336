"""The export as one stream: lxml's incremental writer (etree.xmlfile) lays out the document
and writes header and master data as elements; events and cash transactions, millions of them,
are rendered by templates (pos.reports.saft.events / .transactions) into the same stream.

Why templates for the bulk: building each cashtransaction as lxml elements and serializing
them cost 110-230 µs per transaction on the 2-core development VM (60-75 elements each), and
parsing a rendered fragment back into lxml ~56 µs; a template costs ~8 µs. The goal is a million
transactions in under a minute, so the templates write and the tests validate every file they
produce against the official XSD (keys and keyrefs included).

The file is written next to its destination and renamed into place when complete, so a crash
or a full disk never leaves a half file under the requested name.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from lxml import etree

from pos.reports.saft import masterdata as md
from pos.reports.saft.codes import article_group_basics, standard_basics
from pos.reports.saft.events import RegisterEvents, ReportIds, write_events
from pos.reports.saft.parallel import PARALLEL_FROM, transactions_to_file, worker_share
from pos.reports.saft.selection import Period, RegisterSelection, select_registers
from pos.reports.saft.text import NS
from pos.reports.saft.transactions import (
    RegisterTransactions,
    SignedReceipt,
    write_transactions,
)
from pos.reports.signing import SignatureVerifier, load_rsa_public_key
from pos.store.db import Database
from pos.store.signing_keys import keys

_FLUSH_BYTES = 1 << 18


@dataclass
class ExportResult:
    path: Path
    registers: list[str]
    transactions: int = 0
    events: int = 0
    warnings: list[str] = field(default_factory=list)  # broken links, clock jumps, bad signatures
    signatures_checked: int = 0

    @property
    def clean(self) -> bool:
        return not self.warnings


def _put(xf: etree.xmlfile, node: etree._Element) -> None:
    """Write a built element through the writer's own element contexts, so it inherits the
    document's default namespace instead of re-declaring it on every element."""
    with xf.element(node.tag):
        if node.text:
            xf.write(node.text)
        for child in node:
            _put(xf, child)


class _Sink:
    """Rendered fragments into the xmlfile's stream, in order: flush lxml's buffer first."""

    def __init__(self, xf: etree.xmlfile, handle: BinaryIO) -> None:
        self.xf, self.handle = xf, handle
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= _FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.xf.flush()
            self.handle.write("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0


def _verifiers(db: Database) -> dict[str, SignatureVerifier]:
    """Public keys of the key versions recorded here (HMAC versions cannot be checked without
    the secret, which the database never holds)."""
    found = {}
    for record in keys(db):
        if record.algorithm == "rsa" and record.public_key_pem:
            found[str(record.key_version)] = SignatureVerifier(
                public_key=load_rsa_public_key(record.public_key_pem.encode()))
    return found


class _ChainWatch:
    """Checks the register's signature chain as the transactions stream by (optional)."""

    def __init__(self, register_id: str, verifiers: dict[str, SignatureVerifier]) -> None:
        self.register_id, self.verifiers = register_id, verifiers
        self.previous: str | None = None
        self.checked = 0
        self.first_problem: str | None = None

    def __call__(self, receipt: SignedReceipt) -> None:
        verifier = self.verifiers.get(receipt.key_version)
        problem = None
        if verifier is None:
            problem = f"no public key for key version {receipt.key_version}"
        elif not verifier.verify(receipt.fields.message(self.previous), receipt.signature):
            problem = "the signature does not verify"
        if problem and self.first_problem is None:
            self.first_problem = (f"register {self.register_id}, transaction "
                                  f"{receipt.fields.nr}: {problem}")
        self.previous = receipt.signature
        self.checked += 1


def export_saft(
    db: Database,
    identity: md.Identity,
    period: Period,
    out: Path,
    *,
    register_id: str | None = None,
    verify_signatures: bool = False,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    now: datetime | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> ExportResult:
    """Write the SAF-T Cash Register file for `period` (store-local days) to `out`.

    parallel_from: a register with at least this many journal entries in the period has its
    last transactions rendered by a second process (pos.reports.saft.parallel), unless the
    signatures are verified (the chain is checked in order, here)."""
    zone = ZoneInfo(identity.timezone)
    created = (now or datetime.now(UTC)).astimezone(zone)
    bounds = period.utc_bounds()
    tick = progress or (lambda n: None)
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    verifiers = _verifiers(db) if verify_signatures else None
    # A read transaction of its own: the till may keep selling, the file is one snapshot.
    con = sqlite3.connect(f"{Path(db.path).as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        con.execute("PRAGMA query_only = 1")
        con.execute("BEGIN")
        registers = select_registers(con, period, register_id)
        result = ExportResult(out, [r.register_id for r in registers])
        if register_id is not None and not registers:
            result.warnings.append(f"no register {register_id!r} in this database")
        if on_total is not None:
            on_total(sum(r.sales.count + r.journal.count for r in registers))
        catalog = md.scan_catalog(con, registers)
        comment = (f"Period {period.first_day}..{period.last_day}; registers: "
                   + (", ".join(result.registers) or "none"))
        with partial.open("wb") as handle:
            with etree.xmlfile(handle, encoding="utf-8") as xf:
                xf.write_declaration()
                sink = _Sink(xf, handle)
                with xf.element(f"{{{NS}}}auditfile", nsmap={None: NS}):
                    _put(xf, md.header(identity, period, created, comment))
                    with xf.element(f"{{{NS}}}company"):
                        head = md.element("company")
                        md.company_head(head, identity)
                        for child in head:
                            _put(xf, child)
                        _put(xf, md.vat_code_details(con, catalog.vat_rates))
                        staff, emp_ids = md.employees(con)
                        _put(xf, staff)
                        _put(xf, md.articles(catalog))
                        _put(xf, md.basics([*standard_basics(),
                                            *article_group_basics(catalog.groups)]))
                        with xf.element(f"{{{NS}}}location"):
                            _put(xf, _location_name(identity))
                            address = md.element("location")
                            md.street_address(address, identity.address)
                            for child in address:
                                _put(xf, child)
                            _Registers(con, identity, zone, bounds, emp_ids, xf, sink,
                                       verifiers, tick, Path(db.path), out.parent,
                                       parallel_from).write(registers, result)
                sink.flush()
            handle.flush()  # everything, the closing tags included, is written now
            os.fsync(handle.fileno())
        os.replace(partial, out)
    finally:
        con.close()
        if partial.exists():
            partial.unlink()
    return result


def _location_name(identity: md.Identity) -> etree._Element:
    name = md.element("name")
    name.text = identity.store_name[:100]
    return name


@dataclass
class _Registers:
    """Writes each register: its events, then its cash transactions (the XSD's order)."""

    con: sqlite3.Connection
    identity: md.Identity
    zone: ZoneInfo
    bounds: tuple[str, str]
    emp_ids: dict[int, str]
    xf: etree.xmlfile
    sink: _Sink
    verifiers: dict[str, SignatureVerifier] | None  # None: signatures not checked
    tick: Callable[[int], None]
    con_path: Path

    scratch: Path  # where the parallel path keeps its two part files
    parallel_from: int = PARALLEL_FROM
    _pool: ProcessPoolExecutor | None = None

    def write(self, registers: list[RegisterSelection], result: ExportResult) -> None:
        descriptions = dict(self.identity.register_descriptions)
        report_ids = ReportIds()
        try:
            for reg in registers:
                watch = (_ChainWatch(reg.register_id, self.verifiers)
                         if self.verifiers is not None else None)
                with self.xf.element(f"{{{NS}}}cashregister"):
                    _put(self.xf, _text("registerID", reg.register_id, 100))
                    _put(self.xf, _text("regDesc", descriptions.get(reg.register_id)
                                        or f"{self.identity.store_name} register "
                                           f"{reg.register_id}", 999))
                    # The signature chain is checked in order, in this process: no worker.
                    if reg.journal.count >= self.parallel_from and watch is None:
                        events, txs = self._in_parallel(reg, report_ids, watch)
                    else:
                        events = write_events(self.con, reg, self.zone, self.emp_ids,
                                              self.sink.write, report_ids, self.tick)
                        txs = write_transactions(self.con, reg, self.bounds, self.zone,
                                                 self.emp_ids, events.per_sale,
                                                 self.sink.write, watch, self.tick)
                    self.sink.flush()
                result.events += events.written
                result.transactions += txs.written
                result.warnings += events.warnings + txs.warnings
                if watch is not None:
                    result.signatures_checked += watch.checked
                    if watch.first_problem:
                        result.warnings.append(
                            f"signature chain: first broken link at {watch.first_problem}")
        finally:
            if self._pool is not None:
                self._pool.shutdown()

    def _in_parallel(self, reg: RegisterSelection, report_ids: ReportIds,
                     watch: _ChainWatch | None) -> tuple[RegisterEvents, RegisterTransactions]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        first, last = reg.sales.first or 0, reg.sales.last or 0
        split = last + 1 - int(worker_share(reg.journal.count, reg.sales.count)
                               * (last - first + 1))
        with tempfile.TemporaryDirectory(dir=self.scratch, prefix=".saft-") as tmp:
            part = Path(tmp) / "transactions"
            future = (self._pool.submit(transactions_to_file, str(self.con_path), reg,
                                        self.identity.timezone, self.emp_ids, self.bounds,
                                        split, str(part))
                      if split <= last else None)
            events = write_events(self.con, reg, self.zone, self.emp_ids, self.sink.write,
                                  report_ids, self.tick)
            txs = write_transactions(self.con, reg, self.bounds, self.zone, self.emp_ids,
                                     events.per_sale, self.sink.write, watch, self.tick,
                                     keys=(first, split - 1))
            if future is not None:
                warnings, written = future.result()
                txs.warnings += warnings
                txs.written += written
                self.tick(written)
                self.sink.flush()
                self.xf.flush()
                _append(part, self.sink.handle)
        return events, txs


def _append(part: Path, handle: BinaryIO) -> None:
    """Copy a part file onto the end of the output, in the kernel where it can."""
    handle.flush()  # what lxml and the sink wrote comes first
    with part.open("rb") as source:
        size = os.fstat(source.fileno()).st_size
        try:
            while size > 0:
                copied = os.copy_file_range(source.fileno(), handle.fileno(), size)
                if copied == 0:
                    break
                size -= copied
        except (AttributeError, OSError):
            shutil.copyfileobj(source, handle, 1 << 20)
            size = 0
        if size > 0:
            shutil.copyfileobj(source, handle, 1 << 20)
    handle.seek(0, os.SEEK_END)  # the buffered writer's idea of the position, after the kernel's


def _text(tag: str, value: str, limit: int) -> etree._Element:
    e = md.element(tag)
    e.text = value[:limit]
    return e

