#!/usr/bin/env bash
# Evidence streaming benchmark: does a 500 MiB upload and download pass through the service without being held
# in memory? The service runs with its heap capped far below the file size (-Xmx${HEAP_MB}m, default 128 MiB), so
# a completed, bit-exact round trip is itself the proof; RSS of the java process is printed before, during
# (sampled every 200 ms; median and peak) and after the upload and the download, with ratios to the idle RSS.
# The baseline in the same run is PostgreSQL alone storing the same file as 1 MiB bytea rows (psql COPY), so the
# upload rate is quoted as a ratio to what the database itself can take.
#
# Run:  bench/evidence.sh          (needs target/quarkus-app built: ./mvnw package -DskipTests)
# Settings (env): SIZE_MB=500 HEAP_MB=128 PORT=8091 BENCH_DB=borderwatch_bench STORAGE=postgres
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE_MB=${SIZE_MB:-500}
HEAP_MB=${HEAP_MB:-128}
PORT=${PORT:-8091}
DB=${BENCH_DB:-borderwatch_bench}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/borderwatch-evidence-bench.XXXXXX)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB

say() { printf '[evidence] %s\n' "$*" >&2; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { say "build first: ./mvnw package -DskipTests"; exit 1; }
"$ROOT/.ci/postgres" >/dev/null
psql -q -c "set client_min_messages = warning; drop schema public cascade; create schema public; grant usage, create on schema public to borderwatch_app" >/dev/null

java -Xmx${HEAP_MB}m -Dquarkus.profile=dev -Dborderwatch.audit.witness-dir="$WORK/witness" -Dquarkus.http.port=$PORT \
  -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$DB -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -Dborderwatch.evidence.max-video-size=${SIZE_MB}M -Dquarkus.http.limits.max-body-size=$((SIZE_MB + 10))M \
  -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$WORK/file.bin"' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.1; done
curl -sf "$BASE/q/health/ready" >/dev/null || { say "service did not start; see $WORK/service.log"; exit 1; }

rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status; }
sample() { while kill -0 "$1" 2>/dev/null; do rss >> "$2"; sleep 0.2; done; }
stats() { sort -n "$1" | awk '{a[NR]=$1} END {printf "median %d MiB, peak %d MiB", a[int((NR+1)/2)], a[NR]}'; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

TOKEN=$("$ROOT/.ci/dev-token" officer.bench officer VN-QN)
REPORT=$(cat /proc/sys/kernel/random/uuid)
curl -sf -o /dev/null -X PUT "$BASE/api/v1/reports/$REPORT" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"category":"GOODS_SMUGGLING","occurredAt":"2026-11-20T21:40:00+07:00","location":{"lat":21.53,"lon":107.96}}'

say "making a ${SIZE_MB} MiB video file"
{ printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00'; head -c $((SIZE_MB * 1024 * 1024 - 16)) /dev/urandom; } > "$WORK/file.bin"
SHA=$(sha256sum "$WORK/file.bin" | cut -d' ' -f1)
LENGTH=$(stat -c %s "$WORK/file.bin")
b64() { printf '%s' "$1" | base64 -w0; }

# warm the paths once with a small file so the JIT and the pools are not measured
SMALL=$WORK/small.bin; head -c 2097152 "$WORK/file.bin" > "$SMALL"
SMALL_LOC=$(curl -sf -D - -o /dev/null -X POST "$BASE/api/v1/reports/$REPORT/evidence" -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' \
  -H "Upload-Length: 2097152" -H "Upload-Metadata: filename $(b64 warm.mp4),contentType $(b64 video/mp4),sha256 $(b64 "$(sha256sum "$SMALL" | cut -d' ' -f1)")" \
  | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
curl -sf -o /dev/null -X PATCH "$SMALL_LOC" -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
  -H 'Content-Type: application/offset+octet-stream' --data-binary @"$SMALL"

sleep 2
IDLE=$(rss)
LOCATION=$(curl -sf -D - -o /dev/null -X POST "$BASE/api/v1/reports/$REPORT/evidence" -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' \
  -H "Upload-Length: $LENGTH" -H "Upload-Metadata: filename $(b64 patrol.mp4),contentType $(b64 video/mp4),sha256 $(b64 "$SHA")" \
  | awk 'tolower($1)=="location:" {print $2}' | tr -d '\r')
ID=${LOCATION##*/}

say "uploading ${SIZE_MB} MiB in one PATCH"
START=$(date +%s.%N)
curl -sf -o /dev/null -w '%{http_code}\n' -X PATCH "$LOCATION" -H "Authorization: Bearer $TOKEN" -H 'Tus-Resumable: 1.0.0' \
  -H 'Upload-Offset: 0' -H 'Content-Type: application/offset+octet-stream' --data-binary @"$WORK/file.bin" > "$WORK/upload.status" &
UP=$!
sample $UP "$WORK/rss-upload"
wait $UP
UP_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)
sleep 2
AFTER_UP=$(rss)

say "downloading it"
START=$(date +%s.%N)
curl -sf -o "$WORK/down.bin" -H "Authorization: Bearer $("$ROOT/.ci/dev-token" supervisor.bench supervisor VN-QN)" \
  -H 'X-Access-Purpose: evidence streaming benchmark' "$BASE/api/v1/evidence/$ID" &
DOWN=$!
sample $DOWN "$WORK/rss-download"
wait $DOWN
DOWN_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)
sleep 2
AFTER_DOWN=$(rss)
DOWN_SHA=$(sha256sum "$WORK/down.bin" | cut -d' ' -f1); rm -f "$WORK/down.bin"

say "baseline: PostgreSQL alone storing the same file as ${SIZE_MB} bytea rows of 1 MiB (COPY)"
xxd -p -c 1048576 "$WORK/file.bin" | sed 's/^/\\\\x/' > "$WORK/pieces.txt"
psql -q -c "create table bench_piece (data bytea)" >/dev/null
START=$(date +%s.%N)
psql -q -c "\\copy bench_piece (data) from '$WORK/pieces.txt'" >/dev/null
PG_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)
psql -q -c "drop table bench_piece" >/dev/null; rm -f "$WORK/pieces.txt"

UP_MBS=$(echo "scale=1; $SIZE_MB / $UP_SECONDS" | bc)
DOWN_MBS=$(echo "scale=1; $SIZE_MB / $DOWN_SECONDS" | bc)
PG_MBS=$(echo "scale=1; $SIZE_MB / $PG_SECONDS" | bc)
cat <<REPORT
== evidence streaming, ${SIZE_MB} MiB file, heap capped at ${HEAP_MB} MiB (-Xmx) ==
upload:   HTTP $(cat "$WORK/upload.status"), $(printf %.1f "$UP_SECONDS") s, ${UP_MBS} MiB/s; sha256 checked by the service: $(psql -tAc "select count(*) from evidence where id = '$ID' and sha256 = '$SHA'") evidence row
download: $(printf %.1f "$DOWN_SECONDS") s, ${DOWN_MBS} MiB/s; bit-exact: $([ "$DOWN_SHA" = "$SHA" ] && echo yes || echo NO)
RSS idle before upload:  ${IDLE} MiB
RSS during upload:       $(stats "$WORK/rss-upload")  (median / idle = $(echo "scale=2; $(median "$WORK/rss-upload") / $IDLE" | bc))
RSS after upload:        ${AFTER_UP} MiB
RSS during download:     $(stats "$WORK/rss-download")  (median / idle = $(echo "scale=2; $(median "$WORK/rss-download") / $IDLE" | bc))
RSS after download:      ${AFTER_DOWN} MiB
baseline, PostgreSQL alone COPYing the file as ${SIZE_MB} x 1 MiB bytea rows: ${PG_MBS} MiB/s; upload / baseline = $(echo "scale=2; $UP_MBS / $PG_MBS" | bc)
service log: $WORK/service.log
REPORT
