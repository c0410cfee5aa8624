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

source "$root/benchmarks/lib/broker-on-postgres.sh"
start_broker_on_new_database accord_bench "PostgreSQL $(psql -Atc 'show server_version' -d postgres)"
echo "== seeding with vpp=$vpp"
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
