"""The till's window: login, then the sale screen; the status bar is always there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from drivers.base import ScanEvent
from pos.app import customer_view
from pos.app.till import Till
from pos.core.wedge import WedgeClassifier
from pos.store import catalog
from pos.store.records import ProductView
from pos.store.users import UserView
from pos.ui import anywhere_keys, card_actions, pickup_desk
from pos.ui.bridge import Bridge
from pos.ui.customer_window import CustomerWindow
from pos.ui.fiscal_block import show_fiscal_block
from pos.ui.login_view import LoginView
from pos.ui.sale_view import SaleView
from pos.ui.shift_views import ensure_shift, no_shift_text
from pos.ui.status_bar import TillStatusBar

QUICK_KEYS_PER_DEPARTMENT = 12


def quick_key_departments(till: Till) -> list[tuple[str, list[ProductView]]]:
    db = till.ctx.db
    departments = []
    for department in catalog.departments(db):
        products = catalog.products_in_department(db, department.id, QUICK_KEYS_PER_DEPARTMENT)
        if products:
            departments.append((department.name, products))
    return departments


class MainWindow(QMainWindow):
    def __init__(self, till: Till, *, login_hint: str = "") -> None:
        super().__init__()
        self.till = till
        seller = till.ctx.seller
        self.setWindowTitle(f"Kassa · {seller.store_name} · {seller.register_id}")
        self.status = TillStatusBar(till)
        self.setStatusBar(self.status)
        wedge = till.ctx.config.scanner
        self.classifier = WedgeClassifier(
            max_interkey_ms=wedge.max_interkey_ms, min_length=wedge.min_length,
            prefix=wedge.prefix,
        )
        self.login = LoginView(till, self.logged_in, hint=login_hint)
        self.departments = quick_key_departments(till)
        self.sale: SaleView | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.login)
        self.setCentralWidget(self.pages)
        self.login.reset()
        self.pickups = pickup_desk.install(self)  # click & collect (the list follows the feed)
        anywhere_keys.install(self)  # Ctrl+E stock everywhere, Ctrl+Shift+W web return
        if till.devices is not None:
            self._scan_bridge = Bridge(till.devices.scans, self.scanned, self)
            self._device_bridge = Bridge(till.devices.states, self.status.show_device, self)
        self._integrity_bridge = Bridge(till.integrity, self.database_damaged, self)
        if till.integrity_problems:  # found before this window existed
            self.database_damaged(till.integrity_problems)
        if till.ctx.fiscal_problem:  # no usable signing key: no fiscal sale (pos.app.fiscal)
            show_fiscal_block(self.pages, till.ctx.fiscal_problem)
        self.customer: CustomerWindow | None = None
        if till.ctx.config.devices.display == "window:":
            self.customer = CustomerWindow()
            self._customer_bridge = Bridge(till.customer, self.customer.show_view, self)
            self.customer.show_view(customer_view.idle(seller.store_name, till.ctx.locale))

    def logged_in(self, user: UserView) -> None:
        self.status.show_user(user)
        if self.sale is not None:
            self.pages.removeWidget(self.sale)
            self.sale.deleteLater()
        self.sale = SaleView(self.till, self.classifier, self.departments, self.logged_out)
        self.pages.addWidget(self.sale)
        self.pages.setCurrentWidget(self.sale)
        pickup_desk.key_on(self.pickups, self)  # F5: the pickup list
        self.sale.entry.setFocus()
        card_actions.restore_after_crash(self.sale)  # a card-paid sale the till lost, if any
        if not ensure_shift(self, self.till):  # [shifts] required_to_sell: ask for the float
            self.sale.say(no_shift_text(), error=True)

    def scanned(self, event: ScanEvent) -> None:
        """A scan from a serial or HID scanner: the same path as a keyboard-wedge scan."""
        if self.sale is not None and self.pages.currentWidget() is self.sale:
            self.sale.on_code(event.data, event.symbology)

    def database_damaged(self, problems: list[str]) -> None:
        """Selling stops: nothing more is written to a damaged file, and nothing is lost."""
        if self.findChild(QLabel, "fatalPage") is not None:
            return
        page = QLabel(self.tr(
            "The till's database is damaged and this till has stopped selling.\n"
            "Nothing has been deleted. Call support and keep the file as it is:\n{0}\n\n{1}"
        ).format(self.till.ctx.db.path, "\n".join(problems[:3])))
        page.setObjectName("fatalPage")
        page.setWordWrap(True)
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        for index in range(self.pages.count() - 1):
            self.pages.widget(index).setEnabled(False)

    def logged_out(self) -> None:
        self.status.show_user(None)
        self.pages.setCurrentWidget(self.login)
        self.login.reset()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.till.ctx.printer.stop()
        super().closeEvent(event)
