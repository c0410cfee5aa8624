#!/usr/bin/env bash
# Accord web UI benchmark: seeds PostgreSQL with a 500-pacticipant history (seed.py), starts the broker on it
# (-Xmx512m), and times /ui/network and the busiest provider's usage map on the server and in headless Chromium
# (measure.py). Cleans up (broker stopped, database dropped) however it ends. See docs/performance.md, "broker-server: web UI at 500 pacticipants".
#
# Usage: benchmarks/ui/run.sh [--runs N] [--screenshots DIR] [--keep-db]
# Needs: psql/createdb/dropdb, python3, /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver).
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; needs CREATEDB), PGPASSWORD,
#   BROKER_JAR (default broker-server/target/broker-server.jar, built when missing).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=5 screenshots="" keep_db=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --screenshots) screenshots="$2"; shift 2 ;;
    --keep-db) keep_db=true; shift ;;
    *) echo "run.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
for tool in psql createdb dropdb python3 /usr/bin/chromium /usr/bin/chromedriver; do
  command -v "$tool" > /dev/null || { echo "run.sh: $tool is missing (Debian: apt-get install -y postgresql-client chromium chromium-driver)" >&2; exit 2; }
done

source "$root/benchmarks/lib/broker-on-postgres.sh"
start_broker_on_new_database accord_ui_bench "$(/usr/bin/chromium --version 2>/dev/null)"
echo "== seeding"
start=$(date +%s)
python3 "$here/seed.py" | psql -q -X -d "$db" > /dev/null
echo "== seeded in $(( $(date +%s) - start )) s; database size $(psql -Atc "select pg_size_pretty(pg_database_size('$db'))" -d "$db")"
provider="$(psql -Atc "SELECT p.name FROM integration i JOIN pacticipant p ON p.id = i.provider_id GROUP BY p.name ORDER BY count(*) DESC, p.name LIMIT 1" -d "$db")"
consumers="$(psql -Atc "SELECT count(*) FROM integration i JOIN pacticipant p ON p.id = i.provider_id WHERE p.name = '$provider'" -d "$db")"
echo "== busiest provider: $provider ($consumers consumers)"
python3 "$here/measure.py" --base-url "http://127.0.0.1:$port" --provider "$provider" --broker-pid "$broker_pid" --runs "$runs" \
  ${screenshots:+--screenshots "$screenshots"}
echo "== load after: $(uptime)"
