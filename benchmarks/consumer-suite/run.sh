#!/usr/bin/env bash
# Suite-shaped consumer benchmark: 50 JUnit 5 test classes of 4 tests each (one interaction declared and called
# once per test) run one after the other in one JVM, as Surefire runs a module's tests; timed as a whole process
# (JVM start included, Maven excluded), JVM defaults. Each run is paired with pact-jvm's JUnit 5 extension
# (au.com.dius.pact.consumer:junit5, pact-jvm-pom.xml) running the same 50 classes with the same interactions.
# The classes are generated into target/ by src/GenerateSuite.java (nothing generated is checked in).
# Usage: benchmarks/consumer-suite/run.sh [runs] [classes] [tests per class]   (from anywhere; not part of mvn verify)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/benchmarks/consumer-suite"
OUT="$HERE/target"
RUNS="${1:-5}"
CLASSES="${2:-50}"
TESTS="${3:-4}"
rm -rf "$OUT/gen" "$OUT/accord" "$OUT/pactjvm"
mkdir -p "$OUT/gen" "$OUT/accord" "$OUT/pactjvm"
cd "$ROOT"

# Accord: compile pact-core and consumer-dsl, write consumer-dsl's test classpath (JUnit and its launcher included)
mvn -q -B -pl pact-core,consumer-dsl compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/accord-classpath.txt" -Dmdep.includeScope=test >/dev/null
ACCORD_CP="$OUT/accord:$ROOT/consumer-dsl/target/classes:$(cat "$OUT/accord-classpath.txt")"
# pact-jvm: its JUnit 5 consumer extension as its users resolve it
mvn -q -B -f "$HERE/pact-jvm-pom.xml" dependency:build-classpath -Dmdep.outputFile="$OUT/pact-jvm-classpath.txt" >/dev/null
PACTJVM_CP="$OUT/pactjvm:$(cat "$OUT/pact-jvm-classpath.txt")"

java "$HERE/src/GenerateSuite.java" "$OUT/gen" "$CLASSES" "$TESTS"
javac -nowarn -d "$OUT/accord" -cp "$ACCORD_CP" "$HERE/src/Calls.java" "$HERE/src/RunSuite.java" "$OUT"/gen/suite/accord/*.java
javac -nowarn -d "$OUT/pactjvm" -cp "$PACTJVM_CP" "$HERE/src/Calls.java" "$HERE/src/RunSuite.java" "$OUT"/gen/suite/pactjvm/*.java
EXPECTED=$((CLASSES * TESTS))

echo "$(java -version 2>&1 | head -1), $(nproc) cores; $CLASSES classes x $TESTS tests, one JVM per run"
cd "$OUT"
: > times.txt
for i in $(seq 1 "$RUNS"); do
  for variant in accord pactjvm; do
    rm -rf target
    cp="$ACCORD_CP"; [ "$variant" = pactjvm ] && cp="$PACTJVM_CP"
    load=$(cut -d" " -f1 /proc/loadavg)
    # shellcheck disable=SC2086
    /usr/bin/time -o time.txt -f "%e %U %S %M" java ${BENCH_JAVA_OPTS:-} -cp "$cp" suite.RunSuite "suite.$variant" "$EXPECTED" \
      > "run-$variant.log" 2>&1 || { tail -50 "run-$variant.log"; exit 1; }
    written=$(cat target/suite-pacts/*.json | grep -c '"description"' || true)
    [ "$written" = "$EXPECTED" ] || { echo "$variant: expected $EXPECTED interactions in the pacts, found $written"; exit 1; }
    read -r wall user sys rss < time.txt
    echo "$variant $wall $user $sys $rss $load" >> times.txt
    printf '%-7s run %d: %6s s wall, %5s s user + %4s s sys CPU, %4d MiB peak RSS (load average %s)\n' "$variant" "$i" \
      "$wall" "$user" "$sys" $((rss / 1024)) "$load"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for variant in accord pactjvm; do
  walls=$(awk -v v="$variant" '$1 == v { print $2 }' times.txt)
  printf '%-7s %d runs: wall median %s s (%s-%s), CPU median %s s, peak RSS median %d MiB (%d-%d)\n' "$variant" \
    "$(echo "$walls" | wc -l)" "$(echo "$walls" | median)" "$(echo "$walls" | sort -n | head -1)" \
    "$(echo "$walls" | sort -n | tail -1)" "$(awk -v v="$variant" '$1 == v { print $3 + $4 }' times.txt | median)" \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | median) / 1024)) \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | sort -n | head -1) / 1024)) \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | sort -n | tail -1) / 1024))
done
ratios=$(awk '$1 == "accord" { a[++n] = $2 } $1 == "pactjvm" { p[++m] = $2 } END { for (i = 1; i <= n; i++) print a[i] / p[i] }' \
  times.txt)
echo "accord / pact-jvm, wall, per pair: $(echo "$ratios" | awk '{ printf "%.2f ", $1 }')-> median $(echo "$ratios" | median | awk '{ printf "%.2f", $1 }')"
echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
