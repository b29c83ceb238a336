"""Every text the screens show has its Norwegian and Swedish translation in the shipped .qm.

Extracts the source texts from pos/ui afresh with lupdate (so a new, not yet extracted text
counts too) and asks the compiled translators for each one, by its context, as the screens
do at run time. Fails with the list of what is missing: add it to resources/i18n/tables/ and
run tools/fill_translations.py.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]


def _fill_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "fill_translations", ROOT / "tools" / "fill_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(context, source) of every translatable text in pos/ui, as lupdate finds them now."""
    ts = tmp_path_factory.mktemp("i18n") / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(path) for path in (ROOT / "pos" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(ts)], check=True)
    found = [(context.findtext("name") or "", message.findtext("source") or "")
             for context in ET.parse(ts).iter("context") for message in context.iter("message")]
    assert len(found) > 300  # the screens' texts, not an empty extraction
    return found


def test_the_tables_are_consistent() -> None:
    problems: list[str] = []
    _fill_tool().read_tables(problems)
    assert problems == []


@pytest.mark.parametrize("language", ["nb", "sv"])
def test_every_screen_text_is_translated(qapp, messages, language: str) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / f"kassa_{language}.qm"))
    table = _fill_tool().read_tables([])[language]
    missing = [f"{context}: {source!r}" for context, source in messages
               if translator.translate(context, source) != table.get(source, "\0")]
    assert missing == [], f"{len(missing)} texts without {language} translation in the .qm"


def test_the_till_shows_norwegian(qapp) -> None:  # type: ignore[no-untyped-def]
    """Through the application's own translator set-up, at run time."""
    from PySide6.QtCore import QCoreApplication

    from pos.ui.app import install_translations

    before = set(qapp.findChildren(QTranslator))
    install_translations(qapp, "nb_NO")
    try:
        assert QCoreApplication.translate("PaymentPanel", "Paid by card") == "Betalt med kort"
        assert QCoreApplication.translate("CardTexts", "Declined") == "Avvist"
        assert QCoreApplication.translate("ReturnsView", "Wrong size") == "Feil størrelse"
        assert QCoreApplication.translate("HubStatus", "{0} queued").format(3) == "3 i kø"
        assert QCoreApplication.translate("ManagerView", "End of day") == "Dagsoppgjør"
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
