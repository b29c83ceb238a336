"""`kassa saft export`: the Norwegian SAF-T Cash Register file for a period.

    kassa saft export --config till.toml --from 2026-11-01 --to 2026-11-30 --out saft.xml
    kassa saft export --demo --from 2026-11-23 --to 2026-11-23 --out saft.xml   # demo data
    options: --register ID (one register; default all), --verify (check every signature
    against the public keys recorded in the database), --no-progress

Exit status: 0 written and clean; 1 written, with warnings (a broken journal link, a clock
that went backwards, a signature that does not verify: each named on standard error); 2
nothing written (bad arguments, no database, unreadable config).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date as YYYY-MM-DD, not {text!r}") from None


def add_parser(commands: Any) -> None:
    saft = commands.add_parser("saft", help="the Norwegian SAF-T Cash Register export")
    actions = saft.add_subparsers(dest="saft_command", required=True)
    export = actions.add_parser("export", help="write the SAF-T file for a period")
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument("--config", type=Path, help="the till's TOML file")
    source.add_argument("--demo", action="store_true", help="the demo till's data")
    export.add_argument("--data-dir", type=Path, help="with --demo: where the demo data lives")
    export.add_argument("--from", dest="first_day", type=_day, required=True,
                        help="first day (store-local), YYYY-MM-DD")
    export.add_argument("--to", dest="last_day", type=_day, required=True,
                        help="last day, inclusive, YYYY-MM-DD")
    export.add_argument("--out", type=Path, required=True, help="the XML file to write")
    export.add_argument("--register", help="only this register (default: all in the database)")
    export.add_argument("--verify", action="store_true",
                        help="check every signature with the recorded public keys")
    export.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from pos.app.saft_identity import identity_of, till_config
    from pos.reports.saft import Period, export_saft
    from pos.store.db import open_database
    from pos.store.errors import StoreError

    if args.first_day > args.last_day:
        print(f"kassa saft: --from {args.first_day} is after --to {args.last_day}",
              file=sys.stderr)
        return 2
    config, db_path = till_config(args.config, args.demo, args.data_dir)
    if not db_path.exists():
        print(f"kassa saft: no till database at {db_path}", file=sys.stderr)
        return 2
    try:
        db = open_database(db_path, create=False, check_integrity=False,
                           background_checkpoint=False)
    except StoreError as error:
        print(f"kassa saft: {error}", file=sys.stderr)
        return 2
    bar = _progress_bar(disabled=args.no_progress)
    try:
        result = export_saft(
            db, identity_of(config),
            Period(args.first_day, args.last_day, config.till.timezone), args.out,
            register_id=args.register, verify_signatures=args.verify,
            progress=bar.update, on_total=bar.reset,
        )
    finally:
        bar.close()
        db.close()
    print(f"kassa saft: wrote {result.path}: {result.transactions} transactions, "
          f"{result.events} events, registers {', '.join(result.registers) or 'none'}"
          + (f"; {result.signatures_checked} signatures verified" if args.verify else ""))
    for warning in result.warnings:
        print(f"kassa saft: warning: {warning}", file=sys.stderr)
    return 0 if result.clean else 1


def _progress_bar(*, disabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=0, unit=" rows", unit_scale=True, desc="SAF-T", file=sys.stderr,
                disable=disabled or None)  # None: off when stderr is not a terminal
