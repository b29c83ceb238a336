"""Compute an X or Z report from the till database.

The period is everything after the register's last Z: transactions by number (a sale_key range
in each table, so no scan and no index beyond the keys), journal entries by number, cash
movements and shifts by time. A handful of GROUP BY statements do the work in SQLite; Python
only folds the few resulting groups into the model. Training sales are counted apart
(reportTrainingNum/Amnt) and left out of every other total, grand totals included.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pos.reports import xz_aggregate
from pos.reports import xz_model as m
from pos.reports.xz_aggregate import (
    Aggregate,
    aggregate_range,
    block_range,
    blocks_in,
    empty,
    merge,
    rows,
)
from pos.store import report_blocks
from pos.store.db import Database
from pos.store.keys import CHILD_BITS, NUMBER_BITS, number_of
from pos.store.z_reports import ZRow, last_z

CASH_CODE = "12001"
NO_DEPARTMENT = "0"  # art group of lines sold without a department


@dataclass(frozen=True, slots=True)
class ReportRequest:
    kind: Literal["X", "Z"]
    register_id: str
    company_ident: str
    company_name: str
    currency: str
    timezone: str
    now: datetime
    z_no: int | None = None
    employee_no: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """What the report covers: after the last Z up to now."""

    register_no: int | None
    first_transaction_no: int | None  # None: no sales in the period
    last_transaction_no: int | None
    after_entry_no: int  # journal entries after this one
    last_entry_no: int
    after_utc: str  # movements and shifts after this moment ("" = since the beginning)
    previous: ZRow | None


def business_date(now: datetime, timezone: str) -> str:
    return now.astimezone(ZoneInfo(timezone)).date().isoformat()


def find_period(con: sqlite3.Connection, register_id: str, previous: ZRow | None) -> Period:
    row = con.execute("SELECT no FROM registers WHERE register_id = ?", (register_id,)).fetchone()
    reg_no = int(row[0]) if row else None
    covered = int(con.execute(
        "SELECT coalesce(max(last_transaction_no), 0) FROM z_reports WHERE register_id = ?",
        (register_id,),
    ).fetchone()[0])  # fmt: skip
    last_tx = last_entry = 0
    if reg_no is not None:
        lo, hi = reg_no << NUMBER_BITS, ((reg_no + 1) << NUMBER_BITS) - 1
        last_tx = number_of(con.execute(
            "SELECT max(sale_key) FROM sales WHERE sale_key BETWEEN ? AND ?", (lo, hi)
        ).fetchone()[0])  # fmt: skip
        last_entry = number_of(con.execute(
            "SELECT max(entry_key) FROM journal WHERE entry_key BETWEEN ? AND ?", (lo, hi)
        ).fetchone()[0])  # fmt: skip
    after_entry = 0
    if previous is not None:
        after_entry = int(json.loads(previous.report_json)["extras"].get("last_entry_no") or 0)
    has_sales = last_tx > covered
    return Period(
        reg_no,
        covered + 1 if has_sales else None,
        last_tx if has_sales else None,
        after_entry,
        last_entry,
        previous.created_at if previous else "",
        previous,
    )


def compute_report(db: Database, req: ReportRequest, *, use_cache: bool = True) -> m.XZReport:
    """The report for the period after the last Z. Finished blocks of transactions come from
    the block cache (and are added to it when missing), the rest is summed now."""
    previous = last_z(db, req.register_id)
    fresh: dict[int, str] = {}
    with db.read() as con:
        period = find_period(con, req.register_id, previous)
        agg = empty()
        if period.first_transaction_no is not None and period.register_no is not None:
            first, last = period.first_transaction_no, period.last_transaction_no or 0
            agg, fresh = sale_sums(con, req.register_id, period.register_no, first, last,
                                   use_cache=use_cache)  # fmt: skip
        report = _build(con, req, period, agg)
    if use_cache:
        report_blocks.store(db, req.register_id, fresh)
    return report


def sale_sums(
    con: sqlite3.Connection, register_id: str, register_no: int, first: int, last: int,
    *, use_cache: bool = True, partial: bool = True,
) -> tuple[Aggregate, dict[int, str]]:
    """Sums of first..last: cached whole blocks, the rest computed; returns the sums and the
    whole blocks it had to compute (for the caller to store, outside this read)."""
    whole, parts = blocks_in(first, last)
    have = report_blocks.cached(con, register_id, whole) if use_cache else {}
    agg, fresh = empty(), {}
    size = xz_aggregate.BLOCK
    for block in whole:
        cached = json.loads(have[block]) if block in have else None
        if cached is None or cached.get("size") != size:  # none, or cut by another block size
            block_agg = aggregate_range(con, register_no, *block_range(block))
            fresh[block] = json.dumps({"size": size, **block_agg}, ensure_ascii=False)
            merge(agg, block_agg)
        else:
            merge(agg, cached)
    for start, end in parts if partial else ():
        merge(agg, aggregate_range(con, register_no, start, end))
    return agg, fresh


def warm_blocks(db: Database, register_id: str) -> int:
    """Sum and cache every finished block of the open period not cached yet (the till runs
    this in the background, so a Z reads sums instead of rows). Returns blocks added."""
    previous = last_z(db, register_id)
    with db.read() as con:
        period = find_period(con, register_id, previous)
        if period.first_transaction_no is None or period.register_no is None:
            return 0
        _agg, fresh = sale_sums(con, register_id, period.register_no,
                                period.first_transaction_no, period.last_transaction_no or 0,
                                partial=False)
    report_blocks.store(db, register_id, fresh)
    return len(fresh)


class _Sums:
    """Counts and amounts folded from the GROUP BY rows."""

    def __init__(self) -> None:
        self.num: defaultdict[Any, int] = defaultdict(int)
        self.amnt: defaultdict[Any, int] = defaultdict(int)

    def add(self, key: Any, num: int, amnt: int) -> None:
        self.num[key] += num
        self.amnt[key] += amnt


def _build(
    con: sqlite3.Connection, req: ReportRequest, period: Period, agg: Aggregate
) -> m.XZReport:
    employees = dict(con.execute("SELECT id, employee_no FROM users").fetchall())

    def emp(employee_id: int | None) -> str:
        return str(employees.get(employee_id, employee_id if employee_id is not None else "0"))

    zone = ZoneInfo(req.timezone)
    sales, hours, training = _Sums(), _Sums(), _Sums()
    change_by_emp: defaultdict[str, int] = defaultdict(int)
    art, emp_art, pay, emp_pay, tenders = _Sums(), _Sums(), _Sums(), _Sums(), _Sums()
    discount = _Sums()
    vat: dict[tuple[str, int], tuple[int, int]] = {}
    local_hour: dict[str, int] = {}
    for (kind, is_training, employee_id, hour), (n, total, change) in rows(agg, "sales"):
        if is_training:
            training.add("all", n, total)
            continue
        sales.add(kind, n, total)
        change_by_emp[emp(employee_id)] += change
        if kind != "void":
            if hour not in local_hour:
                utc = datetime.fromisoformat(hour + ":00:00").replace(tzinfo=UTC)
                local_hour[hour] = utc.astimezone(zone).hour
            hours.add(local_hour[hour], n, total)
    for (employee_id, dept), (qty, total, n_disc, disc) in rows(agg, "lines"):
        group = dept or NO_DEPARTMENT
        art.add(group, qty, total)
        emp_art.add((emp(employee_id), group), qty, total)
        discount.add("all", n_disc, disc)
    for (employee_id, code, tender), (n, total) in rows(agg, "payments"):
        pay.add(code, n, total)
        emp_pay.add((emp(employee_id), code), n, total)
        tenders.add(tender, n, total)
    for (code, rate), (net, vat_amnt) in rows(agg, "vat"):
        have = vat.get((code, rate), (0, 0))
        vat[(code, rate)] = (have[0] + net, have[1] + vat_amnt)
    # Change goes back out of the drawer in cash: the cash tender counts what stayed in it.
    for employee, change in change_by_emp.items():
        if change:
            pay.add(CASH_CODE, 0, -change)
            emp_pay.add((employee, CASH_CODE), 0, -change)
            tenders.add("cash", 0, -change)
    events = _journal_events(con, period)
    floats, emp_floats, moves = _cash(con, req.register_id, period, emp)

    previous = json.loads(period.previous.report_json) if period.previous else {}
    sold, returned = sales.amnt["sale"], -sales.amnt["return"]
    grand_sales = int(previous.get("report_grand_total_sales", 0)) + sold
    grand_return = int(previous.get("report_grand_total_return", 0)) + returned
    total_cash_sales = sold - returned
    local_now = req.now.astimezone(zone)
    expected_cash = (
        floats + tenders.amnt["cash"] + moves.amnt["pay_in"] - moves.amnt["pay_out"]
        - moves.amnt["drop"]
    )  # fmt: skip
    return m.XZReport(
        report_id=str(req.z_no) if req.kind == "Z" else f"X{local_now:%Y%m%d%H%M%S}",
        report_type="Z report" if req.kind == "Z" else "X report",
        company_ident=req.company_ident,
        company_name=req.company_name,
        report_date=local_now.date().isoformat(),
        report_time=local_now.strftime("%H:%M:%S"),
        register_id=req.register_id,
        report_total_cash_sales=m.TotalCashSales(total_cash_sale_amnt=total_cash_sales),
        report_art_groups=tuple(
            m.ArtGroup(art_group_id=g, art_group_num=art.num[g], art_group_amnt=art.amnt[g])
            for g in sorted(art.num)
        ) or (m.ArtGroup(art_group_id=m.NONE_TYPE, art_group_num=0, art_group_amnt=0),),
        report_emp_art_groups=tuple(
            m.EmpArtGroup(emp_id=e, art_group_id=g, art_group_num=emp_art.num[(e, g)],
                          art_group_amnt=emp_art.amnt[(e, g)])
            for e, g in sorted(emp_art.num)
        ) or None,
        report_payments=tuple(
            m.Payment(payment_type=c, payment_num=pay.num[c], payment_amnt=pay.amnt[c])
            for c in sorted(pay.num)
        ) or (m.Payment(payment_type=m.NONE_TYPE, payment_num=0, payment_amnt=0),),
        report_emp_payments=tuple(
            m.EmpPayment(emp_id=e, payment_type=c, payment_num=emp_pay.num[(e, c)],
                         payment_amnt=emp_pay.amnt[(e, c)])
            for e, c in sorted(emp_pay.num)
        ) or None,
        report_cash_sales_vat=tuple(
            m.CashSaleVat(vat_code=code, vat_perc=rate, cash_sale_amnt=net, vat_amnt=v)
            for (code, rate), (net, v) in sorted(vat.items())
        ) or (m.CashSaleVat(vat_code=None, vat_perc=0, cash_sale_amnt=0, vat_amnt=0),),
        report_opening_change_float=floats,
        report_emp_opening_change_floats=tuple(
            m.EmpOpeningChangeFloat(emp_id=e, opening_change_float_amnt=a)
            for e, a in sorted(emp_floats.items())
        ) or None,
        report_receipt_num=sales.num["sale"] + sales.num["return"],
        report_open_cash_box_num=events.num["no_sale"],
        report_receipt_copy_num=events.num["copy_receipt"],
        report_receipt_copy_amnt=events.amnt["copy_receipt"],
        report_receipt_proforma_num=events.num["provisional"],
        report_receipt_proforma_amnt=events.amnt["provisional"],
        report_return_num=sales.num["return"],
        report_return_amnt=returned,
        report_discount_num=discount.num["all"],
        report_discount_amnt=discount.amnt["all"],
        report_void_trans_num=events.num["sale_voided"] + sales.num["void"],
        report_void_trans_amnt=events.amnt["sale_voided"] + abs(sales.amnt["void"]),
        report_corr_lines=_corr_lines(events),
        report_price_inquiries=tuple(
            m.PriceInquiry(price_inquiry_group=g, price_inquiry_num=events.num[("lookup", g)],
                           price_inquiry_amnt=events.amnt[("lookup", g)])
            for g in sorted(k[1] for k in events.num if isinstance(k, tuple))
        ) or (m.PriceInquiry(price_inquiry_group=m.NONE_TYPE, price_inquiry_num=0,
                             price_inquiry_amnt=0),),
        report_other_corrs=(
            m.OtherCorr(other_corr_type=m.NONE_TYPE, other_corr_num=0, other_corr_amnt=0),
        ),
        report_receipt_delivery_num=events.num["delivery"],
        report_receipt_delivery_amnt=events.amnt["delivery"],
        report_training_num=training.num["all"],
        report_training_amnt=training.amnt["all"],
        report_pay_ins=(
            m.PayIn(pay_in_type="11011", pay_in_num=moves.num["pay_in"],
                    pay_in_amnt=moves.amnt["pay_in"]),
        ),
        report_pay_outs=(
            m.PayOut(pay_out_type="11010", pay_out_num=moves.num["pay_out"],
                     pay_out_amnt=moves.amnt["pay_out"]),
        ),
        report_grand_total_sales=grand_sales,
        report_grand_total_return=grand_return,
        report_grand_total_sales_net=grand_sales - grand_return,
        extras=m.ReportExtras(
            currency=req.currency,
            business_date=local_now.date().isoformat(),
            z_no=req.z_no,
            first_transaction_no=period.first_transaction_no,
            last_transaction_no=period.last_transaction_no,
            first_entry_no=period.after_entry_no + 1,
            last_entry_no=period.last_entry_no,
            employee_no=req.employee_no,
            sales_by_hour=tuple(
                m.HourSales(hour=h, count=hours.num[h], amount=hours.amnt[h])
                for h in sorted(hours.num)
            ),
            tenders=tuple(
                m.TenderTotal(tender=t, count=tenders.num[t], amount=tenders.amnt[t])
                for t in sorted(tenders.num)
            ),
            cash_drops_num=moves.num["drop"],
            cash_drops_amnt=moves.amnt["drop"],
            expected_cash_amnt=expected_cash,
        ),
    )  # fmt: skip


def _corr_lines(events: _Sums) -> tuple[m.CorrLine, ...]:
    rows = [
        m.CorrLine(corr_line_type=label, corr_line_num=events.num[key],
                   corr_line_amnt=events.amnt[key])
        for key, label in (("line_voided", "Delete line"), ("price_override", "Price override"))
        if events.num[key]
    ]  # fmt: skip
    return tuple(rows) or (m.CorrLine(corr_line_type=m.NONE_TYPE, corr_line_num=0,
                                      corr_line_amnt=0),)  # fmt: skip


# Our journal events a report counts (pos.app.journal_codes names), and the ones the fiscal
# engineer's receipts may add (provisional, delivery), by name.
_COUNTED = (
    "no_sale", "copy_receipt", "sale_voided", "line_voided", "price_override", "price_lookup",
    "provisional_receipt", "delivery_receipt",
)  # fmt: skip


def _journal_events(con: sqlite3.Connection, period: Period) -> _Sums:
    sums = _Sums()
    if period.register_no is None or period.last_entry_no <= period.after_entry_no:
        return sums
    base = period.register_no << NUMBER_BITS
    marks = ",".join("?" * len(_COUNTED))
    copies: list[str] = []
    for event, payload_text in con.execute(
        f"SELECT event, payload FROM journal WHERE entry_key BETWEEN ? AND ? "
        f"AND event IN ({marks})",
        (base | (period.after_entry_no + 1), base | period.last_entry_no, *_COUNTED),
    ):
        payload = json.loads(payload_text)
        if event == "line_voided":
            amount = payload.get("quantity_milli", 0) * payload.get("unit_price_minor", 0) // 1000
            sums.add(event, 1, abs(amount))
        elif event == "price_override":
            sums.add(event, 1, abs(payload.get("from_minor", 0) - payload.get("to_minor", 0)))
        elif event == "sale_voided":
            sums.add(event, 1, abs(payload.get("total_minor", 0)))
        elif event == "price_lookup":
            group = str(payload.get("department") or NO_DEPARTMENT)
            sums.add(("lookup", group), 1, payload.get("price_minor", 0))
        elif event == "copy_receipt":
            sums.add(event, 1, 0)
            if payload.get("sale_id"):
                copies.append(payload["sale_id"])
        elif event == "provisional_receipt":
            sums.add("provisional", 1, payload.get("total_minor", 0))
        elif event == "delivery_receipt":
            sums.add("delivery", 1, payload.get("total_minor", 0))
        else:
            sums.add(event, 1, 0)
    for start in range(0, len(copies), 500):
        chunk = copies[start:start + 500]
        row = con.execute(
            f"SELECT coalesce(sum(total_minor), 0) FROM sales WHERE id IN "
            f"({','.join('?' * len(chunk))})",
            chunk,
        ).fetchone()
        sums.amnt["copy_receipt"] += int(row[0])
    return sums


def _cash(
    con: sqlite3.Connection, register_id: str, period: Period, emp: Any
) -> tuple[int, dict[str, int], _Sums]:
    """Opening floats (per employee) of the shifts opened in the period, and cash movements."""
    emp_floats: defaultdict[str, int] = defaultdict(int)
    for employee_id, opened_by, amount in con.execute(
        "SELECT employee_id, opened_by, opening_float_minor FROM shifts "
        "WHERE register_id = ? AND opened_at > ?",
        (register_id, period.after_utc),
    ):
        emp_floats[emp(employee_id if employee_id is not None else opened_by)] += amount
    moves = _Sums()
    for kind, n, amount in con.execute(
        "SELECT kind, count(*), sum(amount_minor) FROM cash_movements "
        "WHERE register_id = ? AND at > ? GROUP BY kind",
        (register_id, period.after_utc),
    ):
        moves.add(kind, n, amount)
    return sum(emp_floats.values()), dict(emp_floats), moves


def shift_tender_totals(
    db: Database,
    register_id: str,
    first_transaction_no: int,
    last_transaction_no: int,
    employee_id: int | None,
) -> dict[str, int]:
    """What a shift took per tender (cash net of change), training left out: the expected
    side of its close. employee_id None: every sale on the register (a drawer's shift)."""
    totals: defaultdict[str, int] = defaultdict(int)
    if last_transaction_no < first_transaction_no:
        return dict(totals)
    with db.read() as con:
        row = con.execute(
            "SELECT no FROM registers WHERE register_id = ?", (register_id,)
        ).fetchone()
        if row is None:
            return dict(totals)
        base = int(row[0]) << NUMBER_BITS
        lo, hi = (base | first_transaction_no) << CHILD_BITS, (
            (base | last_transaction_no) << CHILD_BITS | ((1 << CHILD_BITS) - 1)
        )
        who = "" if employee_id is None else " AND s.employee_id = ?"
        args: tuple[Any, ...] = (lo, hi) if employee_id is None else (lo, hi, employee_id)
        for tender, amount in con.execute(
            "SELECT p.tender, sum(p.amount_minor) FROM sale_payments p "
            "JOIN sales s ON s.sale_key = p.payment_key >> 16 WHERE p.payment_key BETWEEN ? "
            "AND ? AND NOT s.training AND s.kind <> 'void'" + who + " GROUP BY 1",
            args,
        ):
            totals[tender] += amount
        who_sales = "" if employee_id is None else " AND employee_id = ?"
        sales_args: tuple[Any, ...] = (base | first_transaction_no, base | last_transaction_no)
        if employee_id is not None:
            sales_args += (employee_id,)
        change = con.execute(
            "SELECT coalesce(sum(change_minor), 0) FROM sales WHERE sale_key BETWEEN ? AND ? "
            "AND NOT training AND kind <> 'void'" + who_sales,
            sales_args,
        ).fetchone()[0]
    totals["cash"] -= int(change)
    return dict(totals)
