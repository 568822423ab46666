#!/usr/bin/env bash
# What sealing the access log costs ingestion, and how fast the sealer works through a backlog.
#   1. the packaged service with the sealer off (quarkus.scheduler.enabled=false): wrk PUT load -> reports/s
#   2. the same with the sealer on (every second): reports/s, and the ratio on/off (target >= 0.9)
#   3. the backlog left unsealed by run 1 (one audit event per report) is sealed by run 2's service:
#      events sealed per second while it catches up (target >= 5,000/s)
# Run:  bench/audit-sealing.sh    (needs target/quarkus-app built; builds nothing; dev token, no Keycloak)
# Settings (env): CONNECTIONS=32 DURATION=30 WARMUP=60 PORT=8093 BENCH_DB=borderwatch_bench
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-60}
PORT=${PORT:-8093}
DB=${BENCH_DB:-borderwatch_bench}
BASE=http://127.0.0.1:$PORT
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB
say() { printf '[sealing] %s\n' "$*" >&2; }
count() { psql -XAtq -c "select count(*) from $1"; }
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

"$ROOT/.ci/postgres"
dropdb --if-exists "$DB"
"$ROOT/.ci/postgres"
WORK=$(mktemp -d /tmp/borderwatch-sealing.XXXXXX)
cp -a "$ROOT/target/quarkus-app" "$WORK/app"
export BW_TOKEN=$("$ROOT/.ci/dev-token" officer.qn officer VN-QN) BW_BODY_FILE=$ROOT/bench/report.json
JAVA_PID=""
trap '[ -n "$JAVA_PID" ] && kill $JAVA_PID 2>/dev/null; true' EXIT

start() {   # $1 = true|false: sealer on or off
  QUARKUS_HTTP_PORT=$PORT QUARKUS_SCHEDULER_ENABLED=$1 \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
    java -Xmx512m -Dquarkus.profile=dev -Dborderwatch.audit.witness-dir="$WORK/witness" -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 -jar "$WORK/app/quarkus-run.jar" >>"$WORK/service.log" 2>&1 &
  JAVA_PID=$!
  until curl -sf -o /dev/null "$BASE/q/health/ready"; do sleep 0.05; done
}
stop() { kill "$JAVA_PID"; wait "$JAVA_PID" 2>/dev/null || true; JAVA_PID=""; }
load() {   # prints reports/s of the measured run
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/file-report.lua" "$BASE" >/dev/null 2>&1
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$ROOT/bench/file-report.lua" "$BASE" 2>/dev/null \
    | sed -n 's/^WRK_RESULT .*rps_2xx=\([0-9.]*\).*/\1/p'
}

say "run 1: sealer off"
start false
off=$(load)
stop
backlog=$(( $(count audit_event) - $(count audit_seal) ))
say "run 1: $off reports/s; $backlog events left unsealed"

say "run 2: sealer on (it first works through the backlog)"
start true
t0=$(date +%s%N); s0=$(count audit_seal)
while [ $(( $(count audit_event) - $(count audit_seal) )) -gt 100 ] && [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 300 ]; do sleep 0.5; done
t1=$(date +%s%N); s1=$(count audit_seal)
sealer_rate=$(awk -v n=$(( s1 - s0 )) -v ns=$(( t1 - t0 )) 'BEGIN { printf "%.0f", n / (ns / 1e9) }')
on=$(load)
sleep 3
unsealed=$(( $(count audit_event) - $(count audit_seal) ))
stop

cat <<OUT

== Sealing the access log: cost to ingestion, sealer speed ($(nproc) cores, $CONNECTIONS connections, ${DURATION}s after ${WARMUP}s warm-up) ==
reports/s, sealer off        : $off
reports/s, sealer on         : $on
ratio on / off               : $(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.2f", a / b }')   (target >= 0.90)
backlog sealed               : $(( s1 - s0 )) events at $sealer_rate events/s   (target >= 5000/s)
unsealed 3 s after the load  : $unsealed
service log                  : $WORK/service.log
OUT
