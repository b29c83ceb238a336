"""The enrolment half of `kassa setup`: trade the code once, or say the till is enrolled.

The database's hub link is the truth about enrolment: a till whose link and credential are
there is enrolled, and running the installer again must not spend (or need) a new code.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pos.app.bootstrap import data_dir_of
from pos.app.config import TillConfig
from pos.app.setup import PENDING, credential_readable
from pos.app.setup_errors import SetupError, explain_hub_error
from pos.app.setup_secrets import CredentialError, choose_ref
from pos.store import sync_state
from pos.store.db import Database, open_database
from pos.store.errors import StoreError

if TYPE_CHECKING:
    from pos.app.setup import SetupRequest, SetupResult


def enrol(req: SetupRequest, config: TillConfig, wanted: dict[str, dict[str, Any]],
          result: SetupResult, progress: Callable[[int, int], None] | None) -> None:
    """Enrol (or find the till enrolled); records identity and credential_ref in `wanted`."""
    assert config.hub is not None and req.code is not None
    data_dir = data_dir_of(config)
    try:
        ref = choose_ref(req.credential_store, data_dir, config.hub.credential_path(data_dir))
    except CredentialError as error:
        raise SetupError(f"{error}; nothing was changed", 2) from None
    try:
        db = open_database(data_dir / "till.db")
    except StoreError as error:
        raise SetupError(f"{error}\nthe database was not changed: see kassa doctor; the code "
                         "was not used", 2) from None
    try:
        if not _already_enrolled(db, req, config, wanted, result):
            _trade_code(db, req, config, ref, wanted, result, progress)
    finally:
        db.close()


def _already_enrolled(db: Database, req: SetupRequest, config: TillConfig,
                      wanted: dict[str, dict[str, Any]], result: SetupResult) -> bool:
    assert config.hub is not None
    link = sync_state.get_link(db)
    if link is None or not credential_readable(link.credential_ref) or req.force:
        return False
    identity = (config.till.store_id, config.till.register_id)
    if identity in ((link.store_id, link.register_id), (PENDING, PENDING)) \
            and link.hub_url == config.hub.url:
        _record(link.store_id, link.register_id, link.credential_ref, wanted)
        result.already = True
        result.credential_ref = link.credential_ref
        result.enrolled = f"store {link.store_id} register {link.register_id}, epoch {link.epoch}"
        result.notes.append("this till was enrolled already; the code was not used (it stays "
                            "valid until it expires). To enrol again, add --force.")
        return True
    raise SetupError(
        f"this till is enrolled as store {link.store_id} register {link.register_id} with "
        f"{link.hub_url}, but the options and config say store {identity[0]} register "
        f"{identity[1]} with {config.hub.url}. To move it, run again with --force and a code "
        "for the new place (unsent sales go under the new enrolment); nothing was changed and "
        "the code was not used", 2)


def _trade_code(db: Database, req: SetupRequest, config: TillConfig, ref: str,
                wanted: dict[str, dict[str, Any]], result: SetupResult,
                progress: Callable[[int, int], None] | None) -> None:
    from pos.app.enrol import EnrolError, enrol_till
    from sync.client import HubError

    assert config.hub is not None and req.code is not None
    hub = config.hub.model_copy(update={"credential_ref": ref})
    known = config.till.store_id != PENDING
    try:
        enrolled = enrol_till(
            db, hub, data_dir_of(config), req.code.strip(),
            store_id=config.till.store_id if known else None,
            register_id=config.till.register_id if known else None,
            till_name=socket.gethostname()[:100], kassa_version=_version(), snapshot=False)
    except EnrolError as error:
        raise SetupError(f"{error}. The hub has used that code up: ask IT for a code for store "
                         f"{config.till.store_id} register {config.till.register_id} and run "
                         "again with it; nothing on this till was changed.", 1) from None
    except HubError as error:
        raise explain_hub_error(error, config.hub) from None
    except CredentialError as error:
        raise SetupError(f"the hub enrolled this till, but the credential could not be stored: "
                         f"{error}. Ask IT for a new code and run again with "
                         "--credential-store file.", 1) from None
    _record(enrolled.store_id, enrolled.register_id, ref, wanted)
    result.credential_ref = ref
    result.enrolled = (f"store {enrolled.store_id} register {enrolled.register_id}, "
                       f"epoch {enrolled.epoch}")
    _load_snapshot(db, hub, config, result, progress)


def _load_snapshot(db: Database, hub: Any, config: TillConfig, result: SetupResult,
                   progress: Callable[[int, int], None] | None) -> None:
    """The catalog now, so the till starts ready; if it fails the till loads it at start."""
    from pos.app.hub_link import StoreFeed, client_for
    from sync.client import HubError

    try:
        client = client_for(db, hub, data_dir_of(config))
        try:
            counts = StoreFeed(db, client, progress=progress).reset()
        finally:
            client.close()
    except (HubError, OSError) as error:
        result.notes.append(f"the catalog was not loaded ({error}); the till loads it when it "
                            "starts")
        return
    result.notes.append("snapshot: " + ", ".join(f"{n:,} {kind}" for kind, n in counts.items()))


def _record(store_id: str, register_id: str, ref: str, wanted: dict[str, dict[str, Any]]) -> None:
    wanted["till"]["store_id"] = store_id
    wanted["till"]["register_id"] = register_id
    wanted.setdefault("hub", {})["credential_ref"] = ref


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kassa")[:40]
    except PackageNotFoundError:
        return ""
