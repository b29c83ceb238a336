"""`kassa devices scan`: list the POS devices this PC can see, optionally write some into the
till's config. The scanning is pos.app.discovery; this is its command line."""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(commands: Any) -> None:
    devices = commands.add_parser("devices", help="find POS devices and write them to the config")
    actions = devices.add_subparsers(dest="devices_command", required=True)
    scan = actions.add_parser(
        "scan", help="list serial ports, USB POS devices and ESC/POS printers on the network",
        description="Lists serial ports, USB devices of POS makers (where libusb is installed) "
                    "and ESC/POS printers answering on TCP 9100 in the local /24. With --write, "
                    "sets the chosen ones in the config's [devices] table.")
    scan.add_argument("--write", type=Path, metavar="CONFIG",
                      help="set the chosen devices in this till config (comments are kept)")
    scan.add_argument("--use", action="append", default=[], metavar="N[=ROLE]",
                      help="with --write: the Nth device listed (as ROLE); repeatable. Default: "
                           "every device that answered, the first of each role")
    scan.add_argument("--subnet", type=ipaddress.IPv4Network, metavar="CIDR",
                      help="sweep this subnet for printers (default: this PC's /24)")
    scan.add_argument("--printer-port", type=int, default=9100, help=argparse.SUPPRESS)
    scan.add_argument("--no-network", action="store_true", help="do not sweep the network")
    scan.add_argument("--port", action="append", default=[], metavar="PATH",
                      help="also look at this serial port (e.g. a /dev/serial/by-id link)")
    scan.add_argument("--probe-serial", action="store_true",
                      help="send DLE EOT to each serial port to find printers (sends 3 bytes)")
    scan.add_argument("--json", action="store_true", help="print the devices as JSON")


def run(args: argparse.Namespace) -> int:
    from pos.app.config import ConfigError
    from pos.app.discovery import scan
    from pos.app.discovery_config import choose, write_devices

    result = scan(subnet=args.subnet, network=not args.no_network, port=args.printer_port,
                  extra_serial=args.port, probe_serial=args.probe_serial)
    if args.json:
        print(json.dumps({"devices": [d.as_dict() for d in result.devices],
                          "notes": result.notes}, ensure_ascii=False, indent=1))
    else:
        print(table(result))
    if args.write is None:
        return 0
    try:
        chosen = choose(result.devices, args.use)
    except ValueError as error:
        print(f"kassa: {error}", file=sys.stderr)
        return 2
    if not chosen:
        print("kassa: nothing to write: no device answered; pick some with --use N=ROLE",
              file=sys.stderr)
        return 1
    try:
        write_devices(args.write, chosen)
    except (ConfigError, OSError) as error:
        print(f"kassa: {args.write} was not changed: {error}", file=sys.stderr)
        return 2
    for role, url in chosen.items():
        print(f"{args.write}: [devices] {role} = \"{url}\"", file=sys.stderr)
    return 0


def table(result: Any) -> str:
    rows = []
    for number, d in enumerate(result.devices, 1):
        role = (d.role or "?") if d.confirmed or not d.role else f"{d.role}?"
        answered = " (answered)" if d.confirmed else ""
        rows.append(f"{number:>3}  {d.kind:<7}  {role:<9} {d.url}\n"
                    f"{'':>24}{d.description}{answered}")
    if not rows:
        rows.append("no devices found")
    rows += [f"note: {note}" for note in result.notes]
    return "\n".join(rows)
