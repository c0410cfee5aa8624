#!/usr/bin/env bash
# Broker start-up benchmark: time from launching the JVM to the first `GET /` answered 200, and to the first answer
# that needs the database (`GET /pacticipants`), with CPU (user + sys) and peak RSS at the first answer, paired in
# one run with the floor: a hello-world jar answering `GET /` from the JDK's HTTP server, on the same JDK.
#
# Usage: benchmarks/broker/start.sh [N] [--databases h2-fresh,h2-data,postgres] [--variants jar,launcher,cds,launcher25,aot]
#                                  [--baseline-jar PATH]
#   N            starts of each variant on each database (default 5), after one untimed extraction and training
#   databases    h2-fresh: a new empty H2 directory per start (Flyway creates the schema);
#                h2-data: a copy of an H2 directory holding 200 published pacts (Flyway only validates);
#                postgres: a new database per start (createdb, dropped after the start)
#   variants     jar: java -jar broker-server/target/broker-server.jar (JDK 17 on the PATH, no flags);
#                launcher: broker-server/bin/accord-broker, the README's command (JDK 17), after its first start;
#                launcher25: the same on JDK 25 ($JAVA25_HOME), which makes and uses an AOT cache;
#                cds: the extracted jar with a JDK 17 class-data archive (docs/broker.md, "Faster start");
#                aot: the extracted jar with a JDK 25 AOT cache ($JAVA25_HOME, default
#                     /usr/lib/jvm/temurin-25-jdk-amd64; left out when missing)
#   baseline-jar another broker jar (e.g. main's, copied aside) started the same ways, each variant v as "base-v"
#                just before it (its own extraction and archives), so every figure has its pair in the same run
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; needs CREATEDB), PGPASSWORD; BROKER_JAR (default
#   broker-server/target/broker-server.jar, built when missing). Every process and database it creates is stopped or
#   dropped however it ends. Not part of mvn verify; see docs/performance.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=5
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
jar="${BROKER_JAR:-$root/broker-server/target/broker-server.jar}"
if [ ! -f "$jar" ]; then
  echo "== building broker-server.jar"
  (cd "$root" && mvn -B -q -DskipTests -pl broker-server -am package)
fi
exec python3 "$here/start.py" "$runs" --jar "$jar" --java25 "${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" "$@"
