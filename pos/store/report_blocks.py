"""Sums of finished blocks of transactions, for fast X and Z reports, kept so none is cold.

A block is BLOCK consecutive transaction numbers of one register (block b holds numbers
b*BLOCK+1 .. (b+1)*BLOCK). Sales never change after commit, so a finished block's sums are
computed once. A cache, not a record: deleting every row only makes the next report slower.

When the sums are made (docs/shifts-and-reports.md, "Speed"):
- at commit: the sale that fills a block sums it in its own transaction (`fill_in`, called by
  pos.store.sales.commit_sale): one sale in BLOCK pays 10-20 ms, the others a modulo;
- after a schema upgrade (`warm_missing`, called by pos.store.db.open_database, before the
  till is ready): blocks filled by an older Kassa, which had no commit-time sums, are summed
  once; the upgrade has just copied the whole file for its backup, so this is the same order
  of cost, paid once.
The SQL lives here, next to the tables it reads (pos.reports.xz_aggregate re-exports it and
folds the sums into reports); the facets and their keys are described there.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping

from pos.store.db import Database
from pos.store.keys import CHILD_BITS, NUMBER_BITS

BLOCK = 1024
Aggregate = dict[str, dict[str, list[int]]]
FACETS = ("sales", "lines", "payments", "vat")

# facet -> (SQL over a key range, width of the group key, ranges over child keys?)
_QUERIES: dict[str, tuple[str, int, bool]] = {
    "sales": (
        "SELECT kind, training, employee_id, substr(closed_at, 1, 13), count(*), "
        "sum(total_minor), sum(change_minor) FROM sales WHERE sale_key BETWEEN ? AND ? "
        "GROUP BY 1, 2, 3, 4",
        4,
        False,
    ),
    "lines": (
        "SELECT s.employee_id, l.department, sum(l.quantity_milli), sum(l.total_minor), "
        "sum(l.discount_minor <> 0), sum(l.discount_minor) FROM sale_lines l "
        "JOIN sales s ON s.sale_key = l.line_key >> 16 "
        "WHERE l.line_key BETWEEN ? AND ? AND NOT l.voided AND NOT s.training "
        "AND s.kind <> 'void' GROUP BY 1, 2",
        2,
        True,
    ),
    "payments": (
        "SELECT s.employee_id, p.saft_payment_code, p.tender, count(*), sum(p.amount_minor) "
        "FROM sale_payments p JOIN sales s ON s.sale_key = p.payment_key >> 16 "
        "WHERE p.payment_key BETWEEN ? AND ? AND NOT s.training AND s.kind <> 'void' "
        "GROUP BY 1, 2, 3",
        3,
        True,
    ),
    "vat": (
        "SELECT v.vat_code, v.rate_bp, sum(v.net_minor), sum(v.vat_minor) FROM sale_vat v "
        "JOIN sales s ON s.sale_key = v.vat_key >> 16 "
        "WHERE v.vat_key BETWEEN ? AND ? AND NOT s.training AND s.kind <> 'void' "
        "GROUP BY 1, 2",
        2,
        True,
    ),
}


def empty() -> Aggregate:
    return {facet: {} for facet in FACETS}


def aggregate_range(con: sqlite3.Connection, register_no: int, first: int, last: int) -> Aggregate:
    """The sums of transactions first..last (inclusive) of one register."""
    out = empty()
    if last < first:
        return out
    base = register_no << NUMBER_BITS
    lo, hi = base | first, base | last
    child = (lo << CHILD_BITS, (hi << CHILD_BITS) | ((1 << CHILD_BITS) - 1))
    for facet, (sql, width, by_child) in _QUERIES.items():
        sums = out[facet]
        for row in con.execute(sql, child if by_child else (lo, hi)):
            sums[json.dumps(list(row[:width]), ensure_ascii=False)] = [int(v or 0)
                                                                      for v in row[width:]]
    return out


def block_json(agg: Aggregate, size: int) -> str:
    """A block's row: its sums and the block size they were cut by."""
    return json.dumps({"size": size, **agg}, ensure_ascii=False)


def fill_in(con: sqlite3.Connection, register_id: str, register_no: int, tx_no: int) -> None:
    """In a sale's commit: if `tx_no` is the last number of its block, sum the block now."""
    if tx_no % BLOCK:
        return
    block = tx_no // BLOCK - 1
    agg = aggregate_range(con, register_no, block * BLOCK + 1, tx_no)
    con.execute("INSERT OR REPLACE INTO report_blocks (register_id, block_no, data_json) "
                "VALUES (?, ?, ?)", (register_id, block, block_json(agg, BLOCK)))


def warm_missing(db: Database) -> int:
    """Sum every finished block after each register's last Z that has no sums of BLOCK yet
    (one write transaction per register). Returns the number of blocks summed."""
    with db.read() as con:
        todo = [(reg, no, _missing(con, reg, no)) for reg, no in con.execute(
            "SELECT register_id, no FROM registers").fetchall()]
    summed = 0
    for register_id, register_no, blocks in todo:
        if not blocks:
            continue
        with db.write() as con:
            for block in blocks:
                agg = aggregate_range(con, register_no, block * BLOCK + 1, (block + 1) * BLOCK)
                con.execute("INSERT OR REPLACE INTO report_blocks (register_id, block_no, "
                            "data_json) VALUES (?, ?, ?)",
                            (register_id, block, block_json(agg, BLOCK)))
        summed += len(blocks)
    return summed


def _missing(con: sqlite3.Connection, register_id: str, register_no: int) -> list[int]:
    """Finished blocks of the open period (after the last Z) without sums of BLOCK."""
    (after_z,) = con.execute(
        "SELECT coalesce(max(last_transaction_no), 0) FROM z_reports WHERE register_id = ?",
        (register_id,)).fetchone()
    base = register_no << NUMBER_BITS
    (last,) = con.execute(
        "SELECT coalesce(max(sale_key), 0) FROM sales WHERE sale_key BETWEEN ? AND ?",
        (base, base | ((1 << NUMBER_BITS) - 1))).fetchone()
    last_no = last - base if last else 0
    first_block, end_block = (after_z + BLOCK - 1) // BLOCK, last_no // BLOCK  # whole blocks
    if end_block <= first_block:
        return []
    size = f'"size": {BLOCK},'
    have = {b for b, text in con.execute(
        "SELECT block_no, substr(data_json, 1, 20) FROM report_blocks WHERE register_id = ? "
        "AND block_no BETWEEN ? AND ?", (register_id, first_block, end_block - 1))
        if text.startswith("{" + size)}
    return [b for b in range(first_block, end_block) if b not in have]


def cached(con: sqlite3.Connection, register_id: str, blocks: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(blocks))
    if not wanted:
        return {}
    rows = con.execute(
        "SELECT block_no, data_json FROM report_blocks WHERE register_id = ? "
        "AND block_no BETWEEN ? AND ?",
        (register_id, wanted[0], wanted[-1]),
    ).fetchall()
    keep = set(wanted)
    return {int(b): text for b, text in rows if b in keep}


def store(db: Database, register_id: str, blocks: Mapping[int, str]) -> None:
    if not blocks:
        return
    with db.write() as con:
        con.executemany(
            "INSERT OR REPLACE INTO report_blocks (register_id, block_no, data_json) "
            "VALUES (?, ?, ?)",
            [(register_id, b, text) for b, text in blocks.items()],
        )
