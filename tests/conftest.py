"""For every test: the till's log files go to a scratch folder, never the user's own log
directory (pos.app.logs reads KASSA_LOG_DIR; subprocesses inherit it)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("KASSA_LOG_DIR", tempfile.mkdtemp(prefix="kassa-test-logs-"))
