"""Run the hub: `serve` (blocking, for `kassa hub serve`) and `serve_in_thread` (for
`kassa demo`, which runs the hub and the tills in one process)."""

from __future__ import annotations

import dataclasses
import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import uvicorn

from hub.admin_client import AdminClient
from hub.app import create_app
from hub.config import HubConfig
from hub.db import migrate, open_database


def serve(config: HubConfig, host: str = "127.0.0.1", port: int = 8080, *,
          ssl_keyfile: str | None = None, ssl_certfile: str | None = None,
          log_level: str = "info", workers: int = 1,
          log_config: dict[str, Any] | None = None) -> None:
    """Serve until stopped. Several worker processes need PostgreSQL: they wake each other
    with NOTIFY (on SQLite they would see each other's commits only on the 1 s poll).
    `log_config` (hub.logs): uvicorn's logs, its access log included, in that format."""
    options: dict[str, Any] = dict(host=host, port=port, ssl_keyfile=ssl_keyfile,
                                   ssl_certfile=ssl_certfile, log_level=log_level,
                                   timeout_graceful_shutdown=3, access_log=False)
    if log_config is not None:
        options.update(log_config=log_config, access_log=True)
    if workers <= 1:
        uvicorn.run(create_app(config), **options)
        return
    db = open_database(config.db_url, pool_size=1)
    try:
        if not db.is_postgres:
            raise SystemExit("kassa hub: --workers needs PostgreSQL; SQLite is one process")
        migrate(db)  # once, before the workers start
    finally:
        db.dispose()
    os.environ.update(KASSA_HUB_DB=config.db_url, KASSA_HUB_ADMIN_TOKEN=config.admin_token,
                      KASSA_HUB_CURRENCY=config.currency)
    uvicorn.run("hub.server:app_from_env", factory=True, workers=workers, **options)


def app_from_env() -> Any:
    """The application of one worker process (uvicorn --workers), configured by serve()."""
    config = HubConfig(db_url=os.environ["KASSA_HUB_DB"],
                       admin_token=os.environ.get("KASSA_HUB_ADMIN_TOKEN", ""),
                       currency=os.environ.get("KASSA_HUB_CURRENCY", "NOK"))
    return create_app(config, run_migrations=False)


@dataclass
class ThreadedHub(AdminClient):
    """A hub running on a thread of this process: `.url`, `.admin_token`, `.stop()`, and the
    admin helpers of AdminClient (`.enrol`, `.import_catalog_file`, `.set_stock`, ...)."""

    url: str
    config: HubConfig
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def admin_token(self) -> str:  # type: ignore[override]
        return self.config.admin_token

    def stop(self) -> None:
        self.close_admin()
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_in_thread(config: HubConfig, host: str = "127.0.0.1", port: int = 0,
                    timeout: float = 20.0) -> ThreadedHub:
    """Start the hub on a background thread (its own event loop); returns once it listens.
    Port 0 picks a free port. Stop it with `.stop()`. Without an admin token in `config` one
    is made up (the admin helpers need one)."""
    if not config.admin_token:
        config = dataclasses.replace(config, admin_token=secrets.token_urlsafe(24))
    app = create_app(config)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name="kassa-hub", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the hub did not start")
        time.sleep(0.02)
    return ThreadedHub(f"http://{host}:{bound}", config, server, thread)
