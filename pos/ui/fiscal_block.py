"""The page a till without a usable signing key shows instead of selling (pos.app.fiscal)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget


def show_fiscal_block(pages: QStackedWidget, problem: str) -> QLabel:
    """Selling stops before it starts: every sale must be signed, and there is no key to sign
    with. The reason is shown as the till found it (file, size, keystore), in red."""
    page = QLabel(QCoreApplication.translate(
        "FiscalBlock",
        "This till cannot sell: receipts must be signed and the signing key is not usable.\n"
        "Nothing has been sold or changed. Ask IT to fix the [fiscal] settings:\n\n{0}",
    ).format(problem))
    page.setObjectName("fiscalBlockPage")
    page.setWordWrap(True)
    page.setAlignment(Qt.AlignmentFlag.AlignCenter)
    page.setStyleSheet("color: #b00020; font-size: 20px; font-weight: bold; padding: 32px;")
    pages.addWidget(page)
    pages.setCurrentWidget(page)
    for index in range(pages.count() - 1):
        pages.widget(index).setEnabled(False)
    return page
