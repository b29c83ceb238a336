"""Provisional receipts (foreløpig kvittering, 13015) of the open sale, and delivery receipts
(utleveringskvittering, 13016) for goods handed over on credit: numbered in their own series
(pos.store.receipt_series), marked as not valid as a receipt for the purchase
(pos.app.receipt_marks), journaled with their amount so the X and Z reports count them, and
exported per sale as receiptProformaNum / receiptDeliveryNum.

Skatteetaten on kassasystemforskrifta § 2-8-7: a delivery receipt is "nummerert, og ikkje inngå
i same nummerserie som salskvitteringar", shows its number, date and time and what was handed
over, and carries amounts (0 with a note when the value is not known yet).
"""

from __future__ import annotations

from drivers.base import Cut, Feed, PrintJob, TextLine
from pos.app.context import TillContext
from pos.app.print_codec import job_to_data
from pos.app.receipt_layout import item_lines, two_columns, words_for
from pos.app.receipt_marks import not_valid_marking, receipt_heading
from pos.core.money import Money
from pos.core.receipt import build_receipt
from pos.core.tender import Settlement
from pos.core.totals import Totals
from pos.store.receipt_series import IssuedReceipt, Series, issue
from pos.store.users import UserView


def layout_series_receipt(ctx: TillContext, series: Series, number: int, totals: Totals,
                          user: UserView) -> PrintJob:
    locale, columns, fmt = ctx.locale, ctx.printer.columns, ctx.formatter
    w, s, now = words_for(locale), ctx.seller, ctx.now()
    receipt = build_receipt(
        seller=s, transaction_no=number, receipt_id=f"{series[0].upper()}{number}",
        closed_at=now, employee=user.name, totals=totals, settlement=Settlement(totals.total),
    )
    items: list[object] = list(receipt_heading(series, locale, number=str(number), columns=columns))
    items += [TextLine(s.company_name, bold=True, align="center")]
    if s.address:
        items.append(TextLine(s.address, align="center"))
    items += [
        TextLine(f"{w['org']} {s.org_no} MVA", align="center"),
        TextLine(two_columns(f"{w['register']} {s.register_id}", fmt.datetime(now), columns)),
        TextLine(f"{w['cashier']} {user.name}"[:columns]),
        TextLine("-" * columns),
    ]
    for line in receipt.lines:
        items += item_lines(line, w, fmt, columns)
    items += [TextLine("-" * columns),
              TextLine(two_columns(w["total"], fmt.amount(receipt.total), columns), bold=True)]
    for vat in receipt.vat:
        tax = fmt.amount(Money(vat.vat_minor, receipt.total.currency))
        items.append(TextLine(two_columns(f"{w['vat']} {vat.rate.percent_text}%", tax, columns)))
    # Top and bottom, double size: § 2-8-8's "minst 50 % større" than the amounts (receipt_marks)
    items += [Feed(1), *not_valid_marking(locale, columns), Feed(3), Cut()]
    return PrintJob(items=tuple(items))  # type: ignore[arg-type]


def issue_series_receipt(ctx: TillContext, series: Series, totals: Totals, user: UserView,
                         sale_id: str | None) -> IssuedReceipt:
    """Number, journal and print a provisional or delivery receipt of `totals`."""
    if not totals.lines:
        raise ValueError("nothing to put on the receipt")
    issued = issue(
        ctx.db, ctx.register_id, series, employee_id=user.id, sale_id=sale_id,
        total_minor=totals.total.minor, at=ctx.now(),
        render=lambda n: job_to_data(layout_series_receipt(ctx, series, n, totals, user)),
    )
    ctx.printer.submit(issued.job_id)
    return issued
