#!/usr/bin/env bash
# Provider-verifier benchmark: N interactions (a provider state with params, a JSON body with matchers) verified
# against a fast local provider with a state-change URL (3 requests per interaction). Each round runs, as whole
# processes timed with /usr/bin/time (wall clock, CPU, peak RSS), one after the other:
#   floor     a plain JDK HttpClient making the same requests and nothing else (src/PlainFloor.java)
#   library   Accord's ProviderVerifier API, JVM defaults (src/RunAccord.java)
#   jar       java -jar cli/target/accord.jar verify, JVM defaults
#   launcher  cli/bin/accord verify (C1, serial GC, class archive; a first, untimed run writes the archive)
#   pactjvm   pact-jvm 4.6.18's ProviderVerifier with its defaults and the same state-change URL
#             (src/RunPactJvm.java; resolved through pact-jvm-pom.xml, never part of the build)
#   junit5    pact-jvm 4.6.18's JUnit 5 provider test (src/PactJvmJUnit5Test.java: in-process @State methods, so one
#             request per interaction) run by the JUnit Platform's console launcher in one JVM, as Surefire runs a
#             test class (resolved through pact-jvm-junit5-pom.xml)
# Every leg must verify all N interactions (pact-jvm: N "has a matching body (OK)" lines; JUnit 5: N tests
# successful, 0 failed) or the script stops. Ratios to each pact-jvm leg are printed per round and as medians.
# NO_CLI=1 skips jar and launcher; NO_PACTJVM=1 both pact-jvm legs; NO_JUNIT5=1 the JUnit 5 one.
# Usage: benchmarks/verifier/run.sh [interactions] [rounds]     (from anywhere; not part of mvn verify)
set -euo pipefail
N=${1:-1000}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/verifier"
WORK=$(mktemp -d)
PROVIDER_PID=
trap '[ -n "$PROVIDER_PID" ] && kill $PROVIDER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

cd "$ROOT"
# compile scope: the provided plain jars and the Jackson they use (the published pact-core relocates its own)
mvn -q -B -pl provider-verifier -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=compile >/dev/null
CP="$ROOT/provider-verifier/target/classes:$ROOT/pact-core/target/classes:$ROOT/broker-client/target/classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes" "$WORK/pactjvm"
javac -d "$WORK/classes" -cp "$CP" "$HERE"/src/{FastProvider,GeneratePact,PlainFloor,RunAccord}.java
if [ -z "${NO_PACTJVM:-}" ]; then
  mvn -q -B -f "$HERE/pact-jvm-pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/pact-jvm-cp.txt" >/dev/null
  PACTJVM_CP="$WORK/pactjvm:$(cat "$WORK/pact-jvm-cp.txt")"
  javac -d "$WORK/pactjvm" -cp "$PACTJVM_CP" "$HERE/src/RunPactJvm.java"
  if [ -z "${NO_JUNIT5:-}" ]; then
    mvn -q -B -f "$HERE/pact-jvm-junit5-pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/junit5-cp.txt" >/dev/null
    mkdir -p "$WORK/junit5/classes" "$WORK/junit5/run/pacts"
    JUNIT5_CP="$WORK/junit5/classes:$(cat "$WORK/junit5-cp.txt")"
    javac -d "$WORK/junit5/classes" -cp "$JUNIT5_CP" "$HERE/src/PactJvmJUnit5Test.java"
  fi
fi
if [ -z "${NO_CLI:-}" ]; then
  mvn -q -B -pl cli -am package -DskipTests >/dev/null
fi

java -cp "$WORK/classes" GeneratePact "$N" "$WORK/pact.json"
[ -d "$WORK/junit5/run/pacts" ] && cp "$WORK/pact.json" "$WORK/junit5/run/pacts/"
java -cp "$WORK/classes" FastProvider 0 > "$WORK/port.txt" &
PROVIDER_PID=$!
while [ ! -s "$WORK/port.txt" ]; do sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$WORK/port.txt")"
VERIFY="verify --provider products-service --pact-file $WORK/pact.json --provider-base-url $BASE --state-change-url $BASE/_pact/state"
export ACCORD_CACHE_DIR="$WORK/cds" ACCORD_JAR="$ROOT/cli/target/accord.jar"
if [ -z "${NO_CLI:-}" ]; then
  # shellcheck disable=SC2086
  cli/bin/accord $VERIFY > /dev/null 2>&1 || true
fi
echo "provider at $BASE, $N interactions, $RUNS rounds; $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d" " -f1-3 /proc/loadavg)"

# measure NAME CHECK COMMAND...: one timed run; CHECK is an awk program that must accept the run's stdout
measure() {
  local name=$1 check=$2 load; shift 2
  load=$(cut -d" " -f1 /proc/loadavg)
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" || true
  if ! awk -v n="$N" "$check" "$WORK/out.txt"; then
    echo "$name did not verify $N interactions; its output ends:"; tail -20 "$WORK/out.txt" "$WORK/err.txt"; exit 1
  fi
  read -r wall user sys rss < "$WORK/time.txt"
  echo "$name $wall $user $sys $rss $load" >> "$WORK/times.txt"
  printf '  %-8s %6s s wall, %5s s user + %5s s sys CPU, %4d MiB peak RSS (load average %s)\n' "$name" "$wall" \
    "$user" "$sys" $((rss / 1024)) "$load"
}
ACCORD_OK='$0 ~ ("(^|[^0-9])0 of " n " interactions failed") { ok = 1 } END { exit !ok }'
PACTJVM_OK='/has a matching body \(OK\)/ { ok++ } /^pact-jvm: .* 0 failed/ { done = 1 } END { exit !(ok == n && done) }'
JUNIT5_OK='$0 ~ ("\\[ *" n " tests successful") { ok = 1 } /\[ *0 tests failed/ { none = 1 } END { exit !(ok && none) }'
: > "$WORK/times.txt"
for i in $(seq "$RUNS"); do
  echo "round $i"
  measure floor '/requests sent/ { ok = 1 } END { exit !ok }' java -cp "$WORK/classes" PlainFloor "$BASE" "$N"
  measure library "$ACCORD_OK" java -cp "$WORK/classes:$CP" RunAccord "$BASE" "$WORK/pact.json"
  if [ -z "${NO_CLI:-}" ]; then
    # shellcheck disable=SC2086
    measure jar "$ACCORD_OK" java -jar cli/target/accord.jar $VERIFY
    # shellcheck disable=SC2086
    measure launcher "$ACCORD_OK" cli/bin/accord $VERIFY
  fi
  if [ -z "${NO_PACTJVM:-}" ]; then
    measure pactjvm "$PACTJVM_OK" java -cp "$PACTJVM_CP" RunPactJvm "$BASE" "$WORK/pact.json"
    if [ -z "${NO_JUNIT5:-}" ]; then
      (cd "$WORK/junit5/run" && measure junit5 "$JUNIT5_OK" java -DproviderBase="$BASE" -cp "$JUNIT5_CP" \
        org.junit.platform.console.ConsoleLauncher execute --select-class PactJvmJUnit5Test --details=summary \
        --disable-banner)
    fi
  fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "medians over $RUNS rounds (range):"
for leg in floor library jar launcher pactjvm junit5; do
  grep -q "^$leg " "$WORK/times.txt" || continue
  walls=$(awk -v l="$leg" '$1 == l { print $2 }' "$WORK/times.txt")
  printf '  %-8s wall %s s (%s-%s), CPU %s s, peak RSS %d MiB\n' "$leg" "$(echo "$walls" | median)" \
    "$(echo "$walls" | sort -n | head -1)" "$(echo "$walls" | sort -n | tail -1)" \
    "$(awk -v l="$leg" '$1 == l { print $3 + $4 }' "$WORK/times.txt" | median)" \
    $(($(awk -v l="$leg" '$1 == l { print $5 }' "$WORK/times.txt" | median) / 1024))
done
for base in pactjvm junit5; do
  for leg in jar launcher library floor; do
    grep -q "^$leg " "$WORK/times.txt" && grep -q "^$base " "$WORK/times.txt" || continue
    ratios=$(awk -v l="$leg" -v b="$base" '$1 == l { a[++n] = $2 } $1 == b { p[++m] = $2 }
      END { for (i = 1; i <= n; i++) print a[i] / p[i] }' "$WORK/times.txt")
    name=$([ "$base" = pactjvm ] && echo "pact-jvm ProviderVerifier" || echo "pact-jvm JUnit 5")
    echo "$leg / $name, wall, per round: $(echo "$ratios" | awk '{ printf "%.2f ", $1 }')-> median" \
      "$(echo "$ratios" | median | awk '{ printf "%.2f", $1 }')"
  done
done
echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
