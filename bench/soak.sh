#!/usr/bin/env bash
# Soak: new reports filed without pause for MINUTES minutes (wrk, bench/file-report.lua, a fresh UUID per request)
# against the packaged service; one line per minute with reports/s, errors, p50/p99 latency and the RSS of the
# java process, so that drift shows. The target is at least 1,000 reports/s every minute with zero errors.
# Run:  bench/soak.sh     (needs target/quarkus-app built and wrk: apt-get install wrk)
# Settings (env): MINUTES=10 WARMUP=60 THREADS=2 CONNECTIONS=32 PORT=8097 BENCH_DB=borderwatch_bench
set -euo pipefail
. "$(dirname "$0")/pod-jvm.sh"   # the serving pod's JVM options
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${MINUTES:-10}; WARMUP=${WARMUP:-60}; THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-8097}; DB=${BENCH_DB:-borderwatch_bench}; BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/borderwatch-soak.XXXXXX)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB
say() { printf '[soak] %s\n' "$*" >&2; }
command -v wrk >/dev/null || { say "wrk is missing: apt-get install wrk"; exit 1; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { say "build first: ./mvnw package -DskipTests"; exit 1; }
"$ROOT/.ci/postgres" >/dev/null
psql -q -c "set client_min_messages = warning; drop schema public cascade; create schema public; grant usage, create on schema public to borderwatch_app" >/dev/null
java $POD_JVM_OPTS -Dquarkus.profile=dev -Dborderwatch.audit.witness-dir="$WORK/witness" -Dquarkus.http.port=$PORT -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 \
  -Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/$DB -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.1; done
export BW_TOKEN=$("$ROOT/.ci/dev-token" officer.soak officer VN-QN) BW_BODY_FILE="$ROOT/bench/report.json"
field() { grep '^WRK_RESULT ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status; }
say "warming up for ${WARMUP} s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/file-report.lua" "$BASE" > "$WORK/warmup.txt" 2>&1
printf '%-6s %10s %8s %8s %9s %9s %8s\n' minute reports/s non2xx sockerr p50_ms p99_ms rss_MiB
errors=0; below=0
for minute in $(seq 1 "$MINUTES"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d60s -s "$ROOT/bench/file-report.lua" "$BASE" > "$WORK/minute-$minute.txt" 2>&1
  f="$WORK/minute-$minute.txt"
  rps=$(field "$f" rps_2xx); non=$(field "$f" non2xx); sock=$(field "$f" socket_errors)
  printf '%-6s %10s %8s %8s %9s %9s %8s\n' "$minute" "$rps" "$non" "$sock" "$(field "$f" p50_ms)" "$(field "$f" p99_ms)" "$(rss)"
  errors=$((errors + non + sock)); (( $(echo "$rps < 1000" | bc) )) && below=$((below + 1))
done
stored=$(psql -tAc "select count(*) from report")
echo "== ${MINUTES} min: ${errors} errors, ${below} minute(s) below 1,000 reports/s, ${stored} reports stored (warm-up included) =="
