"""Committing a sale: one SQLite transaction for sale, lines, payments, VAT, journal, outbox.

Idempotent by sale id: a second commit of the same id (Enter pressed twice, a retry after a
timeout) returns the first result and writes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pos.store.codes import receipt_event_code
from pos.store.db import Database
from pos.store.journal import append_event_in
from pos.store.outbox import append_outbox_in, event_id_for
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
    "INSERT INTO sales (id, company_org_no, store_id, register_id, transaction_no, kind, "
    "training, employee_id, opened_at, closed_at, currency, total_minor, net_minor, vat_minor, "
    "rounding_minor, change_minor, signature, key_version, receipt_no, original_sale_id, "
    "journal_entry_no) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_LINE = (
    "INSERT INTO sale_lines (sale_id, line_no, product_id, sku, gtin, name, department, "
    "quantity_milli, unit, unit_price_minor, original_price_minor, override_reason, "
    "discount_minor, discount_reason, total_minor, vat_code, vat_rate_bp, vat_minor, "
    "net_minor, voided) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_PAYMENT = (
    "INSERT INTO sale_payments (sale_id, seq, tender, saft_payment_code, amount_minor, "
    "reference) VALUES (?,?,?,?,?,?)"
)
_INSERT_VAT = (
    "INSERT INTO sale_vat (sale_id, vat_code, rate_bp, gross_minor, net_minor, vat_minor) "
    "VALUES (?,?,?,?,?,?)"
)


def commit_sale(
    db: Database,
    record: SaleRecord,
    *,
    event_code: str | None = None,
    event: str = SALE_COMMITTED_EVENT,
    journal_payload: Mapping[str, Any] | None = None,
    signer: Signer | None = None,
) -> CommittedSale:
    """Durably commit a closed sale; returns its transaction number, journal entry, outbox seq.

    event_code defaults to the receipt code for the sale's kind (13012 sale, 13013 return,
    13028 void, 13017 training). signer, if given, is called inside the transaction with the
    new transaction number and the previous signature of this register (SAF-T chaining).
    """
    record.check()
    with db.write() as con:
        done = _already_committed(con, record.id)
        if done is not None:
            return done
        tx_no: int = con.execute(
            "SELECT COALESCE(MAX(transaction_no), 0) + 1 FROM sales WHERE register_id = ?",
            (record.register_id,),
        ).fetchone()[0]
        receipt_no = record.receipt_no or str(tx_no)
        sig = _sign(con, record, tx_no, signer) if signer else None
        # Journal first, so the sale row can name its journal entry (the idempotent path
        # reads it back from there); all of it commits or none of it does.
        entry_no = append_event_in(
            con,
            record.register_id,
            event_code or receipt_event_code(record.kind, record.training),
            event,
            record.employee_id,
            journal_payload
            if journal_payload is not None
            else _journal_summary(record, receipt_no),
            transaction_no=tx_no,
            sale_id=record.id,
            at=record.closed_at,
        )
        _insert_rows(con, record, tx_no, receipt_no, sig, entry_no)
        seq = append_outbox_in(
            con,
            record.register_id,
            SALE_COMMITTED,
            sale_committed_json(record, tx_no),
            occurred_at=record.closed_at,
            event_id=event_id_for(SALE_COMMITTED, record.id),
        )
    return CommittedSale(record.id, tx_no, entry_no, seq, receipt_no)


def _journal_summary(record: SaleRecord, receipt_no: str) -> dict[str, Any]:
    return {
        "receipt_no": receipt_no,
        "kind": record.kind,
        "total_minor": record.total_minor,
        "currency": record.currency,
        "lines": len(record.lines),
    }


def _already_committed(con: sqlite3.Connection, sale_id: str) -> CommittedSale | None:
    row = con.execute(
        "SELECT transaction_no, receipt_no, journal_entry_no FROM sales WHERE id = ?", (sale_id,)
    ).fetchone()
    if row is None:
        return None
    tx_no, receipt_no, entry = row
    seq = con.execute(
        "SELECT seq FROM outbox WHERE event_id = ?", (event_id_for(SALE_COMMITTED, sale_id),)
    ).fetchone()[0]
    return CommittedSale(sale_id, tx_no, entry, seq, receipt_no, already_committed=True)


def _sign(con: sqlite3.Connection, record: SaleRecord, tx_no: int, signer: Signer) -> Signature:
    prev = con.execute(
        "SELECT signature FROM sales WHERE register_id = ? AND transaction_no = ?",
        (record.register_id, tx_no - 1),
    ).fetchone()
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
    tx_no: int,
    receipt_no: str,
    sig: Signature | None,
    entry_no: int,
) -> None:
    con.execute(
        _INSERT_SALE,
        (
            r.id,
            r.company_org_no,
            r.store_id,
            r.register_id,
            tx_no,
            r.kind,
            r.training,
            r.employee_id,
            to_utc_text(r.opened_at),
            to_utc_text(r.closed_at),
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
        ),
    )
    con.executemany(
        _INSERT_LINE,
        [
            (
                r.id,
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
    con.executemany(
        _INSERT_PAYMENT,
        [(r.id, p.seq, p.tender, p.payment_code, p.amount_minor, p.reference) for p in r.payments],
    )
    con.executemany(
        _INSERT_VAT,
        [(r.id, v.vat_code, v.rate_bp, v.gross_minor, v.net_minor, v.vat_minor) for v in r.vat],
    )


_SALE_COLS = (
    "id, company_org_no, store_id, register_id, employee_id, opened_at, closed_at, currency, "
    "total_minor, net_minor, vat_minor, kind, training, rounding_minor, change_minor, "
    "receipt_no, original_sale_id, transaction_no, signature, key_version"
)


def get_sale(db: Database, sale_id: str) -> StoredSale | None:
    with db.read() as con:
        row = con.execute(f"SELECT {_SALE_COLS} FROM sales WHERE id = ?", (sale_id,)).fetchone()
        return _load(con, row) if row else None


def last_sale(db: Database, register_id: str) -> StoredSale | None:
    """The register's most recent sale (highest transaction number), e.g. for a copy receipt."""
    with db.read() as con:
        row = con.execute(
            f"SELECT {_SALE_COLS} FROM sales WHERE register_id = ? "
            "ORDER BY transaction_no DESC LIMIT 1",
            (register_id,),
        ).fetchone()
        return _load(con, row) if row else None


def _load(con: sqlite3.Connection, row: tuple[Any, ...]) -> StoredSale:
    sale_id = row[0]
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
            "FROM sale_lines WHERE sale_id = ? ORDER BY line_no",
            (sale_id,),
        )
    )
    payments = tuple(
        PaymentRecord(
            seq=p[0], tender=p[1], saft_payment_code=p[2], amount_minor=p[3], reference=p[4]
        )
        for p in con.execute(
            "SELECT seq, tender, saft_payment_code, amount_minor, reference FROM sale_payments "
            "WHERE sale_id = ? ORDER BY seq",
            (sale_id,),
        )
    )
    vat = tuple(
        VatRecord(*v)
        for v in con.execute(
            "SELECT vat_code, rate_bp, gross_minor, net_minor, vat_minor FROM sale_vat "
            "WHERE sale_id = ? ORDER BY vat_code",
            (sale_id,),
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
