#!/usr/bin/env bash
# The auditor's export of a million events: does it stream in constant memory, and how fast does the sealer
# work through a million-event backlog? The packaged service runs with its heap capped (-Xmx${HEAP_MB}m); a
# million events are inserted straight into audit_event (as the owner, in transactions of 100,000), the running
# service seals them (events/s), then GET /api/v1/audit/export streams all of them as NDJSON while the RSS of the
# java process is sampled every 200 ms (median and peak, with ratios to the idle RSS). Baseline in the same run:
# psql \copy of the same join (events in chain order) to a file.
#
# Run:  bench/audit-export.sh      (needs target/quarkus-app built: ./mvnw package -DskipTests)
# Settings (env): EVENTS=1000000 HEAP_MB=256 PORT=8094 BENCH_DB=borderwatch_bench
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EVENTS=${EVENTS:-1000000}
HEAP_MB=${HEAP_MB:-256}
PORT=${PORT:-8094}
DB=${BENCH_DB:-borderwatch_bench}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/borderwatch-export-bench.XXXXXX)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB

say() { printf '[export] %s\n' "$*" >&2; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { say "build first: ./mvnw package -DskipTests"; exit 1; }
"$ROOT/.ci/postgres" >/dev/null
psql -q -c "set client_min_messages = warning; drop schema public cascade; create schema public; grant usage, create on schema public to borderwatch_app" >/dev/null

java -Xmx${HEAP_MB}m -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dborderwatch.audit.witness-dir="$WORK/witness" \
  -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$DB -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$WORK/export.ndjson" "$WORK/baseline.txt"' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.1; done
curl -sf "$BASE/q/health/ready" >/dev/null || { say "service did not start; see $WORK/service.log"; exit 1; }

rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status; }
sample() { while kill -0 "$1" 2>/dev/null; do rss >> "$2"; sleep 0.2; done; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak() { sort -n "$1" | tail -1; }

say "inserting $EVENTS audit events"
for ((done = 0; done < EVENTS; done += 100000)); do
  n=$(( EVENTS - done < 100000 ? EVENTS - done : 100000 ))
  psql -q -c "insert into audit_event (id, occurred_at, subject, agency, roles, action, resource_type, resource_id, resource_agency,
      outcome, purpose, client_address, user_agent, request_id)
    select gen_random_uuid(), now() - make_interval(secs => g / 1000.0), 'sub-officer.' || (g % 50), 'VN-QN', 'officer', 'REPORT_READ',
      'REPORT', gen_random_uuid()::text, 'VN-QN', 'ALLOWED', null, '10.0.0.' || (g % 250), 'Borderwatch-Android/2.3', 'bench-' || g
    from generate_series($done + 1, $done + $n) g" >/dev/null
done

say "waiting for the sealer"
START=$(date +%s.%N)
while [ "$(psql -tAc "select count(*) from audit_seal")" -lt "$EVENTS" ]; do sleep 0.5; done
SEAL_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)
SEALED=$(psql -tAc "select count(*) from audit_seal")

sleep 2
IDLE=$(rss)
AUDITOR=$("$ROOT/.ci/dev-token" auditor.bench auditor VN-QN)
say "exporting"
START=$(date +%s.%N)
curl -sf -o "$WORK/export.ndjson" -H "Authorization: Bearer $AUDITOR" -H 'X-Access-Purpose: quarterly review benchmark' \
  "$BASE/api/v1/audit/export?to=$SEALED" &
EXPORT=$!
sample $EXPORT "$WORK/rss-export"
wait $EXPORT
EXPORT_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)
LINES=$(wc -l < "$WORK/export.ndjson"); BYTES=$(stat -c %s "$WORK/export.ndjson")
sleep 1
AFTER=$(rss)

say "baseline: psql \\copy of the same rows in chain order"
START=$(date +%s.%N)
psql -q -c "\\copy (select s.position, s.hash, e.* from audit_seal s join audit_event e on e.id = s.event_id where s.position <= $SEALED order by s.position) to '$WORK/baseline.txt'"
BASE_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)

cat <<REPORT
== audit export, $EVENTS events inserted, heap capped at ${HEAP_MB} MiB (-Xmx) ==
sealer backlog: $SEALED events sealed in $(printf %.1f "$SEAL_SECONDS") s = $(echo "$SEALED / $SEAL_SECONDS" | bc) events/s
export:   $LINES NDJSON lines, $((BYTES / 1048576)) MiB in $(printf %.1f "$EXPORT_SECONDS") s = $(echo "$LINES / $EXPORT_SECONDS" | bc) events/s
baseline: psql \\copy of the same join in $(printf %.1f "$BASE_SECONDS") s; export time / baseline = $(echo "scale=2; $EXPORT_SECONDS / $BASE_SECONDS" | bc)
RSS idle before export: ${IDLE} MiB
RSS during export:      median $(median "$WORK/rss-export") MiB, peak $(peak "$WORK/rss-export") MiB (median / idle = $(echo "scale=2; $(median "$WORK/rss-export") / $IDLE" | bc), peak / idle = $(echo "scale=2; $(peak "$WORK/rss-export") / $IDLE" | bc))
RSS after export:       ${AFTER} MiB
service log: $WORK/service.log
REPORT
