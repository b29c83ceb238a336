"""Enrolling a till with the hub: the one-time code for its own credential, then the snapshot.

`kassa enrol --config till.toml --code CODE [--hub URL]`: trades the code (sync/README.md,
"Identity"), keeps the credential in a file only the till's user can read, records the link in
the till database and loads the store's snapshot (catalog, stock, customers) with progress.
The till then subscribes from the snapshot's position. A till enrolled before (a replaced
database, or a re-issued code) gets a new epoch: its outbox seqs start a new series.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos.app.hub_config import HubSection
from pos.app.hub_link import StoreFeed, client_for
from pos.app.setup_secrets import store_credential
from pos.store import sync_state
from pos.store.db import Database


class EnrolError(Exception):
    pass


@dataclass(frozen=True)
class Enrolled:
    store_id: str
    register_id: str
    epoch: int
    counts: dict[str, int]


def enrol_till(
    db: Database, hub: HubSection, data_dir: Path, code: str, *, store_id: str | None,
    register_id: str | None, till_name: str = "", kassa_version: str = "",
    progress: Callable[[int, int], None] | None = None, snapshot: bool = True,
) -> Enrolled:
    """Enrol, store the credential, load the snapshot. Raises EnrolError when the code was
    made for another store or register than this till's config names (nothing is stored).
    store_id and register_id None (kassa setup without --store/--register): the code's."""
    from sync.client import enrol as enrol_request  # httpx: not on the till's start-up path

    answer = enrol_request(hub.url, code, till_name=till_name, kassa_version=kassa_version,
                           verify=hub.tls_verify)
    if store_id is not None and (answer.store_id, answer.register_id) != (store_id, register_id):
        raise EnrolError(
            f"the code is for store {answer.store_id} register {answer.register_id}, but this "
            f"till is store {store_id} register {register_id} (its config); ask for a code "
            "for this till")
    # The OS keystore or a file, as [hub] credential_ref says (pos.app.setup_secrets).
    ref = store_credential(hub.credential_ref_for(data_dir), answer.credential)
    sync_state.save_enrolment(db, hub_url=hub.url, store_id=answer.store_id,
                              register_id=answer.register_id, epoch=answer.epoch,
                              credential_ref=ref)
    counts: dict[str, int] = {}
    if snapshot:
        client = client_for(db, hub, data_dir)
        try:
            counts = StoreFeed(db, client, progress=progress).reset()
        finally:
            client.close()
    return Enrolled(answer.store_id, answer.register_id, answer.epoch, counts)
