#!/usr/bin/env bash
# Ingest benchmark: the packaged service as a serving pod runs it (production mode, schema migrated beforehand as the
# migrate Job does, the pod's JVM options from k8s/base/deployment.yaml, Temurin 25 with the AOT cache of
# bench/aot-train.sh, a real Keycloak token, PostgreSQL on the same two cores, load on loopback), against what
# PostgreSQL alone does with the same rows (pgbench, bench/report-tx.sql: one report + one audit row per
# transaction), measured in the same run.
#
# Each of RUNS runs (default 3) does, on a fresh bench database:
#   1. migrate (an untimed BORDERWATCH_MIGRATE_ONLY run), then start the serving process: ms from exec to ready;
#   2. the first 10 s of saturating load (wrk, 2 threads, 32 connections, fresh ids): reports/s;
#   3. load until WARMUP s have passed, then DURATION s measured: reports/s at saturation, p99;
#   4. DURATION s paced at half that rate (bench/file-report.lua with BW_RATE): p99;
#   5. load until LOAD_MINUTES of load in all, then the RSS of the process;
#   6. pgbench with the same rows, same clients, DURATION s: transactions/s.
# Then the medians of the runs, each figure against its target; exits 1 when a target is missed (and 2 on a broken
# setup). Every 2xx is checked against the rows the database gained.
#
# Run:  bench/ingest.sh                 (needs target/quarkus-app built already: ./mvnw package; builds nothing)
# Settings (env): RUNS=3 WARMUP=60 DURATION=30 LOAD_MINUTES=5 CONNECTIONS=32 THREADS=2 PORT=8089 BENCH_DB=borderwatch_bench
#                 BENCH_USER=officer.qn JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64 AOT=yes (no: without the AOT cache)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
RUNS=${RUNS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-30}
LOAD_MINUTES=${LOAD_MINUTES:-5}
PORT=${PORT:-8089}
DB=${BENCH_DB:-borderwatch_bench}
BENCH_USER=${BENCH_USER:-officer.qn}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
AOT=${AOT:-yes}
BASE=http://127.0.0.1:$PORT
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB

say() { printf '[ingest] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 2; }
sql() { psql -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
wrk_field() { grep '^WRK_RESULT ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }

WORK=$(mktemp -d /tmp/borderwatch-bench.XXXXXX)
JAVA_PID=
KEYCLOAK_STARTED=no
stop_service() {
  if [ -n "$JAVA_PID" ] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$JAVA_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$JAVA_PID" 2>/dev/null || true
  fi
  JAVA_PID=
}
cleanup() {
  local rc=$?
  stop_service
  if [ "$KEYCLOAK_STARTED" = yes ]; then "$ROOT/.ci/keycloak" stop || true; fi
  rm -rf "$WORK/app"
  say "service logs and raw results kept in $WORK"
  exit "$rc"
}
trap cleanup EXIT

# ---- Prerequisites ----------------------------------------------------------------------------
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || die "target/quarkus-app is missing; build the service first (./mvnw package)"
[ -x "$JAVA25/bin/java" ] || die "no JDK 25 at $JAVA25 (set JAVA25)"
command -v wrk >/dev/null || { say "installing wrk"; apt-get install -y -q wrk >/dev/null; }
command -v pgbench >/dev/null || die "pgbench is missing (apt-get install postgresql-client-15)"
"$ROOT/.ci/postgres"
if curl -sf -o /dev/null http://127.0.0.1:8180/realms/borderwatch/.well-known/openid-configuration; then
  say "Keycloak already running; it is left running"
else
  "$ROOT/.ci/keycloak" start
  KEYCLOAK_STARTED=yes
fi
! curl -s -o /dev/null "$BASE/" || die "something already listens on port $PORT"
MAVEN_SEEN=no
note_maven() { if pgrep -f 'org.codehaus.plexus.classworlds.launcher.Launcher' >/dev/null; then MAVEN_SEEN="YES - figures disturbed"; fi; }
. "$BENCH/pod-jvm.sh"

# A copy of the packaged app: target/quarkus-app may be rebuilt at any moment.
cp -a "$ROOT/target/quarkus-app" "$WORK/app"
[ -f "$WORK/app/quarkus-run.jar" ] || die "copying target/quarkus-app failed"

# Replaces the calling (sub)shell, so a service started with `service_env ... &` has $! as its pid.
service_env() {
  exec env QUARKUS_HTTP_PORT=$PORT \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
    BORDERWATCH_AUDIT_SIGNING_KEY="$ROOT/src/test/resources/keys/audit-dev-private.pem" \
    BORDERWATCH_SHARING_SNAPSHOT_SIGNING_KEY="$ROOT/src/test/resources/keys/snapshot-dev-private.pem" \
    QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET=borderwatch-console-dev-secret-0123456789 \
    BORDERWATCH_AUDIT_WITNESS_DIR="$WORK/witness" MALLOC_ARENA_MAX=2 "$@"
}
fresh_database() {
  dropdb -h 127.0.0.1 -U borderwatch --if-exists "$DB"
  "$ROOT/.ci/postgres" >/dev/null 2>&1
  ( service_env BORDERWATCH_MIGRATE_ONLY=true QUARKUS_FLYWAY_MIGRATE_AT_START=true \
    "$JAVA25/bin/java" -jar "$WORK/app/quarkus-run.jar" ) >"$WORK/migrate.log" 2>&1 || { tail -20 "$WORK/migrate.log" >&2; die "migration failed"; }
}

# One load-generating user stands for many phones: the per-user rate limit is lifted.
AOT_OPT=""
if [ "$AOT" = yes ]; then
  fresh_database
  APP="$WORK/app" TRAIN_DB=$DB PORT=$PORT "$BENCH/aot-train.sh"
  AOT_OPT="-XX:AOTCache=$WORK/app/app.aot"
fi
start_service() {
  service_env QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_FLYWAY_ACTIVE=false \
    "$JAVA25/bin/java" $POD_JVM_OPTS $AOT_OPT -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 \
    -jar "$WORK/app/quarkus-run.jar" >"$WORK/service-$1.log" 2>&1 &
  JAVA_PID=$!
}

BW_TOKEN=$("$ROOT/.ci/keycloak" token "$BENCH_USER")
[[ "$BW_TOKEN" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || die "no access token for $BENCH_USER from Keycloak"
export BW_TOKEN BW_BODY_FILE=$BENCH/report.json BW_THREADS=$THREADS
load() { # seconds output-file [rate]
  BW_RATE=${3:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" -s "$BENCH/file-report.lua" "$BASE" >"$2" 2>"$2.err" || true
  grep -q '^WRK_RESULT ' "$2" || { cat "$2.err" >&2; die "wrk printed no WRK_RESULT line ($2)"; }
  [ "$(wrk_field "$2" non2xx)" = 0 ] && [ "$(wrk_field "$2" socket_errors)" = 0 ] || { head -3 "$2.err" >&2; die "errors under load ($2)"; }
}

READY=(); FIRST=(); SAT=(); P99SAT=(); HALF=(); P99HALF=(); RSS=(); TPS=(); RATIO=(); SHARE=()
for run in $(seq 1 "$RUNS"); do
  say "run $run of $RUNS: fresh database, migrated"
  fresh_database
  note_maven
  start=$(now_ms)
  start_service "$run"
  until curl -sf -o /dev/null "$BASE/q/health/ready"; do
    kill -0 "$JAVA_PID" 2>/dev/null || { tail -40 "$WORK/service-$run.log" >&2; die "the service exited during startup"; }
    [ $(( $(now_ms) - start )) -lt 120000 ] || die "not ready after 120 s"
    sleep 0.01
  done
  READY+=($(( $(now_ms) - start )))
  load_started=$(now_ms)
  rows0=$(sql "select count(*) from report")
  load 10 "$WORK/first-$run.txt"
  FIRST+=("$(wrk_field "$WORK/first-$run.txt" rps_2xx)")
  load $(( WARMUP - 10 )) "$WORK/warmup-$run.txt"
  load "$DURATION" "$WORK/sat-$run.txt"
  SAT+=("$(wrk_field "$WORK/sat-$run.txt" rps_2xx)"); P99SAT+=("$(wrk_field "$WORK/sat-$run.txt" p99_ms)")
  half=$(calc "${SAT[-1]} / 2" 0)
  load "$DURATION" "$WORK/half-$run.txt" "$half"
  HALF+=("$(wrk_field "$WORK/half-$run.txt" rps_2xx)"); P99HALF+=("$(wrk_field "$WORK/half-$run.txt" p99_ms)")
  rest=$(( LOAD_MINUTES * 60 - ($(now_ms) - load_started) / 1000 ))
  [ "$rest" -le 0 ] || load "$rest" "$WORK/soak-$run.txt"
  RSS+=("$(rss_mb "$JAVA_PID")")
  sleep 2
  ok=0; for f in first warmup sat half soak; do [ -f "$WORK/$f-$run.txt" ] && ok=$(( ok + $(wrk_field "$WORK/$f-$run.txt" ok2xx) )); done
  rows=$(( $(sql "select count(*) from report") - rows0 ))
  audit=$(sql "select count(*) from audit_event where action = 'REPORT_CREATE'")
  # wrk stops mid-request: a request it sent but whose answer it never read may still have been committed
  [ "$rows" -ge "$ok" ] && [ $(( rows - ok )) -le $(( 5 * CONNECTIONS )) ] || die "run $run: $ok 2xx answers but $rows rows"
  [ "$audit" -eq "$rows" ] || die "run $run: $rows reports but $audit access records"
  stop_service
  note_maven
  say "run $run: pgbench, $CONNECTIONS clients, ${DURATION}s"
  pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$BENCH/report-tx.sql" "$DB" >"$WORK/pgbench-$run.txt" 2>&1 \
    || { cat "$WORK/pgbench-$run.txt" >&2; die "pgbench failed"; }
  TPS+=("$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench-$run.txt" | tail -1)")
  RATIO+=("$(calc "${SAT[-1]} / ${TPS[-1]}" 3)"); SHARE+=("$(calc "${FIRST[-1]} / ${SAT[-1]}" 3)")
  say "run $run: ready ${READY[-1]} ms, first 10 s ${FIRST[-1]}/s, saturation ${SAT[-1]}/s p99 ${P99SAT[-1]} ms," \
      "half rate ${HALF[-1]}/s p99 ${P99HALF[-1]} ms, RSS ${RSS[-1]} MB, pgbench ${TPS[-1]} tps; $ok 2xx = $rows rows (+$(( rows - ok )) in flight)"
done

m() { echo "$@" | median; }
M_READY=$(m "${READY[*]}"); M_FIRST=$(m "${FIRST[*]}"); M_SAT=$(m "${SAT[*]}"); M_P99SAT=$(m "${P99SAT[*]}")
M_HALF=$(m "${HALF[*]}"); M_P99HALF=$(m "${P99HALF[*]}"); M_RSS=$(m "${RSS[*]}"); M_TPS=$(m "${TPS[*]}")
M_RATIO=$(m "${RATIO[*]}"); M_SHARE=$(m "${SHARE[*]}")
verdict() { if awk "BEGIN { exit !($1) }"; then echo "PASS"; else echo "MISS"; fi; }
v_ratio=$(verdict "$M_RATIO >= 0.6"); v_p99=$(verdict "$M_P99HALF <= 20"); v_share=$(verdict "$M_SHARE >= 0.9")
v_ready=$(verdict "$M_READY <= 1500"); v_rss=$(verdict "$M_RSS <= 256")
cat <<EOF

================ Borderwatch ingest benchmark (medians of $RUNS runs) ================
machine                    : $(nproc) cores; Maven build seen running: $MAVEN_SEEN
JVM                        : $("$JAVA25/bin/java" -version 2>&1 | head -1); $POD_JVM_OPTS${AOT_OPT:+ -XX:AOTCache}
load                       : wrk $THREADS threads, $CONNECTIONS connections; ${WARMUP}s warm-up, ${DURATION}s per figure, ${LOAD_MINUTES} min in all
pgbench tps (same rows)    : $M_TPS            runs: ${TPS[*]}
reports/s at saturation    : $M_SAT = $(calc "$M_RATIO" 2) x pgbench   target >= 0.6 x   $v_ratio   runs: ${SAT[*]}
  p99 at saturation        : $M_P99SAT ms         runs: ${P99SAT[*]}
p99 at half rate           : $M_P99HALF ms at $M_HALF/s   target <= 20 ms   $v_p99   runs: ${P99HALF[*]}
first 10 s after ready     : $M_FIRST/s = $(calc "$M_SHARE * 100" 0) % of saturation   target >= 90 %   $v_share   runs: ${FIRST[*]}
exec to ready (serving pod): $M_READY ms      target <= 1500 ms   $v_ready   runs: ${READY[*]}
RSS after ${LOAD_MINUTES} min of load     : $M_RSS MB        target <= 256 MB   $v_rss   runs: ${RSS[*]}
per core                   : $(calc "$M_SAT / $(nproc)" 0) reports/s per core of this machine (service and PostgreSQL sharing it)
=====================================================================================
EOF
case "$v_ratio $v_p99 $v_share $v_ready $v_rss" in *MISS*) say "a target was missed"; exit 1 ;; esac
