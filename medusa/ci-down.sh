#!/usr/bin/env bash
# Stop a Medusa started by ci-up.sh and drop its database: ci-down.sh <name from ci-up's JSON>.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DB=${1:?usage: ci-down.sh <name>}
case "$DB" in medusa_ci_*|medusa_*) ;; *) echo "ci-down: not a ci-up name: $DB" >&2; exit 2;; esac
PG=${MEDUSA_PG_URL:-postgres://postgres@127.0.0.1:5432}
STATE="$HERE/.ci/$DB"
if [ -f "$STATE/pid" ]; then
  PID=$(cat "$STATE/pid")
  # setsid made it a process group leader: stop the server and anything it started.
  kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$PID" 2>/dev/null || true
fi
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >&2 || true
rm -rf "$STATE"
