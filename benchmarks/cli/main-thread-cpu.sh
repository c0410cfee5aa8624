#!/usr/bin/env bash
# CPU of the main thread and of the JIT compiler threads of one JVM call, median of N runs, from the kernel's
# per-thread counters (src/MainThreadCpu.java, a Java agent): the figure to decide a start-up change with while other
# work shares the machine, where wall time moves 20-50 % (docs/performance.md; benchmarks/HISTORY.md, session 9).
#
# Usage: benchmarks/cli/main-thread-cpu.sh N java-args...    e.g.
#   benchmarks/cli/main-thread-cpu.sh 15 -jar cli/target/accord.jar verify --provider p --pact-file pact.json ...
# Linux only (/proc). JAVA_HOME selects the java (default: the one on the PATH).
set -euo pipefail
N=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=$(command -v java); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" "$here/src/MainThreadCpu.java"
printf 'Premain-Class: MainThreadCpu\n' > "$work/manifest"
jar cfm "$work/agent.jar" "$work/manifest" -C "$work/classes" .
for _ in $(seq 1 "$N"); do
  "$java" -javaagent:"$work/agent.jar=$work/cpu.txt" "$@" > /dev/null 2>&1 || true
done
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f ms (%.1f-%.1f)", a[int((NR+1)/2)], a[1], a[NR]}'; }
echo "main thread: $(cut -d' ' -f1 "$work/cpu.txt" | median), JIT threads: $(cut -d' ' -f2 "$work/cpu.txt" | median), $N runs"
