"""Finding a driver for a device URL through the `kassa.drivers` entry-point group.

A device is configured by one URL ("escpos+tcp://10.0.0.21:9100?profile=TM-T20II"); its
scheme names the driver. Third parties ship drivers as their own packages by registering an
entry point under the same group; nothing here needs to know them.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any
from urllib.parse import urlsplit

GROUP = "kassa.drivers"


class UnknownDriver(LookupError):
    pass


@cache
def available() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def scheme_of(url: str) -> str:
    scheme = urlsplit(url).scheme
    if not scheme:
        raise UnknownDriver(f"device URL {url!r} has no scheme (like escpos+tcp://)")
    return scheme


def driver_class(url: str) -> Any:
    scheme = scheme_of(url)
    entry = available().get(scheme)
    if entry is None:
        known = ", ".join(sorted(available())) or "none installed"
        raise UnknownDriver(f"no driver for {scheme!r} (known: {known})")
    return entry.load()


def open_device(url: str) -> Any:
    """The driver object for `url`, built by its class's `from_url`; not yet opened."""
    return driver_class(url).from_url(url)
