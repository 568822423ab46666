#!/usr/bin/env bash
# Nothing acknowledged is lost: while reports are being filed (bench/crash_load.py, 8 threads, retrying each report
# with its own id until it gets a 2xx, as phones do), the service is killed with SIGKILL and restarted — and, in the
# second half, PostgreSQL is restarted in immediate mode instead. After each trial every id that got a 2xx must be
# stored exactly once. Prints one line per trial and a summary.
# Run:  bench/crash.sh      (needs target/quarkus-app built)     Settings (env): TRIALS=20 (the first half kills the service, the second restarts PostgreSQL) PORT=8095 BENCH_DB=borderwatch_bench
set -euo pipefail
. "$(dirname "$0")/pod-jvm.sh"   # the serving pod's JVM options
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRIALS=${TRIALS:-20}
PORT=${PORT:-8095}
DB=${BENCH_DB:-borderwatch_bench}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/borderwatch-crash.XXXXXX)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB
say() { printf '[crash] %s\n' "$*" >&2; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { say "build first: ./mvnw package -DskipTests"; exit 1; }
"$ROOT/.ci/postgres" >/dev/null
psql -q -c "set client_min_messages = warning; drop schema public cascade; create schema public; grant usage, create on schema public to borderwatch_app" >/dev/null

PID=
start() {
  java $POD_JVM_OPTS -Dquarkus.profile=dev -Dborderwatch.audit.witness-dir="$WORK/witness" -Dquarkus.http.port=$PORT -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 \
    -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$DB -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >> "$WORK/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do curl -sf "$BASE/q/health/ready" >/dev/null && return 0; sleep 0.1; done
  say "service did not become ready; see $WORK/service.log"; exit 1
}
trap 'kill $PID 2>/dev/null || true' EXIT
TOKEN=$("$ROOT/.ci/dev-token" officer.crash officer VN-QN)
start
lost_total=0; dup_total=0; acked_total=0
for trial in $(seq 1 "$TRIALS"); do
  ACKED=$WORK/acked-$trial.txt; : > "$ACKED"
  python3 "$ROOT/bench/crash_load.py" "$BASE" "$TOKEN" "$ACKED" 14 8 > "$WORK/load-$trial.json" &
  LOAD=$!
  sleep 4
  if [ $trial -le $(( (TRIALS + 1) / 2 )) ]; then
    kind="service SIGKILL"; kill -9 $PID; wait $PID 2>/dev/null || true; sleep 1; start
  else
    kind="PostgreSQL immediate restart"; pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart -m immediate >/dev/null
  fi
  wait $LOAD
  acked=$(sort -u "$ACKED" | wc -l)
  read -r lost dup < <(psql -tA -F ' ' -c "create temp table acked (id uuid)" -c "\\copy acked from '$ACKED'" \
       -c "select (select count(*) from (select distinct id from acked) a where not exists (select 1 from report r where r.id = a.id)),
                  (select count(*) from (select id from report group by id having count(*) > 1) d)" | tail -1)
  printf 'trial %2d  %-28s acknowledged %5d  lost %d  duplicated %d  load %s\n' "$trial" "$kind" "$acked" "$lost" "$dup" "$(cat "$WORK/load-$trial.json")"
  lost_total=$((lost_total + lost)); dup_total=$((dup_total + dup)); acked_total=$((acked_total + acked))
done
echo "== $TRIALS trials: $acked_total reports acknowledged, $lost_total lost, $dup_total stored twice =="
