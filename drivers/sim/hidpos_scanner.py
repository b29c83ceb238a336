"""A simulated HID POS barcode scanner, as a pyusb backend (`usb.backend.IBackend`).

libusb is not needed: pass the simulator as ``backend`` and pyusb's own core (usb.core.find,
descriptors, configuration, claim, interrupt reads) runs against it as against a device on the
bus. ``HidPosScanner(0x05E0, 0x1200, backend=sim)`` or
``HidPosScanner.from_url("hidpos+usb://05e0:1200", backend=sim)``.

The device: one configuration, interface 0 of class HID (or ``interface_class``), one interrupt
IN endpoint 0x81 of 64 bytes. The kernel's usbhid "holds" the interface until the driver
detaches it (claiming before that fails with EBUSY, as on Linux).

``scan(data, symbology)`` queues the Scanned Data Reports of one barcode. Faults:
``garbage(report)`` (any raw report), ``partial(data)`` (only the first report of a barcode
that needs more than one), ``unplug()`` (reads fail with ENODEV, the device vanishes from
enumeration) and ``replug()``.
"""

from __future__ import annotations

import errno
import threading
from collections import deque
from types import SimpleNamespace
from typing import Any

import usb.backend
import usb.core

from drivers.scanners.hidpos import scanned_data_reports

EP_IN = 0x81


def _desc(**fields: Any) -> SimpleNamespace:
    return SimpleNamespace(extra_descriptors=[], **fields)


class SimulatedHidPosScanner(usb.backend.IBackend):  # type: ignore[misc]
    def __init__(self, vendor: int = 0x05E0, product: int = 0x1200, interface_class: int = 3):
        self.vendor, self.product = vendor, product
        self.interface_class = interface_class
        self.reports: deque[bytes] = deque()
        self.plugged = True
        self.kernel_driver = True  # usbhid bound, as after plugging in on Linux
        self.claimed: set[int] = set()
        self._cond = threading.Condition()

    @property
    def url(self) -> str:
        return f"hidpos+usb://{self.vendor:04x}:{self.product:04x}"

    # --- what the scanner does ---------------------------------------------------------------

    def scan(self, data: str | bytes, symbology: str | None = None) -> list[bytes]:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        reports = scanned_data_reports(raw, symbology)
        self._push(*reports)
        return reports

    def garbage(self, report: bytes = b"\x02\xff" + b"\xee" * 62) -> None:
        self._push(report)

    def partial(self, data: str, symbology: str | None = None) -> None:
        reports = scanned_data_reports(data.encode("utf-8"), symbology)
        if len(reports) < 2:
            raise ValueError("a partial barcode needs data longer than one report (56 bytes)")
        self._push(reports[0])

    def unplug(self) -> None:
        with self._cond:
            self.plugged = False
            self.reports.clear()
            self.claimed.clear()
            self._cond.notify_all()

    def replug(self) -> None:
        with self._cond:
            self.plugged = True
            self.kernel_driver = True  # usbhid binds again on re-enumeration

    def _push(self, *reports: bytes) -> None:
        with self._cond:
            self.reports.extend(reports)
            self._cond.notify_all()

    # --- usb.backend.IBackend: enumeration and descriptors ------------------------------------

    def enumerate_devices(self) -> list[str]:
        return ["scanner"] if self.plugged else []

    def get_device_descriptor(self, dev: Any) -> SimpleNamespace:
        return _desc(
            bLength=18, bDescriptorType=1, bcdUSB=0x0200, bDeviceClass=0, bDeviceSubClass=0,
            bDeviceProtocol=0, bMaxPacketSize0=64, idVendor=self.vendor,
            idProduct=self.product, bcdDevice=0x0100, iManufacturer=0, iProduct=0,
            iSerialNumber=0, bNumConfigurations=1, address=5, bus=1, port_number=1,
            port_numbers=(1,), speed=2,
        )  # fmt: skip

    def get_configuration_descriptor(self, dev: Any, config: int) -> SimpleNamespace:
        return _desc(
            bLength=9, bDescriptorType=2, wTotalLength=34, bNumInterfaces=1,
            bConfigurationValue=1, iConfiguration=0, bmAttributes=0x80, bMaxPower=50,
        )  # fmt: skip

    def get_interface_descriptor(self, dev: Any, intf: int, alt: int, config: int) -> Any:
        if intf != 0 or alt != 0:
            raise IndexError("no such interface")
        return _desc(
            bLength=9, bDescriptorType=4, bInterfaceNumber=0, bAlternateSetting=0,
            bNumEndpoints=1, bInterfaceClass=self.interface_class, bInterfaceSubClass=0,
            bInterfaceProtocol=0, iInterface=0,
        )  # fmt: skip

    def get_endpoint_descriptor(self, dev: Any, ep: int, intf: int, alt: int, config: int) -> Any:
        if ep != 0:
            raise IndexError("no such endpoint")
        return _desc(
            bLength=7, bDescriptorType=5, bEndpointAddress=EP_IN, bmAttributes=0x03,
            wMaxPacketSize=64, bInterval=1, bRefresh=0, bSynchAddress=0,
        )  # fmt: skip

    # --- usb.backend.IBackend: the device ------------------------------------------------------

    @staticmethod
    def _gone() -> usb.core.USBError:
        return usb.core.USBError("No such device (it may have been disconnected)", -4, errno.ENODEV)

    def open_device(self, dev: Any) -> str:
        if not self.plugged:
            raise self._gone()
        return "handle"

    def close_device(self, dev_handle: Any) -> None:
        pass

    def get_configuration(self, dev_handle: Any) -> int:
        return 1

    def set_configuration(self, dev_handle: Any, config_value: int) -> None:
        pass

    def is_kernel_driver_active(self, dev_handle: Any, intf: int) -> bool:
        return self.kernel_driver

    def detach_kernel_driver(self, dev_handle: Any, intf: int) -> None:
        self.kernel_driver = False

    def claim_interface(self, dev_handle: Any, intf: int) -> None:
        if not self.plugged:
            raise self._gone()
        if self.kernel_driver:
            raise usb.core.USBError("Resource busy", -6, errno.EBUSY)
        self.claimed.add(intf)

    def release_interface(self, dev_handle: Any, intf: int) -> None:
        self.claimed.discard(intf)

    def intr_read(self, dev_handle: Any, ep: int, intf: int, buff: Any, timeout: int) -> int:
        with self._cond:
            if ep != EP_IN or (intf not in self.claimed and self.plugged):
                raise usb.core.USBError("Invalid parameter", -2, errno.EINVAL)
            self._cond.wait_for(lambda: self.reports or not self.plugged, timeout / 1000)
            if not self.plugged:
                raise self._gone()
            if not self.reports:
                raise usb.core.USBTimeoutError("Operation timed out", -7, errno.ETIMEDOUT)
            report = self.reports.popleft()
        buff[: len(report)] = type(buff)("B", report)
        return len(report)
