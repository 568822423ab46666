#!/usr/bin/env bash
# A database outage: PostgreSQL is stopped (immediate mode) for OUTAGE seconds while a phone keeps filing reports.
# During the outage every answer must be 503 with Retry-After within a bounded time (never 500, never a hang),
# readiness DOWN and liveness UP; after PostgreSQL is back the service must accept reports again by itself.
# Prints the answers seen, the slowest answer during the outage, and the time from PostgreSQL's return to the first 2xx.
# Run:  bench/db-outage.sh    (needs target/quarkus-app built)    Settings (env): OUTAGE=10 PORT=8096 BENCH_DB=borderwatch_bench
set -euo pipefail
. "$(dirname "$0")/pod-jvm.sh"   # the serving pod's JVM options
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUTAGE=${OUTAGE:-10}
PORT=${PORT:-8096}
DB=${BENCH_DB:-borderwatch_bench}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/borderwatch-outage.XXXXXX)
CLUSTER="$(ls /etc/postgresql) main"
say() { printf '[outage] %s\n' "$*" >&2; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { say "build first: ./mvnw package -DskipTests"; exit 1; }
"$ROOT/.ci/postgres" >/dev/null
java $POD_JVM_OPTS -Dquarkus.profile=dev -Dborderwatch.audit.witness-dir="$WORK/witness" -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$DB -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; pg_ctlcluster --skip-systemctl-redirect $CLUSTER start 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.1; done
TOKEN=$("$ROOT/.ci/dev-token" officer.outage officer VN-QN)
file() {
  curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code} %{time_total}\n' -m 30 -X PUT "$BASE/api/v1/reports/$(cat /proc/sys/kernel/random/uuid)" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"category":"ILLEGAL_CROSSING","occurredAt":"2026-11-20T05:10:00+07:00","location":{"lat":21.83,"lon":106.76}}'
}
read -r before _ < <(file); say "before the outage: $before"
pg_ctlcluster --skip-systemctl-redirect $CLUSTER stop -m immediate
STOPPED=$(date +%s.%N)
: > "$WORK/during"
ready=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready"); live=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/live")
while (( $(echo "$(date +%s.%N) - $STOPPED < $OUTAGE" | bc) )); do
  read -r code seconds < <(file)
  retry=$(grep -i '^retry-after:' "$WORK/headers" | tr -d '\r' | awk '{print $2}')
  echo "$code $seconds ${retry:-none}" >> "$WORK/during"
  sleep 0.2
done
pg_ctlcluster --skip-systemctl-redirect $CLUSTER start
BACK=$(date +%s.%N)
while true; do
  read -r code _ < <(file)
  [ "$code" = 201 ] && break
  sleep 0.1
done
RECOVERED=$(echo "$(date +%s.%N) - $BACK" | bc)
cat <<REPORT
== database outage of ${OUTAGE} s while filing reports ==
answers during the outage: $(awk '{print $1}' "$WORK/during" | sort | uniq -c | awk '{printf "%s x %s  ", $1, $2}')
all with Retry-After:      $(awk '$3 == "none" {n++} END {print (n ? "NO (" n " without)" : "yes")}' "$WORK/during")
slowest answer:            $(awk '{print $2}' "$WORK/during" | sort -n | tail -1) s
readiness / liveness:      $ready / $live (during the outage)
first 201 after PostgreSQL was back: $(printf %.1f "$RECOVERED") s
REPORT
