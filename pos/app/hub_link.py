"""The till's link to the hub: the pusher and the subscriber (sync/), wired to pos.store.

Started and stopped with the till. Nothing here runs on the sale's path: a commit only wakes
the pusher (`TillContext.committed`). The UI listens to `status` (online, queue, last sync),
`stock_changed` and `customers_changed`; every signal may fire on a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.app.context import TillContext
from pos.app.events import Signal
from pos.app.heartbeat import DeviceSource, HeartbeatSender, printer_report
from pos.app.hub_config import HubSection
from pos.store import outbox, sync_state
from pos.store.db import Database
from pos.store.records import CommittedSale

if TYPE_CHECKING:  # imported when the link starts, off the till's start-up path (httpx)
    from sync.client import HubClient
    from sync.protocol import FeedChange
    from sync.pusher import OutboxRow, Pusher, PushStatus
    from sync.subscriber import FeedStatus, Subscriber

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HubStatus:
    """What the status bar shows. `problem`: not_enrolled, no_credential, refused,
    seq_reused, rejected, internal (None: all is well or merely offline)."""

    online: bool
    pending: int
    last_sync: datetime | None
    in_sync: bool = False  # online, nothing queued, the feed live: up to date right now
    problem: str | None = None
    detail: str = ""


def read_credential(ref: Path | str) -> str:
    """The credential under a reference ("keyring:..." or "file:PATH"; a bare path is a
    file): pos.app.setup_secrets. OSError or CredentialError (an OSError too) when absent."""
    from pos.app.setup_secrets import read_credential_ref

    return read_credential_ref(ref if isinstance(ref, str) else f"file:{ref}")


def write_credential(path: Path, credential: str) -> None:
    """Readable by the till's user only; replaced atomically (never half written)."""
    from pos.app.setup_secrets import write_file

    write_file(path, credential)


class StoreOutbox:
    """The pusher's view of the till's outbox."""

    def __init__(self, db: Database, register_id: str) -> None:
        self.db = db
        self.register_id = register_id

    def read_from(self, seq: int, limit: int) -> Sequence[OutboxRow]:
        return sync_state.outbox_from(self.db, self.register_id, seq, limit)

    def acked_through(self) -> int:
        return sync_state.acked_through(self.db, self.register_id)

    def mark_acked(self, through: int) -> None:
        outbox.mark_acked(self.db, self.register_id, through)


class StoreFeed:
    """The subscriber's view of the till's database: cursor, apply, snapshot reload."""

    def __init__(self, db: Database, client: HubClient, *,
                 on_applied: Callable[[sync_state.Applied], None] = lambda _a: None,
                 progress: Callable[[int, int], None] | None = None,
                 on_pickups: Callable[[tuple[dict[str, Any], ...]], None] = lambda _p: None,
                 ) -> None:
        self.db = db
        self.client = client
        self.on_applied = on_applied
        self.on_pickups = on_pickups  # click & collect frames: kept in memory (pos.app.pickups)
        self.progress = progress

    def cursor(self) -> int:
        link = sync_state.get_link(self.db)
        return link.feed_position if link else 0

    def apply(self, changes: Sequence[FeedChange]) -> None:
        rows = [sync_state.FeedRow(c.position, c.type, c.data) for c in changes]
        applied = sync_state.apply_feed(self.db, rows, self.client.store_id,
                                        self.client.register_id)
        for reason in applied.skipped:
            log.error("feed change not applied: %s", reason)
        self.on_applied(applied)
        pickups = tuple(c.data for c in changes if c.type == "pickup" and c.data)
        if pickups:
            self.on_pickups(pickups)

    def reset(self) -> dict[str, int]:
        from sync.snapshot import open_snapshot

        with open_snapshot(self.client) as snapshot:
            total = snapshot.total
            progress = self.progress
            counts = sync_state.load_snapshot(
                self.db, snapshot.header.position, snapshot.records(),
                None if progress is None else (lambda done: progress(done, total)))
        self.on_applied(sync_state.Applied(snapshot.header.position, ("*",), ("*",)))
        return counts


def client_for(db: Database, hub: HubSection, data_dir: Path) -> HubClient:
    """A client for the enrolled link; raises LookupError (not enrolled) or OSError (no
    credential file)."""
    from sync.client import HubClient

    link = sync_state.get_link(db)
    if link is None:
        raise LookupError("not_enrolled")
    credential = read_credential(link.credential_ref)
    return HubClient(hub.url or link.hub_url, credential, link.store_id, link.register_id,
                     verify=hub.tls_verify)


class HubLink:
    def __init__(self, db: Database, register_id: str, hub: HubSection, data_dir: Path) -> None:
        # data_dir: where a relative credential_file lives (the database's directory)
        self.db = db
        self.register_id = register_id
        self.hub = hub
        self.data_dir = data_dir
        self.status: Signal[HubStatus] = Signal()
        self.stock_changed: Signal[tuple[str, ...]] = Signal()  # skus; ("*",) after a snapshot
        self.customers_changed: Signal[tuple[str, ...]] = Signal()
        self.pickups_changed: Signal[tuple[dict[str, Any], ...]] = Signal()  # PickupChange JSON
        self.client: HubClient | None = None
        self.pusher: Pusher | None = None
        self.subscriber: Subscriber | None = None
        self._problem: tuple[str, str] | None = None
        self._lock = threading.Lock()
        self._stopped = False
        # The heartbeat (pos.app.heartbeat): what it reports of the devices and fiscal key.
        self.heartbeat: HeartbeatSender | None = None
        self.devices: DeviceSource = dict
        self.fiscal_problem: Callable[[], str | None] = lambda: None

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start pushing and subscribing, on a thread of its own: importing the HTTP stack and
        reading the credential must not delay the till's start. Called again after an
        enrolment (kassa demo); a no-op once running or stopped."""
        with self._lock:
            if self._stopped or self.pusher is not None:
                return
        threading.Thread(target=self._start, name="kassa-hub-start", daemon=True).start()

    def _start(self) -> None:
        with self._lock:  # stop() waits for a start under way, then stops what it started
            if self._stopped or self.pusher is not None:
                return
            self._start_locked()

    def _start_locked(self) -> None:
        from sync.pusher import Pusher
        from sync.subscriber import Subscriber

        self._problem = None
        try:
            self.client = client_for(self.db, self.hub, self.data_dir)
        except LookupError:
            self._problem = ("not_enrolled", "run kassa enrol")
        except OSError as exc:
            self._problem = ("no_credential", str(exc))
        if self.client is None:
            self.publish()
            return
        link = sync_state.get_link(self.db)
        assert link is not None
        if link.register_id != self.register_id:
            self._problem = ("refused", f"enrolled as register {link.register_id}")
            self.publish()
            return
        feed = StoreFeed(self.db, self.client, on_applied=self._applied,
                         on_pickups=self.pickups_changed.emit)
        self.pusher = Pusher(self.client, link.epoch, StoreOutbox(self.db, self.register_id),
                             lambda _s: self.publish(), seq_base=link.seq_base)
        self.subscriber = Subscriber(self.client, feed, lambda _s: self.publish(),
                                     initial_reset=link.snapshot_at is None)
        self.pusher.start()
        self.subscriber.start()
        self.heartbeat = HeartbeatSender(self.client, self.db, self.register_id,
                                         devices=self.devices,
                                         fiscal_problem=self.fiscal_problem)
        self.heartbeat.start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        if self.subscriber is not None:
            self.subscriber.stop()
        if self.pusher is not None:
            self.pusher.stop()
        if self.heartbeat is not None:
            self.heartbeat.stop()
        if self.client is not None:
            self.client.close()

    def wake(self, _committed: CommittedSale | None = None) -> None:
        if self.pusher is not None:
            self.pusher.wake()

    @property
    def online(self) -> bool:
        return self.current().online

    # -- status -------------------------------------------------------------------------------

    def current(self) -> HubStatus:
        pending = outbox.count_pending(self.db, self.register_id)
        link = sync_state.get_link(self.db)
        times = [link.last_sync_at] if link and link.last_sync_at else []
        push: PushStatus | None = self.pusher.status if self.pusher else None
        feed: FeedStatus | None = self.subscriber.status if self.subscriber else None
        times += [s.last_ok for s in (push, feed) if s is not None and s.last_ok is not None]
        last = max(times) if times else None
        if self._problem is not None:
            return HubStatus(False, pending, last, problem=self._problem[0],
                             detail=self._problem[1])
        for status in (push, feed):
            if status is not None and status.state == "stopped" and status.problem:
                return HubStatus(False, pending, last, problem=status.problem,
                                 detail=status.detail)
        feed_up = feed is not None and feed.state in ("live", "polling")
        online = feed_up and push is not None and push.state != "offline"
        return HubStatus(online, pending, last, in_sync=online and pending == 0,
                         detail="" if online else (push.detail if push else "") or
                         (feed.detail if feed else ""))

    def publish(self) -> None:
        try:
            self.status.emit(self.current())
        except Exception:  # the database closing under a late status: nothing to show
            log.debug("hub status not published", exc_info=True)

    def _applied(self, applied: sync_state.Applied) -> None:
        if applied.skus:
            self.stock_changed.emit(applied.skus)
        if applied.customers:
            self.customers_changed.emit(applied.customers)


def hub_link_for(ctx: TillContext) -> HubLink | None:
    """The till's hub link when its config has a [hub] section; the sale commit wakes it."""
    hub = ctx.config.hub
    if hub is None:
        return None
    link = HubLink(ctx.db, ctx.register_id, hub, ctx.db.path.parent)
    ctx.committed.connect(link.wake)
    link.devices = lambda: {"printer": printer_report(ctx.printer.state)}
    link.fiscal_problem = lambda: ctx.fiscal_problem
    return link
