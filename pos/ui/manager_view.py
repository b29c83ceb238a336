"""The manager menu (F1 on the sale screen): shift and cash, X and Z reports, end of day.

Every action is a big button with a function key; the right side shows the last report run or
looked up, with its charts. What a role may not do is shown disabled, and the app refuses it
anyway.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePath

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pos.app.checkout import CheckoutError
from pos.app.end_of_day import STEPS, EndOfDay, EndOfDayError
from pos.app.shifts import ShiftError, ShiftService
from pos.app.till import Till
from pos.app.xz_reports import ReportService, ZReportError
from pos.core.money import Money
from pos.reports.xz_model import XZReport
from pos.store.shifts import ShiftView
from pos.store.timeutil import from_utc_text
from pos.ui.dialogs import ChoiceDialog
from pos.ui.keypad import big_button
from pos.ui.report_view import ReportPanel
from pos.ui.shift_views import (
    CashMovementDialog,
    CloseShiftDialog,
    OpenShiftDialog,
    ask_approval,
    shift_error_text,
)

ACTION_HEIGHT = 60


class ManagerView(QDialog):
    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert till.user is not None
        self.till, self.user = till, till.user
        self.shifts = ShiftService(till.ctx)
        self.reports = ReportService(till.ctx)
        self.report: XZReport | None = None
        self.setWindowTitle(self.tr("Shift, cash and reports"))
        self.setObjectName("managerView")
        self.resize(1260, 780)
        self.message = QLabel("")
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        self.shift_label = QLabel("")
        self.shift_label.setWordWrap(True)
        self.panel = ReportPanel(till.ctx.formatter, till.ctx.locale)
        actions = QGridLayout()
        supervisor, manager = self.user.may("supervisor"), self.user.may("manager")
        entries = [
            (self.tr("Open shift"), "F2", self.open_shift, True),
            (self.tr("Close shift"), "F3", self.close_shift, True),
            (self.tr("Cash drop"), "F4", lambda: self.move("drop"), True),
            (self.tr("Pay-in"), "F6", lambda: self.move("pay_in"), True),
            (self.tr("Pay-out"), "F7", lambda: self.move("pay_out"), True),
            (self.tr("Open drawer"), "Ctrl+D", self.open_drawer, True),
            (self.tr("X report"), "F8", self.x_report, supervisor),
            (self.tr("Print report"), "F11", self.print_report, supervisor),
            (self.tr("Z reports"), "F9", self.stored_z, supervisor),
            (self.tr("End of day"), "F10", self.end_of_day, manager),
            (self.tr("Back to sale"), "Esc", self.accept, True),
        ]
        self.buttons = {}
        for index, (text, key, slot, allowed) in enumerate(entries):
            button = big_button(text, slot, shortcut=key,
                                role="primary" if key == "F10" else "")  # fmt: skip
            button.setMinimumHeight(ACTION_HEIGHT)
            button.setEnabled(allowed)
            actions.addWidget(button, index // 2, index % 2)
            self.buttons[key] = button
        left = QVBoxLayout()
        left.addWidget(self.shift_label)
        left.addLayout(actions)
        left.addStretch(1)
        left.addWidget(self.message)
        body = QHBoxLayout(self)
        side = QWidget()
        side.setLayout(left)
        side.setMaximumWidth(420)
        body.addWidget(side)
        body.addWidget(self.panel, 1)
        self.refresh()
        if supervisor:
            self.x_report()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", "true" if error else "false")
        self.message.style().polish(self.message)

    def refresh(self) -> None:
        shift = self.shifts.current(self.user)
        fmt, currency = self.till.ctx.formatter, self.till.ctx.currency
        if shift is None:
            self.shift_label.setText(self.tr("No open shift for {0}.").format(self.user.name))
        else:
            self.shift_label.setText(self.tr("Shift {0} open since {1}, float {2}.").format(
                shift.id, fmt.datetime(from_utc_text(shift.opened_at)),
                fmt.money(Money(shift.opening_float_minor, currency))))
        others = len(self.shifts.open_shifts())
        if others and (shift is None or others > 1):
            self.shift_label.setText(self.shift_label.text() + " " + self.tr(
                "Open shifts on this register: {0}.").format(others))

    # -- shifts and cash ----------------------------------------------------------------------

    def open_shift(self) -> None:
        dialog = OpenShiftDialog(self, self.till, self.user)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.say(self.tr("Shift opened."))
        self.refresh()

    def _shift_to_close(self) -> ShiftView | None:
        own = self.shifts.current(self.user)
        if own is not None or not self.user.may("supervisor"):
            return own
        open_now = self.shifts.open_shifts()
        if not open_now:
            return None
        choice = ChoiceDialog(self, self.tr("Which shift?"),
                              [(f"{s.id} · {s.owner} · {s.opened_at[:16]}", s) for s in open_now])
        if choice.exec() != QDialog.DialogCode.Accepted:
            return None
        return choice.value()  # type: ignore[return-value]

    def close_shift(self) -> None:
        shift = self._shift_to_close()
        if shift is None:
            self.say(shift_error_text(ShiftError("no_open_shift")), error=True)
            return
        dialog = CloseShiftDialog(self, self.till, self.user, shift)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.closed is not None:
            self.say(self.tr("Shift {0} closed.").format(dialog.closed.id))
        self.refresh()

    def move(self, kind: str) -> None:
        dialog = CashMovementDialog(self, self.till, self.user, kind)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.say(self.tr("Saved and journaled."))

    def open_drawer(self) -> None:
        try:
            approver = None
            if not self.user.may("supervisor"):
                approver = ask_approval(self, self.till, self.tr("Open drawer"), self.tr(
                    "A supervisor must approve opening the drawer without a sale."))
                if approver is None:
                    return
            self.till.open_drawer(approver)
        except CheckoutError as error:
            self.say(shift_error_text(error), error=True)
            return
        self.say(self.tr("Drawer opened (no sale), journaled."))

    # -- reports ------------------------------------------------------------------------------

    def show_report(self, report: XZReport) -> None:
        self.report = report
        self.panel.show_report(report)
        if report.is_z:
            self.say(self.tr("Z report no. {0}, as stored and printed.").format(
                report.extras.z_no))

    def x_report(self) -> None:
        self.show_report(self.reports.x_report(self.user))
        self.say(self.tr("X report: nothing was reset."))

    def print_report(self) -> None:
        if self.report is None:
            self.x_report()
        assert self.report is not None
        self.reports.print_report(self.report, self.user)
        self.say(self.tr("Sent to the receipt printer."))

    def stored_z(self) -> None:
        stored = self.reports.stored()
        if not stored:
            self.say(self.tr("No Z report yet."))
            return
        choice = ChoiceDialog(self, self.tr("Z reports"), [
            (self.tr("Z {0} · {1} · {2} receipts").format(
                row.z_no, row.business_date, report.report_receipt_num), report)
            for row, report in stored
        ])  # fmt: skip
        if choice.exec() == QDialog.DialogCode.Accepted and choice.value() is not None:
            self.show_report(choice.value())  # type: ignore[arg-type]

    def end_of_day(self) -> None:
        dialog = EndOfDayDialog(self.till, self)
        dialog.exec()
        z = self.reports.z_of_today()
        if z is not None:
            self.show_report(self.reports.stored(1)[0][1])
        self.refresh()


class EndOfDayDialog(QDialog):
    """The guided end of day: each step with its state; F12 runs on from where it stands."""

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert till.user is not None
        self.till, self.user = till, till.user
        self.flow = EndOfDay(till.ctx)
        self.setWindowTitle(self.tr("End of day"))
        self.setObjectName("endOfDayDialog")
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("End of day {0}").format(self.flow.business_date))
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.steps = QWidget()
        self.steps.setObjectName("endOfDaySteps")
        self.step_rows = QVBoxLayout(self.steps)
        self.step_labels: list[QLabel] = []
        for _step in STEPS:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setMinimumHeight(56)
            self.step_rows.addWidget(label)
            self.step_labels.append(label)
        self.step_rows.addStretch(1)
        layout.addWidget(self.steps, 1)
        self.message = QLabel("")
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(big_button(self.tr("Close"), self.reject, shortcut="Esc"))
        self.flag_button = big_button(self.tr("Flag open shifts and go on"), self.flag_and_run,
                                      shortcut="F8", role="danger")
        buttons.addWidget(self.flag_button)
        self.run_button = big_button(self.tr("Run"), self.run, shortcut="F12", role="primary")
        buttons.addWidget(self.run_button)
        layout.addLayout(buttons)
        self.labels = {
            "shifts": self.tr("Every shift closed"),
            "card": self.tr("Card terminal end of day, reconciled"),
            "z": self.tr("Z report stored and printed"),
            "saft": self.tr("SAF-T file for the day"),
            "hub": self.tr("Day summary to the hub"),
        }
        self.statuses = {
            "done": self.tr("done"), "skipped": self.tr("skipped"),
            "flagged": self.tr("flagged"), "blocked": self.tr("waiting"),
            "failed": self.tr("failed"), "": self.tr("to do"),
        }  # fmt: skip
        try:
            self.show_state()
        except EndOfDayError as error:
            self.refused(error)

    def refused(self, error: Exception) -> None:
        code = getattr(error, "code", "")
        if code == "already_done":
            text = self.tr("The end of day for today is done; it does not run twice.")
        elif code == "manager_only":
            text = self.tr("Only a manager runs the end of day.")
        elif code == "z_already_run":
            text = self.tr("Today's Z report has already been run; a second is refused.")
        else:
            text = str(error)
        self.message.setText(text)
        self.message.setProperty("error", "true")
        self.message.style().polish(self.message)
        self.run_button.setEnabled(False)
        self.flag_button.setEnabled(False)

    def show_state(self) -> None:
        state = self.flow.state()
        if state is not None and state.status == "done":
            self.fill(state.steps)
            raise EndOfDayError("already_done")
        self.fill(state.steps if state else {})
        self.show_blocked(self.flow.next_step(state) if state else None, state.steps if state
                          else {})  # fmt: skip

    def show_blocked(self, step: str | None, steps: dict[str, dict[str, object]]) -> bool:
        """Offer "flag and go on" for a step that stopped the flow (open shifts, a card
        terminal that does not answer)."""
        blocked = step is not None and steps.get(step, {}).get("status") == "blocked"
        self.flag_button.setVisible(blocked)
        if blocked and step == "card":
            self.flag_button.setText(self.tr("Flag and go on") + "\nF8")
        return blocked

    def fill(self, steps: dict[str, dict[str, object]]) -> None:
        for number, step in enumerate(STEPS, start=1):
            result = steps.get(step, {})
            status = str(result.get("status", ""))
            mark = {"done": "✔", "skipped": "–", "flagged": "⚑", "blocked": "⚠",
                    "failed": "✖"}.get(status, "○")  # fmt: skip
            note = self.note_text(step, status, result)
            colour = {"blocked": "#b3121d", "failed": "#b3121d"}.get(status, "#1f2328")
            text = (f"<span style='font-size:20px; color:{colour}'>{mark}&nbsp; {number}. "
                    f"{escape(self.labels[step])} — {escape(self.statuses[status])}</span>")
            if note:
                text += f"<br><span style='font-size:15px; color:#57606a'>{escape(note)}</span>"
            self.step_labels[number - 1].setText(text)

    def note_text(self, step: str, status: str, result: dict[str, object]) -> str:
        """The step's note in the screen's language (the app's note is kept in the journal)."""
        note = str(result.get("note", ""))
        data = result.get("data") if isinstance(result.get("data"), dict) else {}
        assert isinstance(data, dict)
        if step == "shifts" and data.get("open"):
            owners = ", ".join(f"{s['id']} ({s['owner']})" for s in data["open"])
            return self.tr("Open shifts: {0}").format(owners)
        if step == "card" and status == "skipped" and note.startswith("no card terminal"):
            return self.tr("No card terminal configured")
        if step == "card" and isinstance(data.get("result"), dict):
            return self.card_note(data["result"], note)
        if step == "z" and "z_no" in data:
            return self.tr("Z report no. {0}").format(data["z_no"])
        if step == "saft" and "path" in data:
            return self.tr("Written to {0}").format(PurePath(str(data["path"])).name)
        if step == "saft" and status == "skipped":
            return self.tr("SAF-T export not available on this till yet")
        if step == "hub" and status == "skipped":
            return self.tr("No hub configured")
        return note

    def card_note(self, result: dict[str, object], note: str) -> str:
        money = self.till.ctx.formatter.money
        currency = str(result.get("currency") or self.till.ctx.currency)
        if result.get("error"):
            return self.tr("Terminal: {0}").format(result["error"])
        kassa = int(result.get("kassa_total_minor") or 0)  # type: ignore[call-overload]
        terminal = int(result.get("terminal_total_minor") or 0)  # type: ignore[call-overload]
        text = self.tr("Terminal {0} · Kassa {1} · difference {2}").format(
            money(Money(terminal, currency)), money(Money(kassa, currency)),
            money(Money(terminal - kassa, currency)))
        unresolved = result.get("unresolved") or ()
        receipts = [str(u.get("receipt_no") or u.get("reference")) for u in unresolved  # type: ignore[union-attr]
                    if isinstance(u, dict)]
        if receipts:
            text += " · " + self.tr("unresolved, terminal receipts: {0}").format(
                ", ".join(receipts))
        return text

    def run(self, flag_open: bool = False) -> None:
        try:
            state = self.flow.run_all(self.user, flag_open=flag_open)
        except (EndOfDayError, ZReportError) as error:
            self.refused(error)
            return
        self.fill(state.steps)
        if state.status == "done":
            self.message.setText(self.tr("End of day done. The Z report is printed."))
            self.run_button.setEnabled(False)
            self.flag_button.setVisible(False)
            return
        step = self.flow.next_step(state)
        blocked = self.show_blocked(step, state.steps)
        if blocked and step == "shifts":
            text = self.tr("Shifts are still open: close them, or flag them and go on.")
        elif blocked:
            text = self.tr("The card terminal did not answer: try again, or flag it and go on.")
        else:
            text = self.tr("A step did not finish; fix it and run again.")
        self.message.setText(text)

    def flag_and_run(self) -> None:
        self.run(flag_open=True)


def open_manager(parent: QWidget, till: Till) -> None:
    """F1 on the sale screen."""
    if till.user is None:
        return
    ManagerView(till, parent).exec()
