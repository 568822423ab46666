#!/usr/bin/env bash
# The long hostile-input run: FuzzTest with 100,000 generated and mutated requests (the suite runs 3,000), then
# prints the status-code histogram it logged. About 15-20 minutes on a 2-core machine.
# Run:  bench/fuzz.sh            Settings (env): REQUESTS=100000 SEED=20261124
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
./mvnw -q test -DskipE2E -Dtest=FuzzTest -Dfuzz.requests="${REQUESTS:-100000}" -Dfuzz.seed="${SEED:-20261124}" \
  | tee /tmp/borderwatch-fuzz.log | grep -E "fuzzed requests|Tests run|FAIL" || true
grep -h "Tests run" target/surefire-reports/org.borderwatch.common.FuzzTest.txt
