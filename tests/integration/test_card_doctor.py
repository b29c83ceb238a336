"""`kassa doctor`'s card terminal line against the ZVT simulator and a silent TCP peer: ready,
busy, not answering, and the line in the doctor's device checks."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal
from pos.app.card.doctor import card_terminal_check, quick_url
from pos.app.config import default_demo_config
from pos.app.doctor import check_devices


def test_a_ready_terminal_is_ok_and_only_asked_for_its_status() -> None:
    with SimulatedZvtTerminal() as sim:
        verdict, detail, fix = card_terminal_check(sim.url)
        assert (verdict, fix) == ("ok", "")
        assert "ready" in detail and "52500038" in detail
        assert [a.command for a in sim.commands()] == [(0x05, 0x01)]  # nothing else: read-only


def test_a_busy_terminal_is_a_warning() -> None:
    with SimulatedZvtTerminal() as sim:
        sim.script = Script(status_code=0x9C)
        verdict, detail, fix = card_terminal_check(sim.url)
    assert verdict == "warn" and "busy" in detail and fix


def test_a_terminal_that_cannot_work_fails_with_its_code() -> None:
    with SimulatedZvtTerminal() as sim:
        sim.script = Script(status_code=0x6B)  # not registered: the terminal cannot work
        verdict, detail, _fix = card_terminal_check(sim.url)
    assert verdict == "fail" and "6B" in detail


def test_a_silent_peer_and_a_closed_port_are_not_answering() -> None:
    silent = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(silent.accept()[0]), daemon=True).start()
    url = f"zvt+tcp://127.0.0.1:{silent.getsockname()[1]}"
    verdict, detail, fix = card_terminal_check(url, seconds=0.5)
    assert verdict == "fail" and "not answering" in detail and "till" in fix
    assert held  # it really connected, and heard nothing back
    silent.close()
    for conn in held:
        conn.close()
    verdict, detail, _fix = card_terminal_check(url, seconds=0.5)  # nobody listens now
    assert verdict == "fail" and "not answering" in detail


def test_the_doctor_lists_the_card_terminal(tmp_path: Path) -> None:
    with SimulatedZvtTerminal() as sim:
        config = default_demo_config(tmp_path)
        devices = config.devices.model_copy(update={"payment": sim.url, "scale": None})
        checks = list(check_devices(config.model_copy(update={"devices": devices})))
    card = [c for c in checks if c.name == "card terminal"]
    assert len(card) == 1 and card[0].verdict == "ok"


def test_quick_url_keeps_the_terminal_and_cuts_the_waits() -> None:
    url = quick_url("zvt+tcp://10.0.0.30:20007?currency=SEK&timeout=90", 2.0)
    assert url.startswith("zvt+tcp://10.0.0.30:20007?") and "currency=SEK" in url
    assert "timeout=2.0" in url and "timeout=90" not in url
