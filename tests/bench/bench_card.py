"""The card payment as the cashier feels it: from "Pay by card" to the amount on the wire.

pay_by_card_to_first_byte  The demo till (its database with fsync, its printer, scale and
    card threads) with a 20-line sale in payment. The clock starts just before the call the
    card dialog makes (pos.app.card.sale_link.pay_by_card: the sale's snapshot, the intent and
    its journal entry committed, the card thread woken) and stops when the first bytes of the
    Authorization (06 01) reach a TCP proxy in front of the ZVT simulator (taken in the
    proxy's reading thread). The terminal connection is already open and registered, as at a
    till after start-up. Each payment is then let run to its end (untimed) and left approved
    but unsettled, so every sample carries the same snapshot.
    Baseline, interleaved one for one: a bare, already-connected socket sends the same 13-byte
    APDU through an identical proxy (to a sink): the floor for "bytes on the wire" here.
"""

from __future__ import annotations

import contextlib
import socket
import tempfile
import threading
import time
from pathlib import Path

from common import Result, benchmark, ns_to_ms, percentile, result

from drivers.payment import zvt_messages as m
from drivers.payment.zvt_client import ZvtTerminal
from pos.app.card import sale_link
from pos.app.demo import start_demo
from pos.core.money import Money

ITEMS = 20


class StampingProxy:
    """Forwards one TCP stream to `target`; when armed, stamps the arrival of the next bytes
    from the client (perf_counter_ns, in the reading thread)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.armed = threading.Event()
        self.stamped = threading.Event()
        self.at_ns = 0
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    def arm(self) -> None:
        self.stamped.clear()
        self.armed.set()

    def wait(self, timeout: float = 5.0) -> int:
        if not self.stamped.wait(timeout):
            raise TimeoutError("no bytes reached the proxy")
        return self.at_ns

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, stamp: bool) -> None:
        with contextlib.suppress(OSError):
            while True:
                data = src.recv(65536)
                now = time.perf_counter_ns()
                if not data:
                    break
                if stamp and self.armed.is_set():
                    self.armed.clear()
                    self.at_ns = now
                    self.stamped.set()
                dst.sendall(data)
        for sock in (src, dst):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.listener.close()


def _sink() -> socket.socket:
    """A server that reads and forgets (the baseline's far end)."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = server.accept()
        with contextlib.suppress(OSError):
            while conn.recv(65536):
                pass

    threading.Thread(target=serve, daemon=True).start()
    return server


@benchmark("pay_by_card_to_first_byte", goal="<= 50 ms", unit="ms")
def pay_by_card_to_first_byte(quick: bool) -> list[Result]:
    n = 40 if quick else 300
    with tempfile.TemporaryDirectory(prefix="kassa-bench-card-") as tmp:
        demo = start_demo(Path(tmp) / "till")
        assert demo.card_terminal is not None
        demo.card_terminal.pace = 0
        till = demo.till
        till.start()
        proxy = StampingProxy((demo.card_terminal.host, demo.card_terminal.port))
        sink = _sink()
        bare_proxy = StampingProxy(sink.getsockname()[:2])
        bare = socket.create_connection(("127.0.0.1", bare_proxy.port))
        bare.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            service = till.ctx.card
            service.use_terminal(lambda: ZvtTerminal.from_url(f"zvt+tcp://127.0.0.1:{proxy.port}"))
            till.card_recovery.result(10)
            service.start().result(10)  # connect and register through the proxy
            till.login("1", "1234")
            checkout = till.checkout
            assert checkout is not None
            for product in till.ctx.search("a", limit=ITEMS):
                checkout.add(product)
            checkout.start_payment()
            apdu = m.authorization(100, "NOK").encode()
            till_ns, bare_ns = [], []
            for i in range(n + 5):
                proxy.arm()
                start = time.perf_counter_ns()
                attempt = sale_link.pay_by_card(service, checkout, Money(100, "NOK"))
                took = proxy.wait() - start
                if not attempt.future.result(10).approved:
                    raise RuntimeError("the simulator did not approve")
                bare_proxy.arm()
                start = time.perf_counter_ns()
                bare.sendall(apdu)
                bare_took = bare_proxy.wait() - start
                if i >= 5:  # warm-up: first statements, first fsyncs
                    till_ns.append(took)
                    bare_ns.append(bare_took)
        finally:
            bare.close()
            proxy.close()
            bare_proxy.close()
            sink.close()
            till.shutdown()
            demo.stop()
    sizes = {"payments": n, "sale_lines": ITEMS, "apdu_bytes": len(apdu)}
    return [
        result(
            f"pay_by_card_to_first_byte_p{p}_ms",
            ns_to_ms(percentile(p, till_ns)),
            n=len(till_ns),
            baseline=ns_to_ms(percentile(p, bare_ns)),
            baseline_name=f"bare connected socket sending the same APDU through a proxy, p{p}",
            sizes=sizes,
            notes="sale_link.pay_by_card -> intent commit (fsync) -> card thread -> "
                  "ZvtTerminal.purchase over TCP; demo till threads running",
        )
        for p in (99, 50)
    ]
