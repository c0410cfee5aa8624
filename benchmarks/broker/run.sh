#!/usr/bin/env bash
# Accord broker benchmark: seeds PostgreSQL with a large history, starts the broker on it (-Xmx512m), drives
# can-i-deploy, pacts-for-verification and publish load from a second process on loopback, prints the figures,
# and cleans up (broker stopped, database dropped) however it ends. See docs/performance.md.
#
# Usage: benchmarks/broker/run.sh [--scale 200k|1m] [--baseline] [--vpp N] [--clients N] [--requests N] [--seconds N] [--publishes N]
#                                 [--keep-db] [--explain]
#   --scale S      the history's size: 200k (= --vpp 1000, the default) or 1m (= --vpp 5000: 1,000,000 versions, 500,000
#                  publications, 2,500,000 verifications); implies --explain, and the plans are saved in
#                  benchmarks/broker/target/explain-S.txt
#   --baseline     first run the whole benchmark at 200k (its own database and broker), then at the chosen size, and print
#                  both in one summary table (benchmarks/broker/target/summary-<time>.tsv)
#   --vpp N        versions per pacticipant (default 1000: 200,000 versions, 100,000 publications, 500,000 verifications;
#                  100 gives a 1/10 history for a quick check)
#   --keep-db      do not drop the database at the end (to inspect plans by hand)
#   --explain      after the load, print EXPLAIN (ANALYZE, BUFFERS) of the hot queries (explain.sql)
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; needs CREATEDB), PGPASSWORD, BENCH_PORT (random free port),
#   BROKER_JAR (default broker-server/target/broker-server.jar, built when missing).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
vpp=1000 clients=8 requests=4000 seconds=60 publishes=2000 keep_db=false explain=false scale="" baseline=false
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --scale)
      case "$2" in
        200k) vpp=1000 ;;
        1m) vpp=5000 ;;
        *) echo "run.sh: --scale is 200k or 1m, got '$2'" >&2; exit 2 ;;
      esac
      scale="$2" explain=true; shift 2 ;;
    --baseline) baseline=true; shift ;;
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

out="$here/target"
mkdir -p "$out"
label="${scale:-vpp=$vpp}"
if [ -z "${BENCH_SUMMARY:-}" ]; then
  export BENCH_SUMMARY="$out/summary-$(date -u +%Y%m%dT%H%M%S).tsv"
  : > "$BENCH_SUMMARY"
  top=true
else
  top=false
fi
print_summary() {
  echo "== summary ($BENCH_SUMMARY; CPU in ms per answer; load = 1-minute load average before-after the scenario)"
  { printf 'history\tscenario\tclients\tanswers\terrors\tanswers/s\tp50 ms\tp99 ms\tbroker CPU\tPostgreSQL CPU\tload\n'
    cat "$BENCH_SUMMARY"; } | column -t -s $'\t'
}
if [ "$baseline" = true ] && [ "$top" = true ]; then
  # the same benchmark at 200,000 versions first, in a child run with its own database, broker and clean-up
  child=()
  skip=false
  for a in "${args[@]}"; do
    if [ "$skip" = true ]; then skip=false; continue; fi
    case "$a" in --scale|--vpp) skip=true ;; --baseline|--keep-db) ;; *) child+=("$a") ;; esac
  done
  echo "== baseline: the same benchmark at 200k"
  "$0" --scale 200k "${child[@]}" || echo "run.sh: the 200k baseline failed (exit $?); going on with $label" >&2
  echo "== baseline done; now $label"
fi

source "$root/benchmarks/lib/broker-on-postgres.sh"
echo "== disk before: $(df -h /work "$(psql -Atc 'show data_directory' -d postgres 2>/dev/null || echo /)" 2>/dev/null | awk 'NR>1 {print $6": "$4" free"}' | sort -u | paste -sd ' ')"
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
  --seconds "$seconds" --publishes "$publishes" --broker-pid "$broker_pid" --postgres-cpu "$pg_local" \
  --label "$label" --summary "$BENCH_SUMMARY" --postgres-db "$db"
load_status=$?
set -e
echo "== load after: $(uptime)"

if [ "$explain" = true ]; then
  plans="$out/explain-${scale:-vpp$vpp}.txt"
  echo "== EXPLAIN (ANALYZE, BUFFERS) of the hot queries, in full in $plans; per statement: execution time, and any sequential scan or sort"
  psql -X -v vpp="$vpp" -f "$here/explain.sql" -d "$db" > "$plans" 2>&1 || { cat "$plans"; exit 1; }
  grep -E '^--- |Execution Time|Seq Scan|Sort Method' "$plans" | sed -e 's/^ *//' -e 's/^/  /'
fi
if [ "$top" = true ]; then
  print_summary
fi
exit $load_status
