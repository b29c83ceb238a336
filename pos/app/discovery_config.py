"""Where `kassa devices scan` puts what it found: [devices] role = URL in the till's TOML."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from pos.app.discovery import Found

ROLES = ("printer", "drawer", "scanner", "scale", "payment", "display")


def choose(devices: Sequence[Found], picks: Sequence[str] = ()) -> dict[str, str]:
    """Which found devices go into the config, as role -> URL.

    `picks` are "N" or "N=ROLE" (N counts from 1 in the printed list). Without picks: every
    confirmed device whose role is known, the first of each role."""
    chosen: dict[str, str] = {}
    if not picks:
        for device in devices:
            if device.confirmed and device.role and device.role not in chosen:
                chosen[device.role] = device.url
        return chosen
    for pick in picks:
        number, _, role = pick.partition("=")
        if not number.isdigit() or not 1 <= int(number) <= len(devices):
            raise ValueError(f"--use {pick}: pick a number from 1 to {len(devices)}")
        device = devices[int(number) - 1]
        role = role or device.role or ""
        if role not in ROLES:
            raise ValueError(f"--use {pick}: say which role, e.g. --use {number}=printer "
                             f"(one of {', '.join(ROLES)})")
        chosen[role] = device.url
    return chosen


def write_devices(config_path: Path, chosen: dict[str, str]) -> None:
    """Set [devices] role = URL in the till's TOML, keeping its comments and layout.

    The new text is validated as a whole before it replaces the file (atomically), so a
    config that would not start the till is never written; ConfigError says why."""
    import tomlkit

    from pos.app.config import parse_config

    text = config_path.read_text(encoding="utf-8")
    document = tomlkit.parse(text)
    if "devices" not in document:
        document.add("devices", tomlkit.table())
    table = document["devices"]
    for role, url in chosen.items():
        table[role] = url
    new_text = tomlkit.dumps(document)
    parse_config(new_text, config_path)
    partial = config_path.with_name(config_path.name + ".new")
    partial.write_text(new_text, encoding="utf-8")
    with contextlib.suppress(OSError):
        shutil.copymode(config_path, partial)
    os.replace(partial, config_path)

