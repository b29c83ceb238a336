"""Integer row keys of the append-only tables (sales and their rows, journal, outbox).

Why: a commit appends rows to eight tables and fsyncs every B-tree page it touched. SQLite
appends to a rowid table cheaply (the last leaf fills up, then a fresh leaf is chained on:
one page, plus the parent now and then), but appends to an index B-tree (a WITHOUT ROWID table
or a secondary index) keep re-balancing the last leaf with its two left siblings, rewriting
three leaves and their parent every few commits. Measured on the sale commit: 13.5 pages
per commit with composite WITHOUT ROWID keys, 8.8 with the keys below, same rows.

So those tables are rowid tables whose INTEGER PRIMARY KEY *is* the lookup key:

    sales.sale_key     = register_no << 36 | transaction_no
    journal.entry_key  = register_no << 36 | entry_no
    outbox.outbox_key  = register_no << 36 | seq
    sale_lines.line_key       = sale_key << 16 | line_no
    sale_payments.payment_key = sale_key << 16 | seq
    sale_vat.vat_key          = sale_key << 16 | position in SaleRecord.vat

register_no is the register's row in `registers` (created on first use). One register's rows
are one key range, in number order, so "the next number" is one descent to the end of a
range, and a sale's lines are a key range too: no secondary index on any of these tables but
sales.id (the idempotency and lookup key). Every table still carries its plain columns
(register_id, transaction_no, sale_id, line_no, ...) for SQL, reports and the SAF-T export;
CHECK constraints hold the numbers equal to the key bits, so a key is unique exactly when
(register, number) is.
"""

from __future__ import annotations

import sqlite3
from typing import Final

from pos.store.errors import StoreError

NUMBER_BITS: Final = 36  # transaction_no / entry_no / seq: up to 68.7 billion per register
CHILD_BITS: Final = 16  # line_no / payment seq / VAT position: up to 65535 per sale
REGISTER_BITS: Final = 63 - NUMBER_BITS - CHILD_BITS  # 11: up to 2047 registers per file
NUMBER_MASK: Final = (1 << NUMBER_BITS) - 1
CHILD_MASK: Final = (1 << CHILD_BITS) - 1
MAX_REGISTERS: Final = (1 << REGISTER_BITS) - 1

# SQL: the key range of register ?1 (empty when the register has no row yet).
RANGE_LO: Final = f"(SELECT no << {NUMBER_BITS} FROM registers WHERE register_id = ?1)"
RANGE_HI: Final = f"(SELECT ((no + 1) << {NUMBER_BITS}) - 1 FROM registers WHERE register_id = ?1)"


def in_register(column: str) -> str:
    """SQL condition: `column` (a key) lies in register ?1's range."""
    return f"{column} BETWEEN {RANGE_LO} AND {RANGE_HI}"


def number_key(register_no: int, number: int) -> int:
    if not 0 < number <= NUMBER_MASK:
        raise ValueError(f"number {number} out of range")
    return register_no << NUMBER_BITS | number


def child_key(sale_key: int, n: int) -> int:
    return sale_key << CHILD_BITS | n


def number_of(key: int | None) -> int:
    """The number part of a key (0 for None: no row yet)."""
    return 0 if key is None else key & NUMBER_MASK


def register_no(con: sqlite3.Connection, register_id: str) -> int:
    """The register's number, creating its row on first use (call inside a write
    transaction: a rolled-back first use leaves nothing behind)."""
    row = con.execute("SELECT no FROM registers WHERE register_id = ?", (register_id,)).fetchone()
    if row is not None:
        return int(row[0])
    no = con.execute("INSERT INTO registers (register_id) VALUES (?)", (register_id,)).lastrowid
    if no is None or not 0 < no <= MAX_REGISTERS:
        raise StoreError(
            f"register {register_id!r}: more than {MAX_REGISTERS} registers in one file"
        )
    return no
