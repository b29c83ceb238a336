"""A pyusb backend (usb.backend.IBackend) serving simulated devices, for machines without
libusb and for tests: pyusb's real ``usb.core.find`` / ``Device`` / ``Endpoint`` code runs on
top of it, only the bottom layer (what libusb would do) is ours.

A :class:`FakeUsbDevice` has one configuration with one interface and bulk endpoints. Bytes
the host writes to the OUT endpoint go to ``on_write(data) -> answer``; the answer is queued
for the IN endpoint. Faults: ``unplugged`` (every call fails with ENODEV, and the device no
longer enumerates), ``kernel_driver`` (the kernel's usblp holds the interface until detached),
``busy`` (claiming fails with EBUSY, another program has it), ``stalled`` (writes time out).

pyusb is imported here at module level: import this module only where pyusb is installed.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import usb.backend
import usb.core

BULK = 0x02


@dataclass
class FakeUsbDevice:
    vendor: int
    product: int
    on_write: Callable[[bytes], bytes] = lambda data: b""
    endpoints: tuple[int, ...] = (0x01, 0x82)  # bulk OUT 1, bulk IN 2
    interface_class: int = 7  # printer
    max_packet: int = 64
    unplugged: bool = False
    kernel_driver: bool = False
    busy: bool = False
    stalled: bool = False
    configured: bool = False
    written: bytearray = field(default_factory=bytearray)
    detached: int = 0
    claims: int = 0
    _in: bytearray = field(default_factory=bytearray)
    _cond: threading.Condition = field(default_factory=threading.Condition)

    def answer(self, data: bytes) -> None:
        """Queue bytes for the host to read (the device speaks unasked)."""
        with self._cond:
            self._in += data
            self._cond.notify_all()


def _err(msg: str, code: int) -> usb.core.USBError:
    if code == errno.ETIMEDOUT:
        return usb.core.USBTimeoutError(msg, None, code)
    return usb.core.USBError(msg, None, code)


class FakeUsbBackend(usb.backend.IBackend):  # type: ignore[misc]
    def __init__(self, *devices: FakeUsbDevice) -> None:
        super().__init__()
        self.devices = list(devices)

    # --- descriptors ---------------------------------------------------------------------------

    def enumerate_devices(self) -> Any:
        return [d for d in self.devices if not d.unplugged]

    def get_device_descriptor(self, dev: FakeUsbDevice) -> Any:
        return SimpleNamespace(
            bLength=18, bDescriptorType=1, bcdUSB=0x0200, bDeviceClass=0, bDeviceSubClass=0,
            bDeviceProtocol=0, bMaxPacketSize0=64, idVendor=dev.vendor, idProduct=dev.product,
            bcdDevice=0x0100, iManufacturer=0, iProduct=0, iSerialNumber=0,
            bNumConfigurations=1, address=5, bus=1, port_number=2, port_numbers=(2,), speed=3,
        )  # fmt: skip

    def get_configuration_descriptor(self, dev: FakeUsbDevice, config: int) -> Any:
        return SimpleNamespace(
            bLength=9, bDescriptorType=2, wTotalLength=32, bNumInterfaces=1,
            bConfigurationValue=1, iConfiguration=0, bmAttributes=0xC0, bMaxPower=50,
            extra_descriptors=[],
        )  # fmt: skip

    def get_interface_descriptor(self, dev: FakeUsbDevice, intf: int, alt: int, config: int) -> Any:
        if intf != 0 or alt != 0:
            raise IndexError("no such interface")
        return SimpleNamespace(
            bLength=9, bDescriptorType=4, bInterfaceNumber=0, bAlternateSetting=0,
            bNumEndpoints=len(dev.endpoints), bInterfaceClass=dev.interface_class,
            bInterfaceSubClass=1, bInterfaceProtocol=2, iInterface=0, extra_descriptors=[],
        )  # fmt: skip

    def get_endpoint_descriptor(
        self, dev: FakeUsbDevice, ep: int, intf: int, alt: int, config: int
    ) -> Any:
        if ep >= len(dev.endpoints):
            raise IndexError("no such endpoint")
        return SimpleNamespace(
            bLength=7, bDescriptorType=5, bEndpointAddress=dev.endpoints[ep], bmAttributes=BULK,
            wMaxPacketSize=dev.max_packet, bInterval=0, bRefresh=0, bSynchAddress=0,
            extra_descriptors=[],
        )  # fmt: skip

    # --- handles -------------------------------------------------------------------------------

    def _alive(self, dev: FakeUsbDevice) -> FakeUsbDevice:
        if dev.unplugged:
            raise _err("No such device (it may have been disconnected)", errno.ENODEV)
        return dev

    def open_device(self, dev: FakeUsbDevice) -> FakeUsbDevice:
        return self._alive(dev)

    def close_device(self, dev_handle: FakeUsbDevice) -> None:
        pass

    def set_configuration(self, dev_handle: FakeUsbDevice, config_value: int) -> None:
        self._alive(dev_handle).configured = True

    def get_configuration(self, dev_handle: FakeUsbDevice) -> int:
        return 1 if self._alive(dev_handle).configured else 0

    def set_interface_altsetting(self, dev_handle: FakeUsbDevice, intf: int, alt: int) -> None:
        self._alive(dev_handle)

    def claim_interface(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        dev = self._alive(dev_handle)
        if dev.busy or dev.kernel_driver:
            raise _err("Resource busy", errno.EBUSY)
        dev.claims += 1

    def release_interface(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        self._alive(dev_handle)

    def is_kernel_driver_active(self, dev_handle: FakeUsbDevice, intf: int) -> bool:
        return self._alive(dev_handle).kernel_driver

    def detach_kernel_driver(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        dev = self._alive(dev_handle)
        dev.kernel_driver = False
        dev.detached += 1

    def attach_kernel_driver(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        self._alive(dev_handle).kernel_driver = True

    # --- transfers -----------------------------------------------------------------------------

    def bulk_write(
        self, dev_handle: FakeUsbDevice, ep: int, intf: int, data: Any, timeout: int
    ) -> int:
        dev = self._alive(dev_handle)
        if dev.stalled:
            raise _err("Operation timed out", errno.ETIMEDOUT)
        chunk = bytes(data[: dev.max_packet * 8])  # a real transfer may take only part
        dev.written += chunk
        reply = dev.on_write(chunk)
        if reply:
            dev.answer(reply)
        return len(chunk)

    def bulk_read(
        self, dev_handle: FakeUsbDevice, ep: int, intf: int, buff: Any, timeout: int
    ) -> int:
        dev = self._alive(dev_handle)
        with dev._cond:
            if not dev._cond.wait_for(lambda: dev._in or dev.unplugged, timeout / 1000):
                raise _err("Operation timed out", errno.ETIMEDOUT)
            self._alive(dev)
            n = min(len(buff), dev.max_packet, len(dev._in))
            buff[:n] = type(buff)(buff.typecode, dev._in[:n])
            del dev._in[:n]
            return n
