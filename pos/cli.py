"""The `kassa` command: `kassa demo`, `kassa till --config FILE`, `kassa --version`."""

from __future__ import annotations

import argparse
import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

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
    return top


def fail(message: str) -> int:
    print(f"kassa: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "demo":
            return run_demo(args)
        return run_till(args.config)
    except ConfigError as error:
        return fail(str(error))
    except StoreError as error:
        return fail(f"{error}\nThe database was not changed.")


def run_demo(args: argparse.Namespace) -> int:
    from pos.app.demo import login_hint, start_demo
    from pos.ui.app import run_window

    demo = start_demo(args.data_dir)
    if args.locale:
        config = demo.till.ctx.config
        demo.till.ctx.config = config.model_copy(
            update={"till": config.till.model_copy(update={"locale": args.locale})})
    print(f"kassa demo: data in {demo.data_dir}; receipts in {demo.printer.out_dir}")
    demo.till.start()
    try:
        return run_window(demo.till, login_hint=login_hint())
    finally:
        demo.stop()


def run_till(config_path: Path) -> int:
    from pos.app.bootstrap import build_till
    from pos.ui.app import run_window

    till = build_till(load_config(config_path))
    till.start()
    return run_window(till)


if __name__ == "__main__":
    sys.exit(main())
