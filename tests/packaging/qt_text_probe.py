"""What Qt answers about text, as JSON on stdout: run once with Qt's own ICU data and once with
the package's cut data (test_icu_data.py) and compare. Everything here goes through ICU where
Qt uses it: collation (QCollator), locale-aware case mapping, time zones, plus the text layout
and number/date formats a till shows, which must not change either."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import (
    QCollator,
    QDate,
    QDateTime,
    QLocale,
    QTextBoundaryFinder,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QTextLayout

WORDS = ["Øl", "ærlig", "Åse", "zebra", "Ångström", "ägg", "öl", "Aa", "abc", "Ærø", "ost",
         "Über", "æble", "åker", "Ørsta", "Ýr", "Ÿ", "ÿ", "Ðe", "vår", "wåg", "Vest", "ü"]
LOCALES = ["nb_NO", "nn_NO", "sv_SE", "da_DK", "fi_FI", "en_GB", "en_US", "se_NO"]
TEXT = ("Kvittering for kjøp: 2 × Brunost 1 kg à kr 119,90. Ærlig talt, økologisk! "
        "Köp för 1 234,50 kr. Straße – “quoted”, 3.5 kg; e-post: kunde@butikk.no")
# Not a till language: its answers may change (root rules), and the test checks they do, to
# prove the cut data was the one loaded.
FOREIGN = {"zh_CN": ["中", "国", "人", "大", "小", "山", "水", "火", "木", "金"]}


def breaks(kind: QTextBoundaryFinder.BoundaryType, text: str) -> list[int]:
    finder = QTextBoundaryFinder(kind, text)
    found = []
    while (at := finder.toNextBoundary()) != -1:
        found.append(at)
    return found


def lines(text: str, width: int) -> list[str]:
    layout = QTextLayout(text, QFont("DejaVu Sans", 12))
    layout.beginLayout()
    out = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        out.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return out


def main() -> None:
    app = QGuiApplication(sys.argv)
    answers: dict[str, object] = {}
    for name in LOCALES + list(FOREIGN):
        locale = QLocale(name)
        collator = QCollator(locale)
        words = FOREIGN.get(name, WORDS)
        answers[name] = {
            "sorted": sorted(words, key=collator.sortKey),
            "sorted_ignore_case": sorted(words, key=lambda w, c=collator: (
                c.setCaseSensitivity(c.caseSensitivity().CaseInsensitive), c.sortKey(w))[1]),
            "upper": locale.toUpper(TEXT), "lower": locale.toLower(TEXT),
            "money": locale.toCurrencyString(1234567.5, "kr"),
            "number": locale.toString(-1234567.891, "f", 2),
            "date": locale.toString(QDate(2026, 11, 23), QLocale.FormatType.LongFormat),
            "day": locale.dayName(1), "month": locale.monthName(12),
        }
    for kind in ("Word", "Line", "Sentence", "Grapheme"):
        answers[f"breaks_{kind}"] = breaks(getattr(QTextBoundaryFinder.BoundaryType, kind), TEXT)
    answers["layout"] = {width: lines(TEXT, width) for width in (120, 240, 480)}
    answers["metrics"] = QFontMetrics(QFont("DejaVu Sans", 12)).horizontalAdvance(TEXT)
    oslo = QTimeZone(b"Europe/Oslo")
    stockholm = QTimeZone(b"Europe/Stockholm")
    moments = [QDateTime(QDate(2026, month, 1), QTime(12, 0), QTimeZone.utc())
               for month in (1, 4, 7, 10, 11)]
    answers["zones"] = {
        "valid": [oslo.isValid(), stockholm.isValid()],
        "oslo": [oslo.offsetFromUtc(m) for m in moments],
        "stockholm": [stockholm.offsetFromUtc(m) for m in moments],
        "oslo_dst": [oslo.isDaylightTime(m) for m in moments],
    }
    print(json.dumps(answers, ensure_ascii=False, sort_keys=True))
    app.quit()


if __name__ == "__main__":
    main()
