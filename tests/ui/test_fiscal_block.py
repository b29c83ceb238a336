"""A till without a usable signing key shows why and sells nothing (pos.app.fiscal)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from drivers.sim.escpos_printer import SimulatedPrinter
from pos.app.bootstrap import build_till
from pos.app.config import default_demo_config
from pos.app.demo import seed
from pos.app.fiscal_config import FiscalSection
from tests.ui.conftest import screenshot


def test_no_key_stops_selling_with_the_reason(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pos.ui.app import make_application
    from pos.ui.main_window import MainWindow

    printer = SimulatedPrinter(out_dir=tmp_path / "printed").start()
    config = default_demo_config(tmp_path / "till", printer=printer.url)
    config = config.model_copy(update={"fiscal": FiscalSection(
        private_key=Path("/etc/kassa/signing.pem"))})
    till = build_till(config)
    seed(till)
    till.start()
    try:
        make_application(till.ctx.locale)
        window = MainWindow(till)
        window.resize(1280, 800)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitActive(window)
        page = window.findChild(QLabel, "fiscalBlockPage")
        assert page is not None and page.isVisible()
        assert "/etc/kassa/signing.pem does not exist" in page.text()
        assert not window.login.isEnabled()  # nobody logs in to sell
        screenshot(window, "12-no-signing-key")
    finally:
        till.shutdown()
        printer.stop()
