"""Shift screens: open with a counted float, move cash, and the blind close.

The close has two pages. First the count, by denomination, without the expected amount
anywhere on screen (a blind count); "Count done" locks it. Then the review: expected, counted
and the variance per tender, a reason when the variance is over the threshold, and a
supervisor's approval.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.format import Formatter
from pos.app.shifts import CloseReview, CountError, ShiftError, ShiftService
from pos.app.till import Till
from pos.core.money import Money
from pos.store.shifts import ShiftView
from pos.store.users import UserView
from pos.ui.dialogs import ApprovalDialog
from pos.ui.keypad import TOUCH_HEIGHT, Keypad, big_button
from pos.ui.messages import error_text

_CONTEXT = "ShiftViews"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MESSAGES = {
    "shift_already_open": QT_TRANSLATE_NOOP("ShiftViews", "A shift is already open here."),
    "shift_closed": QT_TRANSLATE_NOOP("ShiftViews", "This shift is already closed."),
    "no_open_shift": QT_TRANSLATE_NOOP("ShiftViews", "No open shift: open one first."),
    "approval_required": QT_TRANSLATE_NOOP("ShiftViews", "A supervisor must approve this."),
    "negative_count": QT_TRANSLATE_NOOP("ShiftViews", "A count cannot be negative: {0}"),
    "absurd_count": QT_TRANSLATE_NOOP("ShiftViews", "That many pieces cannot be right: {0}"),
    "not_a_number": QT_TRANSLATE_NOOP("ShiftViews", "Not a whole number: {0}"),
    "unknown_denomination": QT_TRANSLATE_NOOP("ShiftViews", "Unknown coin or note: {0}"),
    "negative_amount": QT_TRANSLATE_NOOP("ShiftViews", "An amount cannot be negative."),
    "zero_amount": QT_TRANSLATE_NOOP("ShiftViews", "Enter an amount above zero."),
    "absurd_amount": QT_TRANSLATE_NOOP("ShiftViews", "That amount cannot be right: {0}"),
    "reason_required": QT_TRANSLATE_NOOP("ShiftViews", "Give a reason."),
}


def shift_error_text(error: Exception) -> str:
    """A clear sentence for a shift or count refusal (or any app error)."""
    if isinstance(error, CheckoutError):
        return error_text(error.kind)
    code = getattr(error, "code", "")
    value = getattr(error, "value", "")
    text = _MESSAGES.get(code)
    if text is None:
        return QCoreApplication.translate("ShiftViews", "Refused: {0}").format(error)
    return QCoreApplication.translate(_CONTEXT, text).format("" if value is None else value)


def ask_approval(parent: QWidget, till: Till, title: str, question: str) -> UserView | None:
    """A supervisor's number and PIN; None when cancelled. Raises on a wrong PIN."""
    dialog = ApprovalDialog(parent, title, question)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return till.approve(dialog.employee.text().strip(), dialog.pin.text())


def parse_pieces(text: str) -> int:
    """A typed piece count; refuses what is not a whole number (the count's rule)."""
    cleaned = text.strip()
    if not cleaned:
        return 0
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        raise CountError("negative_count", int(cleaned))
    if not cleaned.isdigit():
        raise CountError("not_a_number", cleaned)
    return int(cleaned)


class CountWidget(QWidget):
    """One row per coin and note: pieces typed (keyboard or keypad), value shown beside it.
    Shows the total of what was counted, never what was expected."""

    def __init__(self, fmt: Formatter, currency: str, denominations: tuple[int, ...],
                 on_change: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.fmt, self.currency = fmt, currency
        self.fields: dict[int, QLineEdit] = {}
        self.values: dict[int, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        ordered = sorted(denominations, reverse=True)
        half = (len(ordered) + 1) // 2
        for index, denomination in enumerate(ordered):
            row, col = index % half, (index // half) * 3
            label = QLabel(denomination_text(denomination))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            field = QLineEdit()
            field.setObjectName(f"count_{denomination}")
            field.setPlaceholderText("0")
            field.setMinimumHeight(48)
            field.setMaximumWidth(110)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setValidator(QIntValidator(-99_999_999, 99_999_999, field))
            field.textChanged.connect(self._changed)
            value = QLabel("")
            value.setMinimumWidth(110)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, col)
            grid.addWidget(field, row, col + 1)
            grid.addWidget(value, row, col + 2)
            self.fields[denomination] = field
            self.values[denomination] = value
        fields = [self.fields[d] for d in ordered]
        for first, second in pairwise(fields):  # Enter moves on, as Tab does (creation order)
            first.returnPressed.connect(second.setFocus)
        self.total = QLabel()
        self.total.setObjectName("panelTitle")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.on_change = on_change
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(grid)
        left.addWidget(self.total)
        left.addStretch(1)
        layout.addLayout(left, 3)
        self.keypad = Keypad(fields[0], also=tuple(fields[1:]))
        self.keypad.setMaximumWidth(300)
        layout.addWidget(self.keypad, 1)
        self._changed()

    def first_field(self) -> QLineEdit:
        return self.fields[max(self.fields)]

    def pieces(self) -> dict[int, int]:
        """The count as typed; raises CountError for what cannot be a count."""
        return {d: parse_pieces(f.text()) for d, f in self.fields.items() if f.text().strip()}

    def _changed(self) -> None:
        total = 0
        for denomination, field in self.fields.items():
            try:
                n = parse_pieces(field.text())
            except CountError:
                self.values[denomination].setText("?")
                continue
            self.values[denomination].setText(
                self.fmt.amount(Money(denomination * n, self.currency)) if n else ""
            )
            total += denomination * n
        self.total.setText(QCoreApplication.translate("ShiftViews", "Counted: {0}").format(
            self.fmt.money(Money(total, self.currency))))
        if self.on_change is not None:
            self.on_change()

    def set_locked(self, locked: bool) -> None:
        for field in self.fields.values():
            field.setReadOnly(locked)
        self.keypad.setEnabled(not locked)


def denomination_text(minor: int) -> str:
    """A coin or note as printed on it: "500 kr", "50 øre" (NOK and SEK both say kr)."""
    if minor % 100:
        return f"{minor} øre"
    return f"{minor // 100} kr"


def _error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    return label


class OpenShiftDialog(QDialog):
    """Count the opening float by denomination and open the shift."""

    def __init__(self, parent: QWidget, till: Till, user: UserView) -> None:
        super().__init__(parent)
        self.till, self.user = till, user
        self.service = ShiftService(till.ctx)
        self.shift: ShiftView | None = None
        self.setWindowTitle(self.tr("Open shift"))
        self.setObjectName("openShiftDialog")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Open a shift for {0}: count the float in the drawer").format(
            user.name))
        title.setObjectName("panelTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        ctx = till.ctx
        self.error = _error_label()
        self.count = CountWidget(ctx.formatter, ctx.currency, self.service.denominations,
                                 on_change=lambda: self.error.setText(""))
        layout.addWidget(self.count, 1)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Not now"), self.reject, shortcut="Esc"))
        buttons.addWidget(big_button(self.tr("Open shift"), self.open_shift, shortcut="F12",
                                     role="primary"))
        layout.addLayout(buttons)
        self.count.first_field().setFocus()

    def open_shift(self) -> None:
        try:
            self.shift = self.service.open(self.user, self.count.pieces())
        except (CountError, ShiftError) as error:
            self.error.setText(shift_error_text(error))
            return
        self.accept()


class CashMovementDialog(QDialog):
    """A drop to the safe, a pay-in or a pay-out: amount and reason (pay-outs: a supervisor)."""

    def __init__(self, parent: QWidget, till: Till, user: UserView, kind: str) -> None:
        super().__init__(parent)
        self.till, self.user, self.kind = till, user, kind
        self.service = ShiftService(till.ctx)
        titles = {
            "drop": self.tr("Cash drop to the safe"),
            "pay_in": self.tr("Pay-in"),
            "pay_out": self.tr("Pay-out"),
        }
        self.setWindowTitle(titles[kind])
        self.setObjectName("cashMovementDialog")
        layout = QVBoxLayout(self)
        title = QLabel(titles[kind])
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.amount = QLineEdit()
        self.amount.setObjectName("dialogValue")
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.reason.setMinimumHeight(48)
        self.amount.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.save)
        layout.addWidget(self.amount)
        layout.addWidget(self.reason)
        layout.addWidget(Keypad(self.amount))
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject))
        buttons.addWidget(big_button(self.tr("Save"), self.save, role="primary"))
        layout.addLayout(buttons)
        self.amount.setFocus()

    def save(self) -> None:
        ctx = self.till.ctx
        try:
            amount = ctx.formatter.parse_amount(self.amount.text(), ctx.currency).minor
        except ValueError:
            if self.amount.text().strip().startswith("-"):
                self.error.setText(shift_error_text(CountError("negative_amount")))
            else:
                self.error.setText(error_text("bad_amount", self.amount.text()))
            return
        try:
            approver = None
            if self.kind == "pay_out" and not self.user.may("supervisor"):
                approver = ask_approval(self, self.till, self.tr("Pay-out"),
                                        self.tr("A supervisor must approve a pay-out."))
                if approver is None:
                    return
            self.service.move_cash(self.user, self.kind, amount,  # type: ignore[arg-type]
                                   self.reason.text(), approver)
        except (CountError, ShiftError, CheckoutError) as error:
            self.error.setText(shift_error_text(error))
            return
        self.accept()


class CloseShiftDialog(QDialog):
    """The blind close: count first (nothing expected on screen), then the review."""

    def __init__(self, parent: QWidget, till: Till, user: UserView, shift: ShiftView) -> None:
        super().__init__(parent)
        self.till, self.user, self.shift = till, user, shift
        self.service = ShiftService(till.ctx)
        self.review: CloseReview | None = None
        self.closed: ShiftView | None = None
        ctx = till.ctx
        self.fmt, self.currency = ctx.formatter, ctx.currency
        self.setWindowTitle(self.tr("Close shift"))
        self.setObjectName("closeShiftDialog")
        self.resize(1000, 700)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.error = _error_label()  # before the pages: the count clears it as it changes
        layout.addWidget(self.error)
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._review_page())
        self.count.first_field().setFocus()

    # -- page 1: the blind count --------------------------------------------------------------

    def _count_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Count the drawer (blind count): cash by coin and note"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        hint = QLabel(self.tr("The expected amount is shown only after the count is done."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.count = CountWidget(self.fmt, self.currency, self.service.denominations,
                                 on_change=lambda: self.error.setText(""))
        layout.addWidget(self.count, 1)
        self.other: dict[str, QLineEdit] = {}
        others = [t for t in self.service.tenders_to_count(self.shift) if t != "cash"]
        if others:
            row = QHBoxLayout()
            for tender in others:
                row.addWidget(QLabel(self.tr("{0}, total of the slips:").format(
                    tender_name(tender))))
                field = QLineEdit()
                field.setObjectName(f"counted_{tender}")
                field.setPlaceholderText("0,00")
                field.setMinimumHeight(48)
                field.setMaximumWidth(200)
                field.setAlignment(Qt.AlignmentFlag.AlignRight)
                row.addWidget(field)
                self.other[tender] = field
            row.addStretch(1)
            layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject, shortcut="Esc"))
        self.done_button = big_button(self.tr("Count done"), self.count_done, shortcut="F12",
                                      role="primary")
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        return page

    def count_done(self) -> None:
        try:
            other = {t: self.fmt.parse_amount(f.text() or "0", self.currency).minor
                     for t, f in self.other.items()}  # fmt: skip
        except ValueError as error:
            self.error.setText(error_text("bad_amount", str(error)))
            return
        try:
            self.pieces = self.count.pieces()
            self.review = self.service.count_close(self.shift, self.pieces, other)
        except (CountError, ShiftError) as error:
            self.error.setText(shift_error_text(error))
            return
        self.error.setText("")
        self.count.set_locked(True)
        self.show_review(self.review)
        self.pages.setCurrentIndex(1)
        self.reason.setFocus()

    # -- page 2: expected vs counted ----------------------------------------------------------

    def _review_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Expected and counted"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("varianceTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tender"), self.tr("Expected"), self.tr("Counted"), self.tr("Variance")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 16)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.table)
        self.verdict = QLabel()
        self.verdict.setObjectName("panelTitle")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.reason = QLineEdit()
        self.reason.setObjectName("varianceReason")
        self.reason.setMinimumHeight(48)
        self.reason.returnPressed.connect(self.approve_and_close)
        self.reason.textChanged.connect(lambda _text: self.error.setText(""))
        layout.addWidget(self.reason)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Cancel"), self.reject, shortcut="Esc"))
        buttons.addWidget(big_button(self.tr("Approve and close"), self.approve_and_close,
                                     shortcut="Ctrl+Return", role="primary"))
        layout.addLayout(buttons)
        return page

    def show_review(self, review: CloseReview) -> None:
        money = self.fmt.money
        self.table.setRowCount(len(review.lines) + 1)
        rows = [(tender_name(ln.tender), ln.expected, ln.counted, ln.variance)
                for ln in review.lines]  # fmt: skip
        rows.append((self.tr("Total"), sum(r[1] for r in rows), sum(r[2] for r in rows),
                     review.variance))  # fmt: skip
        for r, (name, expected, counted, variance) in enumerate(rows):
            cells = [name, money(Money(expected, self.currency)),
                     money(Money(counted, self.currency)),
                     ("+" if variance > 0 else "") + money(Money(variance, self.currency))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(RIGHT)
                if c == 3 and variance:
                    item.setForeground(Qt.GlobalColor.darkRed if variance < 0
                                       else Qt.GlobalColor.darkYellow)  # fmt: skip
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(rows_height + self.table.horizontalHeader().height() + 4)
        threshold = money(Money(review.threshold, self.currency))
        if review.needs_reason:
            self.verdict.setText(self.tr(
                "The variance is more than {0}: write what happened, then a supervisor approves."
            ).format(threshold))
            self.verdict.setProperty("level", "error")
            self.reason.setPlaceholderText(self.tr("Reason for the variance (required)"))
        else:
            self.verdict.setText(self.tr("Within {0}. A supervisor approves the close.").format(
                threshold))
            self.verdict.setProperty("level", "")
            self.reason.setPlaceholderText(self.tr("Note (optional)"))
        self.verdict.style().polish(self.verdict)

    def approve_and_close(self) -> None:
        review = self.review
        if review is None:
            return
        if review.needs_reason and not self.reason.text().strip():
            self.error.setText(shift_error_text(CountError("reason_required")))
            self.reason.setFocus()
            return
        try:
            approver = self.user if self.user.may("supervisor") else None
            if approver is None:
                approver = ask_approval(self, self.till, self.tr("Close shift"),
                                        self.tr("A supervisor approves the shift's close."))
                if approver is None:
                    return
            self.closed = self.service.close(self.user, review, self.pieces, approver,
                                             self.reason.text())
        except (CountError, ShiftError, CheckoutError) as error:
            self.error.setText(shift_error_text(error))
            return
        self.accept()


def tender_name(tender: str) -> str:
    names = {
        "cash": QT_TRANSLATE_NOOP("ShiftViews", "Cash"),
        "card": QT_TRANSLATE_NOOP("ShiftViews", "Card"),
        "gift_card": QT_TRANSLATE_NOOP("ShiftViews", "Gift card"),
        "loyalty": QT_TRANSLATE_NOOP("ShiftViews", "Loyalty points"),
        "store_credit": QT_TRANSLATE_NOOP("ShiftViews", "Store credit"),
        "web_payment": QT_TRANSLATE_NOOP("ShiftViews", "Web payment"),
    }
    return QCoreApplication.translate(_CONTEXT, names[tender]) if tender in names else tender


def may_sell(till: Till) -> bool:
    """False when [shifts] required_to_sell and the user has no open shift."""
    if not till.ctx.config.shifts.required_to_sell:
        return True
    return till.user is not None and ShiftService(till.ctx).current(till.user) is not None


def no_shift_text() -> str:
    return QCoreApplication.translate(
        "ShiftViews", "No open shift: open one with F1 (Shift and reports) before selling."
    )


def ensure_shift(parent: QWidget, till: Till) -> bool:
    """After a log-in: when a shift is required and none is open, ask for the float now.
    True when the user may sell."""
    if may_sell(till) or till.user is None:
        return till.user is not None
    dialog = OpenShiftDialog(parent, till, till.user)
    return dialog.exec() == QDialog.DialogCode.Accepted
