# Sourced by benchmarks/broker/run.sh and benchmarks/ui/run.sh: a broker (broker-server.jar at -Xmx512m) on a new
# PostgreSQL database, stopped and the database dropped (unless keep_db=true) however the calling script ends.
# The caller sets $root (the repository) and $keep_db, then calls:
#   start_broker_on_new_database NAME_PREFIX "what else to print about the machine"
# which sets $db, $port, $jar, $work (a temp dir holding broker.log) and $broker_pid, and returns once the broker
# answers its heartbeat (Flyway has created the schema). Environment: PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (postgres; needs CREATEDB), PGPASSWORD, BENCH_PORT (a random free port), BROKER_JAR (built when missing).

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=""
work="$(mktemp -d)"
broker_pid=""

cleanup() {
  status=$?
  if [ -n "$broker_pid" ] && kill -0 "$broker_pid" 2>/dev/null; then
    kill "$broker_pid"; wait "$broker_pid" 2>/dev/null || true
  fi
  if [ -n "$db" ]; then
    if [ "$keep_db" = false ]; then
      dropdb --if-exists "$db" || echo "run.sh: could not drop database $db; drop it by hand" >&2
    else
      echo "database kept: $db"
    fi
  fi
  if [ $status -ne 0 ]; then
    echo "run.sh: failed (exit $status); broker log: $work/broker.log" >&2
    tail -n 40 "$work/broker.log" >&2 2>/dev/null || true
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

start_broker_on_new_database() {
  local prefix=$1 machine=$2
  port="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
  jar="${BROKER_JAR:-$root/broker-server/target/broker-server.jar}"
  if [ ! -f "$jar" ]; then
    echo "== building broker-server.jar"
    (cd "$root" && mvn -B -q -DskipTests -pl broker-server -am package)
  fi
  echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $machine"
  echo "== load before: $(uptime)"
  db="${prefix}_$(date +%s)_$$"
  echo "== database $db, broker on 127.0.0.1:$port"
  createdb "$db"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    java -Xmx512m -jar "$jar" --server.port="$port" --server.address=127.0.0.1 > "$work/broker.log" 2>&1 &
  broker_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$port/diagnostic/status/heartbeat" > /dev/null; then break; fi
    if ! kill -0 "$broker_pid" 2>/dev/null; then echo "run.sh: the broker exited during startup" >&2; exit 1; fi
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/diagnostic/status/heartbeat" > /dev/null || { echo "run.sh: the broker did not start in 240 s" >&2; exit 1; }
  echo "== broker up (Flyway schema applied)"
}
