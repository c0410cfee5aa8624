#!/usr/bin/env bash
# consumer-dsl benchmark: one JUnit 5 test class with 200 interactions, each called once by java.net.http,
# timed as a whole process (JVM start included, Maven excluded). Usage: benchmarks/consumer/run.sh [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/benchmarks/consumer/target"
RUNS="${1:-5}"
mkdir -p "$OUT/classes"
cd "$ROOT"

# compile pact-core and consumer-dsl, and write consumer-dsl's test classpath (JUnit included)
mvn -q -B -o -pl pact-core,consumer-dsl compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
DEPS="$(cat "$OUT/classpath.txt")"
ENGINE_VERSION="$(echo "$DEPS" | tr ':' '\n' | grep -o 'junit-platform-engine/[^/]*' | head -1 | cut -d/ -f2)"
LAUNCHER="$HOME/.m2/repository/org/junit/platform/junit-platform-launcher/$ENGINE_VERSION/junit-platform-launcher-$ENGINE_VERSION.jar"
test -f "$LAUNCHER" || mvn -q -B dependency:get -Dartifact="org.junit.platform:junit-platform-launcher:$ENGINE_VERSION" >/dev/null
CP="$OUT/classes:$ROOT/consumer-dsl/target/classes:$DEPS:$LAUNCHER"
javac -d "$OUT/classes" -cp "$CP" $(find "$ROOT/benchmarks/consumer/src" -name '*.java')

echo "$(java -version 2>&1 | head -1), $(nproc) cores, load average before: $(cut -d" " -f1-3 /proc/loadavg)"
cd "$OUT"
for i in $(seq 1 "$RUNS"); do
  rm -rf bench-pacts target
  /usr/bin/time -f "run $i: %e s wall, %U s user + %S s sys CPU, %M KiB peak RSS" \
    java -cp "$CP" dev.accord.benchmarks.consumer.RunConsumerBenchmark 2>&1 | grep -vE '^(INFO|[A-Z][a-z]{2} [0-9]+, )'
done
echo "pact: $(grep -c '"description"' "$OUT/target/bench-pacts/bench-consumer-bench-provider.json") interactions written"
