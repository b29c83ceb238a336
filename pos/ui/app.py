"""Starting the Qt side: application, translations, style, the main window."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from pos.app.till import Till
from pos.ui.main_window import MainWindow
from resources import resource_path

TRANSLATOR_NAME = "kassaTranslator"


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
    """Our texts from resources/i18n/kassa_<lang>.qm, Qt's own (dialog buttons) from Qt.
    The ones a previous call installed go first: a second locale replaces the first, never
    mixes with it (English has no file, so it would otherwise keep the earlier language)."""
    QLocale.setDefault(QLocale(locale))
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
    language = locale.split("_")[0]
    for name, folder in (
        (f"kassa_{language}", str(resource_path("i18n"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, folder):
            app.installTranslator(translator)


class ReadyFile(QObject):
    """Start-up readiness for benchmarks and supervisors (`kassa till --ready-file PATH`).

    After the window's first paint has been flushed, appends "ready <monotonic_ns> <pid>" to
    `path`; CLOCK_MONOTONIC is system-wide on Linux, so the starter can subtract its own
    time.monotonic_ns() from before the spawn. With `exit_when_ready` the application quits
    right after (a start-up timing run).
    """

    def __init__(self, window: QWidget, path: Path, *, exit_when_ready: bool = False) -> None:
        super().__init__(window)
        self.path = path
        self.exit_when_ready = exit_when_ready
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._ready)  # after this paint has been drawn and flushed
        return False

    def _ready(self) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(f"ready {time.monotonic_ns()} {os.getpid()}\n")
        if self.exit_when_ready:
            QApplication.quit()


def run_window(till: Till, *, login_hint: str = "", size: tuple[int, int] = (1280, 800),
               ready_file: Path | None = None, exit_when_ready: bool = False) -> int:
    app = make_application(till.ctx.locale)
    window = MainWindow(till, login_hint=login_hint)
    window.resize(*size)
    if ready_file is not None:
        ReadyFile(window, ready_file, exit_when_ready=exit_when_ready)
    window.show()
    quit_on_signals(app)
    try:
        return app.exec()
    finally:
        till.shutdown()


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM (a shutdown, a service manager) and Ctrl+C close the till properly: the open
    sale is parked and the journal records the stop. Qt's loop gives Python no chance to run
    signal handlers unless something wakes it, hence the idle timer."""

    def stop(_signum: int, _frame: object) -> None:
        app.quit()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(250)


def show_fatal(message: str) -> None:
    """A start-up error a cashier can read: the till may have been started from a desktop
    icon, where nobody sees standard error."""
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    box = QMessageBox(QMessageBox.Icon.Critical, "Kassa", message)
    box.exec()
