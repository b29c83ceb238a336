"""`kassa hub ...` (also `python -m hub.cli ...`):

    kassa hub serve --db URL [--host H] [--port P] [--admin-token T] [--workers N]
                    [--ssl-keyfile K --ssl-certfile C] [--log-format json|text]
    kassa hub enrol-code --db URL --store S --register R [--valid-minutes M]
    kassa hub import FILE --db URL          (a .csv or .json catalog; tills get it live)
    kassa hub migrate --db URL

The database URL may also come from KASSA_HUB_DB, the admin token from KASSA_HUB_ADMIN_TOKEN.
A bare path is a SQLite file; postgresql://... a PostgreSQL database.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from hub.config import HubConfig


def add_arguments(top: argparse.ArgumentParser) -> None:
    commands = top.add_subparsers(dest="hub_command", required=True)
    serve = commands.add_parser("serve", help="run the hub")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=int(os.environ.get("KASSA_HUB_PORT", 8080)),
                       help="default 8080 (or KASSA_HUB_PORT)")
    serve.add_argument("--admin-token", help="or KASSA_HUB_ADMIN_TOKEN")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--currency", default="NOK", help="of imported products naming none")
    serve.add_argument("--workers", type=int, default=1, help="processes (PostgreSQL only)")
    serve.add_argument("--log-format", choices=["json", "text"],
                       default=os.environ.get("KASSA_HUB_LOG_FORMAT", "json"),
                       help="json: one object per line (default; or KASSA_HUB_LOG_FORMAT)")
    code = commands.add_parser("enrol-code", help="make a one-time enrolment code for a till")
    code.add_argument("--store", required=True)
    code.add_argument("--register", required=True)
    code.add_argument("--valid-minutes", type=int, default=7 * 24 * 60)
    imp = commands.add_parser("import", help="import a catalog file (.csv or .json)")
    imp.add_argument("file", type=Path)
    commands.add_parser("migrate", help="bring the database schema up to date")
    for command in (serve, code, imp, commands.choices["migrate"]):
        command.add_argument("--db", default=os.environ.get("KASSA_HUB_DB"),
                             help="database URL or SQLite path (or KASSA_HUB_DB)")


def run(args: argparse.Namespace) -> int:
    if not args.db:
        print("kassa hub: give --db URL (or set KASSA_HUB_DB)", file=sys.stderr)
        return 2
    token = getattr(args, "admin_token", None) or os.environ.get("KASSA_HUB_ADMIN_TOKEN", "")
    config = HubConfig(db_url=args.db, admin_token=token,
                       currency=getattr(args, "currency", "NOK"))
    if args.hub_command == "serve":
        try:
            from hub.logs import configure
            from hub.server import serve
        except ImportError as error:  # a till's install: the server stack is the [hub] extra
            print(f"kassa hub: the hub's server is not installed ({error.name}): "
                  "pip install 'kassa[hub]'", file=sys.stderr)
            return 2
        if args.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            # /metrics sums the workers' counters from files here (hub.metrics)
            import tempfile

            os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="kassa-hub-metrics-")
        serve(config, args.host, args.port, ssl_keyfile=args.ssl_keyfile,
              ssl_certfile=args.ssl_certfile, workers=args.workers,
              log_config=configure("INFO", args.log_format))
        return 0
    from hub.state import offline_hub

    with offline_hub(config) as hub:
        if args.hub_command == "enrol-code":
            from hub.enrol import create_code
            from sync.protocol import EnrolmentCodeRequest

            code = create_code(hub, EnrolmentCodeRequest(
                store_id=args.store, register_id=args.register,
                valid_minutes=args.valid_minutes))
            print(code.code)
            print(f"for {code.store_id}/{code.register_id}, valid until {code.expires_at}",
                  file=sys.stderr)
        elif args.hub_command == "import":
            from hub.admin import import_catalog
            from hub.errors import HubError

            kind = "application/json" if args.file.suffix.lower() == ".json" else "text/csv"
            try:
                result = import_catalog(hub, args.file.read_bytes(), kind)
            except OSError as error:
                print(f"kassa hub import: cannot read {args.file}: {error.strerror}",
                      file=sys.stderr)
                return 1
            except HubError as error:
                print(f"kassa hub import: {error.detail}", file=sys.stderr)
                return 1
            print(result.model_dump_json())
    return 0


def main(argv: list[str] | None = None) -> int:
    import logging

    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    top = argparse.ArgumentParser(prog="kassa hub", description="the Kassa commerce hub")
    add_arguments(top)
    return run(top.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
