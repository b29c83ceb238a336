"""The outbox pusher: a background thread sending the till's events to the hub, in seq order,
exactly once on the hub's side (sync/README.md, "Upload" and "The till's side").

It never blocks the till (the sale commit only sets an event to wake it) and never drops an
event: a row leaves the queue only when the hub's `acked_through` covers it. While a batch is
in flight, the next one is read from the outbox on a helper thread (read-ahead): it is sent
only if it starts exactly where the hub's answer says the next batch starts, and is full;
anything else (a gap, a smaller batch size, the tail of the queue) is read afresh. Network errors,
timeouts and 5xx are retried with stamina's capped, jittered exponential backoff, for as long
as it takes. What retrying cannot fix stops the pusher and says why in its status: a refused
credential (401/403), or 422 `seq_reused` (the hub holds another event under one of our seqs:
a bug or a restored database; resending would be wrong either way).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal, Protocol

import stamina

from sync.client import Gap, HubClient, Refused, Rejected, SeqReused, Temporary
from sync.protocol import MAX_BATCH, BatchResult

log = logging.getLogger(__name__)

# seq, event_id, type, occurred_at (UTC ISO text), payload (JSON text): one outbox row.
OutboxRow = tuple[int, str, str, str, str]


class OutboxSource(Protocol):
    """The till's outbox as the pusher sees it (pos.app wires it to pos.store)."""

    def read_from(self, seq: int, limit: int) -> Sequence[OutboxRow]: ...

    def acked_through(self) -> int: ...

    def mark_acked(self, through: int) -> None: ...


PushState = Literal["starting", "idle", "sending", "offline", "stopped"]


@dataclass(frozen=True)
class PushStatus:
    state: PushState
    acked_through: int = 0
    last_ok: datetime | None = None  # the hub's last answer
    problem: str | None = None  # "refused", "seq_reused", "rejected": why it stopped
    detail: str = ""  # the last error's text, for the log and a tooltip


class _Stopped(Exception):
    pass


def batch_json(epoch: int, rows: Sequence[OutboxRow], seq_base: int = 0) -> str:
    """An EventBatch as JSON text, the payloads spliced in as stored (they are the JSON of
    sync.protocol models already; parsing and re-serialising them would cost more than the
    HTTP round trip). The hub counts seqs within the epoch: local seq - seq_base."""
    events = ",".join(
        f'{{"seq":{seq - seq_base},"event_id":{json.dumps(event_id)},"type":{json.dumps(type_)},'
        f'"occurred_at":{json.dumps(occurred_at)},"payload":{payload}}}'
        for seq, event_id, type_, occurred_at, payload in rows
    )
    return f'{{"epoch":{epoch},"events":[{events}]}}'


class Pusher:
    def __init__(
        self,
        client: HubClient,
        epoch: int,
        source: OutboxSource,
        on_status: Callable[[PushStatus], None] = lambda _s: None,
        *,
        batch_size: int = MAX_BATCH,
        idle_s: float = 5.0,
        wait_initial: float = 0.2,
        wait_max: float = 5.0,
        seq_base: int = 0,
    ) -> None:
        self.client = client
        self.epoch = epoch
        self.source = source
        self.on_status = on_status
        self.batch_size = min(batch_size, MAX_BATCH)
        self.idle_s = idle_s
        self.wait_initial = wait_initial
        self.wait_max = wait_max
        self.seq_base = seq_base  # the outbox seq this epoch counts from (see batch_json)
        self.status = PushStatus("starting")
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_seq: int | None = None
        self._reader: ThreadPoolExecutor | None = None  # the read-ahead's thread, when used
        self._ahead: tuple[int, int, Future[Sequence[OutboxRow]]] | None = None  # seq, limit

    # -- control (any thread) -------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kassa-pusher", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A sale committed: push now rather than at the next idle tick. Never blocks."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._reader is not None:  # a read under way ends first: the database may close next
            self._reader.shutdown(wait=True, cancel_futures=True)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop -------------------------------------------------------------------------------

    def _set(self, **changes: object) -> None:
        self.status = replace(self.status, **changes)  # type: ignore[arg-type]
        self.on_status(self.status)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                if not self.push_once():
                    if self.status.state == "stopped":
                        return
                    self._wake.wait(self.idle_s)
                    self._wake.clear()
        except _Stopped:
            pass
        except Exception as exc:  # a bug: say so, loudly, rather than die silently
            log.exception("outbox pusher failed")
            self._set(state="stopped", problem="internal", detail=repr(exc))

    def push_once(self) -> bool:
        """Send one batch (with retries); False when there was nothing to send or the pusher
        has stopped for good (status.problem says why)."""
        if self.status.state == "stopped":
            return False
        if self._next_seq is None:
            self._next_seq = self.source.acked_through() + 1
            self._set(acked_through=self._next_seq - 1)
        rows = self._rows_from(self._next_seq)
        if not rows:
            if self.status.state != "offline":
                self._set(state="idle")
            return False
        if self.status.state != "offline":
            self._set(state="sending")
        self._read_ahead(rows[-1][0] + 1)
        try:
            result = self._post(batch_json(self.epoch, rows, self.seq_base))
        except Gap as gap:
            # The hub wants an earlier (or later) seq. Anything it applied before the gap in
            # this batch is acknowledged; then resend from where it says.
            hub_applied = gap.body.acked_through if gap.body else None
            applied = self.seq_base + hub_applied if hub_applied else None
            if applied:
                self.source.mark_acked(applied)
            log.warning("hub asked to resend from seq %d (we sent from %d)",
                        self.seq_base + gap.expected_seq, rows[0][0])
            self._next_seq = self.seq_base + gap.expected_seq
            # The hub answered: not offline any more (a batch applied while its answer was
            # lost comes back as a gap, and with nothing left to send the till would have
            # shown "offline" for good).
            self._set(state="sending", acked_through=max(self.status.acked_through, applied or 0),
                      last_ok=_now(), problem=None, detail="")
            return True
        except SeqReused as exc:
            log.error("HUB REFUSED seq %s AS REUSED: another event holds it on the hub. "
                      "Pushing stopped; nothing was dropped. %s", exc.body and exc.body.seq, exc)
            self._set(state="stopped", problem="seq_reused", detail=str(exc))
            return False
        except Refused as exc:
            log.error("hub refused this till's credential: %s", exc)
            self._set(state="stopped", problem="refused", detail=str(exc))
            return False
        except Rejected as exc:
            if exc.status == 413 and self.batch_size > 1:  # too large: smaller batches
                self.batch_size = max(1, len(rows) // 2)
                return True
            log.error("hub rejected a batch from seq %d: %s", rows[0][0], exc)
            self._set(state="stopped", problem="rejected", detail=str(exc))
            return False
        self._acknowledge(result, rows)
        return True

    def _rows_from(self, seq: int) -> Sequence[OutboxRow]:
        """The batch starting at `seq`: the read-ahead's if it started there and came back
        full (a short one may have missed sales committed since), else a fresh read."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[:2] == (seq, self.batch_size):
            try:
                rows = ahead[2].result()
            except Exception:  # read it here instead: an error then is the pusher's own
                log.warning("outbox read-ahead failed; reading again", exc_info=True)
            else:
                if len(rows) == self.batch_size and rows[0][0] == seq:
                    return rows
        return self.source.read_from(seq, self.batch_size)

    def _read_ahead(self, seq: int) -> None:
        """Start reading the batch after the one about to be sent (never blocks: a read
        of the till's WAL database waits for no writer)."""
        if self._reader is None:
            self._reader = ThreadPoolExecutor(1, thread_name_prefix="kassa-pusher-read")
        try:
            future = self._reader.submit(self.source.read_from, seq, self.batch_size)
        except RuntimeError:  # shut down by stop(): nothing more to send
            return
        self._ahead = (seq, self.batch_size, future)

    def _acknowledge(self, result: BatchResult, rows: Sequence[OutboxRow]) -> None:
        for item in result.results:
            if item.status == "rejected":
                log.warning("hub recorded event seq %d as rejected: %s",
                            self.seq_base + item.seq, item.reason)
        through = self.seq_base + result.acked_through
        self.source.mark_acked(through)
        self._next_seq = through + 1
        self._set(state="sending", acked_through=through, last_ok=_now(),
                  problem=None, detail="")

    def _post(self, body: str) -> BatchResult:
        for attempt in stamina.retry_context(
            on=Temporary, attempts=None, timeout=None,
            wait_initial=self.wait_initial, wait_max=self.wait_max, wait_jitter=self.wait_max / 2,
        ):
            with attempt:
                if self._stop.is_set():
                    raise _Stopped
                try:
                    return self.client.post_events_json(body)
                except Temporary as exc:
                    if self.status.state != "offline":
                        log.info("hub unreachable, will retry: %s", exc)
                    self._set(state="offline", detail=str(exc))
                    raise
        raise AssertionError("unreachable: retries are unlimited")


def _now() -> datetime:
    return datetime.now(UTC)
