"""Paying: the amount due, cash with quick notes, then the change, big enough to read aloud."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.app.checkout import CompletedSale
from pos.app.format import Formatter
from pos.core.money import Money
from pos.core.tender import Settlement
from pos.ui.keypad import Keypad, big_button

# After the sale completes, Enter is ignored this long, so a double press cannot skip past
# the change display before the cashier has read it.
DONE_DEBOUNCE_S = 0.8


class PaymentPanel(QWidget):
    def __init__(self, formatter: Formatter, denominations: list[int], currency: str,
                 on_cash: Callable[[Money], None], on_cancel: Callable[[], None],
                 on_next: Callable[[], None],
                 on_card: Callable[[Money | None], None] | None = None) -> None:
        super().__init__()
        self.fmt = formatter
        self.currency = currency
        self.on_cash = on_cash
        self.on_next = on_next
        self.settlement: Settlement | None = None
        self.done_at: float | None = None

        self.title = QLabel(self.tr("To pay"))
        self.title.setObjectName("panelTitle")
        self.due = QLabel()
        self.due.setObjectName("dueAmount")
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.detail = QLabel()
        self.detail.setObjectName("dueDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.detail.setWordWrap(True)

        self.amount = QLineEdit()
        self.amount.setObjectName("cashEntry")
        self.amount.setPlaceholderText(self.tr("Cash received (Enter = exact)"))
        self.amount.returnPressed.connect(self._enter)

        self.notes = QWidget()
        notes = QGridLayout(self.notes)
        exact = big_button(self.tr("Exact"), self.pay_exact_cash, role="primary")
        exact.setObjectName("exactCash")
        notes.addWidget(exact, 0, 0, 1, 2 if on_card is None else 1)
        self.on_card = on_card
        if on_card is not None:  # the amount due, or the amount typed (part card, part cash)
            self.card = big_button(self.tr("Card"), self._card, shortcut="F5", role="primary")
            self.card.setObjectName("cardButton")
            notes.addWidget(self.card, 0, 1)
        for index, minor in enumerate(denominations):
            note = Money(minor, currency)
            button = big_button(self.fmt.money(note), lambda m=note: self.on_cash(m))
            button.setProperty("role", "note")
            notes.addWidget(button, 1 + index // 2, index % 2)
        self.keypad = Keypad(self.amount)
        self.cancel = big_button(self.tr("Back to sale"), on_cancel, shortcut="Esc")
        slot = 2 + len(denominations)  # the first free cell after the notes
        notes.addWidget(self.cancel, slot // 2, slot % 2, 1, 2 - slot % 2)
        self.next = big_button(self.tr("Next customer"), self._next, role="primary")
        self.next.setObjectName("nextCustomer")

        layout = QVBoxLayout(self)
        for widget in (self.title, self.due, self.detail, self.amount):
            layout.addWidget(widget)
        pads = QHBoxLayout()
        pads.addWidget(self.notes, 1)
        pads.addWidget(self.keypad, 1)
        layout.addLayout(pads)
        layout.addStretch(1)
        layout.addWidget(self.next)

    def show_settlement(self, settlement: Settlement) -> None:
        self.settlement = settlement
        self.done_at = None
        self.title.setText(self.tr("To pay"))
        self.due.setText(self.fmt.money(settlement.due))
        lines = []
        if settlement.cash_due != settlement.due:
            lines.append(self.tr("In cash: {0}").format(self.fmt.money(settlement.cash_due)))
        if settlement.payments:
            lines.append(self.tr("Paid so far: {0}").format(self.fmt.money(settlement.paid)))
        self.detail.setText("\n".join(lines))
        for widget in (self.amount, self.notes, self.keypad):
            widget.setVisible(True)
        self.cancel.setEnabled(not settlement.payments)
        self.next.setVisible(False)
        self.amount.clear()
        self.amount.setFocus()

    def show_done(self, sale: CompletedSale, printer_note: str) -> None:
        self.done_at = time.monotonic()
        receipt = sale.receipt
        self.title.setText(self.tr("Change"))
        self.due.setText(self.fmt.money(receipt.change))
        if not receipt.change.minor and all(p.kind.value == "card" for p in receipt.payments):
            self.title.setText(self.tr("Paid by card"))  # no change to give: say what happened
            self.due.setText(self.fmt.money(receipt.to_pay))
        self.detail.setText(
            self.tr("Receipt {0} · paid {1}").format(
                sale.transaction_no, self.fmt.money(receipt.to_pay)) + "\n" + printer_note)
        for widget in (self.amount, self.notes, self.keypad):
            widget.setVisible(False)
        self.next.setVisible(True)
        self.amount.setFocus()

    def pay_exact_cash(self) -> None:
        if self.settlement is not None and self.done_at is None:
            self.on_cash(self.settlement.cash_due)

    def _enter(self) -> None:
        if self.done_at is not None:
            self._next()
            return
        text = self.amount.text().strip()
        if not text:
            self.pay_exact_cash()
            return
        try:
            amount = self.fmt.parse_amount(text, self.currency)
        except ValueError:
            self.amount.selectAll()
            self.detail.setText(self.tr("Not an amount: {0}").format(text))
            return
        self.on_cash(amount)

    def _card(self) -> None:
        if self.on_card is None or self.settlement is None or self.done_at is not None:
            return
        text = self.amount.text().strip()
        if not text:
            self.on_card(None)
            return
        try:
            amount = self.fmt.parse_amount(text, self.currency)
        except ValueError:
            self.amount.selectAll()
            self.detail.setText(self.tr("Not an amount: {0}").format(text))
            return
        self.on_card(amount)

    def _next(self) -> None:
        if self.done_at is not None and time.monotonic() - self.done_at < DONE_DEBOUNCE_S:
            return
        self.on_next()
