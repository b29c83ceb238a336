"""`kassa setup`: a validated till config and the till enrolled with the hub, in one command
that an installer can run silently and run again.

Order, so that a failure never loses anything: the options and the config are checked first
(nothing written); then the database says whether the till is enrolled already (then the code
is not spent); then the code is traded (pos.app.enrol.enrol_till) and the credential stored
where `credential_ref` says (pos.app.setup_secrets); only then is the config written, with
the reference. A config write that fails after the enrolment is repaired by running the same
command again: the till is enrolled, so the code is not needed twice.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pos.app.config import DevicesSection
from pos.app.setup_config import ConfigPlan, SetupConfigError, plan_config, write_config
from pos.app.setup_errors import SetupError
from pos.app.setup_secrets import CredentialError, Store, read_credential_ref

PENDING = "pending-enrolment"  # store and register until the code names them


@dataclass(frozen=True)
class SetupRequest:
    config_path: Path
    hub_url: str | None = None
    code: str | None = None
    store_id: str | None = None
    register_id: str | None = None
    devices: dict[str, str] = field(default_factory=dict)  # role -> URL, as [devices] names
    data_dir: Path | None = None
    hub_ca: Path | None = None
    template: Path | None = None
    company_name: str | None = None
    org_no: str | None = None
    credential_store: Store = "auto"
    force: bool = False


@dataclass
class SetupResult:
    plan: ConfigPlan
    enrolled: str = ""  # "store S register R, epoch E"; "" when no code was given
    already: bool = False  # enrolled before: the code was not used
    credential_ref: str = ""
    notes: list[str] = field(default_factory=list)


def check_devices(devices: dict[str, str]) -> None:
    """Each URL checked as the config would (one message per bad URL, naming its option)."""
    problems = []
    for role, url in devices.items():
        # A drawer kicked "printer:" needs some printer to validate; the real one may be in
        # the config already, and the whole config is validated again before it is written.
        stand_in = {"printer": "sim-printer:"} if role == "drawer" else {}
        try:
            DevicesSection.model_validate({**stand_in, role: url})
        except ValueError as error:
            reason = error.errors()[0]["msg"] if hasattr(error, "errors") else str(error)
            option = "--card-terminal" if role == "payment" else f"--{role}"
            problems.append(f"{option} {url!r}: expected {reason.removeprefix('Value error, ')}")
    if problems:
        raise SetupError("\n".join(problems) + "\nnothing was written", 2)


def wanted_keys(req: SetupRequest) -> dict[str, dict[str, Any]]:
    till: dict[str, Any] = {}
    for key, value in (("company_name", req.company_name), ("company_org_no", req.org_no),
                       ("store_id", req.store_id), ("register_id", req.register_id),
                       ("data_dir", None if req.data_dir is None else str(req.data_dir))):
        if value is not None:
            till[key] = value
    wanted: dict[str, dict[str, Any]] = {"till": till}
    if req.devices:
        wanted["devices"] = dict(req.devices)
    if req.hub_url:
        hub: dict[str, Any] = {"url": req.hub_url.rstrip("/")}
        if req.hub_ca is not None:
            hub["verify"] = str(req.hub_ca.resolve())
        wanted["hub"] = hub
    return wanted


def run_setup(req: SetupRequest, progress: Callable[[int, int], None] | None = None
              ) -> SetupResult:
    check_devices(req.devices)
    if req.code is not None and not 6 <= len(req.code.strip()) <= 64:
        raise SetupError(f"--enrol {req.code!r} is not an enrolment code (6 to 64 characters, "
                         "as `kassa hub enrol-code` or the fleet page gives it)", 2)
    wanted = wanted_keys(req)
    # With a code, a stand-in identity where the code will name the store and register.
    fill = {"store_id": PENDING, "register_id": PENDING} if req.code is not None else None
    try:
        plan = plan_config(req.config_path, wanted, template=req.template, force=req.force,
                           fill=fill)
    except SetupConfigError as error:
        raise SetupError(str(error), 2) from None
    assert plan.config is not None
    result = SetupResult(plan)
    if req.code is not None:
        if plan.config.hub is None:
            raise SetupError("--enrol needs the hub: give --hub URL (or a [hub] url in the "
                             "config); nothing was written", 2)
        from pos.app.setup_enrol import enrol

        enrol(req, plan.config, wanted, result, progress)
    try:
        result.plan = plan_config(req.config_path, wanted, template=req.template,
                                  force=req.force)
        write_config(result.plan)
    except (SetupConfigError, OSError) as error:
        raise SetupError(f"{req.config_path} could not be written: {error}\n"
                         + ("the till IS enrolled: run the same command again (without a new "
                            "code) to write the config" if result.enrolled else
                            "nothing was changed"), 2) from None
    share_with_group(plan.config.till.data_dir)
    return result


def credential_readable(ref: str) -> bool:
    try:
        read_credential_ref(ref)
    except (OSError, CredentialError):
        return False
    return True


def share_with_group(data_dir: Path | None) -> None:
    """Run by root (an installer) into the .deb's setgid data directory: the database files
    it created must stay writable by the till's group (SQLite makes them 0644)."""
    if data_dir is None or sys.platform == "win32" or os.geteuid() != 0:
        return
    try:
        if not data_dir.stat().st_mode & 0o2000:
            return
        for name in ("till.db", "till.db-wal", "till.db-shm"):
            path = data_dir / name
            if path.exists():
                os.chmod(path, path.stat().st_mode | 0o060)
    except OSError:
        return

