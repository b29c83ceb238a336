"""cashregister/cashtransaction: every sale, return and void of the period, in transaction
number order (the order the signature chain is verified in, guidelines 2.1.1), with its lines,
VAT, rounding, payments, signature and key version.

Memory stays flat however long the period: one cursor over the register's sales and one over
each child table, all in key order (children are keyed sale_key << 16 | n), merged as they
stream. A line's XML repeats whenever the same article sells at the same price, so rendered
fragments are kept by their values (bounded); only what depends on the sale (numbers,
employee, local date and time, change) is formatted per row.
transDate/transTime are the store's local time, exactly the values that were signed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from pos.core.signing import SignedFields
from pos.reports.saft.codes import DISCOUNT_TYPE, LINE_RETURN, LINE_SALE, NO_GROUP, TX_TYPE_BY_KIND
from pos.reports.saft.selection import RegisterSelection
from pos.reports.saft.text import (
    LocalTime,
    amount_text,
    credit_debit,
    esc,
    flag,
    ident,
    quantity_text,
)
from pos.store.keys import CHILD_BITS

NOT_SIGNED = "NA"  # technical description: "If signature is not implemented use NA"

_SALES = (
    "SELECT sale_key, id, transaction_no, kind, training, employee_id, closed_at, currency, "
    "total_minor, net_minor, rounding_minor, change_minor, signature, key_version "
    "FROM sales WHERE sale_key BETWEEN ? AND ? AND closed_at >= ? AND closed_at < ? "
    "ORDER BY sale_key"
)
_LINES = (
    "SELECT line_key >> 16, line_no, sku, department, quantity_milli, unit_price_minor, "
    "discount_minor, total_minor, vat_code, vat_rate_bp, vat_minor, net_minor FROM sale_lines "
    "WHERE line_key BETWEEN ? AND ? AND voided = 0 ORDER BY line_key"
)
_VAT = (
    "SELECT vat_key >> 16, vat_code, rate_bp, vat_minor, net_minor FROM sale_vat "
    "WHERE vat_key BETWEEN ? AND ? ORDER BY vat_key"
)
_PAYMENTS = (
    "SELECT payment_key >> 16, tender, saft_payment_code, amount_minor, reference "
    "FROM sale_payments WHERE payment_key BETWEEN ? AND ? ORDER BY payment_key"
)
_CACHE_LIMIT = 200_000  # rendered fragments kept (a few hundred bytes each)


def vat_xml(code: str, rate_bp: int, vat: int, base: int) -> str:
    return (f"<vat><vatCode>{esc(code, 20)}</vatCode><vatPerc>{amount_text(rate_bp)}</vatPerc>"
            f"<vatAmnt>{amount_text(vat)}</vatAmnt><vatAmntTp>{credit_debit(vat)}</vatAmntTp>"
            f"<vatBasAmnt>{amount_text(base)}</vatBasAmnt></vat>")


def line_parts(sku: str, dept: str | None, qty: int, ppu: int, discount: int, total: int,
               vat_code: str, rate_bp: int, vat: int, net: int) -> tuple[str, str]:
    """A ctLine after its lineID up to ppu, and from its vat on: the parts that repeat
    whenever the same article sells in the same quantity at the same price."""
    line_type = LINE_RETURN if qty < 0 or total < 0 else LINE_SALE
    head = (f"<lineType>{line_type}</lineType><artGroupID>{ident(dept or NO_GROUP)}</artGroupID>"
            f"<artID>{ident(sku)}</artID><qnt>{quantity_text(qty)}</qnt>"
            f"<lineAmntIn>{amount_text(total)}</lineAmntIn>"
            f"<lineAmntEx>{amount_text(net)}</lineAmntEx><amntTp>{credit_debit(total)}</amntTp>"
            f"<ppu>{amount_text(ppu)}</ppu>")
    tail = vat_xml(vat_code, rate_bp, vat, net)
    if discount:
        tail += (f"<discount><dscTp>{DISCOUNT_TYPE}</dscTp>"
                 f"<dscAmnt>{amount_text(discount)}</dscAmnt></discount>")
    return head, tail + "</ctLine>"


class _Fragments:
    """Rendered line and VAT fragments by their values (bounded: cleared when full)."""

    def __init__(self) -> None:
        self.lines: dict[tuple[Any, ...], tuple[str, str]] = {}
        self.vats: dict[tuple[Any, ...], str] = {}

    def line(self, values: tuple[Any, ...]) -> tuple[str, str]:
        found = self.lines.get(values)
        if found is None:
            if len(self.lines) >= _CACHE_LIMIT:
                self.lines.clear()
            found = self.lines[values] = line_parts(*values)
        return found

    def vat(self, values: tuple[Any, ...]) -> str:
        found = self.vats.get(values)
        if found is None:
            if len(self.vats) >= _CACHE_LIMIT:
                self.vats.clear()
            found = self.vats[values] = vat_xml(*values)
        return found


@dataclass
class SignedReceipt:
    """What the signature check needs of one exported transaction."""

    fields: SignedFields
    signature: str
    key_version: str


@dataclass
class RegisterTransactions:
    written: int = 0
    warnings: list[str] = field(default_factory=list)


class _Children:
    """One child table's rows in sale-key order; take(sale_key) returns the sale's rows and
    skips those of sales outside the period (a clock jump can leave such sales in the span).
    Grouped by itertools.groupby: the per-row stepping stays in C."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._groups = groupby(rows, key=itemgetter(0))
        self._next: tuple[int, Iterator[tuple[Any, ...]]] | None = next(self._groups, None)

    def take(self, sale_key: int) -> list[tuple[Any, ...]]:
        found, groups = self._next, self._groups
        while found is not None and found[0] < sale_key:
            found = next(groups, None)
        if found is None or found[0] != sale_key:
            self._next = found  # a later sale's rows: kept (its group is not consumed yet)
            return []
        rows = list(found[1])
        self._next = next(groups, None)
        return rows


def write_transactions(
    con: sqlite3.Connection,
    reg: RegisterSelection,
    bounds: tuple[str, str],
    zone: ZoneInfo,
    emp_ids: dict[int, str],
    per_sale: dict[str, dict[str, int]],
    write: Callable[[str], object],
    on_signed: Callable[[SignedReceipt], None] | None = None,
    progress: Callable[[int], None] = lambda n: None,
    *,
    keys: tuple[int, int] | None = None,
    after: tuple[str, int] = ("", 0),
) -> RegisterTransactions:
    """keys: only the sales keyed first..last of the register's span (the two-process path
    splits it); after: the latest closed_at and the last number before them (clock check)."""
    result = RegisterTransactions()
    span = reg.sales
    if span.first is None or span.last is None:
        return result
    first, last = keys or (span.first, span.last)
    if last < first:
        return result
    lo, hi = first << CHILD_BITS, (last << CHILD_BITS) | 0xFFFF
    # One connection, four cursors: each is its own SQLite statement, stepped in turn.
    lines = _Children(con.cursor().execute(_LINES, (lo, hi)))
    payments = _Children(con.cursor().execute(_PAYMENTS, (lo, hi)))
    vats = _Children(con.cursor().execute(_VAT, (lo, hi)))
    emp_xml = {emp: f"<empID>{ident(no)}</empID>" for emp, no in emp_ids.items()}
    fragments = _Fragments()
    copies, proformas, deliveries = (per_sale.get(code, {}) for code in ("13014", "13015", "13016"))
    local_time = LocalTime(zone)
    last_closed, last_nr = after
    chunk: list[str] = []
    # Per-row work kept to the minimum: methods bound once, the usual receipt counts (none)
    # and flags as constant text, cached fragments looked up inline.
    add, extend = chunk.append, chunk.extend
    take_lines, take_vats, take_payments = lines.take, vats.take, payments.take
    line_cache, vat_cache = fragments.lines, fragments.vats
    counted = set(copies) | set(proformas) | set(deliveries)
    no_receipts = _receipt_counts(0, 0, 0)
    endings = {(void, training): f"<voidTransaction>{flag(void)}</voidTransaction>"
                                 f"<trainingID>{flag(training)}</trainingID></cashtransaction>"
               for void in (False, True) for training in (False, True)}
    for (key, sale_id, nr, kind, training, emp, closed, currency, total, net, rounding, change,
         signature, key_version) in con.cursor().execute(_SALES, (first, last, *bounds)):
        if closed < last_closed:
            result.warnings.append(
                f"register {reg.register_id}: the clock went backwards at transaction {nr} "
                f"({closed} after transaction {last_nr} at {last_closed}); kept as numbered")
        if closed > last_closed:
            last_closed = closed
        last_nr = nr
        day, clock = local_time(closed)
        who = emp_xml.get(emp, "")
        total_text, net_text = amount_text(total), amount_text(net)
        add(
            f"<cashtransaction><nr>{nr}</nr><transID>{nr}</transID>"
            f"<transType>{TX_TYPE_BY_KIND.get(kind, '11999')}</transType>"
            f"<transAmntIn>{total_text}</transAmntIn><transAmntEx>{net_text}</transAmntEx>"
            f"<amntTp>{'D' if total < 0 else 'C'}</amntTp>{who}"
            f"<transDate>{day}</transDate><transTime>{clock}</transTime>"
        )
        line_middle = f"{who}<lineDate>{day}</lineDate><lineTime>{clock}</lineTime>"
        for row in take_lines(key):
            values = row[2:]
            parts = line_cache.get(values) or fragments.line(values)
            extend((f"<ctLine><nr>{nr}</nr><lineID>{row[1]}</lineID>", parts[0], line_middle,
                    parts[1]))
        for row in take_vats(key):
            values = row[1:]
            add(vat_cache.get(values) or fragments.vat(values))
        add(f"<rounding><roundingAmnt>{amount_text(rounding)}</roundingAmnt></rounding>")
        pays = take_payments(key)
        # paidAmnt is what the payment settled (as in the official example: 295.00 cash for
        # 295.40 rounded), so the change given comes off the last cash handed over.
        change_at = -1
        if change:
            change_at = max((i for i, p in enumerate(pays) if p[1] == "cash"), default=-1)
        for i, (_k, _tender, code, amount, reference) in enumerate(pays):
            paid = amount - change if i == change_at else amount
            ref = f"<paymentRefID>{esc(reference, 999)}</paymentRefID>" if reference else ""
            add(f"<payment><paymentType>{ident(code)}</paymentType><paidAmnt>{amount_text(paid)}"
                f"</paidAmnt>{who}<curCode>{currency}</curCode><exchRt>1.000000</exchRt>{ref}"
                "</payment>")
        sig = signature or NOT_SIGNED
        version = str(key_version) if key_version is not None else NOT_SIGNED
        add(f"<signature>{esc(sig, 999)}</signature><keyVersion>{version}</keyVersion>")
        add(_receipt_counts(copies.get(sale_id, 0), proformas.get(sale_id, 0),
                            deliveries.get(sale_id, 0)) if sale_id in counted else no_receipts)
        add(endings[(kind == "void", bool(training))])
        if on_signed is not None:
            on_signed(SignedReceipt(SignedFields(day, clock, str(nr), total_text, net_text),
                                    sig, version))
        result.written += 1
        if result.written % 512 == 0:
            write("".join(chunk))
            chunk.clear()
            progress(512)
    write("".join(chunk))
    progress(result.written % 512)
    return result


def _receipt_counts(copies: int, proformas: int, deliveries: int) -> str:
    return (f"<receiptNum>1</receiptNum><receiptCopyNum>{min(copies, 999)}</receiptCopyNum>"
            f"<receiptProformaNum>{min(proformas, 999)}</receiptProformaNum>"
            f"<receiptDeliveryNum>{min(deliveries, 999)}</receiptDeliveryNum>")


def clock_before(con: sqlite3.Connection, reg: RegisterSelection, bounds: tuple[str, str],
                 key: int) -> tuple[str, int]:
    """The `after` of a split at `key`: the latest closed_at of the period's sales before it,
    and the number of the last of them (what the clock check would have carried over)."""
    if reg.sales.first is None or key <= reg.sales.first:
        return "", 0
    latest, nr = con.execute(
        "SELECT max(closed_at), max(transaction_no) FROM sales WHERE sale_key BETWEEN ? AND ? "
        "AND closed_at >= ? AND closed_at < ?", (reg.sales.first, key - 1, *bounds),
    ).fetchone()
    return latest or "", nr or 0
