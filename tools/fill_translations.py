"""Fill resources/i18n/kassa_nb.ts and kassa_sv.ts from the tables, then compile them to .qm.

The tables are resources/i18n/tables/*.tsv, one file per area of the till (till, card,
returns, ...; common.tsv for texts several areas share). Each starts with the header line
`source<TAB>nb<TAB>sv`, then one text to a line; a line break inside a text is written \\n.
A source text has one translation wherever it appears.

After adding or changing UI texts:

    .venv/bin/pyside6-lupdate -no-obsolete pos/ui/*.py \\
        -ts resources/i18n/kassa_nb.ts resources/i18n/kassa_sv.ts
    .venv/bin/python tools/fill_translations.py

The .ts files stay the record (translators can open them in Qt Linguist). The script lists
a source translated twice in different ways, a translation that drops a placeholder or a
line break, and every source text of the .ts that no table translates (it stays
"unfinished" and shows in English); it then exits with 1.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"
TABLES = I18N / "tables"
LANGUAGES = ("nb", "sv")


def unescape(field: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], field)


def shape(text: str) -> tuple[object, ...]:
    """What a translation must keep from its source: placeholders, line breaks, the spaces
    at either end."""
    edges = (text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):])
    return sorted(re.findall(r"\{\d+\}", text)), text.count("\n"), edges


def read_tables(problems: list[str]) -> dict[str, dict[str, str]]:
    """{language: {source: translation}} from every table."""
    tables: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    where: dict[str, str] = {}
    for path in sorted(TABLES.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].split("\t") == ["source", *LANGUAGES], f"{path.name}: bad header"
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            fields = [unescape(field) for field in line.split("\t")]
            here = f"{path.name}:{number}"
            if len(fields) != 1 + len(LANGUAGES):
                problems.append(f"{here}: expected {1 + len(LANGUAGES)} columns")
                continue
            source = fields[0]
            for lang, text in zip(LANGUAGES, fields[1:], strict=True):
                if shape(text) != shape(source):
                    problems.append(f"{here}: {lang} {text!r} does not keep the placeholders,"
                                    f" line breaks or edge spaces of {source!r}")
                old = tables[lang].setdefault(source, text)
                if old != text:
                    problems.append(f"{here}: {source!r} is {lang} {old!r} in {where[source]}"
                                    f" but {text!r} here")
            where.setdefault(source, here)
    return tables


def fill(ts: Path, table: dict[str, str]) -> list[str]:
    """Write the table's translations into the .ts; the sources it has none for."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.attrib.get("type") != "vanished":
            translation.set("type", "unfinished")
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    problems: list[str] = []
    tables = read_tables(problems)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for lang in LANGUAGES:
        ts = I18N / f"kassa_{lang}.ts"
        problems += [f"{ts.name}: no translation for {source!r}"
                     for source in dict.fromkeys(fill(ts, tables[lang]))]
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    print("\n".join(problems) or f"All texts translated ({len(tables['nb'])} in the tables).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
