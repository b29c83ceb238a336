"""Lays a receipt out for a receipt printer of N columns, in the store's language.

Printed words live here, per locale, rather than in Qt's translations: the till prints in the
store's language whatever language the cashier's screen is in.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from drivers.base import Barcode, Cut, Feed, Logo, PrintJob, QrCode, TextLine
from pos.app.format import Formatter
from pos.app.receipt_marks import sales_layout_heading
from pos.app.return_receipt import return_marking, to_pay_label
from pos.core.money import Money
from pos.core.receipt import Receipt, ReceiptLine
from pos.core.tender import TenderKind

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "org": "Org.nr.", "register": "Kasse", "receipt": "Kvittering nr.", "cashier": "Betjent av",
        "total": "TOTALT", "rounding": "Øreavrunding", "to_pay": "Å BETALE", "change": "Veksel",
        "vat": "MVA", "basis": "Grunnlag", "rate": "Sats", "copy": "*** KOPI ***",
        "discount": "Rabatt",
        "override": "Prisendring", "items": "Antall varer", "thanks": "Takk for handelen!",
        TenderKind.CASH: "Kontant", TenderKind.CARD: "Bankkort", TenderKind.GIFT_CARD: "Gavekort",
        TenderKind.LOYALTY: "Bonuspoeng", TenderKind.STORE_CREDIT: "Tilgodelapp",
        TenderKind.WEB_PAYMENT: "Nettbetaling",
    },
    "sv": {
        "org": "Org.nr", "register": "Kassa", "receipt": "Kvitto nr", "cashier": "Kassör",
        "total": "TOTALT", "rounding": "Öresavrundning", "to_pay": "ATT BETALA", "change": "Växel",
        "vat": "Moms", "basis": "Underlag", "rate": "Sats", "copy": "*** KOPIA ***",
        "discount": "Rabatt",
        "override": "Prisändring", "items": "Antal varor", "thanks": "Tack för ditt köp!",
        TenderKind.CASH: "Kontant", TenderKind.CARD: "Kort", TenderKind.GIFT_CARD: "Presentkort",
        TenderKind.LOYALTY: "Bonuspoäng", TenderKind.STORE_CREDIT: "Tillgodokvitto",
        TenderKind.WEB_PAYMENT: "Webbetalning",
    },
    "en": {
        "org": "Org. no.", "register": "Register", "receipt": "Receipt no.", "cashier": "Cashier",
        "total": "TOTAL", "rounding": "Rounding", "to_pay": "TO PAY", "change": "Change",
        "vat": "VAT", "basis": "Net", "rate": "Rate", "copy": "*** COPY ***",
        "discount": "Discount",
        "override": "Price change", "items": "Items", "thanks": "Thank you!",
        TenderKind.CASH: "Cash", TenderKind.CARD: "Card", TenderKind.GIFT_CARD: "Gift card",
        TenderKind.LOYALTY: "Loyalty points", TenderKind.STORE_CREDIT: "Store credit",
        TenderKind.WEB_PAYMENT: "Web payment",
    },
}


def words_for(locale: str) -> dict[str, str]:
    return WORDS.get(locale.split("_")[0], WORDS["en"])


def two_columns(left: str, right: str, width: int) -> str:
    room = width - len(right) - 1
    if len(left) > room:
        left = left[: max(room, 0)]
    return f"{left:<{room}} {right}"


def item_lines(line: ReceiptLine, w: dict[str, str], fmt: Formatter,
               columns: int) -> list[TextLine]:
    """One sold item: its name (wrapped, never cut), quantity x price, the amount before
    discount, then the discount and the price-change reason on lines of their own."""
    amount = fmt.amount(line.gross)
    room = columns - len(amount) - 1
    out: list[TextLine] = []
    several = line.weighed or line.quantity_milli != 1000
    names = textwrap.wrap(line.name, columns) or [""]
    if not several and len(names) == 1 and len(line.name) <= room:
        out.append(TextLine(two_columns(line.name, amount, columns)))
    else:
        out += [TextLine(part) for part in names]
        qty = fmt.quantity(line.quantity_milli, line.weighed)
        unit = fmt.amount(line.unit_price) + ("/kg" if line.weighed else "")
        detail = f"  {qty} x {unit}" if several else ""
        out.append(TextLine(two_columns(detail, amount, columns)))
    if line.override_reason:
        out.append(TextLine(f"  {w['override']}: {line.override_reason}"[:columns]))
    if line.line_discount.minor:
        label = f"  {w['discount']} {line.discount_reason or ''}".rstrip()
        out.append(TextLine(two_columns(label, "-" + fmt.amount(line.line_discount), columns)))
    return out


@dataclass(frozen=True)
class ReceiptExtras:
    """What the store adds to every receipt (the [receipt] table of the config)."""

    logo: str | None = None
    qr_url: str = ""  # "{receipt}" is replaced by the receipt's id
    footer: str = ""


def layout_receipt(receipt: Receipt, locale: str, columns: int = 42,
                   fmt: Formatter | None = None,
                   extras: ReceiptExtras = ReceiptExtras()) -> PrintJob:
    w = words_for(locale)
    fmt = fmt or Formatter(locale)
    s = receipt.seller
    items: list[object] = [Logo(extras.logo)] if extras.logo else []
    if receipt.copy:
        items.append(TextLine(w["copy"], bold=True, double=True, align="center"))
    # The receipt's name on top (kassasystemforskrifta § 2-8-4; pos.app.receipt_marks):
    # SALGSKVITTERING, or TRENINGSKVITTERING and IKKJE KVITTERING FOR KJØP.
    items += sales_layout_heading(receipt.kind, locale, receipt.training, columns)
    items += return_marking(receipt, locale, columns)  # RETURKVITTERING + the original's no.
    items += [
        TextLine(s.company_name, bold=True, double=True, align="center"),
        TextLine(s.store_name, align="center"),
    ]
    if s.address:
        items.append(TextLine(s.address, align="center"))
    items += [
        TextLine(f"{w['org']} {s.org_no} MVA", align="center"),
        TextLine(two_columns(f"{w['register']} {s.register_id}", fmt.datetime(receipt.closed_at),
                             columns)),
        TextLine(two_columns(f"{w['receipt']} {receipt.transaction_no}",
                             f"{w['cashier']} {receipt.employee}", columns)),
        TextLine("-" * columns),
    ]
    for line in receipt.lines:
        items += item_lines(line, w, fmt, columns)
    if receipt.receipt_discount.minor:
        label = f"{w['discount']} {receipt.receipt_discount_reason or ''}".rstrip()
        items.append(TextLine(two_columns(label, "-" + fmt.amount(receipt.receipt_discount),
                                          columns)))
    items.append(TextLine("-" * columns))
    items.append(TextLine(two_columns(w["total"], fmt.amount(receipt.total), columns), bold=True))
    if receipt.rounding.minor:
        items.append(TextLine(two_columns(w["rounding"], fmt.amount(receipt.rounding), columns)))
        label = to_pay_label(receipt, locale, w["to_pay"])
        items.append(TextLine(two_columns(label, fmt.amount(receipt.to_pay), columns),
                              bold=True))
    for payment in receipt.payments:
        shown = payment.tendered or payment.amount
        items.append(TextLine(two_columns(w[payment.kind], fmt.amount(shown), columns)))
    if receipt.change.minor:
        items.append(TextLine(two_columns(w["change"], fmt.amount(receipt.change), columns)))
    items.append(TextLine(""))
    third = (columns - 10) // 2
    header = f"{w['rate']:<10}{w['basis']:>{third}}{w['vat']:>{columns - 10 - third}}"
    items.append(TextLine(header))
    for vat in receipt.vat:
        net = fmt.amount(Money(vat.net_minor, receipt.total.currency))
        tax = fmt.amount(Money(vat.vat_minor, receipt.total.currency))
        rate = f"{w['vat']} {vat.rate.percent_text}%"
        items.append(TextLine(f"{rate:<10}{net:>{third}}{tax:>{columns - 10 - third}}"))
    items += [Feed(1), Barcode(receipt.receipt_id)]
    if extras.qr_url:
        items.append(QrCode(extras.qr_url.replace("{receipt}", receipt.receipt_id)))
    items += [TextLine(line[:columns], align="center") for line in extras.footer.splitlines()]
    items.append(TextLine(w["thanks"], align="center"))
    if receipt.copy:
        items.append(TextLine(w["copy"], bold=True, align="center"))
    items += [Feed(3), Cut()]
    return PrintJob(items=tuple(items))  # type: ignore[arg-type]
