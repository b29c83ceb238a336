"""One device on its own thread: the UnifiedPOS-style life cycle, health and retry.

A :class:`DeviceWorker` owns one device object. Its thread opens the device, then loops: run
the output calls handed to :meth:`DeviceWorker.submit` (print, kick, show), call the role's
``run_once(device)`` (e.g. ``scanner.read(0.2)``; what it returns, if not None, goes to
``on_event``), and every ``poll_interval`` seconds ``poll(device)`` for the health light.

When the link fails -- ``open_device``, ``run_once`` or ``poll`` raising (a DeviceError, or
anything else, which is also logged as a bug), or a submitted call raising DeviceOffline -- the
device is marked UNAVAILABLE, closed, and opened again after a capped exponential backoff.
Other errors from a submitted call (PaperOut, CoverOpen, ...) are that call's result: they go
to its Future and the health is polled again at once; the link stays up.

Nothing here blocks the caller: start() returns at once, submit() returns a Future (failed at
once with DeviceOffline while the device is unavailable: a receipt or a drawer kick must not
fire minutes later when a printer comes back), stop() waits at most its timeout. Callbacks run
on the worker thread; a GUI must hand them over to its own thread (a queued Qt signal).

Backoff: a small explicit one rather than ``stamina``/tenacity. Those retry *one call* with
time.sleep() and give up after some attempts; here the loop retries forever (a printer may be
off all night), its wait must end the moment stop() is called, and submitted calls must fail
fast meanwhile -- an Event.wait() with a capped delay does all of that in a few lines.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from drivers.base import (
    DeviceError,
    DeviceHealth,
    DeviceOffline,
    PrinterStatus,
    ReceiptPrinter,
    UnverifiedPrinterStatus,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

EventHandler = Callable[[str, Any], None]  # (device name, event)
HealthHandler = Callable[[str, DeviceHealth, str], None]  # (device name, health, detail)
Poll = Callable[[Any], tuple[DeviceHealth, str]]


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delay before reopen attempt n (0-based): initial * factor**n, capped, minus up to
    ``jitter`` of it so that tills restarted together do not all knock at once."""

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0
    jitter: float = 0.1

    def delay(self, attempt: int) -> float:
        base = min(self.maximum, self.initial * self.factor ** min(attempt, 64))
        return base * (1 - self.jitter * random.random())


class DeviceWorker:
    def __init__(
        self,
        name: str,
        url: str,
        open_device: Callable[[], Any],
        run_once: Callable[[Any], Any] | None = None,
        on_event: EventHandler | None = None,
        on_health: HealthHandler | None = None,
        *,
        poll: Poll | None = None,
        poll_interval: float = 5.0,
        idle: float = 0.5,
        backoff: Backoff | None = None,
    ) -> None:
        """``open_device()`` returns the device *opened* (see :func:`opener`); it is called
        again for every reopen. ``run_once(device)`` must return within a short time (its own
        read timeout): submitted calls wait for it."""
        self.name, self.url = name, url
        self._open_device, self._run_once, self._poll = open_device, run_once, poll
        self._on_event, self._on_health = on_event, on_health
        self.poll_interval, self.idle = poll_interval, idle
        self.backoff = backoff or Backoff()
        self._jobs: queue.SimpleQueue[tuple[Callable[[Any], Any], Future[Any]] | None]
        self._jobs = queue.SimpleQueue()
        self._lock = threading.Lock()  # guards _accepting against submit()
        self._accepting = False
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._reported: tuple[DeviceHealth, str] | None = None
        self._worked = False
        self.health: DeviceHealth | None = None  # None until the first open attempt ends
        self.detail = "not started"
        self.opens = 0  # successful opens, for tests and `kassa doctor`

    @classmethod
    def for_url(cls, name: str, url: str, **kwargs: Any) -> DeviceWorker:
        """A worker for the driver the `kassa.drivers` registry finds for ``url``."""
        return cls(name, url, opener(url), **kwargs)

    def __repr__(self) -> str:
        return f"DeviceWorker({self.name!r}, {self.url!r}, health={self.health})"

    # --- the caller's side ---------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self.name} worker already started")
        with self._lock:
            self._accepting = True  # calls submitted before the first open wait for it
        self._thread = threading.Thread(target=self._run, name=f"device-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the thread and close the device; False if it did not end within ``timeout``
        (it is a daemon thread, blocked in the driver's own I/O timeout, and ends after it)."""
        self._stopping.set()
        self._refuse(f"{self.name} is stopped")
        self._jobs.put(None)  # wake an idle wait
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def submit(self, fn: Callable[[Any], T]) -> Future[T]:
        """Run ``fn(device)`` on the device's thread. The Future fails at once with
        DeviceOffline while the device is unavailable or stopped."""
        future: Future[T] = Future()
        with self._lock:
            if self._accepting:
                self._jobs.put((fn, future))
                return future
        future.set_exception(DeviceOffline(f"{self.name} is unavailable: {self.detail}"))
        return future

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- the device's thread -------------------------------------------------------------------

    def _run(self) -> None:
        attempt = 0
        while not self._stopping.is_set():
            device = None
            self._worked = False
            try:
                device = self._open_device()
                self.opens += 1
                with self._lock:
                    self._accepting = True
                if self._poll is not None:
                    self._report(*self._poll(device))
                else:
                    self._report(DeviceHealth.OK, "ready")
                self._serve(device)
            except Exception as exc:
                self._failed(exc)
            finally:
                if device is not None:
                    self._close(device)
            if self._stopping.is_set():
                break
            if self._worked:
                attempt = 0  # it worked for a while: this failure starts the backoff over
            if self._wait(attempt):
                break
            attempt += 1
        self._refuse(f"{self.name} is stopped")

    def _serve(self, device: Any) -> None:
        """Run jobs, reads and polls until stop() (returns) or a failure (raises). Sets
        ``_worked`` once a whole round went through, which resets the backoff."""
        next_poll = time.monotonic() + self.poll_interval
        while not self._stopping.is_set():
            block = self._run_once is None
            wait = self.idle if self._poll is None else max(0.0, next_poll - time.monotonic())
            if self._run_jobs(device, block, min(wait, self.idle)):
                next_poll = 0.0  # a call failed (paper out?): look at the printer now
            if self._run_once is not None and not self._stopping.is_set():
                event = self._run_once(device)
                if event is not None:
                    self._call(self._on_event, self.name, event)
            if self._poll is not None and time.monotonic() >= next_poll:
                self._report(*self._poll(device))
                next_poll = time.monotonic() + self.poll_interval
            self._worked = True

    def _run_jobs(self, device: Any, block: bool, timeout: float) -> bool:
        """Run the submitted calls waiting now (first waiting up to ``timeout`` if ``block``).
        True if one raised a DeviceError other than DeviceOffline; DeviceOffline is re-raised
        after its Future got it (the link is down)."""
        had_error = False
        while True:
            try:
                item = self._jobs.get(block, timeout) if block else self._jobs.get_nowait()
            except queue.Empty:
                return had_error
            block = False  # after the first, only what is already there
            if item is None:
                continue  # stop()'s wake-up
            fn, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(device))
            except DeviceOffline as exc:
                future.set_exception(exc)
                raise
            except DeviceError as exc:
                future.set_exception(exc)
                had_error = True
            except Exception as exc:
                log.exception("%s: submitted call failed", self.name)
                future.set_exception(exc)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DeviceError):
            log.exception("%s: unexpected error from the driver", self.name, exc_info=exc)
        self._refuse(f"{self.name} is unavailable: {exc}")
        self._report(DeviceHealth.UNAVAILABLE, str(exc) or type(exc).__name__)

    def _refuse(self, why: str) -> None:
        """Stop accepting calls and fail the ones waiting: none may run late."""
        with self._lock:
            self._accepting = False
            while True:
                try:
                    item = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if item is not None and item[1].set_running_or_notify_cancel():
                    item[1].set_exception(DeviceOffline(why))
        if not self._stopping.is_set():
            return
        self._jobs.put(None)  # keep stop()'s wake-up for a thread about to wait

    def _wait(self, attempt: int) -> bool:
        """Sleep before the next open; True if stop() came meanwhile."""
        return self._stopping.wait(self.backoff.delay(attempt))

    def _close(self, device: Any) -> None:
        try:
            device.close()
        except Exception:
            log.debug("%s: close failed", self.name, exc_info=True)

    def _report(self, health: DeviceHealth, detail: str) -> None:
        self.health, self.detail = health, detail
        if self._reported == (health, detail):
            return
        self._reported = (health, detail)
        level = logging.INFO if health is DeviceHealth.OK else logging.WARNING
        log.log(level, "%s (%s): %s, %s", self.name, self.url, health.value, detail)
        self._call(self._on_health, self.name, health, detail)

    def _call(self, handler: Callable[..., None] | None, *args: Any) -> None:
        if handler is None:
            return
        try:
            handler(*args)
        except Exception:
            log.exception("%s: event handler failed", self.name)


def opener(url: str) -> Callable[[], Any]:
    """``open_device`` for a URL: build the driver through the registry, open it."""

    def open_it() -> Any:
        from drivers.registry import open_device

        device = open_device(url)
        device.open()
        return device

    return open_it


def printer_health(printer: ReceiptPrinter) -> tuple[DeviceHealth, str]:
    """``poll`` for a receipt printer: its status as (health, detail)."""
    status = printer.status()
    return status.health, describe(status)


def describe(status: PrinterStatus) -> str:
    if isinstance(status, UnverifiedPrinterStatus):
        return "status unknown (write-only link): assumed ready"
    problems = [
        text
        for flag, text in (
            (status.cover_open, "cover open"),
            (status.paper_out, "paper out"),
            (not status.online, "printer offline (error?)"),
            (status.paper_near_end, "paper low"),
        )
        if flag
    ]
    return ", ".join(problems) or "ready"
