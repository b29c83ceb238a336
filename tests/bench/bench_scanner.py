"""Scan latency through the serial scanner driver, against a bare pty round trip.

The simulator writes a frame on the pty master; a reader thread sits in the driver's
`read()` (as the device worker does) and stamps the time it returns the ScanEvent. The baseline
is the same bytes written with os.write on the master and read with select + os.read on the
slave by another thread: what the OS and Python threads cost before any driver code runs.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable

from common import Result, benchmark, ns_to_ms, percentile, result

from drivers.scanners.serial_scanner import SerialScanner
from drivers.sim.serial_scanner import SimulatedSerialScanner

DATA, SYMBOLOGY = "4006381333931", "E0"


def _measure(write: Callable[[], None], read_one: Callable[[], bool], n: int) -> list[int]:
    """Write n frames one at a time; each sample is write-start to the reader having it."""
    samples: list[int] = []
    got = threading.Semaphore(0)
    stamps: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            if read_one():
                stamps.append(time.perf_counter_ns())
                got.release()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        for _ in range(n):
            start = time.perf_counter_ns()
            write()
            if not got.acquire(timeout=5):
                raise RuntimeError("a frame never arrived")
            samples.append(stamps[-1] - start)
    finally:
        stop.set()
        thread.join(timeout=5)
    return samples


def driver_samples(n: int) -> list[int]:
    with SimulatedSerialScanner(aim=True) as sim:
        scanner = SerialScanner.from_url(sim.url)
        scanner.open()
        frame = sim.frame(DATA, SYMBOLOGY)
        try:

            def read_one() -> bool:
                event = scanner.read(0.2)
                if event is None:
                    return False
                assert event.data == DATA
                return True

            assert sim.master is not None
            master = sim.master
            return _measure(lambda: os.write(master, frame) and None, read_one, n)
        finally:
            scanner.close()


def bare_pty_samples(n: int) -> list[int]:
    with SimulatedSerialScanner(aim=True) as sim:
        frame = sim.frame(DATA, SYMBOLOGY)
        assert sim.master is not None
        master = sim.master
        slave = os.open(sim.port, os.O_RDWR | os.O_NOCTTY)
        buf = bytearray()
        try:

            def read_one() -> bool:
                if not select.select([slave], [], [], 0.2)[0]:
                    return False
                buf.extend(os.read(slave, 4096))
                if not buf.endswith(b"\r"):
                    return False
                buf.clear()
                return True

            return _measure(lambda: os.write(master, frame) and None, read_one, n)
        finally:
            os.close(slave)


@benchmark("driver_to_app_scan_latency", goal="<= 5 ms", unit="ms")
def driver_to_app_scan_latency(quick: bool) -> list[Result]:
    n = 300 if quick else 2000
    bare_pty_samples(50)  # warm up imports, threads and the pty layer
    bare = bare_pty_samples(n)
    driver = driver_samples(n)
    sizes = {"scans": n, "frame_bytes": len(DATA) + 4}
    return [
        result(
            f"driver_to_app_scan_latency_p{p}_ms",
            ns_to_ms(percentile(p, driver)),
            n=n,
            baseline=ns_to_ms(percentile(p, bare)),
            baseline_name=f"bare os.write/os.read pty round trip p{p}",
            sizes=sizes,
        )
        for p in (50, 99)
    ]
