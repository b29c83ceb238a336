"""The hub's logs: one JSON object per line on stderr (python-json-logger), uvicorn's own and
its access log included, so journald, `docker logs` and a log shipper (Loki, Elastic, Cloud
Logging) get fields rather than text to parse. `--log-format text` for a person at a terminal.

An access line: {"time": ..., "level": "INFO", "logger": "uvicorn.access", "message":
"127.0.0.1:5312 - \"POST /v1/terminals/heartbeat HTTP/1.1\" 200", "client": "127.0.0.1:5312",
"method": "POST", "path": "/v1/terminals/heartbeat", "status": 200}
"""

from __future__ import annotations

import logging
from typing import Any

JSON_FIELDS = "%(levelname)s %(name)s %(message)s"
RENAMED = {"levelname": "level", "name": "logger"}
TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class AccessFields(logging.Filter):
    """uvicorn's access record carries (client, method, path, http version, status) as its
    format arguments: make them fields of the JSON line too."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            client, method, path, _version, status = args
            record.client, record.method, record.path = client, method, path
            record.status = status
        return True


def log_config(level: str = "INFO", fmt: str = "json") -> dict[str, Any]:
    """A logging.config.dictConfig for the hub process and uvicorn (its `log_config`)."""
    if fmt == "json":
        formatter: dict[str, Any] = {
            "()": "pythonjsonlogger.json.JsonFormatter", "fmt": JSON_FIELDS,
            "rename_fields": RENAMED, "timestamp": "time"}
    else:
        formatter = {"format": TEXT}
    handler = {"class": "logging.StreamHandler", "formatter": "main",
               "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"access": {"()": AccessFields}},
        "formatters": {"main": formatter},
        "handlers": {"main": handler, "access": {**handler, "filters": ["access"]}},
        "root": {"handlers": ["main"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.access": {"handlers": ["access"], "level": level, "propagate": False},
            "alembic": {"level": "WARNING"},
        },
    }


def configure(level: str = "INFO", fmt: str = "json") -> dict[str, Any]:
    """Set this process's logging up now and return the config for uvicorn to apply in its
    workers."""
    import logging.config

    config = log_config(level, fmt)
    logging.config.dictConfig(config)
    return config
