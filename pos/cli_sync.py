"""The till's hub commands and the demo's hub.

    kassa enrol --config till.toml --code CODE [--hub https://hub.example.no]
        trade a one-time code (kassa hub enrol-code --store S --register R) for this till's
        credential, then load the store's snapshot; --hub when the config has no [hub] url
    kassa demo [--tills N] [--no-hub]
        the demo tills (N windows, registers 1..N of store "demo", each its own database)
        with a hub on localhost, so a sale on one shows on the other's stock

Exit status of enrol: 0 enrolled; 1 refused (a used or expired code, another till's code, the
hub unreachable); 2 bad arguments or config.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

MAX_DEMO_TILLS = 4


def add_parser(commands: Any) -> None:
    enrol = commands.add_parser("enrol", help="enrol this till with the commerce hub")
    enrol.add_argument("--config", type=Path, required=True, help="the till's TOML file")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--hub", help="the hub's URL (default: [hub] url of the config)")


def add_demo_options(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--tills", type=int, default=1, choices=range(1, MAX_DEMO_TILLS + 1),
                      metavar="N", help="open N tills of the demo store (default 1)")
    demo.add_argument("--no-hub", action="store_true", help="the till alone, without a hub")


def run_enrol(args: argparse.Namespace) -> int:
    from pos.app.bootstrap import data_dir_of
    from pos.app.config import ConfigError, load_config
    from pos.app.enrol import EnrolError, enrol_till
    from pos.app.hub_config import HubSection
    from pos.store.db import open_database
    from sync.client import HubError

    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(f"kassa enrol: {error}", file=sys.stderr)
        return 2
    if args.hub:
        hub = (config.hub or HubSection(url=args.hub)).model_copy(update={"url": args.hub})
        hub = HubSection.model_validate(hub.model_dump())  # check the URL
    elif config.hub is not None:
        hub = config.hub
    else:
        print("kassa enrol: give --hub URL or a [hub] url in the config", file=sys.stderr)
        return 2
    data_dir = data_dir_of(config)
    db = open_database(data_dir / "till.db")

    def progress(done: int, total: int) -> None:
        print(f"\rsnapshot: {done:,} of {total:,} records", end="", file=sys.stderr)

    try:
        enrolled = enrol_till(db, hub, data_dir, args.code, store_id=config.till.store_id,
                              register_id=config.till.register_id, progress=progress)
    except (EnrolError, HubError) as error:
        print(f"\nkassa enrol: {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    counts = ", ".join(f"{n:,} {kind}" for kind, n in enrolled.counts.items())
    print(f"\nenrolled as store {enrolled.store_id} register {enrolled.register_id} "
          f"(epoch {enrolled.epoch}); snapshot: {counts}")
    if not args.hub or config.hub is not None:
        return 0
    print(f'add to {args.config}:\n[hub]\nurl = "{args.hub}"', file=sys.stderr)
    return 0


class DemoTills:
    """The demo's hub and its extra tills (registers 2..N), around pos.cli.run_demo."""

    def __init__(self, args: argparse.Namespace) -> None:
        from pos.app.demo import demo_data_dir
        from pos.app.demo_hub import DemoHub

        self.args = args
        self.base = args.data_dir or demo_data_dir()
        self.hub = None if getattr(args, "no_hub", False) or not _hub_installed() \
            else DemoHub(self.base / "hub").start()
        self.others: list[Any] = []
        self.windows: list[Any] = []

    @property
    def section(self) -> Any:
        return None if self.hub is None else self.hub.section

    def start(self, first: Any) -> None:
        """After the first till has started: the other tills, and the hub link of all."""
        from pos.app.demo import start_demo

        for register in range(2, getattr(self.args, "tills", 1) + 1):
            demo = start_demo(self.base / f"till-{register}", require_shift=True,
                              register_id=str(register), hub=self.section)
            config = demo.till.ctx.config  # the first till's screen language
            demo.till.ctx.config = config.model_copy(update={"till": config.till.model_copy(
                update={"locale": first.till.ctx.config.till.locale})})
            demo.till.start()
            self.others.append(demo)
        if self.hub is not None:
            self.hub.connect([first.till, *(d.till for d in self.others)])
        if self.others:
            self._open_windows(first)

    def _open_windows(self, first: Any) -> None:
        from pos.app.demo import login_hint
        from pos.ui.app import make_application
        from pos.ui.main_window import MainWindow

        make_application(first.till.ctx.locale)
        for index, demo in enumerate(self.others, start=1):
            window = MainWindow(demo.till, login_hint=login_hint())
            window.resize(1280, 800)
            window.move(60 * index, 40 * index)
            window.show()
            self.windows.append(window)

    def stop(self) -> None:
        for demo in self.others:
            demo.till.shutdown()
            demo.stop()
        if self.hub is not None:
            self.hub.stop()


def _hub_installed() -> bool:
    """The hub's server stack is the [hub] extra: a till installed without it demos alone."""
    import importlib.util

    if importlib.util.find_spec("fastapi") and importlib.util.find_spec("uvicorn"):
        return True
    print("kassa demo: the hub is not installed (pip install 'kassa[hub]'); the till runs "
          "without it", file=sys.stderr)
    return False
