"""Mettler Toledo 8217 protocol scale over serial (:class:`drivers.base.Scale`).

URL: ``toledo8217+serial:///dev/ttyUSB1?baudrate=9600&bytesize=7&parity=E&stopbits=1
&timeout=1&unit=kg`` -- every parameter optional; 9600 7E1 is the 8217 default (see
:mod:`drivers.scales.toledo_frames` for the sources). ``unit`` is the unit the scale is set to
(the 8217 weight record has no unit: kg has 3 decimals, lb 2).
"""

from __future__ import annotations

from drivers.base import ProtocolError, WeightReading
from drivers.scales import toledo_frames as tf
from drivers.scales.common import ScaleFault, SerialScale, parse_scale_url
from drivers.transports.serial import SerialTransport

SCHEME = "toledo8217+serial"
SERIAL_DEFAULTS = {"baudrate": "9600", "bytesize": "7", "parity": "E", "stopbits": "1"}


class Toledo8217Scale(SerialScale):
    def __init__(
        self,
        transport: SerialTransport,
        *,
        unit: str = "kg",
        timeout: float = 1.0,
        busy_timeout: float = 5.0,
    ) -> None:
        if unit not in ("kg", "lb"):
            raise ValueError(f"unit must be kg or lb, not {unit!r}")
        super().__init__(transport, timeout=timeout, busy_timeout=busy_timeout)
        self.unit = unit

    @classmethod
    def from_url(cls, url: str) -> Toledo8217Scale:
        transport, own = parse_scale_url(
            url, SCHEME, {**SERIAL_DEFAULTS, "timeout": "1"}, extra=("unit",)
        )
        # The answer deadline is the URL's timeout; the transport uses it for writes too.
        return cls(transport, unit=own.get("unit", "kg"), timeout=transport.timeout)

    def read_weight(self) -> WeightReading:
        """Send ``W``; STABLE/ZERO from a weight record, the other states from a status
        record. DeviceOffline on silence, ProtocolError on an answer we cannot read,
        ScaleFault if the scale reports a zero error."""
        answer = self._transact(tf.WEIGH, tf.ToledoSplitter(), tf.decode)
        return tf.to_reading(answer, self.unit)

    def zero(self) -> None:
        """Send ``Z``. The 8217 always answers with a status record, but captures zero only on
        its next A/D reading, so a missing center-of-zero bit is not a failure; motion and
        over capacity are (the scale ignores Z then): ScaleFault."""
        answer = self._transact(tf.ZERO, tf.ToledoSplitter(), _status_only)
        if answer.has(tf.MOTION):
            raise ScaleFault("scale not zeroed: it is in motion")
        if answer.has(tf.OVER_CAPACITY):
            raise ScaleFault("scale not zeroed: it is over capacity")


def _status_only(body: bytes) -> tf.ToledoStatus:
    answer = tf.decode(body)
    if not isinstance(answer, tf.ToledoStatus):
        raise ProtocolError(f"expected a status record after Z, got {body!r}")
    return answer
