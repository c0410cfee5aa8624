#!/usr/bin/env bash
# One CLI call as a pipeline makes it, paired with the Rust `pact` CLI in the same run (issue #17):
#   can-i-deploy against a local broker (broker-server.jar on a new PostgreSQL database, seeded with one pact, its
#   verification and a deployment), and verify of a one-interaction pact against a tiny local provider.
# Each is timed as a whole process, N rounds interleaved (timing.py), for: the Rust CLI (`pact broker
# can-i-deploy`, `pact verifier`), `java -jar accord.jar`, and the launcher `bin/accord` of the distribution zip
# unzipped to a temporary directory (its build-time class archive, as a user gets it); plus the floor, the JVM
# starting and stopping (`java -version`, a hello world) with the same flags. Then the stub of the same pact, from
# start to its first HTTP answer (first_answer.py, N rounds interleaved): `pact stub` (Rust), `java -jar accord.jar
# stub`, the launcher's `stub`.
#
# Usage: benchmarks/cli/run.sh [N]         (N rounds, default 10; from anywhere; never part of mvn verify)
# Environment: ACCORD_PACT_BIN (the Rust `pact` binary; default: the one npm installed under ~/.cache/accord-tools),
#   JAVA_HOME (the runtime to measure; default: java on the PATH), BROKER_JAR, PGHOST/PGPORT/PGUSER (see
#   benchmarks/lib/broker-on-postgres.sh), ACCORD_BUILD=1 to rebuild cli/target/accord.jar first,
#   ACCORD_BEFORE_ZIP=/path/to/accord-<version>.zip of an earlier build (e.g. main's, saved before rebuilding) to time
#   its `java -jar` and launcher too, in the same rounds ("before" rows).
set -euo pipefail
N=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
keep_db=false
provider_pid=""
# shellcheck source=../lib/broker-on-postgres.sh
source "$root/benchmarks/lib/broker-on-postgres.sh"
# the provider too, then the library's cleanup (broker, database) with this script's exit status
trap 'st=$?; set +e; if [ -n "$provider_pid" ]; then kill "$provider_pid" 2>/dev/null; fi; (exit $st); cleanup' EXIT

export PACT_DO_NOT_TRACK=true
pact=${ACCORD_PACT_BIN:-$HOME/.cache/accord-tools/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
if [ ! -x "$pact" ]; then
  echo "run.sh: no Rust pact binary at $pact: npm install --prefix ~/.cache/accord-tools @pact-foundation/pact-cli@18.1.2," \
    "or set ACCORD_PACT_BIN" >&2
  exit 1
fi
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=$(command -v java); fi
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$java")")")}

cd "$root"
if [ "${ACCORD_BUILD:-0}" = 1 ] || [ ! -f cli/target/accord.jar ] || ! ls cli/target/accord-*.zip > /dev/null 2>&1; then
  echo "== building cli/target/accord.jar and the distribution zip"
  mvn -B -q -pl cli -am package -DskipTests
fi
mkdir -p "$work/dist" "$work/classes"
# a copy: a build during the run does not change what is measured
cp cli/target/accord.jar "$work/accord.jar"
accord_jar=$work/accord.jar  # not $jar: start_broker_on_new_database sets that to the broker's
unzip -q "$(ls cli/target/accord-*.zip | head -1)" -d "$work/dist"
launcher=$(ls "$work"/dist/*/bin/accord)
before_jar="" before_launcher=""
if [ -n "${ACCORD_BEFORE_ZIP:-}" ]; then
  mkdir -p "$work/before"
  unzip -q "$ACCORD_BEFORE_ZIP" -d "$work/before"
  before_launcher=$(ls "$work"/before/*/bin/accord)
  before_jar=$(ls "$work"/before/*/lib/accord.jar)
fi
# the launcher's first-run archive (used only when the shipped one does not fit this java) goes here, not in ~/.cache
export ACCORD_CACHE_DIR="$work/cache"

start_broker_on_new_database accord_cli_bench "Rust CLI: $pact; SSL_CERT_FILE=${SSL_CERT_FILE:-unset}"
broker="http://127.0.0.1:$port"

# the provider: the verifier benchmark's FastProvider (GET /products/{id}, POST /_pact/state) and its pact generator
"$java" -version > /dev/null 2>&1
javac -d "$work/classes" benchmarks/verifier/src/FastProvider.java benchmarks/verifier/src/GeneratePact.java \
  benchmarks/cli/src/Hello.java
"$java" -cp "$work/classes" GeneratePact 1 "$work/pact.json"
"$java" -cp "$work/classes" FastProvider 0 > "$work/provider-port.txt" &
provider_pid=$!
while [ ! -s "$work/provider-port.txt" ]; do sleep 0.1; done
provider_port=$(cat "$work/provider-port.txt")
provider="http://127.0.0.1:$provider_port"

echo "== seeding: one pact (orders-service 1.0.0), its verification (products-service 2.0.0), deployed to production"
accord() { "$java" -jar "$accord_jar" "$@"; }
accord publish "$work/pact.json" -b "$broker" --consumer-app-version 1.0.0 --branch main > /dev/null
accord create-environment -b "$broker" --name production --production > /dev/null 2>&1 || true  # may be seeded
accord verify --broker-url "$broker" --provider products-service --provider-base-url "$provider" \
  --state-change-url "$provider/_pact/state" --publish --provider-version 2.0.0 --provider-branch main > /dev/null
accord record-deployment -b "$broker" --pacticipant products-service --version 2.0.0 --environment production > /dev/null
accord can-i-deploy -b "$broker" --pacticipant orders-service --version 1.0.0 --to-environment production \
  | tail -n 3

cid="--pacticipant orders-service --version 1.0.0 --to-environment production"
pact_verify="--file $work/pact.json --hostname 127.0.0.1 --port $provider_port --state-change-url $provider/_pact/state"
verify="verify --provider products-service --pact-file $work/pact.json --provider-base-url $provider"
verify="$verify --state-change-url $provider/_pact/state"
# every command must answer yes / pass before it is timed
"$pact" broker can-i-deploy -b "$broker" $cid > /dev/null
"$pact" verifier $pact_verify > /dev/null
"$java" -jar "$accord_jar" can-i-deploy -b "$broker" $cid > /dev/null
"$java" -jar "$accord_jar" $verify > /dev/null
"$launcher" can-i-deploy -b "$broker" $cid > /dev/null
"$launcher" $verify > /dev/null
if [ -n "$before_jar" ]; then
  "$java" -jar "$before_jar" can-i-deploy -b "$broker" $cid > /dev/null
  "$java" -jar "$before_jar" $verify > /dev/null
  ACCORD_CACHE_DIR="$work/cache-before" "$before_launcher" can-i-deploy -b "$broker" $cid > /dev/null
  ACCORD_CACHE_DIR="$work/cache-before" "$before_launcher" $verify > /dev/null
fi

quick="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
cat > "$work/spec.txt" <<EOF
floor: the JVM alone|java -version (JVM defaults)||$java -version
floor: the JVM alone|java -cp . Hello (JVM defaults)||$java -cp $work/classes Hello
floor: the JVM alone|java $quick -cp . Hello||$java $quick -cp $work/classes Hello
can-i-deploy (local broker, one integration)|pact broker can-i-deploy (Rust)||$pact broker can-i-deploy -b $broker $cid
can-i-deploy (local broker, one integration)|java -jar accord.jar can-i-deploy|pact broker can-i-deploy (Rust)|$java -jar $accord_jar can-i-deploy -b $broker $cid
can-i-deploy (local broker, one integration)|bin/accord can-i-deploy (dist zip)|pact broker can-i-deploy (Rust)|$launcher can-i-deploy -b $broker $cid
verify (one interaction, one provider state)|pact verifier (Rust)||$pact verifier $pact_verify
verify (one interaction, one provider state)|java -jar accord.jar verify|pact verifier (Rust)|$java -jar $accord_jar $verify
verify (one interaction, one provider state)|bin/accord verify (dist zip)|pact verifier (Rust)|$launcher $verify
EOF
if [ -n "$before_jar" ]; then
  cid_group="can-i-deploy (local broker, one integration)"
  verify_group="verify (one interaction, one provider state)"
  cat >> "$work/spec.txt" <<EOF
$cid_group|before: java -jar accord.jar can-i-deploy|pact broker can-i-deploy (Rust)|$java -jar $before_jar can-i-deploy -b $broker $cid
$cid_group|before: bin/accord can-i-deploy|pact broker can-i-deploy (Rust)|env ACCORD_CACHE_DIR=$work/cache-before $before_launcher can-i-deploy -b $broker $cid
$verify_group|before: java -jar accord.jar verify|pact verifier (Rust)|$java -jar $before_jar $verify
$verify_group|before: bin/accord verify|pact verifier (Rust)|env ACCORD_CACHE_DIR=$work/cache-before $before_launcher $verify
EOF
fi
echo "== $N rounds, interleaved; load before: $(uptime)"
python3 "$root/benchmarks/cli/timing.py" "$N" "$work/spec.txt"

# a stub serving the same pact until its first answer to the interaction's request ({port}: a free port per start)
stub_group="stub (start to first answer, the same pact)"
cat > "$work/stub-spec.txt" <<EOF
$stub_group|pact stub (Rust)||/products/0|$pact stub --file $work/pact.json --port {port}
$stub_group|java -jar accord.jar stub|pact stub (Rust)|/products/0|$java -jar $accord_jar stub --pact-file $work/pact.json --port {port}
$stub_group|bin/accord stub (dist zip)|pact stub (Rust)|/products/0|$launcher stub --pact-file $work/pact.json --port {port}
EOF
if [ -n "$before_jar" ]; then
  cat >> "$work/stub-spec.txt" <<EOF
$stub_group|before: java -jar accord.jar stub|pact stub (Rust)|/products/0|$java -jar $before_jar stub --pact-file $work/pact.json --port {port}
$stub_group|before: bin/accord stub|pact stub (Rust)|/products/0|env ACCORD_CACHE_DIR=$work/cache-before $before_launcher stub --pact-file $work/pact.json --port {port}
EOF
fi
python3 "$root/benchmarks/cli/first_answer.py" "$N" "$work/stub-spec.txt"
echo
echo "== load after: $(uptime)"
