"""The sale side of an X/Z report as mergeable sums, and their per-block cache.

A report's sale figures are sums grouped by small keys (kind, employee, department, payment
code, VAT rate, hour). Sums over disjoint transaction ranges add up, and a sale never changes
once committed, so the sums of a finished block of BLOCK transactions are computed once and
kept (pos.store.report_blocks, which also holds the SQL). A Z then reads the cached blocks of
the period and computes only the partial blocks at its two ends. Blocks are summed as they
fill, in the commit of their last sale, and once after a schema upgrade for blocks an older
Kassa filled (pos.store.report_blocks); the background warmer (pos.app.xz_reports.ReportWarmer)
is a safety net. So a Z over 100,000 sales is never cold.

Facets and their keys (JSON lists, so a block is plain JSON):
  sales    [kind, training, employee_id, "YYYY-MM-DDTHH" (UTC)] -> [count, total, change]
  lines    [employee_id, department]                 -> [qty_milli, total, n_discounts, discount]
  payments [employee_id, saft_code, tender]          -> [count, amount]
  vat      [vat_code, rate_bp]                       -> [net, vat]
Lines, payments and VAT leave out training and void sales (they are counted apart).
"""

from __future__ import annotations

import json
from typing import Any

from pos.store.report_blocks import BLOCK as BLOCK  # re-exported: tests shrink it
from pos.store.report_blocks import FACETS as FACETS
from pos.store.report_blocks import Aggregate as Aggregate
from pos.store.report_blocks import aggregate_range as aggregate_range
from pos.store.report_blocks import empty as empty


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
