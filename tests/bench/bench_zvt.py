"""The card driver's share of "Pay by card -> amount on the wire": from ``purchase()`` being
called to the whole Authorization APDU having arrived at the (simulated) terminal, over TCP and
over a pty with ZVT's serial framing. Baselines: the same bytes sent bare (socket sendall /
os.write) and received by a thread, as the simulator receives them, so the ratio is what the
driver adds (a thread switch to the simulator is in both).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from common import Result, benchmark, ns_to_ms, percentile, result

from drivers.payment import zvt_messages as m
from drivers.payment.zvt_client import ZvtTerminal
from drivers.payment.zvt_framing import encode_frame
from drivers.sim.pty_port import PtyPort
from drivers.sim.zvt_serial_terminal import SimulatedZvtSerialTerminal
from drivers.sim.zvt_terminal import Script, SimulatedZvtTerminal

AMOUNT = 19990


class _Stamps(list[Any]):
    """The simulator's ``received`` list, stamping when each Authorization arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[int] = []

    def append(self, item: Any) -> None:
        if getattr(item, "command", None) == (0x06, 0x01):
            self.times.append(time.perf_counter_ns())
        super().append(item)


def driver_samples(sim: SimulatedZvtTerminal, url: str, n: int) -> list[int]:
    sim.script = Script("approve", receipt="none")
    stamps = _Stamps()
    sim.received = stamps
    terminal = ZvtTerminal.from_url(url)
    terminal.purchase(AMOUNT)  # connect / open the port outside the samples
    samples = []
    for _ in range(n):
        start = time.perf_counter_ns()
        assert terminal.purchase(AMOUNT).approved
        samples.append(stamps.times[-1] - start)
    terminal.close()
    return samples


def _threaded(send: Callable[[], None], receive_one: Callable[[], None], n: int) -> list[int]:
    """Send from this thread, receive in another (as the simulator does) and stamp there."""
    stamps: list[int] = []
    got = threading.Semaphore(0)

    def reader() -> None:
        for _ in range(n):
            receive_one()
            stamps.append(time.perf_counter_ns())
            got.release()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    samples = []
    for _ in range(n):
        start = time.perf_counter_ns()
        send()
        if not got.acquire(timeout=5):
            raise RuntimeError("the bytes never arrived")
        samples.append(stamps[-1] - start)
    thread.join(5)
    return samples


def bare_tcp_samples(n: int) -> list[int]:
    payload = m.authorization(AMOUNT, "NOK").encode()
    server = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(server.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn, _ = server.accept()

    def receive_one() -> None:
        got = b""
        while len(got) < len(payload):
            got += conn.recv(len(payload) - len(got))

    try:
        return _threaded(lambda: client.sendall(payload), receive_one, n)
    finally:
        for s in (client, conn, server):
            s.close()


def bare_pty_samples(n: int) -> list[int]:
    frame = encode_frame(m.authorization(AMOUNT, "NOK").encode())
    with PtyPort() as pty:
        slave = os.open(pty.path, os.O_RDWR | os.O_NOCTTY)
        try:
            return _threaded(
                lambda: os.write(slave, frame) and None,
                lambda: pty.read_exactly(len(frame)) and None,
                n,
            )
        finally:
            os.close(slave)


@benchmark("zvt_amount_on_wire", goal="<= 5 ms", unit="ms")
def zvt_amount_on_wire(quick: bool) -> list[Result]:
    n = 100 if quick else 500
    out = []
    with SimulatedZvtTerminal() as tcp:
        driver = driver_samples(tcp, f"{tcp.url}?timeout=5", n)
    bare = bare_tcp_samples(n)
    out.append(("tcp", driver, bare, "bare sendall/recv of the same APDU on loopback"))
    with SimulatedZvtSerialTerminal() as serial:
        driver = driver_samples(serial, f"{serial.url}&timeout=5", n)
    bare = bare_pty_samples(n)
    out.append(("serial", driver, bare, "bare os.write of the same frame on a pty"))
    return [
        result(
            f"zvt_{link}_amount_on_wire_p99_ms",
            ns_to_ms(percentile(99, driver)),
            n=n,
            baseline=ns_to_ms(percentile(99, bare)),
            baseline_name=name,
        )
        for link, driver, bare, name in out
    ]
