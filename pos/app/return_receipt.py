"""How a return (or void) receipt is marked on paper: one place, so the wording is easy to change.

Norway: a return gets its own receipt named at the top, like the sales receipt is
("Returkvittering"; kassasystemforskriften § 2-8-5 sets its content, and Skatteetaten's
questions and answers on the cash register rules say the receipt's name goes at the top:
"Ordene skal fremgå øverst på kvitteringen"). It refers to the sales receipt it reverses.
Sweden: "Returkvitto". The amounts print negative, as they are stored.
"""

from __future__ import annotations

from drivers.base import TextLine
from pos.core.receipt import Receipt

RETURN_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "return": "RETURKVITTERING", "void": "ANNULLERING", "original": "Gjelder kvittering nr.",
        "reason": "Årsak", "refund": "TILBAKEBETALT",
        "defective": "Defekt", "wrong_size": "Feil størrelse", "changed_mind": "Angret kjøp",
    },
    "sv": {
        "return": "RETURKVITTO", "void": "ANNULLERING", "original": "Avser kvitto nr",
        "reason": "Orsak", "refund": "ÅTERBETALT",
        "defective": "Defekt", "wrong_size": "Fel storlek", "changed_mind": "Ångrat köp",
    },
    "en": {
        "return": "RETURN RECEIPT", "void": "VOID", "original": "For receipt no.",
        "reason": "Reason", "refund": "REFUNDED",
        "defective": "Defective", "wrong_size": "Wrong size", "changed_mind": "Changed mind",
    },
}


def return_words(locale: str) -> dict[str, str]:
    return RETURN_WORDS.get(locale.split("_")[0], RETURN_WORDS["en"])


def reason_text(reason: str, locale: str) -> str:
    """A listed reason ("defective", "wrong_size", "changed_mind") in the store's language;
    the cashier's own words ("other") as they were typed."""
    if reason in ("defective", "wrong_size", "changed_mind"):
        return return_words(locale)[reason]
    return reason


def return_marking(receipt: Receipt, locale: str, columns: int) -> list[TextLine]:
    """The heading of a return or void receipt (nothing for a sale): its name, big, at the top,
    then the receipt it refers to and the reason."""
    if receipt.kind == "sale":
        return []
    w = return_words(locale)
    out = [TextLine(w[receipt.kind], bold=True, double=True, align="center")]
    if receipt.original:
        out.append(TextLine(f"{w['original']} {receipt.original}"[:columns], align="center"))
    if receipt.reason and receipt.kind == "return":
        reason = reason_text(receipt.reason, locale)
        out.append(TextLine(f"{w['reason']}: {reason}"[:columns], align="center"))
    return out


def to_pay_label(receipt: Receipt, locale: str, sale_label: str) -> str:
    return sale_label if receipt.kind == "sale" else return_words(locale)["refund"]
