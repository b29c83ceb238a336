"""The print service: one worker thread owns the receipt printer; the till never waits on it.

Jobs are stored before they are printed (pos.store.printing), so a receipt that fails (paper
out, cover open, printer offline) waits in the database for a reprint and survives a restart.
The service polls the printer's status while idle so the status bar tells the truth.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from dataclasses import dataclass, replace

from drivers.base import (
    CoverOpen,
    DeviceError,
    DeviceOffline,
    PaperOut,
    PrinterStatus,
    PrintJob,
    ReceiptPrinter,
)
from pos.app.events import Signal
from pos.app.print_codec import job_from_data, job_to_data, mark_copy
from pos.store import printing
from pos.store.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrinterState:
    """What the status bar shows. `problem` is a kind the UI translates."""

    configured: bool
    status: PrinterStatus | None = None
    problem: str | None = None  # "paper_out" | "cover_open" | "offline" | "error"
    waiting: int = 0  # receipts that failed and wait for a reprint
    last_printed_job: int | None = None

    @property
    def ok(self) -> bool:
        return self.configured and self.problem is None


def problem_of(error: DeviceError) -> str:
    if isinstance(error, PaperOut):
        return "paper_out"
    if isinstance(error, CoverOpen):
        return "cover_open"
    if isinstance(error, DeviceOffline):
        return "offline"
    return "error"


def problem_of_status(status: PrinterStatus) -> str | None:
    if status.paper_out:
        return "paper_out"
    if status.cover_open:
        return "cover_open"
    if not status.online:
        return "offline"
    return None


class PrintService:
    def __init__(self, db: Database, printer: ReceiptPrinter | None, *,
                 poll_seconds: float = 2.0) -> None:
        self.db = db
        self.printer = printer
        self.poll_seconds = poll_seconds
        self.state_changed: Signal[PrinterState] = Signal()
        # Print job ids, drawer kicks (a pin number, negated so it cannot pass for a job id),
        # or None to stop.
        self._jobs: queue.Queue[int | None] = queue.Queue()
        self._state = PrinterState(configured=printer is not None,
                                   waiting=printing.count_waiting(db))
        self._thread: threading.Thread | None = None
        self._opened = False

    @property
    def columns(self) -> int:
        return self.printer.columns if self.printer else 42

    @property
    def state(self) -> PrinterState:
        return self._state

    def start(self) -> None:
        if self.printer is None or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout)
            self._thread = None
        if self.printer is not None and self._opened:
            with contextlib.suppress(DeviceError):
                self.printer.close()

    def submit(self, job_id: int) -> None:
        if self.printer is None:
            printing.mark_failed(self.db, job_id, "no printer configured")
            self._set(waiting=printing.count_waiting(self.db), problem=None)
            return
        self._jobs.put(job_id)

    def kick_drawer(self, pin: int) -> None:
        """Open the cash drawer through the printer, from the worker thread."""
        if self.printer is not None:
            self._jobs.put(-pin)

    def reprint(self, job_id: int, copy_banner: str | None) -> int:
        """Print a stored job again: a failed one as it was, a printed one as a marked copy."""
        if copy_banner is None:
            self.submit(job_id)
            return job_id
        stored = printing.get_job(self.db, job_id)
        copy = mark_copy(job_from_data(stored.document), copy_banner)
        new_id = printing.enqueue(self.db, "copy", job_to_data(copy), sale_id=stored.sale_id)
        self.submit(new_id)
        return new_id

    # -- worker thread ------------------------------------------------------------------------

    def _set(self, **changes: object) -> None:
        self._state = replace(self._state, **changes)  # type: ignore[arg-type]
        self.state_changed.emit(self._state)

    def _ensure_open(self) -> ReceiptPrinter:
        assert self.printer is not None
        if not self._opened:
            self.printer.open()
            self._opened = True
        return self.printer

    def _drop_link(self) -> None:
        if self.printer is not None and self._opened:
            with contextlib.suppress(DeviceError):
                self.printer.close()
        self._opened = False

    def _run(self) -> None:
        self._poll()
        while True:
            try:
                job_id = self._jobs.get(timeout=self.poll_seconds)
            except queue.Empty:
                self._poll()
                continue
            if job_id is None:
                return
            if job_id < 0:
                self._kick(-job_id)
            else:
                self._print(job_id)

    def _poll(self) -> None:
        try:
            status = self._ensure_open().status()
        except DeviceError as error:
            self._drop_link()
            self._set(status=None, problem=problem_of(error))
            return
        self._set(status=status, problem=problem_of_status(status))

    def _kick(self, pin: int) -> None:
        try:
            self._ensure_open().open_drawer(pin)
        except DeviceError as error:
            self._drop_link()
            log.warning("drawer kick failed: %s", error)
            self._set(problem=problem_of(error))

    def _print(self, job_id: int) -> None:
        job: PrintJob = job_from_data(printing.get_job(self.db, job_id).document)
        try:
            self._ensure_open().print_job(job)
        except DeviceError as error:
            if isinstance(error, DeviceOffline):
                self._drop_link()
            log.warning("print job %s failed: %s", job_id, error)
            printing.mark_failed(self.db, job_id, problem_of(error))
            self._set(problem=problem_of(error), waiting=printing.count_waiting(self.db))
            return
        printing.mark_printed(self.db, job_id)
        self._set(problem=None, last_printed_job=job_id, waiting=printing.count_waiting(self.db))
