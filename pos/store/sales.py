"""Committing a sale: one SQLite transaction for sale, lines, payments, VAT, journal, outbox.

Idempotent by sale id: a second commit of the same id (Enter pressed twice, a retry after a
timeout) returns the first result and writes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

from pos.store.codes import receipt_event_code
from pos.store.db import Database
from pos.store.journal import GENESIS_HASH, canonical_json, insert_entry_in
from pos.store.keys import (
    CHILD_BITS,
    CHILD_MASK,
    NUMBER_BITS,
    in_register,
    number_key,
    number_of,
    register_no,
)
from pos.store.outbox import event_id_for, insert_outbox_in
from pos.store.payloads import SALE_COMMITTED, sale_committed_json
from pos.store.records import (
    CommittedSale,
    PaymentRecord,
    SaleLineRecord,
    SaleRecord,
    Signature,
    SignatureInput,
    VatRecord,
)
from pos.store.report_blocks import fill_in as fill_report_block
from pos.store.timeutil import from_utc_text, to_utc_text

SALE_COMMITTED_EVENT = "sale_committed"
Signer = Callable[[SignatureInput], Signature]


@dataclass(frozen=True, slots=True)
class StoredSale:
    record: SaleRecord
    transaction_no: int
    receipt_no: str
    signature: str | None
    key_version: int | None


_INSERT_SALE = (
    "INSERT INTO sales (sale_key, id, company_org_no, store_id, register_id, transaction_no, kind, "
    "training, employee_id, opened_at, closed_at, currency, total_minor, net_minor, vat_minor, "
    "rounding_minor, change_minor, signature, key_version, receipt_no, original_sale_id, "
    "journal_entry_no, outbox_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_LINE = (
    "INSERT INTO sale_lines (line_key, sale_id, line_no, product_id, sku, gtin, name, department, "
    "quantity_milli, unit, unit_price_minor, original_price_minor, override_reason, "
    "discount_minor, discount_reason, total_minor, vat_code, vat_rate_bp, vat_minor, "
    "net_minor, voided) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_PAYMENT = (
    "INSERT INTO sale_payments (payment_key, sale_id, seq, tender, saft_payment_code, "
    "amount_minor, reference) VALUES (?,?,?,?,?,?,?)"
)
_INSERT_VAT = (
    "INSERT INTO sale_vat (vat_key, sale_id, vat_code, rate_bp, gross_minor, net_minor, "
    "vat_minor) VALUES (?,?,?,?,?,?,?)"
)
# Everything the commit must read, in one statement (one round trip instead of five): the
# register's number, whether this sale is in already, and the register's last sale key,
# journal entry key and hash, and outbox key. Each is one descent to the end of a key range
# (pos.store.keys) or a unique index; no row comes back until the register has its row.
_RANGE = f"BETWEEN r.no << {NUMBER_BITS} AND ((r.no + 1) << {NUMBER_BITS}) - 1"
_PROBE = (
    "SELECT r.no, (SELECT 1 FROM sales WHERE id = ?2), "
    f"(SELECT sale_key FROM sales WHERE sale_key {_RANGE} ORDER BY sale_key DESC LIMIT 1), "
    f"(SELECT entry_key FROM journal WHERE entry_key {_RANGE} ORDER BY entry_key DESC LIMIT 1), "
    f"(SELECT hash FROM journal WHERE entry_key {_RANGE} ORDER BY entry_key DESC LIMIT 1), "
    f"(SELECT outbox_key FROM outbox WHERE outbox_key {_RANGE} ORDER BY outbox_key DESC LIMIT 1) "
    "FROM registers r WHERE r.register_id = ?1"
)


def commit_sale(
    db: Database,
    record: SaleRecord,
    *,
    event_code: str | None = None,
    event: str = SALE_COMMITTED_EVENT,
    journal_payload: Mapping[str, Any] | None = None,
    signer: Signer | None = None,
    inside: Callable[[sqlite3.Connection, int], None] | None = None,
) -> CommittedSale:
    """Durably commit a closed sale; returns its transaction number, journal entry, outbox seq.

    event_code defaults to the receipt code for the sale's kind (13012 sale, 13013 return,
    13028 void, 13017 training). signer, if given, is called inside the transaction with the
    new transaction number and the previous signature of this register (SAF-T chaining).
    inside, if given, is called in the transaction with the new transaction number before
    anything is written: it may check (raise to refuse, e.g. a return's over-return guard) or
    write rows of its own (the return's print job) that commit with the sale or not at all.
    """
    record.check()
    if signer is None:  # the till's own signer (pos.app.fiscal sets it at start-up), so every
        signer = getattr(db, "signer", None)  # path that commits a sale signs it
    register = record.register_id
    closed = to_utc_text(record.closed_at)
    code = event_code or receipt_event_code(record.kind, record.training)
    with db.write() as con:
        probe = con.execute(_PROBE, (register, record.id)).fetchone()
        if probe is None:  # the register's first row in this file
            register_no(con, register)
            probe = con.execute(_PROBE, (register, record.id)).fetchone()
        reg_no, done, last_sale, last_entry, prev_hash, last_event = probe
        if done is not None:
            return _already_committed(con, record.id)
        tx_no = number_of(last_sale) + 1
        sale_key = number_key(reg_no, tx_no)
        receipt_no = record.receipt_no or str(tx_no)
        if inside is not None:
            inside(con, tx_no)
        sig = _sign(con, record, sale_key, tx_no, signer) if signer else None
        # Journal first (a bad journal payload fails before any sale row is written); all of
        # it commits or none of it does.
        entry_no = insert_entry_in(
            con,
            register,
            number_key(reg_no, number_of(last_entry) + 1),
            prev_hash or GENESIS_HASH,
            closed,
            record.employee_id,
            code,
            event,
            tx_no,
            record.id,
            canonical_json(dict(journal_payload))
            if journal_payload is not None
            else _journal_summary_json(record, receipt_no),
        )
        seq = number_of(last_event) + 1
        _insert_rows(con, record, sale_key, tx_no, receipt_no, sig, entry_no, seq, closed)
        fill_report_block(con, register, reg_no, tx_no)  # X/Z sums of a block it fills
        insert_outbox_in(
            con,
            register,
            number_key(reg_no, seq),
            event_id_for(SALE_COMMITTED, record.id),
            SALE_COMMITTED,
            closed,
            sale_committed_json(record, tx_no, closed),
        )
    return CommittedSale(record.id, tx_no, entry_no, seq, receipt_no)


def _journal_summary_json(record: SaleRecord, receipt_no: str) -> str:
    """canonical_json of the journal's sale summary ({receipt_no, kind, total_minor, currency,
    lines}), written directly in sorted key order; a unit test holds the two equal."""
    return (
        f'{{"currency":{encode_basestring(record.currency)},'
        f'"kind":{encode_basestring(record.kind)},"lines":{len(record.lines)},'
        f'"receipt_no":{encode_basestring(receipt_no)},"total_minor":{record.total_minor}}}'
    )


def _journal_summary(record: SaleRecord, receipt_no: str) -> dict[str, Any]:
    return {
        "receipt_no": receipt_no,
        "kind": record.kind,
        "total_minor": record.total_minor,
        "currency": record.currency,
        "lines": len(record.lines),
    }


def _already_committed(con: sqlite3.Connection, sale_id: str) -> CommittedSale:
    tx_no, receipt_no, entry, seq = con.execute(
        "SELECT transaction_no, receipt_no, journal_entry_no, outbox_seq FROM sales WHERE id = ?",
        (sale_id,),
    ).fetchone()
    return CommittedSale(sale_id, tx_no, entry, seq, receipt_no, already_committed=True)


def _sign(
    con: sqlite3.Connection, record: SaleRecord, sale_key: int, tx_no: int, signer: Signer
) -> Signature:
    # The register's previous sale is the key just below (same register, tx_no - 1).
    prev = (
        con.execute("SELECT signature FROM sales WHERE sale_key = ?", (sale_key - 1,)).fetchone()
        if tx_no > 1
        else None
    )
    return signer(
        SignatureInput(
            register_id=record.register_id,
            transaction_no=tx_no,
            previous_signature=prev[0] if prev else None,
            closed_at=record.closed_at,
            total_minor=record.total_minor,
            net_minor=record.net_minor,
        )
    )


def _insert_rows(
    con: sqlite3.Connection,
    r: SaleRecord,
    sale_key: int,
    tx_no: int,
    receipt_no: str,
    sig: Signature | None,
    entry_no: int,
    outbox_seq: int,
    closed: str,
) -> None:
    sale_id = r.id
    base = sale_key << CHILD_BITS  # children: base | line_no, seq or VAT position
    con.execute(
        _INSERT_SALE,
        (
            sale_key,
            sale_id,
            r.company_org_no,
            r.store_id,
            r.register_id,
            tx_no,
            r.kind,
            r.training,
            r.employee_id,
            to_utc_text(r.opened_at),
            closed,
            r.currency,
            r.total_minor,
            r.net_minor,
            r.vat_minor,
            r.rounding_minor,
            r.change_minor,
            sig.signature if sig else None,
            sig.key_version if sig else None,
            receipt_no,
            r.original_sale_id,
            entry_no,
            outbox_seq,
        ),
    )
    con.executemany(
        _INSERT_LINE,
        [
            (
                base | ln.line_no,
                sale_id,
                ln.line_no,
                ln.product_id,
                ln.sku,
                ln.gtin,
                ln.name,
                ln.department,
                ln.quantity_milli,
                ln.unit,
                ln.unit_price_minor,
                ln.original_price_minor,
                ln.override_reason,
                ln.discount_minor,
                ln.discount_reason,
                ln.total_minor,
                ln.vat_code,
                ln.vat_rate_bp,
                ln.vat_minor,
                ln.net_minor,
                ln.voided,
            )
            for ln in r.lines
        ],
    )
    pay = [
        (base | p.seq, sale_id, p.seq, p.tender, p.payment_code, p.amount_minor, p.reference)
        for p in r.payments
    ]
    if len(pay) == 1:  # the usual case; execute skips executemany's iterator setup
        con.execute(_INSERT_PAYMENT, pay[0])
    else:
        con.executemany(_INSERT_PAYMENT, pay)
    con.executemany(
        _INSERT_VAT,
        [
            (base | i, sale_id, v.vat_code, v.rate_bp, v.gross_minor, v.net_minor, v.vat_minor)
            for i, v in enumerate(r.vat)
        ],
    )


_SALE_COLS = (
    "id, company_org_no, store_id, register_id, employee_id, opened_at, closed_at, currency, "
    "total_minor, net_minor, vat_minor, kind, training, rounding_minor, change_minor, "
    "receipt_no, original_sale_id, transaction_no, signature, key_version, sale_key"
)


def get_sale(db: Database, sale_id: str) -> StoredSale | None:
    with db.read() as con:
        row = con.execute(f"SELECT {_SALE_COLS} FROM sales WHERE id = ?", (sale_id,)).fetchone()
        return _load(con, row) if row else None


def last_sale(db: Database, register_id: str) -> StoredSale | None:
    """The register's most recent sale (highest transaction number), e.g. for a copy receipt."""
    with db.read() as con:
        row = con.execute(
            f"SELECT {_SALE_COLS} FROM sales WHERE {in_register('sale_key')} "
            "ORDER BY sale_key DESC LIMIT 1",
            (register_id,),
        ).fetchone()
        return _load(con, row) if row else None


def _load(con: sqlite3.Connection, row: tuple[Any, ...]) -> StoredSale:
    sale_id = row[0]
    lo = row[20] << CHILD_BITS
    children = (lo, lo | CHILD_MASK)  # the sale's rows in each child table: one key range
    lines = tuple(
        SaleLineRecord(
            line_no=x[0],
            product_id=x[1],
            sku=x[2],
            gtin=x[3],
            name=x[4],
            department=x[5],
            quantity_milli=x[6],
            unit=x[7],
            unit_price_minor=x[8],
            original_price_minor=x[9],
            override_reason=x[10],
            discount_minor=x[11],
            discount_reason=x[12],
            total_minor=x[13],
            vat_code=x[14],
            vat_rate_bp=x[15],
            vat_minor=x[16],
            net_minor=x[17],
            voided=bool(x[18]),
        )
        for x in con.execute(
            "SELECT line_no, product_id, sku, gtin, name, department, quantity_milli, unit, "
            "unit_price_minor, original_price_minor, override_reason, discount_minor, "
            "discount_reason, total_minor, vat_code, vat_rate_bp, vat_minor, net_minor, voided "
            "FROM sale_lines WHERE line_key BETWEEN ? AND ? ORDER BY line_key",
            children,
        )
    )
    payments = tuple(
        PaymentRecord(
            seq=p[0], tender=p[1], saft_payment_code=p[2], amount_minor=p[3], reference=p[4]
        )
        for p in con.execute(
            "SELECT seq, tender, saft_payment_code, amount_minor, reference FROM sale_payments "
            "WHERE payment_key BETWEEN ? AND ? ORDER BY payment_key",
            children,
        )
    )
    vat = tuple(
        VatRecord(*v)
        for v in con.execute(
            "SELECT vat_code, rate_bp, gross_minor, net_minor, vat_minor FROM sale_vat "
            "WHERE vat_key BETWEEN ? AND ? ORDER BY vat_code",
            children,
        )
    )
    record = SaleRecord(
        id=sale_id,
        company_org_no=row[1],
        store_id=row[2],
        register_id=row[3],
        employee_id=row[4],
        opened_at=from_utc_text(row[5]),
        closed_at=from_utc_text(row[6]),
        currency=row[7],
        total_minor=row[8],
        net_minor=row[9],
        vat_minor=row[10],
        lines=lines,
        payments=payments,
        vat=vat,
        kind=row[11],
        training=bool(row[12]),
        rounding_minor=row[13],
        change_minor=row[14],
        receipt_no=row[15],
        original_sale_id=row[16],
    )
    return StoredSale(record, row[17], row[15], row[18], row[19])
