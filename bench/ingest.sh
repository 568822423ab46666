#!/usr/bin/env bash
# Ingest benchmark: how many field reports per second the packaged service files, against
# what PostgreSQL alone does with the same transaction.
#
# Measures, in this order:
#   1. time to first request: launching java -> first successful GET /q/health/ready (polled every 50 ms)
#   2. RSS of the java process, idle after startup
#   3. wrk load: PUT /api/v1/reports/<fresh UUID v4> with a real Keycloak token (bench/file-report.lua),
#      a short warm-up run first; reports/s, p50/p99 latency, non-2xx and socket errors;
#      checks that the report table grew by the number of 2xx responses
#   4. RSS after the load
#   5. pgbench with the same transaction the service runs (bench/report-tx.sql), same client count
#   6. a summary with the issue's targets (>= 3000 reports/s, zero errors, reports/s / pgbench tps >= 0.4)
#
# Run:  bench/ingest.sh                       (needs target/quarkus-app built already; builds nothing)
#       DURATION=60 CONNECTIONS=64 bench/ingest.sh
# Settings (env): THREADS=2 CONNECTIONS=32 DURATION=30 WARMUP=60 PORT=8089 BENCH_DB=borderwatch_bench
#                 BENCH_USER=officer.qn JAVA_OPTS=-Xmx512m
# Uses the local PostgreSQL (.ci/postgres) and Keycloak (.ci/keycloak; started only if it is not
# running, and then stopped again). The service runs from a copy of target/quarkus-app in a temp dir
# and is stopped on exit; its log and the raw wrk/pgbench output are kept in that dir.
# Files: bench/file-report.lua (wrk script), bench/report.json (request body), bench/report-tx.sql (pgbench).
# Only the timed wrk run counts; the warm-up's requests are not in the figures.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-60}   # the JIT needs about a minute of load to settle on two shared cores
PORT=${PORT:-8089}
DB=${BENCH_DB:-borderwatch_bench}
BENCH_USER=${BENCH_USER:-officer.qn}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
BASE=http://127.0.0.1:$PORT
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB

say() { printf '[ingest] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
sql() { psql -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# Field "key=value" from the WRK_RESULT line of a wrk output file.
wrk_field() { grep '^WRK_RESULT ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# CPU ticks (user + system) used so far by the given pids; utime and stime are fields 14 and 15 of
# /proc/<pid>/stat, counted after the ")" that ends the command name (which may contain spaces).
stat_ticks() { sed 's/.*) //' "$1" 2>/dev/null | awk '{ print $12 + $13 }'; }
cpu_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(stat_ticks "/proc/$p/stat") )); done; echo "$t"; }
# The same for the JIT compiler threads of a JVM (approximate: compiler threads may come and go).
jit_ticks() {
  local t=0 task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in "C1 Compiler"*|"C2 Compiler"*) t=$(( t + $(stat_ticks "$task/stat") )) ;; esac
  done
  echo "$t"
}
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }   # user nice system irq softirq, all cores

WORK=$(mktemp -d /tmp/borderwatch-bench.XXXXXX)
JAVA_PID=
KEYCLOAK_STARTED=no

cleanup() {
  local rc=$?
  if [ -n "$JAVA_PID" ] && kill -0 "$JAVA_PID" 2>/dev/null; then
    say "stopping the service (pid $JAVA_PID)"
    kill "$JAVA_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$JAVA_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$JAVA_PID" 2>/dev/null || true
  fi
  if [ "$KEYCLOAK_STARTED" = yes ]; then "$ROOT/.ci/keycloak" stop || true; fi
  rm -rf "$WORK/app"
  say "service log and raw results kept in $WORK"
  exit "$rc"
}
trap cleanup EXIT

# ---- Prerequisites ----------------------------------------------------------------------------
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || die "target/quarkus-app is missing; build the service first (mvn package)"
command -v wrk >/dev/null || { say "installing wrk"; apt-get install -y -q wrk >/dev/null; }
command -v pgbench >/dev/null || die "pgbench is missing (apt-get install postgresql-client-15)"
"$ROOT/.ci/postgres"
# A fresh bench database every run, so the figures do not depend on what earlier runs left behind.
dropdb -h 127.0.0.1 -U borderwatch --if-exists "$DB"
"$ROOT/.ci/postgres"
if curl -sf -o /dev/null http://127.0.0.1:8180/realms/borderwatch/.well-known/openid-configuration; then
  say "Keycloak already running; it is left running"
else
  "$ROOT/.ci/keycloak" start
  KEYCLOAK_STARTED=yes
fi
! curl -s -o /dev/null "$BASE/" || die "something already listens on port $PORT"
maven_running() { pgrep -f 'org.codehaus.plexus.classworlds.launcher.Launcher' >/dev/null; }
MAVEN_SEEN=no
note_maven() { if maven_running; then MAVEN_SEEN="YES - figures disturbed"; fi; }
if maven_running; then
  MAVEN_SEEN="YES - figures disturbed"
  say "WARNING: a Maven build is running at the same time; the figures will be lower than on a quiet machine"
fi

# Copy the packaged app: target/quarkus-app may be rebuilt at any moment. Retry if it changed while copying.
newest() { find "$ROOT/target/quarkus-app" -printf '%T@\n' | sort -n | tail -1; }
for attempt in 1 2 3 4 5 6; do
  rm -rf "$WORK/app"
  before=$(newest)
  if cp -a "$ROOT/target/quarkus-app" "$WORK/app" 2>/dev/null && [ "$before" = "$(newest)" ] \
     && [ -f "$WORK/app/quarkus-run.jar" ] && [ -f "$WORK/app/quarkus/quarkus-application.dat" ]; then
    break
  fi
  [ "$attempt" = 6 ] && die "target/quarkus-app keeps changing; try again when the build is done"
  say "target/quarkus-app changed while copying; retrying in 5 s"; sleep 5
done

# ---- 1. Start the service, time to first request ----------------------------------------------
say "starting the service on port $PORT against database $DB"
start=$(now_ms)
# One load-generating user stands for many phones: lift the per-user rate limit. Production mode refuses to start
# without its signing keys: the bench signs with the test keys.
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
BORDERWATCH_AUDIT_SIGNING_KEY="$ROOT/src/test/resources/keys/audit-dev-private.pem" \
BORDERWATCH_SHARING_SNAPSHOT_SIGNING_KEY="$ROOT/src/test/resources/keys/snapshot-dev-private.pem" \
BORDERWATCH_AUDIT_WITNESS_DIR="$WORK/witness" \
  java $JAVA_OPTS -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 -jar "$WORK/app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
JAVA_PID=$!
until curl -sf -o /dev/null "$BASE/q/health/ready"; do
  kill -0 "$JAVA_PID" 2>/dev/null || { tail -40 "$WORK/service.log" >&2; die "the service exited during startup"; }
  [ $(( $(now_ms) - start )) -lt 120000 ] || { tail -40 "$WORK/service.log" >&2; die "not ready after 120 s"; }
  sleep 0.05
done
TTFR_MS=$(( $(now_ms) - start ))
say "ready after $TTFR_MS ms"

# ---- 2. Idle RSS ------------------------------------------------------------------------------
sleep 1
RSS_IDLE=$(rss_mb "$JAVA_PID")

# ---- 3. Load with wrk ------------------------------------------------------------------------
BW_TOKEN=$("$ROOT/.ci/keycloak" token "$BENCH_USER")
[[ "$BW_TOKEN" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || die "no access token for $BENCH_USER from Keycloak"
export BW_TOKEN BW_BODY_FILE=$BENCH/report.json

# One request by hand first, so a broken setup fails here with the service's answer.
smoke_id=$(cat /proc/sys/kernel/random/uuid)
status=$(curl -s -o "$WORK/smoke.json" -w '%{http_code}' -X PUT "$BASE/api/v1/reports/$smoke_id" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $BW_TOKEN" --data-binary "@$BENCH/report.json")
[ "$status" = 201 ] || { cat "$WORK/smoke.json" >&2; echo >&2; die "smoke PUT answered $status, expected 201"; }

say "warm-up: ${WARMUP}s, $THREADS threads, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH/file-report.lua" "$BASE" >"$WORK/wrk-warmup.txt" 2>"$WORK/wrk-warmup.err"
grep '^WRK_RESULT' "$WORK/wrk-warmup.txt" | sed 's/^WRK_RESULT/[ingest] warm-up:/' >&2
sleep 2   # requests still in flight when wrk stopped finish now

rows_before=$(sql "select count(*) from report")
pg_pids=$(pgrep -x postgres | tr '\n' ' ')
cpu_java0=$(cpu_ticks "$JAVA_PID"); cpu_jit0=$(jit_ticks "$JAVA_PID"); cpu_pg0=$(cpu_ticks $pg_pids); cpu_all0=$(busy_ticks); t0=$(now_ms)

note_maven
say "load: ${DURATION}s, $THREADS threads, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$BENCH/file-report.lua" "$BASE" >"$WORK/wrk.txt" 2>"$WORK/wrk.err"
note_maven
cpu_java1=$(cpu_ticks "$JAVA_PID"); cpu_jit1=$(jit_ticks "$JAVA_PID"); cpu_pg1=$(cpu_ticks $pg_pids); cpu_all1=$(busy_ticks); WRK_MS=$(( $(now_ms) - t0 ))
cat "$WORK/wrk.txt"
[ -s "$WORK/wrk.err" ] && { say "wrk stderr (first lines):"; head -5 "$WORK/wrk.err" >&2; }
grep -q '^WRK_RESULT ' "$WORK/wrk.txt" || die "wrk printed no WRK_RESULT line"

# ---- 4. RSS after load, row count check --------------------------------------------------------
RSS_LOAD=$(rss_mb "$JAVA_PID")
sleep 2   # let requests that were in flight when wrk stopped commit
rows_after=$(sql "select count(*) from report")
ROWS_ADDED=$(( rows_after - rows_before ))
OK2XX=$(wrk_field "$WORK/wrk.txt" ok2xx)
SENT=$(wrk_field "$WORK/wrk.txt" sent)
COMPLETED=$(wrk_field "$WORK/wrk.txt" completed)
NON2XX=$(wrk_field "$WORK/wrk.txt" non2xx)
SOCKET_ERRORS=$(wrk_field "$WORK/wrk.txt" socket_errors)
RPS=$(wrk_field "$WORK/wrk.txt" rps_2xx)
P50=$(wrk_field "$WORK/wrk.txt" p50_ms)
P99=$(wrk_field "$WORK/wrk.txt" p99_ms)
IN_FLIGHT=$(( SENT - COMPLETED ))   # sent by wrk, but the answer never read: wrk stops mid-request
if [ "$ROWS_ADDED" -eq "$OK2XX" ]; then
  ROW_CHECK="OK (equal)"
elif [ "$ROWS_ADDED" -gt "$OK2XX" ] && [ $(( ROWS_ADDED - OK2XX )) -le "$IN_FLIGHT" ]; then
  ROW_CHECK="OK: +$(( ROWS_ADDED - OK2XX )) rows from the $IN_FLIGHT requests in flight when wrk stopped"
else
  ROW_CHECK="MISMATCH"
fi
say "rows added $ROWS_ADDED, 2xx responses $OK2XX ($ROW_CHECK)"

# ---- 5. pgbench with the service's transaction ------------------------------------------------
say "pgbench: ${DURATION}s, $CONNECTIONS clients, $THREADS threads, bench/report-tx.sql"
pg_rows_before=$(sql "select count(*) from report")
cpu_allb0=$(busy_ticks); t0=$(now_ms)   # pgbench's backends come and go with it, so only the machine total is taken
pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$BENCH/report-tx.sql" "$DB" >"$WORK/pgbench.txt" 2>&1 \
  || { cat "$WORK/pgbench.txt" >&2; die "pgbench failed"; }
cpu_allb1=$(busy_ticks); PGBENCH_MS=$(( $(now_ms) - t0 ))
note_maven
cat "$WORK/pgbench.txt"
TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.txt" | tail -1)
PG_TX=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.txt")
PG_ROWS=$(( $(sql "select count(*) from report") - pg_rows_before ))
[ -n "$TPS" ] || die "no tps in pgbench output"

# ---- 6. Summary ------------------------------------------------------------------------------
ERRORS=$(( NON2XX + SOCKET_ERRORS ))
HZ=$(getconf CLK_TCK)
cpu_pct() { awk -v t="$1" -v hz="$HZ" -v ms="$2" 'BEGIN { printf "%.0f%%", 100 * t / hz / (ms / 1000) }'; }   # ticks, wall ms
pass() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }
RATIO=$(awk -v a="$RPS" -v b="$TPS" 'BEGIN { printf "%.2f", a / b }')

cat <<EOF

================ Borderwatch ingest benchmark ================
load                     : $THREADS wrk threads, $CONNECTIONS connections, ${DURATION}s (after ${WARMUP}s warm-up), $(nproc) cores
Maven build seen running : $MAVEN_SEEN
reports/s (2xx)          : $RPS
latency p50 / p99        : $P50 ms / $P99 ms
errors                   : $ERRORS (non-2xx $NON2XX, socket $SOCKET_ERRORS)
report rows added / 2xx  : $ROWS_ADDED / $OK2XX  $ROW_CHECK
CPU during wrk           : java $(cpu_pct $(( cpu_java1 - cpu_java0 )) "$WRK_MS") (JIT compiler threads $(cpu_pct $(( cpu_jit1 - cpu_jit0 )) "$WRK_MS")), postgres $(cpu_pct $(( cpu_pg1 - cpu_pg0 )) "$WRK_MS"), machine $(cpu_pct $(( cpu_all1 - cpu_all0 )) "$WRK_MS") of $(( $(nproc) * 100 ))% (100% = one core)
pgbench tps              : $(printf '%.1f' "$TPS")  ($PG_TX transactions, $PG_ROWS rows added)
CPU during pgbench       : machine $(cpu_pct $(( cpu_allb1 - cpu_allb0 )) "$PGBENCH_MS") of $(( $(nproc) * 100 ))%
ratio reports/s / tps    : $RATIO
time to first request    : $TTFR_MS ms
RSS idle / after load    : $RSS_IDLE MB / $RSS_LOAD MB
service log              : $(grep -c ' ERROR ' "$WORK/service.log" || true) ERROR lines ($WORK/service.log)
targets                  : >= 3000 reports/s $(pass "$RPS >= 3000"), zero errors $(pass "$ERRORS == 0"), ratio >= 0.4 $(pass "$RATIO >= 0.4")
==============================================================
EOF
