"""The X or Z report laid out for the receipt printer: every eventReport item, in its order.

Printed words are in the store's language (the report is the store's document, as the
receipt is); amounts come formatted by the caller's locale formatter.
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.base import Cut, Feed, PrintItem, PrintJob, TextLine
from pos.reports.xz_model import NONE_TYPE, XZReport, quantity_text

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "X report": "X-RAPPORT", "Z report": "Z-RAPPORT", "no": "Nr.", "org": "Org.nr.",
        "register": "Kasse", "date": "Dato", "period": "Transaksjoner",
        "total_cash_sales": "Total kontantsalg", "art_groups": "Varegrupper",
        "emp_art_groups": "Varegrupper per selger", "payments": "Betalingsmidler",
        "emp_payments": "Betalingsmidler per selger", "vat": "MVA per sats",
        "base": "grunnlag", "float": "Inngående veksel", "emp_float": "Veksel per selger",
        "receipts": "Antall kvitteringer", "open_box": "Skuffåpninger uten salg",
        "copies": "Kopikvitteringer", "proforma": "Foreløpige kvitteringer",
        "returns": "Returer", "discounts": "Rabatter", "voids": "Annulleringer",
        "corr_lines": "Korrigeringer", "inquiries": "Prisoppslag",
        "other_corrs": "Andre korrigeringer", "delivery": "Utleveringskvitteringer",
        "training": "Trening (ikke i totaler)", "pay_ins": "Innbetalinger",
        "pay_outs": "Utbetalinger", "drops": "Til safe", "expected_cash": "Forventet kontant",
        "grand_sales": "Grand total salg", "grand_return": "Grand total retur",
        "grand_net": "Grand total netto", "employee": "Selger", "none": "Ingen",
        "by": "Kjørt av",
    },
    "sv": {
        "X report": "X-RAPPORT", "Z report": "Z-RAPPORT", "no": "Nr", "org": "Org.nr",
        "register": "Kassa", "date": "Datum", "period": "Transaktioner",
        "total_cash_sales": "Total kontantförsäljning", "art_groups": "Varugrupper",
        "emp_art_groups": "Varugrupper per säljare", "payments": "Betalmedel",
        "emp_payments": "Betalmedel per säljare", "vat": "Moms per sats",
        "base": "underlag", "float": "Växelkassa", "emp_float": "Växel per säljare",
        "receipts": "Antal kvitton", "open_box": "Lådöppningar utan köp",
        "copies": "Kvittokopior", "proforma": "Preliminära kvitton", "returns": "Returer",
        "discounts": "Rabatter", "voids": "Annulleringar", "corr_lines": "Korrigeringar",
        "inquiries": "Prisfrågor", "other_corrs": "Andra korrigeringar",
        "delivery": "Utlämningskvitton", "training": "Övning (ej i totaler)",
        "pay_ins": "Inbetalningar", "pay_outs": "Utbetalningar", "drops": "Till kassaskåp",
        "expected_cash": "Förväntat kontant", "grand_sales": "Grand total försäljning",
        "grand_return": "Grand total retur", "grand_net": "Grand total netto",
        "employee": "Säljare", "none": "Inga", "by": "Körd av",
    },
    "en": {
        "X report": "X REPORT", "Z report": "Z REPORT", "no": "No.", "org": "Org. no.",
        "register": "Register", "date": "Date", "period": "Transactions",
        "total_cash_sales": "Total cash sales", "art_groups": "Article groups",
        "emp_art_groups": "Article groups per employee", "payments": "Payments",
        "emp_payments": "Payments per employee", "vat": "VAT per rate", "base": "base",
        "float": "Opening float", "emp_float": "Float per employee",
        "receipts": "Receipts", "open_box": "Drawer openings, no sale",
        "copies": "Copy receipts", "proforma": "Provisional receipts", "returns": "Returns",
        "discounts": "Discounts", "voids": "Voided sales", "corr_lines": "Line corrections",
        "inquiries": "Price look-ups", "other_corrs": "Other corrections",
        "delivery": "Delivery receipts", "training": "Training (not in totals)",
        "pay_ins": "Pay-ins", "pay_outs": "Pay-outs", "drops": "Drops to safe",
        "expected_cash": "Expected cash", "grand_sales": "Grand total sales",
        "grand_return": "Grand total returns", "grand_net": "Grand total net",
        "employee": "Employee", "none": "None", "by": "Run by",
    },
}

PAYMENT_NAMES: dict[str, dict[str, str]] = {
    "nb": {"12001": "Kontant", "12002": "Bankkort", "12003": "Kredittkort",
           "12005": "Gavekort", "12007": "Lojalitet", "12010": "Tilgodelapp",
           "12999": "Nettbetaling"},
    "sv": {"12001": "Kontant", "12002": "Bankkort", "12003": "Kreditkort",
           "12005": "Presentkort", "12007": "Lojalitet", "12010": "Tillgodokvitto",
           "12999": "Webbetalning"},
    "en": {"12001": "Cash", "12002": "Debit card", "12003": "Credit card",
           "12005": "Gift card", "12007": "Loyalty", "12010": "Credit note",
           "12999": "Web payment"},
}  # fmt: skip


def words_for(locale: str) -> dict[str, str]:
    return WORDS.get(locale.split("_")[0], WORDS["en"])


def payment_name(code: str, locale: str) -> str:
    names = PAYMENT_NAMES.get(locale.split("_")[0], PAYMENT_NAMES["en"])
    return names.get(code, code)


def _row(left: str, right: str, width: int) -> TextLine:
    room = width - len(right) - 1
    return TextLine(f"{left[:max(room, 0)]:<{room}} {right}")


def layout_xz(
    report: XZReport,
    locale: str,
    columns: int,
    amount: Callable[[int], str],
    when: str,
    run_by: str = "",
) -> PrintJob:
    """`amount(minor)` formats money for the locale; `when` is the report's local time."""
    w = words_for(locale)
    out: list[PrintItem] = []
    rule = TextLine("-" * columns)

    def row(label: str, value: str) -> None:
        out.append(_row(label, value, columns))

    def count_row(label: str, num: int, amnt: int | None = None) -> None:
        row(f"{label} ({num})" if amnt is not None else label,
            amount(amnt) if amnt is not None else str(num))  # fmt: skip

    def heading(label: str) -> None:
        out.extend([rule, TextLine(label, bold=True)])

    x = report.extras
    title = w[report.report_type] + (f" {w['no']} {x.z_no}" if x.z_no else "")
    out += [
        TextLine(title, bold=True, double=True, align="center"),
        TextLine(report.company_name, align="center"),
        TextLine(f"{w['org']} {report.company_ident}", align="center"),
        TextLine(f"{w['register']} {report.register_id}", align="center"),
        TextLine(when, align="center"),
    ]
    if x.first_transaction_no is not None:
        row(w["period"], f"{x.first_transaction_no}-{x.last_transaction_no}")
    if run_by:
        row(w["by"], run_by)
    out.append(rule)
    out.append(TextLine(_row(w["total_cash_sales"],
                             amount(report.report_total_cash_sales.total_cash_sale_amnt),
                             columns).text, bold=True))  # fmt: skip
    heading(w["art_groups"])
    for g in report.report_art_groups:
        name = w["none"] if g.art_group_id == NONE_TYPE else g.art_group_id
        row(f"{name} ({quantity_text(g.art_group_num)})", amount(g.art_group_amnt))
    if report.report_emp_art_groups:
        heading(w["emp_art_groups"])
        for e in report.report_emp_art_groups:
            row(f"{e.emp_id} {e.art_group_id} ({quantity_text(e.art_group_num)})",
                amount(e.art_group_amnt))  # fmt: skip
    heading(w["payments"])
    for p in report.report_payments:
        count_row(payment_name(p.payment_type, locale), p.payment_num, p.payment_amnt)
    if report.report_emp_payments:
        heading(w["emp_payments"])
        for ep in report.report_emp_payments:
            count_row(f"{ep.emp_id} {payment_name(ep.payment_type, locale)}", ep.payment_num,
                      ep.payment_amnt)  # fmt: skip
    heading(w["vat"])
    for v in report.report_cash_sales_vat:
        row(f"{v.vat_perc / 100:.2f} % {w['base']} {amount(v.cash_sale_amnt)}",
            amount(v.vat_amnt))  # fmt: skip
    out.append(rule)
    row(w["float"], amount(report.report_opening_change_float))
    for f in report.report_emp_opening_change_floats or ():
        row(f"  {w['employee']} {f.emp_id}", amount(f.opening_change_float_amnt))
    row(w["receipts"], str(report.report_receipt_num))
    row(w["open_box"], str(report.report_open_cash_box_num))
    count_row(w["copies"], report.report_receipt_copy_num, report.report_receipt_copy_amnt)
    count_row(w["proforma"], report.report_receipt_proforma_num,
              report.report_receipt_proforma_amnt)  # fmt: skip
    count_row(w["returns"], report.report_return_num, report.report_return_amnt)
    count_row(w["discounts"], report.report_discount_num, report.report_discount_amnt)
    count_row(w["voids"], report.report_void_trans_num, report.report_void_trans_amnt)
    for c in report.report_corr_lines:
        label = w["none"] if c.corr_line_type == NONE_TYPE else c.corr_line_type
        count_row(f"{w['corr_lines']}: {label}", c.corr_line_num, c.corr_line_amnt)
    for q in report.report_price_inquiries:
        label = w["none"] if q.price_inquiry_group == NONE_TYPE else q.price_inquiry_group
        count_row(f"{w['inquiries']}: {label}", q.price_inquiry_num, q.price_inquiry_amnt)
    for o in report.report_other_corrs:
        label = w["none"] if o.other_corr_type == NONE_TYPE else o.other_corr_type
        count_row(f"{w['other_corrs']}: {label}", o.other_corr_num, o.other_corr_amnt)
    count_row(w["delivery"], report.report_receipt_delivery_num,
              report.report_receipt_delivery_amnt)  # fmt: skip
    count_row(w["training"], report.report_training_num, report.report_training_amnt)
    for pi in report.report_pay_ins or ():
        count_row(w["pay_ins"], pi.pay_in_num, pi.pay_in_amnt)
    for po in report.report_pay_outs or ():
        count_row(w["pay_outs"], po.pay_out_num, po.pay_out_amnt)
    count_row(w["drops"], x.cash_drops_num, x.cash_drops_amnt)
    row(w["expected_cash"], amount(x.expected_cash_amnt))
    out.append(rule)
    row(w["grand_sales"], amount(report.report_grand_total_sales))
    row(w["grand_return"], amount(report.report_grand_total_return))
    out.append(TextLine(
        _row(w["grand_net"], amount(report.report_grand_total_sales_net), columns).text,
        bold=True,
    ))  # fmt: skip
    out += [Feed(3), Cut()]
    return PrintJob(tuple(out))
