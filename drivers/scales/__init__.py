"""Checkout scales over serial: Mettler Toledo 8217 and SMA (SCP-0499).

``toledo8217+serial:///dev/ttyUSB1`` -> :class:`drivers.scales.toledo8217.Toledo8217Scale`,
``sma+serial:///dev/ttyUSB1`` -> :class:`drivers.scales.sma.SmaScale`; both implement
:class:`drivers.base.Scale`. :func:`drivers.scales.stable.wait_for_stable` is what the till uses
to weigh an item.
"""
