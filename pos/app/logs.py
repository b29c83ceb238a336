"""The till's log files: rotating, in the platform's log directory, for the helpdesk.

Where: $KASSA_LOG_DIR if set; on the Debian package (the program in /opt/kassa/venv)
/var/log/kassa (made by postinst, group kassa, setgid: whoever runs the till, IT finds its
log in one place, one file per user; not in /var/lib/kassa, whose files are the till's data);
else platformdirs' user log directory (~/.local/state/kassa/log
on Linux, %LOCALAPPDATA%\\kassa\\Logs on Windows). Five files of 2 MB each: a week of a busy
till's warnings and starts, and never a full disk. `kassa support-bundle` collects them.
"""

from __future__ import annotations

import getpass
import logging
import logging.handlers
import os
import sys
from pathlib import Path

DEB_PREFIX = Path("/opt/kassa/venv")
DEB_LOGS = Path("/var/log/kassa")
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"
QUIET_LIBRARIES = ("httpx", "httpcore", "urllib3", "asyncio", "PIL")


class TillLogFile(logging.handlers.RotatingFileHandler):
    """Ours, so a second configure() (tests call main() many times) adds no second file."""


def log_dirs() -> list[Path]:
    """Every directory a Kassa log may be in, the one this process writes first."""
    from platformdirs import user_log_dir

    dirs = []
    if os.environ.get("KASSA_LOG_DIR"):
        dirs.append(Path(os.environ["KASSA_LOG_DIR"]))
    if Path(sys.prefix) == DEB_PREFIX or DEB_LOGS.is_dir():
        dirs.append(DEB_LOGS)
    dirs.append(Path(user_log_dir("kassa", appauthor=False)))
    return list(dict.fromkeys(dirs))


def _file_name(directory: Path) -> str:
    if directory == DEB_LOGS:  # shared by the group's users: one file each
        try:
            return f"kassa-{getpass.getuser()}.log"
        except Exception:  # no user name (a container without passwd entry)
            return f"kassa-{os.getuid()}.log"
    return "kassa.log"


def configure(verbose: bool = False) -> Path | None:
    """Standard error as before (warnings; -v: info) plus the rotating file (info). Returns
    the file, or None when no log directory is writable (the till runs on regardless)."""
    root = logging.getLogger()
    if not root.handlers:  # a host that set up logging (pytest, a service) keeps its own
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        console.setLevel(logging.INFO if verbose else logging.WARNING)
        root.addHandler(console)
    root.setLevel(logging.INFO)
    for name in QUIET_LIBRARIES:  # one line per HTTP request would drown the till's own
        logging.getLogger(name).setLevel(logging.WARNING)
    existing = [h for h in root.handlers if isinstance(h, TillLogFile)]
    if existing:
        return Path(existing[0].baseFilename)
    for directory in log_dirs():
        try:
            directory.mkdir(parents=True, exist_ok=True)
            handler = TillLogFile(directory / _file_name(directory), maxBytes=MAX_BYTES,
                                  backupCount=BACKUPS, encoding="utf-8")
        except OSError:
            continue  # not writable for this user: the next place
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.setLevel(logging.INFO)
        root.addHandler(handler)
        return Path(handler.baseFilename)
    return None
