#!/usr/bin/env bash
# Shows the build's enforcer rules failing on deliberate violations (docs/design.md, "What the build enforces").
# On a copy of the working tree (never the tree itself), each case adds one violation to consumer-dsl's POM, runs
# `mvn validate` on consumer-dsl and what it depends on, and expects the build to fail with the rule's own words:
#   1. Spring in a library users add (rule bannedDependencies, execution library-classpath)
#   2. two versions of one library on a classpath (rule dependencyConvergence)
# Then it checks that the unchanged copy passes, so a failure comes from the violation and nothing else.
# Usage: architecture-tests/violations.sh   (offline by default; MAVEN_ARGS="" to allow downloads)
# Takes about a minute; not part of `mvn verify` (it runs Maven three times).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
maven_args=${MAVEN_ARGS--o}

copy() {
  rsync -a --exclude target --exclude .git --exclude node_modules "$root/" "$work/$1/"
}

# adds the dependency XML in $2 as the first dependency of consumer-dsl in copy $1
add_dependency() {
  python3 - "$work/$1/consumer-dsl/pom.xml" "$2" <<'PY'
import sys
path, dep = sys.argv[1], sys.argv[2]
pom = open(path).read()
marker = "  <dependencies>\n"
assert marker in pom, "no <dependencies> in consumer-dsl/pom.xml"
open(path, "w").write(pom.replace(marker, marker + dep + "\n", 1))
PY
}

# runs validate on consumer-dsl in copy $1; expects exit status $2 (0 or "fail") and, on failure, the text $3
expect() {
  local name=$1 want=$2 text=${3:-} log="$work/$1.log" status=0
  (cd "$work/$name" && mvn -B $maven_args -pl consumer-dsl -am validate >"$log" 2>&1) || status=$?
  if [[ $want == 0 && $status != 0 ]]; then
    echo "FAIL $name: the unchanged build should pass validate; log:"; tail -30 "$log"; exit 1
  fi
  if [[ $want == fail ]]; then
    if [[ $status == 0 ]]; then
      echo "FAIL $name: the build passed despite the violation"; exit 1
    fi
    if ! grep -qF -- "$text" "$log"; then
      echo "FAIL $name: the build failed, but not with \"$text\"; log:"; tail -30 "$log"; exit 1
    fi
    echo "ok   $name: failed with \"$text\""
    grep -F -A4 -- "$text" "$log" | sed 's/^/       /' | head -6
  else
    echo "ok   $name: passes"
  fi
}

copy unchanged
expect unchanged 0

copy spring-in-consumer-dsl
add_dependency spring-in-consumer-dsl '    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-core</artifactId>
    </dependency>'
expect spring-in-consumer-dsl fail "Rule 0: org.apache.maven.enforcer.rules.dependency.BannedDependencies failed with message:"

copy two-versions-in-consumer-dsl
add_dependency two-versions-in-consumer-dsl '    <dependency>
      <groupId>com.google.errorprone</groupId>
      <artifactId>error_prone_annotations</artifactId>
      <version>2.3.4</version>
    </dependency>
    <dependency>
      <groupId>com.google.guava</groupId>
      <artifactId>guava</artifactId>
      <version>33.4.8-jre</version>
    </dependency>'
expect two-versions-in-consumer-dsl fail "Dependency convergence error for com.google.errorprone:error_prone_annotations"
echo "All enforcer rules failed on their deliberate violation."
