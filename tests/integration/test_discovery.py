"""`kassa devices scan` against real peers: the ESC/POS simulator on loopback TCP, the serial
printer simulator on a pty pair, pyusb's real enumeration over the simulated USB backend."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.sim.escpos_printer import SimulatedPrinter
from drivers.sim.pty_port import PtyPort
from drivers.sim.serial_printer import SerialSimulatedPrinter
from pos.app.config import ConfigError, load_config
from pos.app.discovery import (
    Found,
    is_printer_status,
    network_printers,
    serial_ports,
    subnet_hosts,
    usb_devices,
)
from pos.app.discovery_config import choose, write_devices

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def silent_server(host: str, port: int) -> Iterator[None]:
    """Something on the printer port that accepts and never answers (a PC, a label printer)."""
    listener = socket.create_server((host, port))
    conns: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                conns.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield
    finally:
        listener.close()
        for conn in conns:
            conn.close()


def test_sweep_confirms_the_printer_and_lists_the_silent_port(tmp_path: Path) -> None:
    with SimulatedPrinter(out_dir=tmp_path) as printer, silent_server("127.0.0.2", printer.port):
        port = printer.port
        hosts = subnet_hosts(ipaddress.IPv4Network("127.0.0.0/24"))
        assert len(hosts) == 254
        found = network_printers(hosts, port, connect_timeout=1.0, answer_timeout=0.5)
        assert printer.status_queries >= 1  # it really was asked DLE EOT
    assert found == [
        Found("network", f"escpos+tcp://127.0.0.1:{port}",
              f"ESC/POS printer at 127.0.0.1:{port}", "printer", True),
        Found("network", f"escpos+tcp://127.0.0.2:{port}",
              f"127.0.0.2:{port} is open but gave no ESC/POS status answer"),
    ]


def test_status_byte_shape() -> None:
    assert is_printer_status(b"\x12") and is_printer_status(b"\x16")  # ready; drawer pin high
    assert not is_printer_status(b"") and not is_printer_status(b"HTTP/1.1")
    assert not is_printer_status(b"\x00") and not is_printer_status(b"\x92")


def test_serial_probe_finds_the_printer_on_a_pty(tmp_path: Path) -> None:
    silent = PtyPort(tmp_path, name="ttySILENT")
    with SerialSimulatedPrinter(PtyPort(tmp_path, name="ttyPRN")) as printer:
        found = {f.url.split("?")[0]: f for f in serial_ports(
            [printer.pty.path, silent.path], probe=True)}
        assert printer.status_queries >= 1
    silent.close()
    printer_found = found[f"escpos+serial://{printer.pty.path}"]
    assert printer_found.url == f"escpos+serial://{printer.pty.path}?baudrate=38400"
    assert printer_found.role == "printer" and printer_found.confirmed
    assert found[f"serial://{silent.path}"] == Found("serial", f"serial://{silent.path}",
                                                     silent.path)


def test_usb_devices_of_pos_makers_only() -> None:
    from drivers.sim.usb_backend import FakeUsbBackend, FakeUsbDevice

    backend = FakeUsbBackend(
        FakeUsbDevice(0x04B8, 0x0E28, interface_class=7),  # Epson TM-T20III, printer class
        FakeUsbDevice(0x05E0, 0x1200, interface_class=3),  # Zebra/Symbol scanner, HID POS
        FakeUsbDevice(0x046D, 0xC52B, interface_class=3),  # a Logitech receiver: not ours
    )
    found, notes = usb_devices(backend)
    assert notes == []
    assert found == [
        Found("usb", "escpos+usb://04b8:0e28", "Epson USB printer 04b8:0e28", "printer"),
        Found("usb", "hidpos+usb://05e0:1200", "Zebra (Symbol) USB HID device 05e0:1200",
              "scanner"),
    ]


def a_config(tmp_path: Path) -> Path:
    text = (REPO / "resources/config/example.toml").read_text(encoding="utf-8")
    config = tmp_path / "till.toml"
    config.write_text(text.replace('data_dir = "/var/lib/kassa"', f'data_dir = "{tmp_path}"'),
                      encoding="utf-8")
    return config


def test_write_keeps_comments_and_refuses_a_bad_url(tmp_path: Path) -> None:
    config = a_config(tmp_path)
    write_devices(config, {"printer": "escpos+tcp://127.0.0.1:9100",
                           "scanner": "serial:///dev/ttyACM0"})
    loaded = load_config(config)
    assert loaded.devices.printer == "escpos+tcp://127.0.0.1:9100"
    assert loaded.devices.scanner == "serial:///dev/ttyACM0"
    text = config.read_text(encoding="utf-8")
    assert "# Receipt printer: ESC/POS over the network" in text
    assert 'drawer = "printer:?pin=2"' in text

    with pytest.raises(ConfigError):
        write_devices(config, {"printer": "not a url at all"})
    assert config.read_text(encoding="utf-8") == text


def test_choose_defaults_to_what_answered_and_takes_picks() -> None:
    devices = [
        Found("serial", "serial:///dev/ttyS0", "/dev/ttyS0"),
        Found("network", "escpos+tcp://10.0.0.21:9100", "printer", "printer", True),
        Found("network", "escpos+tcp://10.0.0.22:9100", "printer", "printer", True),
        Found("usb", "hidpos+usb://05e0:1200", "scanner", "scanner"),
    ]
    assert choose(devices) == {"printer": "escpos+tcp://10.0.0.21:9100"}
    assert choose(devices, ["3", "1=scale", "4"]) == {
        "printer": "escpos+tcp://10.0.0.22:9100", "scale": "serial:///dev/ttyS0",
        "scanner": "hidpos+usb://05e0:1200"}
    with pytest.raises(ValueError, match="say which role"):
        choose(devices, ["1"])
    with pytest.raises(ValueError, match="from 1 to 4"):
        choose(devices, ["9"])


def test_cli_scans_and_writes_the_printer_into_the_config(tmp_path: Path) -> None:
    config = a_config(tmp_path)
    with SimulatedPrinter(out_dir=tmp_path) as printer:
        port = printer.port
        done = subprocess.run(
            [sys.executable, "-m", "pos.cli", "devices", "scan", "--subnet", "127.0.0.0/30",
             "--printer-port", str(port), "--write", str(config)],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "KASSA_NO_DIALOGS": "1"})
    assert done.returncode == 0, done.stderr
    url = f"escpos+tcp://127.0.0.1:{port}"
    assert url in done.stdout and "(answered)" in done.stdout
    assert load_config(config).devices.printer == url
    assert f'[devices] printer = "{url}"' in done.stderr
