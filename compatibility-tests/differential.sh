#!/usr/bin/env bash
# Differential test against the reference implementation (the standard pact CLI), at scale.
#   compatibility-tests/differential.sh              # 3000 cases, random seed (printed)
#   compatibility-tests/differential.sh SEED         # 3000 cases from SEED
#   compatibility-tests/differential.sh SEED COUNT   # COUNT cases from SEED (reproduces a run exactly)
# Needs the pact CLI ($ACCORD_PACT_CLI, else $HOME/.cache/accord-tools/node_modules/.bin/pact, as .ci/run installs).
# The report with a reproducer (pact and actual) per disagreement: compatibility-tests/target/differential/report.md
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}"
count="${2:-3000}"
export PACT_DO_NOT_TRACK=true
export ACCORD_PACT_CLI="${ACCORD_PACT_CLI:-$HOME/.cache/accord-tools/node_modules/.bin/pact}"
echo "Differential test: seed $seed, $count cases (reproduce with: $0 $seed $count)"
status=0
mvn -B -q -pl compatibility-tests -am test -Dtest=DifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Daccord.differential.seed="$seed" -Daccord.differential.cases="$count" || status=$?
report=compatibility-tests/target/differential/report.md
[ -f "$report" ] && sed -n '1,/^$/p' "$report" | sed -n '3,$p'
echo "seed $seed, $count cases; report: $report"
exit $status
