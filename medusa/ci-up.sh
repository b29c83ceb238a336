#!/usr/bin/env bash
# Bring up a throw-away Medusa for tests and CI, from nothing: install the pinned tree from the
# lock, create a fresh database on the local PostgreSQL, migrate, start on 127.0.0.1 on a free
# port, seed over HTTP (seed.py: keys, NOK region, channels, one stock location per store) and
# print the instance as one JSON object on stdout (everything else goes to stderr).
#
# Environment (all optional):
#   MEDUSA_PG_URL              server to create the database on (postgres://postgres@127.0.0.1:5432)
#   MEDUSA_DB                  database name (medusa_ci_<pid>); dropped and created afresh
#   KASSA_HUB_WEBHOOK_URL      where the forwarding subscriber POSTs events (none: not forwarded)
#   KASSA_HUB_WEBHOOK_SECRET   the HMAC secret shared with the hub (generated when unset)
#   REDIS_URL                  use the Redis event bus (retries) instead of the local one
# Stop it with: ci-down.sh <the JSON's "name">
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"
PG=${MEDUSA_PG_URL:-postgres://postgres@127.0.0.1:5432}
DB=${MEDUSA_DB:-medusa_ci_$$}
STATE="$HERE/.ci/$DB"
SECRET=${KASSA_HUB_WEBHOOK_SECRET:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}
START=$(date +%s.%N)
say() { echo "[ci-up $(awk -v s="$START" -v n="$(date +%s.%N)" 'BEGIN{printf "%5.1fs", n-s}')] $*" >&2; }

for tool in node npm psql python3; do
  command -v "$tool" >/dev/null || { echo "ci-up: $tool is not installed" >&2; exit 3; }
done
psql "$PG/postgres" -qtAc 'select 1' >/dev/null || { echo "ci-up: no PostgreSQL at $PG" >&2; exit 3; }
mkdir -p "$STATE"
# Half-up is not up: on any failure stop what was started and drop the database.
trap 'status=$?; [ $status -ne 0 ] && "$HERE/ci-down.sh" "$DB" >&2; exit $status' EXIT

# Not `npm ci`: npm 11.19 refuses its own lock (missing other-platform optional packages).
# `npm install` with the committed lock installs the pinned tree; a no-op when it is there.
exec 9>"$HERE/.ci/install.lock"
flock 9
say "npm install (from package-lock.json)"
npm install --no-audit --no-fund --loglevel=error >&2
say "database $DB"
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS \"$DB\"" >&2
# `medusa db:setup` reads DATABASE_URL from .env only (an exported variable is not enough).
export DATABASE_URL="$PG/$DB" MEDUSA_DISABLE_TELEMETRY=true
printf 'DATABASE_URL=%s\nMEDUSA_DISABLE_TELEMETRY=true\n' "$DATABASE_URL" > .env
node node_modules/.bin/medusa db:setup --db "$DB" --no-interactive --execute-safe-links \
  > "$STATE/setup.log" 2>&1 || { tail -30 "$STATE/setup.log" >&2; exit 1; }
ADMIN_PW=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
say "admin user"
node node_modules/.bin/medusa user -e admin@kassa.test -p "$ADMIN_PW" >> "$STATE/setup.log" 2>&1
flock -u 9

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
say "start on 127.0.0.1:$PORT"
KASSA_HUB_WEBHOOK_SECRET="$SECRET" setsid node node_modules/.bin/medusa start -H 127.0.0.1 \
  -p "$PORT" > "$STATE/server.log" 2>&1 < /dev/null &
echo $! > "$STATE/pid"
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 720); do  # 3 min: a busy 2-core machine has needed 32 s
  curl -sf "$URL/health" >/dev/null 2>&1 && break
  kill -0 "$(cat "$STATE/pid")" 2>/dev/null || { tail -30 "$STATE/server.log" >&2; exit 1; }
  sleep 0.25
done
curl -sf "$URL/health" >/dev/null || { echo "ci-up: $URL/health never answered" >&2; exit 1; }
say "seed over HTTP"
python3 "$HERE/seed.py" "$URL" admin@kassa.test "$ADMIN_PW" > "$STATE/seed.json"
say "up"
python3 - "$STATE/seed.json" "$DB" "$URL" "$SECRET" "$(cat "$STATE/pid")" "$STATE" "$START" <<'EOF'
import json, sys, time
seed, db, url, secret, pid, state, start = sys.argv[1:]
out = json.load(open(seed)) | {"name": db, "url": url, "webhook_secret": secret, "pid": int(pid),
                               "log": f"{state}/server.log", "up_seconds": round(time.time() - float(start), 1)}
json.dump(out, open(f"{state}/instance.json", "w"), indent=1)
print(json.dumps(out))
EOF
