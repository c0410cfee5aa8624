#!/usr/bin/env bash
# Accord web UI benchmark: seeds PostgreSQL with a 500-pacticipant history (seed.py), starts the broker on it
# (-Xmx512m), and times /ui/network and the busiest provider's usage map on the server and in headless Chromium
# (measure.py). Cleans up (broker stopped, database dropped) however it ends. See docs/performance.md, "Web UI".
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

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="accord_ui_bench_$(date +%s)_$$"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
jar="${BROKER_JAR:-$root/broker-server/target/broker-server.jar}"
work="$(mktemp -d)"
broker_pid=""

cleanup() {
  status=$?
  if [ -n "$broker_pid" ] && kill -0 "$broker_pid" 2>/dev/null; then
    kill "$broker_pid"; wait "$broker_pid" 2>/dev/null || true
  fi
  if [ "$keep_db" = false ]; then
    dropdb --if-exists "$db" || echo "run.sh: could not drop database $db; drop it by hand" >&2
  else
    echo "database kept: $db"
  fi
  if [ $status -ne 0 ]; then
    echo "run.sh: failed (exit $status); broker log: $work/broker.log" >&2
    tail -n 40 "$work/broker.log" >&2 2>/dev/null || true
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

if [ ! -f "$jar" ]; then
  echo "== building broker-server.jar"
  (cd "$root" && mvn -B -q -DskipTests -pl broker-server -am package)
fi

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(/usr/bin/chromium --version 2>/dev/null)"
echo "== load before: $(uptime)"
createdb "$db"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  java -Xmx512m -jar "$jar" --server.port="$port" --server.address=127.0.0.1 > "$work/broker.log" 2>&1 &
broker_pid=$!
for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$port/diagnostic/status/heartbeat" > /dev/null; then break; fi
  if ! kill -0 "$broker_pid" 2>/dev/null; then echo "run.sh: the broker exited during startup" >&2; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$port/diagnostic/status/heartbeat" > /dev/null || { echo "run.sh: the broker did not start in 240 s" >&2; exit 1; }
echo "== broker up on 127.0.0.1:$port, database $db; seeding"
start=$(date +%s)
python3 "$here/seed.py" | psql -q -X -d "$db" > /dev/null
echo "== seeded in $(( $(date +%s) - start )) s; database size $(psql -Atc "select pg_size_pretty(pg_database_size('$db'))" -d "$db")"
provider="$(psql -Atc "SELECT p.name FROM integration i JOIN pacticipant p ON p.id = i.provider_id GROUP BY p.name ORDER BY count(*) DESC, p.name LIMIT 1" -d "$db")"
consumers="$(psql -Atc "SELECT count(*) FROM integration i JOIN pacticipant p ON p.id = i.provider_id WHERE p.name = '$provider'" -d "$db")"
echo "== busiest provider: $provider ($consumers consumers)"
python3 "$here/measure.py" --base-url "http://127.0.0.1:$port" --provider "$provider" --broker-pid "$broker_pid" --runs "$runs" \
  ${screenshots:+--screenshots "$screenshots"}
echo "== load after: $(uptime)"
