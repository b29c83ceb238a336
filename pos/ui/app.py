"""Starting the Qt side: application, translations, style, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from pos.app.till import Till
from pos.ui.main_window import MainWindow
from resources import resource_path


def make_application(locale: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kassa")
    app.setOrganizationName("Kassa")
    install_translations(app, locale)
    app.setStyleSheet(resource_path("styles", "till.qss").read_text(encoding="utf-8"))
    font = QFont("DejaVu Sans")
    font.setPointSize(13)
    app.setFont(font)
    return app


def install_translations(app: QApplication, locale: str) -> None:
    """Our texts from resources/i18n/kassa_<lang>.qm, Qt's own (dialog buttons) from Qt."""
    QLocale.setDefault(QLocale(locale))
    language = locale.split("_")[0]
    for name, folder in (
        (f"kassa_{language}", str(resource_path("i18n"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)


def run_window(till: Till, *, login_hint: str = "", size: tuple[int, int] = (1280, 800)) -> int:
    app = make_application(till.ctx.locale)
    window = MainWindow(till, login_hint=login_hint)
    window.resize(*size)
    window.show()
    try:
        return app.exec()
    finally:
        till.shutdown()
