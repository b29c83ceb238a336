"""Past sales for the returns desk: found by receipt barcode, transaction number or day, with
how much of each line and each tender earlier returns already took back.

Convention (no schema change needed): a return's line keeps the line number of the original
line it returns, so "returned so far" of line n is the sum over the original's returns of their
line n. Returns are found as the sales after the original (sales.id is time-ordered and
indexed) whose original_sale_id is it: a range of the index from the original onwards, never
the whole table.

The over-return guard runs inside the return's own commit transaction (BEGIN IMMEDIATE), so
of two tills or two cashiers returning the same line at once the second is refused.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pos.store.db import Database
from pos.store.errors import StoreError
from pos.store.keys import CHILD_BITS, CHILD_MASK, in_register
from pos.store.records import SaleRecord
from pos.store.sales import StoredSale, get_sale
from pos.store.timeutil import to_utc_text, utc_now

# Kinds of sale that give money back against an original.
REVERSING_KINDS = ("return", "void")


class AlreadyReturned(StoreError):
    """A line would come back more often than it was sold; `lines` names them."""

    def __init__(self, sale_id: str, lines: list[int]) -> None:
        super().__init__(f"sale {sale_id}: lines {lines} are already returned")
        self.sale_id = sale_id
        self.lines = lines


@dataclass(frozen=True, slots=True)
class Returned:
    """What earlier returns took back of one line (positive numbers)."""

    quantity_milli: int = 0
    total_minor: int = 0
    vat_minor: int = 0
    discount_minor: int = 0


@dataclass(frozen=True, slots=True)
class ReturnableSale:
    sale: StoredSale
    returned: Mapping[int, Returned]  # by original line number
    refunded: Mapping[tuple[str, str | None], int]  # (tender, reference) -> refunded, positive
    return_ids: tuple[str, ...] = field(default=())

    @property
    def record(self) -> SaleRecord:
        return self.sale.record

    def returned_of(self, line_no: int) -> Returned:
        return self.returned.get(line_no, Returned())


@dataclass(frozen=True, slots=True)
class SaleSummary:
    sale_id: str
    transaction_no: int
    closed_at: str  # UTC text, as stored
    total_minor: int
    currency: str
    kind: str


def _reversals(con: sqlite3.Connection, sale_id: str) -> list[tuple[str, int]]:
    """(id, sale_key) of the returns and voids of `sale_id`, committed after it. Training
    returns count only against training sales, so practice never blocks a real return."""
    return list(con.execute(
        "SELECT id, sale_key FROM sales WHERE id > ?1 AND original_sale_id = ?1 "
        "AND kind IN ('return', 'void') "
        "AND training = (SELECT training FROM sales WHERE id = ?1) ORDER BY id",
        (sale_id,),
    ))


def _returned_lines(con: sqlite3.Connection, keys: list[int]) -> dict[int, Returned]:
    sums: dict[int, list[int]] = {}
    for key in keys:
        lo = key << CHILD_BITS
        for line_no, qty, total, vat, discount in con.execute(
            "SELECT line_no, quantity_milli, total_minor, vat_minor, discount_minor "
            "FROM sale_lines WHERE line_key BETWEEN ? AND ? AND NOT voided",
            (lo, lo | CHILD_MASK),
        ):
            acc = sums.setdefault(line_no, [0, 0, 0, 0])
            acc[0] -= qty  # a return's numbers are negative
            acc[1] -= total
            acc[2] -= vat
            acc[3] -= discount
    return {n: Returned(*acc) for n, acc in sums.items()}


def _refunded(con: sqlite3.Connection, keys: list[int]) -> dict[tuple[str, str | None], int]:
    out: dict[tuple[str, str | None], int] = {}
    for key in keys:
        lo = key << CHILD_BITS
        for tender, reference, amount in con.execute(
            "SELECT tender, reference, amount_minor FROM sale_payments "
            "WHERE payment_key BETWEEN ? AND ?",
            (lo, lo | CHILD_MASK),
        ):
            out[(tender, reference)] = out.get((tender, reference), 0) - amount
    return out


def load_returnable(db: Database, sale_id: str) -> ReturnableSale | None:
    sale = get_sale(db, sale_id)
    if sale is None:
        return None
    with db.read() as con:
        reversals = _reversals(con, sale_id)
        keys = [key for _id, key in reversals]
        return ReturnableSale(sale, _returned_lines(con, keys), _refunded(con, keys),
                              tuple(i for i, _key in reversals))


def find_sale_id(db: Database, register_id: str, transaction_no: int) -> str | None:
    """The sale with this transaction number on this register (a receipt barcode's content)."""
    with db.read() as con:
        row = con.execute(
            f"SELECT id FROM sales WHERE {in_register('sale_key')} AND transaction_no = ?2",
            (register_id, transaction_no),
        ).fetchone()
    return row[0] if row else None


def sales_since(db: Database, register_id: str, since: datetime,
                limit: int = 500) -> list[SaleSummary]:
    """The register's sales closed at or after `since`, newest first (today's sales list).

    Walks the register's key range backwards and stops at the first older sale: sales are
    numbered in the order they close, so this reads only the day asked for.
    """
    since_text = to_utc_text(since)
    out: list[SaleSummary] = []
    with db.read() as con:
        rows = con.execute(
            "SELECT id, transaction_no, closed_at, total_minor, currency, kind FROM sales "
            f"WHERE {in_register('sale_key')} ORDER BY sale_key DESC",
            (register_id,),
        )
        for row in rows:
            if row[2] < since_text or len(out) >= limit:
                break
            out.append(SaleSummary(*row))
    return out


def over_return_guard(original_id: str, wanted: Mapping[int, int],
                      sold: Mapping[int, int]) -> Callable[[sqlite3.Connection, int], None]:
    """A check for commit_sale(..., inside=...): refuses the commit when, with the returns
    committed by now (read inside the write transaction), any line of `wanted` (line number ->
    quantity, positive) would exceed `sold` (line number -> quantity sold)."""

    def check(con: sqlite3.Connection, _transaction_no: int) -> None:
        keys = [key for _id, key in _reversals(con, original_id)]
        returned = _returned_lines(con, keys)
        over = sorted(
            n for n, qty in wanted.items()
            if qty + returned.get(n, Returned()).quantity_milli > sold.get(n, 0)
        )
        if over:
            raise AlreadyReturned(original_id, over)

    return check


def enqueue_print_in(con: sqlite3.Connection, sale_id: str,
                     document: dict[str, Any]) -> int:
    """A print job written in the caller's transaction (the return's commit): a crash after the
    commit leaves the receipt waiting, never missing (pos.store.printing.enqueue, in-line)."""
    cur = con.execute(
        "INSERT INTO print_jobs (sale_id, kind, status, document_json, created_at) "
        "VALUES (?,'receipt','pending',?,?)",
        (sale_id, json.dumps(document, ensure_ascii=False), to_utc_text(utc_now())),
    )
    return int(cur.lastrowid or 0)


def print_job_for(db: Database, sale_id: str) -> int | None:
    with db.read() as con:
        row = con.execute(
            "SELECT id FROM print_jobs WHERE sale_id = ? AND kind = 'receipt' ORDER BY id LIMIT 1",
            (sale_id,),
        ).fetchone()
    return row[0] if row else None
