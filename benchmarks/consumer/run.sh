#!/usr/bin/env bash
# consumer-dsl benchmark: one JUnit 5 test class with 200 interactions, each called once by java.net.http,
# timed as a whole process (JVM start included, Maven excluded), JVM defaults (no flags). Each Accord run is paired
# with two baselines run right after it: the floor (the same JUnit class shape and the same 200 calls answered by the
# JDK's own HTTP server, no contract) and pact-jvm (its JUnit 5 extension, 4.6.18 as resolved by
# ../consumer-suite/pact-jvm-pom.xml, declaring the same 200 interactions in one @Pact method, with its defaults).
# The machine's speed drifts by 20-25 % within minutes; the baselines, measured alongside, show by how much.
# Usage: benchmarks/consumer/run.sh [runs]      (from anywhere; not part of mvn verify)
# BENCH_JAVA_OPTS=-Dbench.phases=true adds the phases of each Accord run to target/run-accord.log.
# BENCH_VARIANTS="accord floor" leaves pact-jvm out.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/benchmarks/consumer/target"
RUNS="${1:-5}"
VARIANTS="${BENCH_VARIANTS:-accord floor pactjvm}"
rm -rf "$OUT/classes" "$OUT/pactjvm"
mkdir -p "$OUT/classes" "$OUT/pactjvm"
cd "$ROOT"

# compile pact-core and consumer-dsl, and write consumer-dsl's test classpath (JUnit and its launcher included)
mvn -q -B -pl pact-core,consumer-dsl compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$OUT/classes:$ROOT/consumer-dsl/target/classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" $(find "$ROOT/benchmarks/consumer/src" -name '*.java')
# pact-jvm's JUnit 5 consumer extension as its users resolve it; the suite benchmark's runner runs its one class
mvn -q -B -f "$ROOT/benchmarks/consumer-suite/pact-jvm-pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$OUT/pact-jvm-classpath.txt" >/dev/null
PACTJVM_CP="$OUT/pactjvm:$(cat "$OUT/pact-jvm-classpath.txt")"
javac -nowarn -d "$OUT/pactjvm" -cp "$PACTJVM_CP" "$ROOT/benchmarks/consumer-suite/src/RunSuite.java" \
  "$ROOT/benchmarks/consumer/pact-jvm/onecls/TwoHundredInteractionsPactJvmTest.java"

echo "$(java -version 2>&1 | head -1), $(nproc) cores, load average before: $(cut -d" " -f1-3 /proc/loadavg)"
cd "$OUT"
: > times.txt
for i in $(seq 1 "$RUNS"); do
  for variant in $VARIANTS; do
    rm -rf bench-pacts target
    load=$(cut -d" " -f1 /proc/loadavg)
    case "$variant" in
      accord) cmd=(java ${BENCH_JAVA_OPTS:-} -cp "$CP" dev.accord.benchmarks.consumer.RunConsumerBenchmark) ;;
      floor) cmd=(java -cp "$CP" dev.accord.benchmarks.consumer.RunConsumerBenchmark PlainJdkFloorTest) ;;
      pactjvm) cmd=(java -cp "$PACTJVM_CP" suite.RunSuite onecls 1) ;;
    esac
    /usr/bin/time -o time.txt -f "%e %U %S %M" "${cmd[@]}" > "run-$variant.log" 2>&1 || { tail -40 "run-$variant.log"; exit 1; }
    if [ "$variant" != floor ]; then
      written=$(grep -c '"description"' target/bench-pacts/bench-consumer-bench-provider.json || true)
      [ "$written" = 200 ] || { echo "$variant: expected 200 interactions in the pact, found $written"; exit 1; }
    fi
    read -r wall user sys rss < time.txt
    echo "$variant $wall $user $sys $rss $load" >> times.txt
    printf '%-7s run %d: %6s s wall, %5s s user + %4s s sys CPU, %4d MiB peak RSS (load average %s)\n' "$variant" "$i" \
      "$wall" "$user" "$sys" $((rss / 1024)) "$load"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for variant in $VARIANTS; do
  walls=$(awk -v v="$variant" '$1 == v { print $2 }' times.txt)
  printf '%-7s %d runs: wall median %s s (%s-%s), CPU median %s s, peak RSS median %d MiB (%d-%d)\n' "$variant" \
    "$(echo "$walls" | wc -l)" "$(echo "$walls" | median)" "$(echo "$walls" | sort -n | head -1)" \
    "$(echo "$walls" | sort -n | tail -1)" "$(awk -v v="$variant" '$1 == v { print $3 + $4 }' times.txt | median)" \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | median) / 1024)) \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | sort -n | head -1) / 1024)) \
    $(($(awk -v v="$variant" '$1 == v { print $5 }' times.txt | sort -n | tail -1) / 1024))
done
for baseline in floor pactjvm; do
  case " $VARIANTS " in *" $baseline "*) ;; *) continue ;; esac
  ratios=$(awk -v b="$baseline" '$1 == "accord" { a[++n] = $2 } $1 == b { p[++m] = $2 } END { for (i = 1; i <= n; i++) print a[i] / p[i] }' \
    times.txt)
  echo "accord / $baseline, wall, per run: $(echo "$ratios" | awk '{ printf "%.2f ", $1 }')-> median $(echo "$ratios" | median | awk '{ printf "%.2f", $1 }')"
done
echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
