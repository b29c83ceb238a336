"""What the customer sees: on a 2 x 20 pole display and on a second screen. UI-neutral.

The till decides the words; the pole display driver only places characters, and the Qt
customer window only draws. Both follow the same CustomerView.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.app.format import Formatter
from pos.app.receipt_layout import words_for
from pos.core.money import Money
from pos.core.totals import LineAmounts, Totals

WELCOME = {"nb": "Velkommen!", "sv": "Välkommen!", "en": "Welcome!"}


@dataclass(frozen=True)
class CustomerView:
    """One state of the customer's screen."""

    headline: str  # the item just scanned, or "To pay" / "Change"
    amount: str  # its price, or the amount to pay / change
    total: str  # the running total ("" when idle)
    lines: tuple[tuple[str, str], ...] = ()  # (name, amount) of every line, for a big screen


def idle(store_name: str, locale: str) -> CustomerView:
    return CustomerView(WELCOME.get(locale.split("_")[0], WELCOME["en"]), "", store_name)


def _lines(totals: Totals, fmt: Formatter) -> tuple[tuple[str, str], ...]:
    return tuple((a.line.item.name, fmt.amount(a.total)) for a in totals.lines)


def after_scan(
    totals: Totals, last: LineAmounts | None, locale: str, fmt: Formatter
) -> CustomerView:
    words = words_for(locale)
    total = f"{words['total']} {fmt.money(totals.total)}"
    if last is None:
        return CustomerView("", "", total, _lines(totals, fmt))
    return CustomerView(last.line.item.name, fmt.money(last.total), total, _lines(totals, fmt))


def paying(due: Money, totals: Totals, locale: str, fmt: Formatter) -> CustomerView:
    words = words_for(locale)
    return CustomerView(words["to_pay"], fmt.money(due), "", _lines(totals, fmt))


def change(change: Money, totals: Totals, locale: str, fmt: Formatter) -> CustomerView:
    words = words_for(locale)
    return CustomerView(words["change"], fmt.money(change), words["thanks"], _lines(totals, fmt))


def pole_lines(view: CustomerView, columns: int = 20) -> tuple[str, str]:
    """Two rows for a pole display: the headline with its amount, then the total."""

    def row(left: str, right: str) -> str:
        room = columns - len(right) - (1 if right else 0)
        return (left[:room].ljust(room) + (" " + right if right else ""))[:columns]

    return row(view.headline, view.amount), view.total[:columns].rjust(columns)
