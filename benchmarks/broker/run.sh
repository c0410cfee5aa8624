#!/usr/bin/env bash
# Accord broker benchmark: seeds PostgreSQL with a large history, starts the broker on it (-Xmx512m), drives
# can-i-deploy, pacts-for-verification and publish load from a second process on loopback, prints the figures,
# and cleans up (broker stopped, database dropped) however it ends. See docs/performance.md.
#
# Usage: benchmarks/broker/run.sh [--vpp N] [--clients N] [--requests N] [--seconds N] [--publishes N] [--keep-db] [--explain]
#   --vpp N        versions per pacticipant (default 1000: 200,000 versions, 100,000 publications, 500,000 verifications;
#                  100 gives a 1/10 history for a quick check)
#   --keep-db      do not drop the database at the end (to inspect plans by hand)
#   --explain      after the load, print EXPLAIN (ANALYZE, BUFFERS) of the hot queries (explain.sql)
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; needs CREATEDB), PGPASSWORD, BENCH_PORT (random free port),
#   BROKER_JAR (default broker-server/target/broker-server.jar, built when missing).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
vpp=1000 clients=8 requests=4000 seconds=60 publishes=2000 keep_db=false explain=false
while [ $# -gt 0 ]; do
  case "$1" in
    --vpp) vpp="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --publishes) publishes="$2"; shift 2 ;;
    --keep-db) keep_db=true; shift ;;
    --explain) explain=true; shift ;;
    *) echo "run.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="accord_bench_$(date +%s)_$$"
port="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
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

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $(psql -Atc 'show server_version')"
echo "== load before: $(uptime)"
echo "== database $db, broker on 127.0.0.1:$port"
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
echo "== broker up (Flyway schema applied); seeding with vpp=$vpp"
start=$(date +%s)
psql -q -X -v vpp="$vpp" -f "$here/seed.sql" -d "$db" | grep -v '^Time: ' | grep -v '^$' | tail -n 3
echo "== seeded in $(( $(date +%s) - start )) s; database size $(psql -Atc "select pg_size_pretty(pg_database_size('$db'))")"

# PostgreSQL's CPU per request can only be read from /proc when the server runs on this machine.
case "$PGHOST" in 127.0.0.1|localhost|/*) pg_local=true ;; *) pg_local=false ;; esac
echo "== load (driver is a separate JVM on loopback)"
set +e
java "$here/LoadDriver.java" --base-url "http://127.0.0.1:$port" --vpp "$vpp" --clients "$clients" --requests "$requests" \
  --seconds "$seconds" --publishes "$publishes" --broker-pid "$broker_pid" --postgres-cpu "$pg_local"
load_status=$?
set -e
echo "== load after: $(uptime)"

if [ "$explain" = true ]; then
  echo "== EXPLAIN (ANALYZE, BUFFERS) of the hot queries"
  psql -X -v vpp="$vpp" -f "$here/explain.sql" -d "$db"
fi
exit $load_status
