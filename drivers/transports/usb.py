"""USB transport over pyusb (libusb): a printer or other device addressed by vendor:product id.

URL: ``<role>+usb://04b8:0e28?interface=0&out_ep=0x01&in_ep=0x82&timeout=2`` -- by default the
first bulk OUT and bulk IN endpoints of the interface. On Linux the kernel's usblp (or
usbhid) driver may hold the interface: we detach it, and tell the user when that is not allowed.

pyusb is imported when the device is opened, not when this module is, so the till starts (and
this module imports) on a machine without libusb; the missing library is then one clear
DeviceOffline. ``backend`` lets tests pass a pyusb backend of their own (usb.backend.IBackend).
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import MutableMapping
from typing import Any

from drivers.base import DeviceOffline

PARAMS = ("interface", "out_ep", "in_ep", "timeout")


class UsbTransport:
    def __init__(
        self,
        vendor: int,
        product: int,
        *,
        interface: int = 0,
        out_ep: int | None = None,
        in_ep: int | None = None,
        timeout: float = 2.0,
        backend: Any = None,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.vendor, self.product, self.interface = vendor, product, interface
        self.out_ep_address, self.in_ep_address = out_ep, in_ep
        self.timeout, self.backend = timeout, backend
        self._dev: Any = None
        self._out: Any = None
        self._in: Any = None
        self._pending = bytearray()  # a bulk IN read returns a whole packet; keep the rest

    @classmethod
    def from_params(cls, ids: str, params: MutableMapping[str, str]) -> UsbTransport:
        """``ids`` is "VVVV:PPPP" in hex, as lsusb prints it."""
        vendor, sep, product = ids.partition(":")
        try:
            if not sep:
                raise ValueError
            vid, pid = int(vendor, 16), int(product, 16)
        except ValueError:
            raise ValueError(f"USB id must be hex vendor:product like 04b8:0e28: {ids!r}") from None
        p = {k: params.pop(k) for k in PARAMS if k in params}
        return cls(
            vid,
            pid,
            interface=int(p.get("interface", "0")),
            out_ep=int(p["out_ep"], 0) if "out_ep" in p else None,
            in_ep=int(p["in_ep"], 0) if "in_ep" in p else None,
            timeout=float(p.get("timeout", "2")),
        )

    @property
    def ids(self) -> str:
        return f"{self.vendor:04x}:{self.product:04x}"

    def __repr__(self) -> str:
        return f"UsbTransport({self.ids})"

    @property
    def is_open(self) -> bool:
        return self._dev is not None

    def open(self) -> None:
        if self._dev is not None:
            return
        try:
            import usb.core
            import usb.util
        except ImportError as exc:  # pyusb itself missing
            raise DeviceOffline(f"USB {self.ids}: pyusb is not installed") from exc
        try:
            dev = usb.core.find(idVendor=self.vendor, idProduct=self.product, backend=self.backend)
        except usb.core.NoBackendError as exc:
            raise DeviceOffline(
                f"USB {self.ids}: libusb is not installed (apt install libusb-1.0-0)"
            ) from exc
        except usb.core.USBError as exc:
            raise DeviceOffline(self._explain(exc)) from exc
        if dev is None:
            raise DeviceOffline(f"no USB device {self.ids} (unplugged or switched off? see lsusb)")
        try:
            self._claim(dev, usb)
        except usb.core.USBError as exc:
            usb.util.dispose_resources(dev)
            raise DeviceOffline(self._explain(exc)) from exc
        self._dev = dev

    def _claim(self, dev: Any, usb: Any) -> None:
        try:
            if dev.is_kernel_driver_active(self.interface):
                dev.detach_kernel_driver(self.interface)  # usblp / usbhid holds it
        except NotImplementedError:
            pass  # backends without the notion (macOS, Windows)
        try:
            cfg = dev.get_active_configuration()
        except usb.core.USBError:  # not configured yet
            dev.set_configuration()
            cfg = dev.get_active_configuration()
        intf = cfg[(self.interface, 0)]
        self._out = _endpoint(usb, intf, usb.util.ENDPOINT_OUT, self.out_ep_address)
        self._in = _endpoint(usb, intf, usb.util.ENDPOINT_IN, self.in_ep_address)
        if self._out is None:
            raise DeviceOffline(f"USB {self.ids}: interface {self.interface} has no bulk OUT")
        usb.util.claim_interface(dev, self.interface)

    def close(self) -> None:
        dev, self._dev = self._dev, None
        self._out = self._in = None
        self._pending.clear()
        if dev is None:
            return
        import usb.core
        import usb.util

        with contextlib.suppress(usb.core.USBError):  # already gone
            usb.util.release_interface(dev, self.interface)
        usb.util.dispose_resources(dev)

    @property
    def readable(self) -> bool:
        """False once open on an interface without a bulk IN endpoint (status unknown)."""
        return self._dev is None or self._in is not None

    def write(self, data: bytes) -> None:
        self._require()
        import usb.core

        view = memoryview(data)
        try:
            while view:
                sent = self._out.write(view, timeout=self._ms())
                if sent <= 0:
                    raise usb.core.USBTimeoutError("no data taken", None, errno.ETIMEDOUT)
                view = view[sent:]
        except usb.core.USBError as exc:
            self.close()
            raise DeviceOffline(self._explain(exc, "write")) from exc

    def read(self, n: int) -> bytes:
        self._require()
        if self._in is None:
            raise DeviceOffline(f"USB {self.ids}: no bulk IN endpoint, the device cannot answer")
        import usb.core

        try:
            while len(self._pending) < n:
                packet = self._in.read(max(n, self._in.wMaxPacketSize), timeout=self._ms())
                self._pending += bytes(packet)
        except usb.core.USBTimeoutError as exc:  # a silent device is not a broken link
            raise DeviceOffline(self._explain(exc, "read")) from exc
        except usb.core.USBError as exc:
            self.close()
            raise DeviceOffline(self._explain(exc, "read")) from exc
        data = bytes(self._pending[:n])
        del self._pending[:n]
        return data

    def discard_input(self) -> None:
        self._require()
        self._pending.clear()
        if self._in is None:
            return
        import usb.core

        try:
            while self._in.read(self._in.wMaxPacketSize, timeout=1):
                pass
        except usb.core.USBTimeoutError:
            pass  # nothing (more) waiting: what we wanted
        except usb.core.USBError as exc:
            self.close()
            raise DeviceOffline(self._explain(exc)) from exc

    def _require(self) -> None:
        if self._dev is None:
            raise DeviceOffline(f"USB {self.ids} is not open")

    def _ms(self) -> int:
        return max(1, round(self.timeout * 1000))

    def _explain(self, exc: Any, doing: str = "") -> str:
        code = getattr(exc, "errno", None)
        what = f"USB {self.ids}"
        if code in (errno.ENODEV, errno.ENOENT, errno.ENXIO):
            return f"{what}: device disconnected (unplugged or switched off?)"
        if code in (errno.EACCES, errno.EPERM):
            return f"{what}: permission denied (add a udev rule giving the till user access)"
        if code == errno.EBUSY:
            return f"{what} is busy (claimed by another program or a kernel driver?)"
        if code == errno.ETIMEDOUT:
            return f"{what}: no {doing or 'answer'} within {self.timeout} s (offline? no paper?)"
        return f"{what}: {doing + ' failed: ' if doing else ''}{exc}"

    def __enter__(self) -> UsbTransport:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _endpoint(usb: Any, intf: Any, direction: int, address: int | None) -> Any:
    """The endpoint with ``address``, else the interface's first bulk endpoint in ``direction``."""

    def match(ep: Any) -> bool:
        if address is not None:
            return bool(ep.bEndpointAddress == address)
        return bool(
            usb.util.endpoint_direction(ep.bEndpointAddress) == direction
            and usb.util.endpoint_type(ep.bmAttributes) == usb.util.ENDPOINT_TYPE_BULK
        )

    return usb.util.find_descriptor(intf, custom_match=match)
