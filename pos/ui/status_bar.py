"""The status bar: printer, sync, who is logged in, training mode, the clock."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QStatusBar

from drivers.base import DeviceHealth
from drivers.drawers.watch import DrawerAlert
from pos.app.devices import DeviceState
from pos.app.hub_link import HubStatus
from pos.app.printing import PrinterState
from pos.app.till import Till
from pos.store import outbox
from pos.store.users import UserView
from pos.ui.bridge import Bridge
from pos.ui.hub_status import hub_status_text
from pos.ui.messages import printer_problem_text


def _light(label: QLabel, level: str) -> None:
    """level: ok | warning | error; the style sheet colours the dot."""
    label.setProperty("level", level)
    label.style().unpolish(label)
    label.style().polish(label)


class TillStatusBar(QStatusBar):
    def __init__(self, till: Till) -> None:
        super().__init__()
        self.till = till
        self.fmt = till.ctx.formatter
        self.printer = QLabel()
        self.printer.setObjectName("printerStatus")
        self.sync = QLabel()
        self.sync.setObjectName("syncStatus")
        self.devices = QLabel()
        self.devices.setObjectName("deviceStatus")
        self.device_health: dict[str, DeviceState] = {}
        self.drawer = QLabel()
        self.drawer.setObjectName("drawerStatus")
        self.who = ""  # the logged-in user, shown with the clock in one permanent label
        self.training = QLabel(self.tr("TRAINING MODE"))
        self.training.setObjectName("trainingBadge")
        self.training.setVisible(till.ctx.training)
        self.clock = QLabel()
        for widget, stretch in ((self.printer, 3), (self.drawer, 0), (self.devices, 2),
                                (self.sync, 4), (self.training, 0)):
            if stretch:  # long texts are clipped, never widen the window
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.addWidget(widget, stretch)
        self.addPermanentWidget(self.clock)
        self._bridge = Bridge(till.ctx.printer.state_changed, self.show_printer, self)
        self._drawer_bridge = Bridge(till.drawer.alerts, self.show_drawer, self)
        if getattr(till, "hub", None) is not None:
            self._hub_bridge = Bridge(till.hub.status, self.show_hub, self)
        self.show_printer(till.ctx.printer.state)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(5_000)
        self.tick()

    def show_printer(self, state: PrinterState) -> None:
        if not state.configured:
            text, level = printer_problem_text("none"), "warning"
        else:
            text = printer_problem_text(state.problem)
            level = "ok" if state.problem is None else "error"
            if state.status is not None and state.status.paper_near_end and not state.problem:
                text, level = self.tr("Printer: paper low"), "warning"
        if state.waiting:
            text += " · " + self.tr("{0} waiting (F11)").format(state.waiting)
            level = "error" if level == "ok" else level
        self.printer.setText("● " + text)
        _light(self.printer, level)

    def show_drawer(self, alert: DrawerAlert) -> None:
        if alert.kind == "left_open":
            self.drawer.setText("● " + self.tr("Drawer left open!"))
            _light(self.drawer, "error")
            QApplication.beep()
        elif alert.kind == "opened":
            self.drawer.setText("● " + self.tr("Drawer open"))
            _light(self.drawer, "warning")
        else:
            self.drawer.setText("")

    def show_device(self, state: DeviceState) -> None:
        self.device_health[state.name] = state
        names = {"scanner": self.tr("Scanner"), "scale": self.tr("Scale"),
                 "display": self.tr("Display")}
        marks = {DeviceHealth.OK: "●", DeviceHealth.WARNING: "◐", DeviceHealth.UNAVAILABLE: "○"}
        parts = [f"{names.get(s.name, s.name)} {marks[s.health]}"
                 for s in self.device_health.values()]
        self.devices.setText("  ".join(parts))
        bad = [s for s in self.device_health.values() if s.health is DeviceHealth.UNAVAILABLE]
        self.devices.setToolTip("\n".join(f"{s.name}: {s.detail}" for s in bad))
        _light(self.devices, "error" if bad else "ok")

    def show_user(self, user: UserView | None) -> None:
        roles = {"cashier": self.tr("cashier"), "supervisor": self.tr("supervisor"),
                 "manager": self.tr("manager")}
        role = "" if user is None else roles.get(user.role, user.role)
        self.who = "" if user is None else f"{user.name} ({role}) · "
        self.show_clock()

    def tick(self) -> None:
        hub = getattr(self.till, "hub", None)
        self.show_hub(hub.current() if hub is not None else None)
        self.show_clock()

    def show_hub(self, status: HubStatus | None) -> None:
        """Online or offline, the queue, the last sync (pos.ui.hub_status)."""
        pending = (status.pending if status is not None
                   else outbox.count_pending(self.till.ctx.db, self.till.ctx.register_id))
        text, level, tooltip = hub_status_text(status, pending)
        self.sync.setText("● " + text)
        self.sync.setToolTip(tooltip)
        _light(self.sync, level)

    def show_clock(self) -> None:
        self.clock.setText(self.who + self.fmt.datetime(datetime.now(UTC)))
        self.clock.setMinimumWidth(self.clock.sizeHint().width())
        self.reformat()  # the status bar lays out again only when told
