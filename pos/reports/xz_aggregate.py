"""The sale side of an X/Z report as mergeable sums, and their per-block cache.

A report's sale figures are sums grouped by small keys (kind, employee, department, payment
code, VAT rate, hour). Sums over disjoint transaction ranges add up, and a sale never changes
once committed, so the sums of a finished block of BLOCK transactions are computed once and
kept (pos.store.report_blocks). A Z then reads the cached blocks of the period and computes
only the partial blocks at its two ends: the till warms finished blocks in the background
(pos.app.xz_reports.ReportWarmer), so a Z over 100,000 sales stays well under a second.

Facets and their keys (JSON lists, so a block is plain JSON):
  sales    [kind, training, employee_id, "YYYY-MM-DDTHH" (UTC)] -> [count, total, change]
  lines    [employee_id, department]                 -> [qty_milli, total, n_discounts, discount]
  payments [employee_id, saft_code, tender]          -> [count, amount]
  vat      [vat_code, rate_bp]                       -> [net, vat]
Lines, payments and VAT leave out training and void sales (they are counted apart).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pos.store.keys import CHILD_BITS, NUMBER_BITS
from pos.store.report_blocks import BLOCK as BLOCK  # re-exported: tests shrink it

Aggregate = dict[str, dict[str, list[int]]]
FACETS = ("sales", "lines", "payments", "vat")

_QUERIES = {
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


def merge(into: Aggregate, other: Aggregate) -> Aggregate:
    for facet in FACETS:
        target = into[facet]
        for key, values in other.get(facet, {}).items():
            have = target.get(key)
            if have is None:
                target[key] = list(values)
            else:
                for i, v in enumerate(values):
                    have[i] += v
    return into


def blocks_in(first: int, last: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Split first..last into whole blocks (their numbers) and the partial ranges left over."""
    if last < first:
        return [], []
    whole: list[int] = []
    parts: list[tuple[int, int]] = []
    start = first
    while start <= last:
        block = (start - 1) // BLOCK
        block_first, block_last = block * BLOCK + 1, (block + 1) * BLOCK
        end = min(block_last, last)
        if start == block_first and end == block_last:
            whole.append(block)
        else:
            parts.append((start, end))
        start = end + 1
    return whole, parts


def block_range(block: int) -> tuple[int, int]:
    return block * BLOCK + 1, (block + 1) * BLOCK


def rows(agg: Aggregate, facet: str) -> list[tuple[list[Any], list[int]]]:
    return [(json.loads(key), values) for key, values in agg[facet].items()]
