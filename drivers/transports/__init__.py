"""Byte pipes to devices, one module per kind, and the URL -> transport choice.

``<role>+<kind>://...``: the part of the scheme after the last "+" picks the transport
(``escpos+serial:///dev/ttyUSB0`` -> serial); a bare ``serial:///dev/ttyACM0`` works too.

- tcp     ``//HOST[:PORT]``; timeout
- serial  the path (``///dev/ttyUSB0``, or ``//COM3``); baudrate bytesize parity stopbits
          rtscts xonxoff timeout
- usb     ``//VVVV:PPPP`` in hex, as lsusb prints it; interface out_ep in_ep timeout
- file    the path (``///dev/usb/lp0``); timeout
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlsplit

from drivers.base import Transport

KINDS = ("tcp", "serial", "usb", "file")


def kind_of(url: str) -> str:
    return urlsplit(url).scheme.rpartition("+")[2]


def transport_from_url(
    url: str, defaults: Mapping[str, str] | None = None
) -> tuple[Transport, dict[str, str]]:
    """The transport the URL names, and the query parameters it did not use (the caller checks
    those against its own and rejects the rest). ``defaults`` are parameters the URL may
    override (e.g. a protocol's usual baudrate). pyusb is only imported when a USB device opens.
    """
    parts = urlsplit(url)
    kind = kind_of(url)
    params = dict(defaults or {})
    params.update(parse_qsl(parts.query, keep_blank_values=True))
    transport: Transport
    if kind == "tcp":
        from drivers.transports.tcp import DEFAULT_PORT, TcpTransport

        if not parts.hostname:
            raise ValueError(f"device URL without host: {url!r}")
        timeout = float(params.pop("timeout", "2"))
        transport = TcpTransport(parts.hostname, parts.port or DEFAULT_PORT, timeout=timeout)
    elif kind == "serial":
        from drivers.transports.serial import SerialTransport

        transport = SerialTransport.from_params(_path(parts.netloc, parts.path), params)
    elif kind == "usb":
        from drivers.transports.usb import UsbTransport

        transport = UsbTransport.from_params(parts.netloc, params)
    elif kind == "file":
        from drivers.transports.file import FileTransport

        transport = FileTransport.from_params(_path(parts.netloc, parts.path), params)
    else:
        raise ValueError(f"unknown transport {kind!r} in {url!r} (known: {', '.join(KINDS)})")
    return transport, params


def _path(netloc: str, path: str) -> str:
    # serial:///dev/ttyUSB0 has the path; serial://COM3 has it as the "host".
    return netloc + path if netloc else path
