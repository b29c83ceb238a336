"""The terminal's receipt lines on our receipt, and the merchant copy to sign.

The customer copy of each approved card payment is printed inside the sale's receipt, before
its final cut. When the terminal asks for a signature, a merchant copy follows (after a cut)
with a signature line, for the drawer. print_copy() prints a card slip on its own when the
customer asks for one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from drivers.base import Barcode, Cut, Feed, PrintJob, TextLine
from pos.app.card.results import SIGNATURE
from pos.store import card_payments as store
from pos.store.card_payments import IntentView
from pos.store.db import Database

WORDS: dict[str, dict[str, str]] = {
    "nb": {"terminal": "Bankterminal", "merchant": "BRUKERSTEDETS KOPI",
           "customer": "KUNDENS KOPI", "sign": "Signatur", "copy": "*** KOPI ***",
           "refund": "Retur til kort", "reversal": "Annullering"},
    "sv": {"terminal": "Kortterminal", "merchant": "BUTIKENS KOPIA", "customer": "KUNDENS KOPIA",
           "sign": "Underskrift", "copy": "*** KOPIA ***", "refund": "Retur till kort",
           "reversal": "Makulering"},
    "en": {"terminal": "Card terminal", "merchant": "MERCHANT COPY", "customer": "CUSTOMER COPY",
           "sign": "Signature", "copy": "*** COPY ***", "refund": "Refund to card",
           "reversal": "Reversal"},
}  # fmt: skip


def words(locale: str) -> dict[str, str]:
    return WORDS.get(locale.split("_")[0], WORDS["en"])


def _body(intent: IntentView, copy: str, columns: int, w: dict[str, str]) -> list[TextLine]:
    lines = intent.lines(copy)
    if not lines:  # a terminal that prints nothing for us: the facts we hold
        lines = [x for x in (intent.card_brand, intent.masked_pan,
                             f"AUTH {intent.auth_code}" if intent.auth_code else None,
                             f"TID {intent.terminal_id}" if intent.terminal_id else None,
                             f"No. {intent.receipt_no}" if intent.receipt_no else None) if x]
    head = [TextLine("-" * columns), TextLine(w["terminal"], bold=True, align="center")]
    return head + [TextLine(line[:columns]) for line in lines]


def _merchant_copy(intent: IntentView, columns: int, w: dict[str, str]) -> list[object]:
    items: list[object] = [TextLine(w["merchant"], bold=True, align="center"),
                           *_body(intent, "merchant", columns, w)]
    if not any(SIGNATURE.search(line) for line in intent.lines("merchant")):
        # the terminal's copy has no line to sign on: add ours
        items += [Feed(2), TextLine(f"{w['sign']}: " + "_" * max(columns - len(w["sign"]) - 2, 8))]
    return [*items, Feed(3), Cut()]


def cards_of(db: Database, sale_id: str) -> list[IntentView]:
    return [i for i in store.for_sale(db, sale_id) if i.outcome == "approved"]


def merge(job: PrintJob, intents: list[IntentView], locale: str, columns: int) -> PrintJob:
    """Our receipt with each card payment's customer copy before its final feed and cut, then
    a merchant copy to sign for each payment whose terminal asked for a signature."""
    if not intents:
        return job
    w = words(locale)
    items: list[Any] = list(job.items)
    at = _slip_position(items)
    slips: list[Any] = []
    for intent in intents:
        slips += _body(intent, "customer", columns, w)
    items[at:at] = [*slips, TextLine("-" * columns)]
    for intent in intents:
        if intent.signature_required:
            items += _merchant_copy(intent, columns, w)
    return replace(job, items=tuple(items))


def _slip_position(items: list[Any]) -> int:
    """After the payments and VAT, before the receipt barcode (and the feed before it); on a
    receipt without one, before the final feed and cut."""
    for index, item in enumerate(items):
        if isinstance(item, Barcode):
            return index - 1 if index and isinstance(items[index - 1], Feed) else index
    end = len(items)
    while end and isinstance(items[end - 1], Feed | Cut):
        end -= 1
    return end


def slip(intent: IntentView, locale: str, columns: int, *, copy: bool = True) -> PrintJob:
    """One card payment's customer copy on its own (the customer asked for it)."""
    w = words(locale)
    items: list[object] = []
    if copy:
        items.append(TextLine(w["copy"], bold=True, align="center"))
    items.append(TextLine(w["customer"], bold=True, align="center"))
    items += _body(intent, "customer", columns, w)
    items += [Feed(3), Cut()]
    return PrintJob(items=tuple(items))  # type: ignore[arg-type]
