"""`kassa devices scan`: the POS devices on this PC and the receipt printers on its network,
each with the device URL to put in the till's config.

Three sources, each independent of the others (one failing leaves the rest):
- serial ports (pyserial's list_ports; USB-serial adapters carry their vendor id). Probing them
  with DLE EOT is opt-in: bytes sent to a scale or a pole display are not ours to send unasked.
- USB devices of known POS vendors (pyusb, where libusb is installed): printer-class
  interfaces become escpos+usb URLs, HID ones hidpos+usb.
- ESC/POS printers on the local /24: TCP port 9100 on every address at once, with a short
  timeout, then DLE EOT 1 to whoever accepted; only an answer with the status byte's fixed bits
  (0xx1xx10) is a confirmed printer (a label printer or a PC on 9100 is listed unconfirmed).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

# USB vendor ids of POS hardware makers. packaging/linux/60-kassa-pos-devices.rules grants the
# kassa group access to exactly these (a test keeps the two lists equal).
POS_VENDORS: dict[int, str] = {
    0x04B8: "Epson",
    0x0519: "Star Micronics",
    0x0C2E: "Honeywell (Metrologic)",
    0x05E0: "Zebra (Symbol)",
    0x0A5F: "Zebra",
    0x05F9: "Datalogic",
    0x1D90: "Citizen",
    0x1504: "Bixolon",
    0x0DD4: "Custom",
    0x0FE6: "ICS (Xprinter, Rongta)",
    0x1EAB: "Newland",
    0x0D3A: "Posiflex",
    0x154F: "SNBC",
}
# Makers of scanners only: a serial port of theirs is a scanner in serial (CDC) mode.
SCANNER_VENDORS = frozenset({0x0C2E, 0x05E0, 0x05F9, 0x1EAB})
DLE_EOT_PRINTER = b"\x10\x04\x01"
# Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear (Epson ESC/POS reference;
# drivers/printers/escpos_commands.py checks the same when it parses a full status).
STATUS_FIXED_MASK, STATUS_FIXED_BITS = 0x93, 0x12
PRINTER_PORT = 9100
USB_CLASS_PRINTER, USB_CLASS_HID = 7, 3
SERIAL_BAUDRATES = (38400, 19200, 9600, 115200)

Kind = Literal["serial", "usb", "network"]


@dataclass(frozen=True)
class Found:
    kind: Kind
    url: str  # what goes in [devices]
    description: str
    role: str | None = None  # the role it most likely plays, None when unknown
    confirmed: bool = False  # answered a protocol probe as that role

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ScanResult:
    devices: list[Found]
    notes: list[str]  # what could not be looked at, and why


def is_printer_status(answer: bytes) -> bool:
    """True for a DLE EOT 1 answer from an ESC/POS printer (one byte, fixed bits 0xx1xx10)."""
    return len(answer) == 1 and answer[0] & STATUS_FIXED_MASK == STATUS_FIXED_BITS


# --- serial ----------------------------------------------------------------------------------


def serial_ports(extra: Iterable[str] = (), *, probe: bool = False) -> list[Found]:
    """The serial ports pyserial lists, plus `extra` paths (links under /dev/serial/by-id, or a
    port list_ports does not know). With `probe`, each is asked DLE EOT 1 at the usual
    baud rates; a printer that answers gets an escpos+serial URL with its rate."""
    from serial.tools import list_ports

    ports: dict[str, tuple[str, int | None]] = {}
    for info in list_ports.comports():
        described = info.description not in (None, "", "n/a")
        ports[info.device] = (info.description if described else info.device, info.vid)
    for path in extra:
        ports.setdefault(path, (path, None))
    found = []
    for device, (description, vid) in sorted(ports.items()):
        baudrate = probe_serial_printer(device) if probe else None
        if baudrate is not None:
            found.append(Found("serial", f"escpos+serial://{device}?baudrate={baudrate}",
                               f"{description}: ESC/POS printer at {baudrate} baud",
                               "printer", True))
        elif vid in SCANNER_VENDORS:
            found.append(Found("serial", f"serial://{device}",
                               f"{description} ({POS_VENDORS[vid]})", "scanner"))
        else:
            maker = f" ({POS_VENDORS[vid]})" if vid in POS_VENDORS else ""
            found.append(Found("serial", f"serial://{device}", f"{description}{maker}"))
    return found


def probe_serial_printer(device: str, baudrates: Sequence[int] = SERIAL_BAUDRATES,
                         timeout: float = 0.3) -> int | None:
    """The baud rate at which `device` answers DLE EOT 1 like a printer, or None."""
    import serial

    for baudrate in baudrates:
        try:
            with serial.Serial(device, baudrate=baudrate, timeout=timeout,
                               write_timeout=timeout) as port:
                port.reset_input_buffer()
                port.write(DLE_EOT_PRINTER)
                if is_printer_status(port.read(1)):
                    return baudrate
        except (OSError, serial.SerialException):
            return None  # busy, gone or not a tty: no other rate will do better
    return None


# --- USB -------------------------------------------------------------------------------------


def usb_devices(backend: Any = None) -> tuple[list[Found], list[str]]:
    """USB devices of POS_VENDORS, from their descriptors (no claiming, no I/O)."""
    try:
        import usb.core
    except ImportError:
        return [], ["USB: pyusb is not installed"]
    try:
        devices = list(usb.core.find(find_all=True, backend=backend))
    except usb.core.NoBackendError:
        return [], ["USB: libusb is not installed (Debian: libusb-1.0-0), USB not scanned"]
    except usb.core.USBError as exc:
        return [], [f"USB: cannot list devices ({exc})"]
    found = []
    for dev in devices:
        maker = POS_VENDORS.get(dev.idVendor)
        if maker is None:
            continue
        ids = f"{dev.idVendor:04x}:{dev.idProduct:04x}"
        classes = _interface_classes(dev)
        if USB_CLASS_PRINTER in classes:
            found.append(Found("usb", f"escpos+usb://{ids}", f"{maker} USB printer {ids}",
                               "printer"))
        elif USB_CLASS_HID in classes:
            found.append(Found("usb", f"hidpos+usb://{ids}", f"{maker} USB HID device {ids}",
                               "scanner"))
        else:
            found.append(Found("usb", f"escpos+usb://{ids}", f"{maker} USB device {ids}"))
    return found, []


def _interface_classes(dev: Any) -> set[int]:
    import usb.core

    classes = set()
    with contextlib.suppress(usb.core.USBError, ValueError):
        for config in dev:
            classes |= {interface.bInterfaceClass for interface in config}
    return classes


# --- network ---------------------------------------------------------------------------------


def local_subnet() -> ipaddress.IPv4Network | None:
    """The /24 of the address this PC reaches the network from (no packet is sent)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("192.0.2.1", 9))  # TEST-NET-1: routing decides the source address only
        address = s.getsockname()[0]
        if not address.startswith("127."):
            return ipaddress.IPv4Network(f"{address}/24", strict=False)
    return None


def network_printers(hosts: Iterable[str], port: int = PRINTER_PORT, *,
                     connect_timeout: float = 1.0, answer_timeout: float = 0.8) -> list[Found]:
    """Connect to `port` on every host at once; ask DLE EOT 1 of whoever accepts.

    Bounded by connect_timeout + answer_timeout whatever the number of hosts (one /24 is 254
    sockets at once, well under any file limit)."""
    return asyncio.run(_scan(list(hosts), port, connect_timeout, answer_timeout))


async def _scan(hosts: list[str], port: int, connect_timeout: float,
                answer_timeout: float) -> list[Found]:
    answers = await asyncio.gather(
        *(_probe(host, port, connect_timeout, answer_timeout) for host in hosts))
    found = []
    for host, answer in zip(hosts, answers, strict=True):
        if answer is None:
            continue
        url = f"escpos+tcp://{host}:{port}"
        if is_printer_status(answer):
            found.append(Found("network", url, f"ESC/POS printer at {host}:{port}", "printer",
                               True))
        else:
            found.append(Found("network", url,
                               f"{host}:{port} is open but gave no ESC/POS status answer"))
    return found


async def _probe(host: str, port: int, connect_timeout: float,
                 answer_timeout: float) -> bytes | None:
    """None: nothing listens. b"": it accepted but did not answer like a printer."""
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port), connect_timeout)
    except (OSError, TimeoutError):
        return None
    try:
        writer.write(DLE_EOT_PRINTER)
        await writer.drain()
        return await asyncio.wait_for(reader.read(1), answer_timeout)
    except (OSError, TimeoutError):
        return b""
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


def subnet_hosts(subnet: ipaddress.IPv4Network) -> list[str]:
    return [str(host) for host in subnet.hosts()]


# --- everything ------------------------------------------------------------------------------


def scan(*, subnet: ipaddress.IPv4Network | None = None, network: bool = True,
         port: int = PRINTER_PORT, extra_serial: Iterable[str] = (),
         probe_serial: bool = False, usb_backend: Any = None) -> ScanResult:
    notes: list[str] = []
    devices = serial_ports(extra_serial, probe=probe_serial)
    usb_found, usb_notes = usb_devices(usb_backend)
    devices += usb_found
    notes += usb_notes
    if network:
        subnet = subnet or local_subnet()
        if subnet is None:
            notes.append("network: no IPv4 address besides loopback; give --subnet")
        elif subnet.num_addresses > 1024:
            notes.append(f"network: {subnet} is too large to sweep; give a /22 or smaller")
        else:
            devices += network_printers(subnet_hosts(subnet), port)
    return ScanResult(devices, notes)

