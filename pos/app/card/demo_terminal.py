"""The demo's card terminal: the ZVT simulator, approving, with a short PIN-entry sequence
paced so a person can read it (insert card, PIN, waiting for the host)."""

from __future__ import annotations

from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal

DEMO_STATUSES = (0x0A, 0x01, 0x04)  # insert card, watch the PIN pad, waiting for the host
PACE_S = 0.7  # seconds before each status, as a customer would take


def start_demo_terminal(pace: float = PACE_S) -> SimulatedZvtTerminal:
    terminal = SimulatedZvtTerminal()
    terminal.script = Script("approve", statuses=DEMO_STATUSES, status_delay=pace)
    return terminal.start()
