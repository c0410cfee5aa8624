#!/usr/bin/env bash
# consumer-dsl benchmark: one JUnit 5 test class with 200 interactions, each called once by java.net.http,
# timed as a whole process (JVM start included, Maven excluded), JVM defaults (no flags). Each run is paired with
# a run of the floor: the same JUnit class shape and the same 200 calls answered by the JDK's own HTTP server, no
# contract. The machine's speed drifts by 20-25 % within minutes; the floor, measured alongside, shows by how much.
# Usage: benchmarks/consumer/run.sh [runs]      (from anywhere; not part of mvn verify)
# BENCH_JAVA_OPTS=-Dbench.phases=true adds the phases of each run to target/run.log (the last run's is kept).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/benchmarks/consumer/target"
RUNS="${1:-5}"
mkdir -p "$OUT/classes"
cd "$ROOT"

# compile pact-core and consumer-dsl, and write consumer-dsl's test classpath (JUnit and its launcher included)
mvn -q -B -pl pact-core,consumer-dsl compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$OUT/classes:$ROOT/consumer-dsl/target/classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" $(find "$ROOT/benchmarks/consumer/src" -name '*.java')

echo "$(java -version 2>&1 | head -1), $(nproc) cores, load average before: $(cut -d" " -f1-3 /proc/loadavg)"
cd "$OUT"
: > times.txt
for i in $(seq 1 "$RUNS"); do
  for variant in accord floor; do
    rm -rf bench-pacts target
    arg=""; [ "$variant" = floor ] && arg=PlainJdkFloorTest
    # shellcheck disable=SC2086
    /usr/bin/time -o time.txt -f "%e %U %S %M" java ${BENCH_JAVA_OPTS:-} -cp "$CP" dev.accord.benchmarks.consumer.RunConsumerBenchmark $arg \
      > run.log 2>&1 || { cat run.log; exit 1; }
    if [ "$variant" = accord ]; then
      written=$(grep -c '"description"' target/bench-pacts/bench-consumer-bench-provider.json || true)
      [ "$written" = 200 ] || { echo "expected 200 interactions in the pact, found $written"; cat run.log; exit 1; }
    fi
    read -r wall user sys rss < time.txt
    echo "$variant $wall $user $sys $rss" >> times.txt
    printf '%-6s run %d: %s s wall, %s s user + %s s sys CPU, %d MiB peak RSS\n' "$variant" "$i" "$wall" "$user" "$sys" \
      $((rss / 1024))
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for variant in accord floor; do
  walls=$(awk -v v="$variant" '$1 == v { print $2 }' times.txt)
  printf '%-6s %d runs: wall median %s s (%s-%s), CPU median %s s, peak RSS up to %d MiB\n' "$variant" \
    "$(echo "$walls" | wc -l)" "$(echo "$walls" | median)" "$(echo "$walls" | sort -n | head -1)" \
    "$(echo "$walls" | sort -n | tail -1)" "$(awk -v v="$variant" '$1 == v { print $3 + $4 }' times.txt | median)" \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | sort -n | tail -1) / 1024))
done
accord_median=$(awk '$1 == "accord" { print $2 }' times.txt | median)
floor_median=$(awk '$1 == "floor" { print $2 }' times.txt | median)
echo "accord / floor, wall medians: $(awk -v a="$accord_median" -v f="$floor_median" 'BEGIN { printf "%.2f", a / f }')"
echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
