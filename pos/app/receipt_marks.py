"""What a receipt is called, printed first (after the logo) and big: the regulation's markings.

Norway, kassasystemforskrifta (forskrift 18. desember 2015 nr. 1616) § 2-8 on receipts:
- the receipt's name goes at the top: "Det følger av kassasystemforskrifta § 2-8-4 og § 2-8-5 at
  navnet på kvitteringene (salgskvittering og returkvittering) skal komme øverst på
  kvitteringen" (Skatteetaten, questions and answers on the cash register rules: a logo may
  come before it);
- a copy is marked «KOPI», at most one per sale (§ 2-6 (4); pos.store.receipt_copies);
- receipts that are not a sales receipt (training, provisional, delivery) say so: the
  delivery receipt "skrives ut som erstatning for salgskvittering", is numbered in its own
  series (Skatteetaten Q&A on § 2-8-7), and, like the other two, is marked as not valid as a
  receipt for the purchase. The regulation's own wording for these markings was not available
  in the shared specs or the stored sources; «IKKE GYLDIG SOM KVITTERING FOR KJØP» follows the
  one marking whose text we could check, § 2-8-8's «IKKJE KVITTERING FOR KJØP», and the markings
  print double size, well over § 2-8-8's "minst 50 % større enn den teksten som angir beløp".
Return receipts are marked by pos.app.return_receipt (RETURKVITTERING and the original's
number); `receipt_heading("return", ...)` gives the same name for other layouts.
Sweden: a kvitto names itself "Kvitto"; training and copies are marked likewise.
"""

from __future__ import annotations

from drivers.base import TextLine

HEADINGS: dict[str, dict[str, str]] = {
    "nb": {
        "sale": "SALGSKVITTERING", "return": "RETURKVITTERING", "training": "TRENINGSKVITTERING",
        "provisional": "FORELØPIG KVITTERING", "delivery": "UTLEVERINGSKVITTERING",
        "not_valid": "IKKE GYLDIG SOM KVITTERING FOR KJØP",
    },
    "sv": {
        "sale": "KVITTO", "return": "RETURKVITTO", "training": "TRÄNINGSKVITTO",
        "provisional": "PRELIMINÄRT KVITTO", "delivery": "UTLÄMNINGSKVITTO",
        "not_valid": "EJ GILTIGT SOM KVITTO FÖR KÖP",
    },
    "en": {
        "sale": "SALES RECEIPT", "return": "RETURN RECEIPT", "training": "TRAINING RECEIPT",
        "provisional": "PROVISIONAL RECEIPT", "delivery": "DELIVERY RECEIPT",
        "not_valid": "NOT VALID AS A RECEIPT FOR PURCHASE",
    },
}
NOT_A_SALES_RECEIPT = ("training", "provisional", "delivery")


def headings_for(locale: str) -> dict[str, str]:
    return HEADINGS.get(locale.split("_")[0], HEADINGS["en"])


def receipt_heading(kind: str, locale: str, *, training: bool = False,
                    number: str | None = None) -> list[TextLine]:
    """The lines that name the receipt. kind: "sale", "return", "provisional" or "delivery"
    (a void and a return are named by pos.app.return_receipt in the sales layout, so "void"
    gives nothing here); training overrides: a training receipt of any kind is marked as one.
    number: the receipt's number in its own series (provisional and delivery receipts)."""
    w = headings_for(locale)
    name = "training" if training else kind
    if name not in w or name == "not_valid":
        return []
    title = w[name] + (f" {number}" if number and name in ("provisional", "delivery") else "")
    lines = [TextLine(title, bold=True, double=True, align="center")]
    if name in NOT_A_SALES_RECEIPT:
        lines.append(TextLine(w["not_valid"], bold=True, double=True, align="center"))
    return lines


def sales_layout_heading(kind: str, locale: str, training: bool) -> list[TextLine]:
    """For the sales receipt layout: returns and voids are named by their own marking."""
    if kind != "sale" and not training:
        return []
    return receipt_heading(kind, locale, training=training)
