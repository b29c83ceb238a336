"""The Devices page: every configured device with its health, and the tests a manager runs
when something does not work: a test print, the drawer, the last scan, a live weight."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drivers.base import DeviceError, DeviceHealth, ScanEvent, WeightReading, WeightState
from pos.app.devices import DeviceState
from pos.app.printing import PrinterState
from pos.app.till import Till
from pos.ui.bridge import Bridge
from pos.ui.card_end_of_day import end_of_day as card_end_of_day
from pos.ui.card_reversal import reverse_last as reverse_last_card_payment
from pos.ui.keypad import big_button
from pos.ui.messages import printer_problem_text

HEALTH_TEXT = {DeviceHealth.OK: "OK", DeviceHealth.WARNING: "!", DeviceHealth.UNAVAILABLE: "✕"}


class _Result(QObject):
    """Carries a Future's result from a device thread to the GUI thread."""

    ready = Signal(object)


class DevicesView(QDialog):
    def __init__(self, till: Till, parent: QWidget | None = None,
                 open_drawer: object = None) -> None:
        super().__init__(parent)
        self.till = till
        self.setWindowTitle(self.tr("Devices"))
        self.setObjectName("devicesView")
        self.resize(900, 560)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("devicesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("State"),
                                              self.tr("Address")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.last_scan = QLabel(self.tr("Last scan: none yet"))
        self.weight = QLabel(self.tr("Weight: not read"))
        self.weight.setObjectName("panelTitle")
        buttons = QGridLayout()
        actions = [(self.tr("Test print"), self.test_print), (self.tr("Read scale"), self.weigh),
                   (self.tr("Close"), self.accept)]
        if callable(open_drawer):
            actions.insert(1, (self.tr("Open drawer"), open_drawer))
        if till.ctx.card is not None:  # the manager's card batch close (pos.ui.card_end_of_day)
            actions.insert(-1, (self.tr("Card end of day"), lambda: card_end_of_day(self, till)))
            actions.insert(-1, (self.tr("Reverse last card payment"),
                                lambda: (reverse_last_card_payment(self, till), self.refresh())))
        per_row = 3  # six buttons in one row were too narrow for a finger and their words
        for index, (text, slot) in enumerate(actions):
            buttons.addWidget(big_button(text, slot), index // per_row, index % per_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.last_scan)
        layout.addWidget(self.weight)
        layout.addLayout(buttons)
        self._result = _Result(self)
        self._result.ready.connect(self.show_weight, Qt.ConnectionType.QueuedConnection)
        self._bridges = [Bridge(till.ctx.printer.state_changed, lambda _s: self.refresh(), self)]
        if till.devices is not None:
            self._bridges += [Bridge(till.devices.scans, self.show_scan, self),
                              Bridge(till.devices.states, lambda _s: self.refresh(), self)]
        self.refresh()

    def rows(self) -> list[tuple[str, str, str]]:
        config = self.till.ctx.config.devices
        printer: PrinterState = self.till.ctx.printer.state
        state = printer_problem_text(printer.problem if printer.configured else "none")
        if printer.status is not None and printer.status.paper_near_end:
            state += " · " + self.tr("paper low")
        rows = [(self.tr("Receipt printer"), config.printer or "–", state)]
        if config.drawer:
            drawer = self.till.drawer.watch
            rows.append((self.tr("Cash drawer"), config.drawer,
                         self.tr("open") if drawer.is_open else self.tr("closed")))
        card = self.till.ctx.card
        if config.payment and card is not None:  # a payment whose outcome is unknown shows here
            rows.append((self.tr("Card terminal"), config.payment,
                         self.tr("payment outcome unknown") if card.open_intents()
                         else self.tr("configured")))
        names = {"scanner": self.tr("Scanner"), "scale": self.tr("Scale"),
                 "display": self.tr("Customer display")}
        for name, url in (("scanner", config.scanner), ("scale", config.scale),
                          ("display", config.display)):
            if not url:
                continue
            device: DeviceState | None = (self.till.devices.state(name)
                                          if self.till.devices is not None else None)
            # The driver's detail is English and technical: shown only when something is wrong.
            text = (self.tr("built in") if device is None
                    else HEALTH_TEXT[device.health] if device.health is DeviceHealth.OK
                    else f"{HEALTH_TEXT[device.health]} {device.detail}".strip())
            rows.append((names[name], url, text))
        return rows

    def refresh(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for row, (name, address, state) in enumerate(rows):
            for column, value in enumerate((name, state, address)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)

    def test_print(self) -> None:
        self.till.test_print()

    def show_scan(self, event: ScanEvent) -> None:
        symbology = f" (]{event.symbology})" if event.symbology else ""
        self.last_scan.setText(self.tr("Last scan: {0}{1}").format(event.data, symbology))

    def weigh(self) -> None:
        if self.till.devices is None or not self.till.devices.has_scale:
            self.weight.setText(self.tr("No scale configured"))
            return
        self.weight.setText(self.tr("Weighing…"))
        self.till.devices.weigh(timeout_s=2.0).add_done_callback(self._result.ready.emit)

    def show_weight(self, future: Future[WeightReading | None]) -> None:
        try:
            reading = future.result()
        except DeviceError as error:
            self.weight.setText(self.tr("Scale: {0}").format(error))
            return
        if reading is None:
            self.weight.setText(self.tr("The scale did not answer"))
            return
        states = {WeightState.STABLE: self.tr("stable"), WeightState.MOTION: self.tr("in motion"),
                  WeightState.ZERO: self.tr("zero"),
                  WeightState.OVER_CAPACITY: self.tr("over capacity"),
                  WeightState.UNDER_ZERO: self.tr("under zero")}
        self.weight.setText(self.tr("Weight: {0} ({1})").format(
            self.till.ctx.formatter.quantity(reading.grams, weighed=True), states[reading.state]))
