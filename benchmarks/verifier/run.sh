#!/usr/bin/env bash
# Provider-verifier benchmark: 1,000 interactions (a provider state with params, a JSON body with matchers)
# against a fast local provider. Measures whole processes with /usr/bin/time (wall clock, peak RSS).
# Usage: benchmarks/verifier/run.sh [interactions] [runs]     (from the repository root; not part of mvn verify)
set -euo pipefail
N=${1:-1000}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PROVIDER_PID=
trap '[ -n "$PROVIDER_PID" ] && kill $PROVIDER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

cd "$ROOT"
# compile scope: the provided plain jars and the Jackson they use (the published pact-core relocates its own)
mvn -q -B -o -pl provider-verifier -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=compile >/dev/null
CP="$ROOT/provider-verifier/target/classes:$ROOT/pact-core/target/classes:$ROOT/broker-client/target/classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" benchmarks/verifier/src/*.java

java -cp "$WORK/classes" GeneratePact "$N" "$WORK/pact.json"
java -cp "$WORK/classes" FastProvider 0 > "$WORK/port.txt" &
PROVIDER_PID=$!
while [ ! -s "$WORK/port.txt" ]; do sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$WORK/port.txt")"
echo "provider at $BASE, $N interactions, $RUNS runs each; $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"

measure() {
  local name=$1; shift
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "$name run $i: %e s wall, %U s user + %S s sys CPU, %M KiB peak RSS" "$@" \
      > "$WORK/out.txt" 2> "$WORK/time.txt" || true
    echo "$(tail -1 "$WORK/time.txt")  -> $(tail -1 "$WORK/out.txt")"
  done
}
# Short-lived JVMs spend much of their CPU in the C2 JIT and G1; QUICK shows the effect of a CLI-friendly setup.
QUICK="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
measure "plain JDK HttpClient floor" java -cp "$WORK/classes" PlainFloor "$BASE" "$N"
measure "accord verifier" java -cp "$WORK/classes:$CP" RunAccord "$BASE" "$WORK/pact.json"
measure "plain floor, $QUICK" java $QUICK -cp "$WORK/classes" PlainFloor "$BASE" "$N"
measure "accord verifier, $QUICK" java $QUICK -cp "$WORK/classes:$CP" RunAccord "$BASE" "$WORK/pact.json"
# The CLI as shipped: the fat jar with the JVM's defaults, and through cli/bin/accord (C1 + serial GC + a class
# archive; a first, untimed run writes the archive into a fresh cache directory). Skip with NO_CLI=1.
if [ -z "${NO_CLI:-}" ]; then
  mvn -q -B -o -pl cli -am package -DskipTests >/dev/null
  VERIFY="verify --provider products-service --pact-file $WORK/pact.json --provider-base-url $BASE --state-change-url $BASE/_pact/state"
  export ACCORD_CACHE_DIR="$WORK/cds" ACCORD_JAR="$ROOT/cli/target/accord.jar"
  # shellcheck disable=SC2086
  cli/bin/accord $VERIFY > /dev/null 2>&1 || true
  # shellcheck disable=SC2086
  measure "java -jar cli/target/accord.jar verify (JVM defaults)" java -jar cli/target/accord.jar $VERIFY
  # shellcheck disable=SC2086
  measure "cli/bin/accord verify (launcher)" cli/bin/accord $VERIFY
fi
echo "load after: $(uptime)"
