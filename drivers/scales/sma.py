"""SMA (SCP-0499) protocol scale over serial (:class:`drivers.base.Scale`).

URL: ``sma+serial:///dev/ttyUSB1?baudrate=9600&bytesize=8&parity=N&stopbits=1&timeout=1``,
every parameter optional. The response carries its own unit (kg, g, lb, oz), so no ``unit``
parameter. See :mod:`drivers.scales.sma_frames` for the frame layout and its sources.
"""

from __future__ import annotations

from drivers.base import WeightReading
from drivers.scales import sma_frames as sf
from drivers.scales.common import ScaleFault, SerialScale, parse_scale_url

SCHEME = "sma+serial"
SERIAL_DEFAULTS = {"baudrate": "9600", "bytesize": "8", "parity": "N", "stopbits": "1"}


class SmaScale(SerialScale):
    @classmethod
    def from_url(cls, url: str) -> SmaScale:
        transport, _ = parse_scale_url(url, SCHEME, {**SERIAL_DEFAULTS, "timeout": "1"})
        return cls(transport, timeout=transport.timeout)

    def read_weight(self) -> WeightReading:
        """Send ``<LF>W<CR>``. DeviceOffline on silence, ProtocolError on an answer we cannot
        read, ScaleFault for the scale's zero/tare errors."""
        return sf.to_reading(self._transact(sf.WEIGH, sf.SmaSplitter(), sf.decode))

    def zero(self) -> None:
        """Send ``<LF>Z<CR>``; the scale reports in the status field whether it is now at
        center of zero. Anything else (in motion, outside the zero range): ScaleFault."""
        answer = self._transact(sf.ZERO, sf.SmaSplitter(), sf.decode)
        if answer.status != "Z":
            reason = "in motion" if answer.motion else f"status {answer.status.strip() or 'none'}"
            raise ScaleFault(f"scale not zeroed ({reason})")
