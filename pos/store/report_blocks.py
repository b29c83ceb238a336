"""Cached sums of finished blocks of transactions, for fast X and Z reports.

A block is BLOCK consecutive transaction numbers of one register (block b holds numbers
b*BLOCK+1 .. (b+1)*BLOCK). Sales never change after commit, so a finished block's sums
(pos.reports.xz_aggregate) are computed once. A cache, not a record: deleting every row only
makes the next report slower.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from pos.store.db import Database

BLOCK = 1024


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
