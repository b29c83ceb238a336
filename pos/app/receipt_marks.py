"""What a receipt is called, printed first (after the logo) and big: the regulation's markings.

Norway, kassasystemforskrifta (forskrift 18. desember 2015 nr. 1616, written in nynorsk) § 2-8
on receipts. What we could check word for word, and where (Skatteetaten's questions and answers
on the cash register rules, which quote the regulation; Lovdata's own text was not among the
sources we could search):
- § 2-8-8, quoted in full in "Er det krav om skrivar knytt til betalingsterminal?": "Kvittering
  frå betalingsterminal som ikkje er integrert med kassasystemet skal tydeleg merkast «IKKJE
  KVITTERING FOR KJØP». Fonten på den markerte teksten skal vere minst 50 % større enn den
  teksten som angir beløp." This is the regulation's one verified wording for "not a receipt
  for the purchase", so NOT_A_PURCHASE_RECEIPT is it, verbatim (nynorsk "IKKJE" kept on a
  bokmål receipt: it is the regulation's text); every marking prints double size (+100 %);
- § 2-8-6: a copy is marked «KOPI» ("skal ei av kvitteringane merkast «KOPI», jf. § 2-8-6",
  in "Tyder «skrivar» ..."); at most one copy per sale, § 2-6 fourth paragraph (in "Kan det
  skrivast ut fleire kopikvitteringar ...": "ikkje tillate å skrive ut meir enn éi
  kopikvittering per sal"); pos.store.receipt_copies, pos.app.receipt_layout;
- §§ 2-8-4 and 2-8-5: the receipt's name (salskvittering, returkvittering) comes first; a logo
  may come before it ("Logoen ligg førehandsdefinert i sjølve skrivaren ...").
Not verified (the wording of the paragraphs on them was not in any source we could reach):
the exact headings of training receipts (TRENINGSKVITTERING), provisional receipts
(FORELØPIG KVITTERING) and delivery receipts (UTLEVERINGSKVITTERING), and whether the
regulation joins the heading and the marking into one line. We print the heading, then
«IKKJE KVITTERING FOR KJØP» on its own line, both double size. Of delivery receipts,
Skatteetaten says they are numbered in a series of their own, apart from sales receipts
(its Q&A on § 2-8-7; pos.app.series_receipts).
Return receipts are marked by pos.app.return_receipt (RETURKVITTERING and the original's
number); `receipt_heading("return", ...)` gives the same name for other layouts.
Sweden: a kvitto names itself "Kvitto"; training and copies are marked likewise (the Swedish
texts are ours, not checked against Skatteverket's regulations).
"""

from __future__ import annotations

import textwrap

from drivers.base import TextLine

# kassasystemforskrifta § 2-8-8, verbatim (see above).
NOT_A_PURCHASE_RECEIPT = "IKKJE KVITTERING FOR KJØP"
# § 2-8-6, verbatim: a copy's marking (pos.app.receipt_layout prints it as *** KOPI ***).
COPY = "KOPI"

HEADINGS: dict[str, dict[str, str]] = {
    "nb": {
        "sale": "SALGSKVITTERING", "return": "RETURKVITTERING", "training": "TRENINGSKVITTERING",
        "provisional": "FORELØPIG KVITTERING", "delivery": "UTLEVERINGSKVITTERING",
        "not_valid": NOT_A_PURCHASE_RECEIPT
    },
    "sv": {
        "sale": "KVITTO", "return": "RETURKVITTO", "training": "TRÄNINGSKVITTO",
        "provisional": "PRELIMINÄRT KVITTO", "delivery": "UTLÄMNINGSKVITTO",
        "not_valid": "EJ GILTIGT SOM KVITTO FÖR KÖP"
    },
    "en": {
        "sale": "SALES RECEIPT", "return": "RETURN RECEIPT", "training": "TRAINING RECEIPT",
        "provisional": "PROVISIONAL RECEIPT", "delivery": "DELIVERY RECEIPT",
        "not_valid": "NOT VALID AS A RECEIPT FOR PURCHASE"
    },
}
NOT_A_SALES_RECEIPT = ("training", "provisional", "delivery")


def headings_for(locale: str) -> dict[str, str]:
    return HEADINGS.get(locale.split("_")[0], HEADINGS["en"])


def receipt_heading(kind: str, locale: str, *, training: bool = False,
                    number: str | None = None, columns: int = 42) -> list[TextLine]:
    """The lines that name the receipt. kind: "sale", "return", "provisional" or "delivery"
    (a void and a return are named by pos.app.return_receipt in the sales layout, so "void"
    gives nothing here); training overrides: a training receipt of any kind is marked as one.
    number: the receipt's number in its own series (provisional and delivery receipts)."""
    w = headings_for(locale)
    name = "training" if training else kind
    if name not in w or name == "not_valid":
        return []
    title = [w[name]]
    if number and name in ("provisional", "delivery"):
        numbered = f"{w[name]} {number}"
        # The series number beside the name when both fit in double size, else under it.
        title = [numbered] if len(numbered) <= columns // 2 else [w[name], f"Nr. {number}"]
    texts = title + ([w["not_valid"]] if name in NOT_A_SALES_RECEIPT else [])
    return [TextLine(part, bold=True, double=True, align="center")
            for text in texts for part in _double_width_lines(text, columns)]


def not_valid_marking(locale: str, columns: int = 42) -> list[TextLine]:
    """«IKKJE KVITTERING FOR KJØP» on its own, double size (§ 2-8-8), as the receipt's last line."""
    return [TextLine(part, bold=True, double=True, align="center")
            for part in _double_width_lines(headings_for(locale)["not_valid"], columns)]


def _double_width_lines(text: str, columns: int) -> list[str]:
    """Double-size text takes two columns a character: broken between words, into as few and
    as even lines as fit, so that no printer wraps it mid-word (IKKJE KVITTERING FOR KJØP is
    50 columns wide in double size: IKKJE KVITTERING / FOR KJØP on 42 columns)."""
    room = max(columns // 2, 1)
    fewest = textwrap.wrap(text, room, break_long_words=False) or [text]
    for width in range(-(-len(text) // len(fewest)), room + 1):
        even = textwrap.wrap(text, width, break_long_words=False)
        if len(even) == len(fewest):
            return even
    return fewest


def sales_layout_heading(kind: str, locale: str, training: bool,
                         columns: int = 42) -> list[TextLine]:
    """For the sales receipt layout: returns and voids are named by their own marking."""
    if kind != "sale" and not training:
        return []
    return receipt_heading(kind, locale, training=training, columns=columns)
