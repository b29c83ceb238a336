"""The `kassa` command: `kassa demo`, `kassa till --config FILE`, `kassa --version`.

Hidden options of `demo` and `till`, for start-up benchmarks and supervisors (not in --help):
`--ready-file PATH` appends "ready <monotonic_ns> <pid>" to PATH once the main window has been
shown and painted (the till takes its first scan from then on); `--exit-when-ready` then quits.
See pos.ui.app.ReadyFile and tests/bench/bench_till.py.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pos import cli_devices, cli_saft, cli_setup, cli_sync
from pos.app import logs
from pos.app.config import ConfigError, load_config
from pos.store.errors import StoreError


def kassa_version() -> str:
    try:
        return version("kassa")
    except PackageNotFoundError:
        return "0+unknown"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kassa", description="Kassa point-of-sale till")
    top.add_argument("--version", action="version", version=f"kassa {kassa_version()}")
    top.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = top.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="run the till on a sample catalog, simulated devices")
    demo.add_argument("--data-dir", type=Path, help="where the demo database lives")
    demo.add_argument("--locale", choices=["nb_NO", "sv_SE", "en_GB"], help="screen language")
    till = commands.add_parser("till", help="run the till of a real store")
    till.add_argument("--config", type=Path, required=True, help="the till's TOML file")
    doctor = commands.add_parser("doctor", help="check config, database and devices")
    doctor.add_argument("--config", type=Path, required=True, help="the till's TOML file")
    doctor.add_argument("--json", action="store_true", help="one JSON object per check")
    cli_saft.add_parser(commands)  # `kassa saft export ...` (pos.cli_saft)
    cli_devices.add_parser(commands)  # `kassa devices scan ...` (pos.cli_devices)
    cli_sync.add_parser(commands)  # `kassa enrol ...` (pos.cli_sync)
    cli_setup.add_parser(commands)  # `kassa setup ...`, `kassa support-bundle` (pos.cli_setup)
    cli_sync.add_demo_options(demo)  # `kassa demo --tills N --no-hub`
    # `kassa hub ...` is parsed by hub.cli (see main); listed here for --help only.
    commands.add_parser("hub", help="the commerce hub: serve, enrol-code, import, migrate")
    for command in (demo, till):  # hidden: see the module docstring
        command.add_argument("--ready-file", type=Path, help=argparse.SUPPRESS)
        command.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return top


def fail(message: str, *, window: bool = False) -> int:
    print(f"kassa: {message}", file=sys.stderr)
    if window and _started_from_a_desktop():
        from pos.ui.app import show_fatal

        show_fatal(message)
    return 2


def _started_from_a_desktop() -> bool:
    """No terminal to read standard error, a screen to show a dialog on, and dialogs not
    switched off (KASSA_NO_DIALOGS=1, as the tests and unattended installs set)."""
    import os

    if os.environ.get("KASSA_NO_DIALOGS") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False
    terminal = any(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stderr))
    screen = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                  or sys.platform in ("win32", "darwin"))
    return screen and not terminal


def main(argv: list[str] | None = None) -> int:
    raw = sys.argv[1:] if argv is None else argv
    if raw[:1] == ["hub"]:  # lazily: the till never loads the hub's server stack
        from hub.cli import main as hub_main

        return hub_main(raw[1:])
    args = parser().parse_args(argv)
    logs.configure(args.verbose)  # stderr as before, plus the rotating file (pos.app.logs)
    if args.command == "doctor":
        return run_doctor(args.config, as_json=args.json)
    if args.command == "devices":
        return cli_devices.run(args)
    if args.command == "enrol":
        return cli_sync.run_enrol(args)
    if args.command in cli_setup.COMMANDS:
        return cli_setup.run(args)
    try:
        if args.command == "saft":
            return cli_saft.run(args)
        if args.command == "demo":
            return run_demo(args)
        return run_till(args.config, args)
    except ConfigError as error:
        return fail(str(error), window=True)
    except StoreError as error:
        return fail(f"{error}\nThe database was not changed.", window=True)


def run_doctor(config_path: Path, *, as_json: bool) -> int:
    import json

    from pos.app.doctor import exit_code, run_checks, table

    checks = run_checks(config_path)
    if as_json:
        print(json.dumps([c.as_dict() for c in checks], ensure_ascii=False, indent=1))
    else:
        print(table(checks))
    return exit_code(checks)


def run_demo(args: argparse.Namespace) -> int:
    from pos.app.demo import login_hint, start_demo
    from pos.ui.app import run_window

    tills = cli_sync.DemoTills(args)  # the demo's hub and its other tills (pos.cli_sync)
    demo = start_demo(args.data_dir, require_shift=True, hub=tills.section)
    if args.locale:
        config = demo.till.ctx.config
        demo.till.ctx.config = config.model_copy(
            update={"till": config.till.model_copy(update={"locale": args.locale})})
    print(f"kassa demo: data in {demo.data_dir}; receipts in {demo.printer.out_dir}")
    demo.till.start()
    tills.start(demo)
    try:
        return run_window(demo.till, login_hint=login_hint(), **ready_options(args))
    finally:
        demo.stop()
        tills.stop()


def ready_options(args: argparse.Namespace | None) -> dict[str, Any]:
    if args is None or args.ready_file is None:
        return {}
    return {"ready_file": args.ready_file, "exit_when_ready": args.exit_when_ready}


def run_till(config_path: Path, args: argparse.Namespace | None = None) -> int:
    from pos.app.bootstrap import build_till
    from pos.ui.app import run_window

    till = build_till(load_config(config_path))
    till.start()
    return run_window(till, **ready_options(args))


if __name__ == "__main__":
    sys.exit(main())
