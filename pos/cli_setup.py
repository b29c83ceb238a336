"""IT's commands for rolling out and supporting tills (issue 8).

    kassa setup --hub URL --enrol CODE [--store ID --register ID] [--printer URL] ...
        write (or complete) a validated till config and enrol the till with the hub; safe to
        run again (an installer run twice): the config is kept, an enrolled till says so
    kassa support-bundle [--config FILE] [--out FILE]
        a zip for the helpdesk: logs, config without secrets, doctor output, versions

Exit status of setup: 0 set up (or already enrolled); 1 the hub refused the code or did not
answer (the message says what to do; nothing was lost); 2 bad options or config.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

COMMANDS = ("setup", "support-bundle")
DEVICE_OPTIONS = (("printer", "printer"), ("drawer", "drawer"), ("scanner", "scanner"),
                  ("scale", "scale"), ("display", "display"), ("card-terminal", "payment"))


def add_parser(commands: Any) -> None:
    setup = commands.add_parser(
        "setup", help="write the till's config and enrol it with the hub (installers use it)",
        description="Writes a validated till config (an existing one is kept and completed; a "
                    "value it already has is changed only with --force) and trades the one-time "
                    "enrolment code for the till's credential, kept in the OS keystore when "
                    "this user has one, else in a file only the till may read.")
    setup.add_argument("--config", type=Path, help="the till's TOML file (default: till.toml "
                       "in the platform's config directory)")
    setup.add_argument("--hub", metavar="URL", help="the hub, e.g. https://hub.example.no")
    setup.add_argument("--enrol", metavar="CODE", help="the one-time enrolment code")
    setup.add_argument("--store", metavar="ID", help="the store's id (default: the code's)")
    setup.add_argument("--register", metavar="ID", help="this till's register id (default: "
                       "the code's)")
    for option, role in DEVICE_OPTIONS:
        setup.add_argument(f"--{option}", dest=f"device_{role}", metavar="URL",
                           help=f"the {option.replace('-', ' ')}'s device URL")
    setup.add_argument("--data-dir", type=Path, help="where the database lives")
    setup.add_argument("--hub-ca", type=Path, metavar="PEM",
                       help="the CA certificate the hub's TLS certificate is signed by")
    setup.add_argument("--template", type=Path, metavar="FILE",
                       help="for a new config: start from this till.toml (the chain's)")
    setup.add_argument("--company-name", help="for a new config: the company on the receipts")
    setup.add_argument("--org-no", help="for a new config: its organisation number")
    setup.add_argument("--credential-store", choices=("auto", "keyring", "file"),
                       default="auto", help="where the credential goes (auto: the OS keystore "
                       "for an ordinary user who has one, else a file)")
    setup.add_argument("--force", action="store_true",
                       help="change values the config already has; enrol again")
    bundle = commands.add_parser("support-bundle", help="a zip for the helpdesk")
    bundle.add_argument("--config", type=Path, help="the till's TOML file")
    bundle.add_argument("--out", type=Path, help="the zip (default: kassa-support-<time>.zip)")


def default_config() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("kassa", appauthor=False)) / "till.toml"


def run(args: argparse.Namespace) -> int:
    if args.command == "support-bundle":
        from pos.app.support_bundle import write_bundle

        out = write_bundle(args.config, args.out)
        print(out)
        return 0
    return run_setup(args)


def run_setup(args: argparse.Namespace) -> int:
    from pos.app.setup import SetupError, SetupRequest, run_setup

    devices = {role: getattr(args, f"device_{role}") for _option, role in DEVICE_OPTIONS
               if getattr(args, f"device_{role}") is not None}
    request = SetupRequest(
        config_path=(args.config or default_config()).absolute(), hub_url=args.hub,
        code=args.enrol, store_id=args.store, register_id=args.register, devices=devices,
        data_dir=args.data_dir.absolute() if args.data_dir else None, hub_ca=args.hub_ca,
        template=args.template, company_name=args.company_name, org_no=args.org_no,
        credential_store=args.credential_store, force=args.force)

    def progress(done: int, total: int) -> None:
        print(f"\rsnapshot: {done:,} of {total:,} records", end="", file=sys.stderr)

    try:
        result = run_setup(request, progress)
    except SetupError as error:
        print(f"kassa setup: {error}", file=sys.stderr)
        return error.exit_code
    plan = result.plan
    what = ("kept as it was" if plan.unchanged else
            f"written ({', '.join(plan.added + plan.changed)})" if not plan.existed else
            f"completed ({', '.join(plan.added + plan.changed)})")
    print(f"\nconfig: {plan.path} {what}")
    if result.enrolled:
        verb = "already enrolled" if result.already else "enrolled"
        print(f"{verb}: {result.enrolled}; credential in {result.credential_ref}")
    elif request.code is None:
        print("not enrolled (no --enrol CODE given)")
    for note in result.notes:
        print(note)
    return 0
