"""A real till for UI tests: demo catalog on a temporary SQLite file, the simulated ESC/POS
printer over TCP, and the main window under QT_QPA_PLATFORM=offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pos.app.demo import Demo, start_demo

SCREENSHOTS = Path(os.environ.get("KASSA_SCREENSHOTS", "tests/artifacts/screenshots"))


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    demo = start_demo(tmp_path / "till")
    demo.till.ctx.printer.poll_seconds = 0.2
    demo.till.start()
    yield demo
    demo.till.shutdown()
    demo.stop()


@pytest.fixture
def window(qtbot, demo: Demo):  # type: ignore[no-untyped-def]
    from pos.ui.app import make_application
    from pos.ui.main_window import MainWindow

    make_application(demo.till.ctx.locale)
    win = MainWindow(demo.till, login_hint="Demo: 1 / 1234")
    win.resize(1280, 800)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def screenshot(widget, name: str) -> Path:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not write {path}"
    return path
