#!/usr/bin/env bash
# The JDK 25 ahead-of-time cache (JEP 483/514/515) for the packaged service: a training run that starts
# target/quarkus-app on Temurin 25 with the pod's JVM options, files reports under load for a while, and stops it;
# the JVM writes target/quarkus-app/app.aot on exit (classes loaded and linked, method profiles). Started with
# -XX:AOTCache=app.aot the service is ready sooner and fast from its first seconds. The cache belongs to this exact
# build and JDK: make it again after every build (src/main/docker/Dockerfile.jvm copies it into the image).
#
# Run:  bench/aot-train.sh                     (needs target/quarkus-app, PostgreSQL and Keycloak as .ci/ starts them)
# Settings (env): TRAIN_SECONDS=30 PORT=8088 TRAIN_DB=borderwatch_bench JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRAIN_SECONDS=${TRAIN_SECONDS:-30}
PORT=${PORT:-8088}
DB=${TRAIN_DB:-borderwatch_bench}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
APP=${APP:-$ROOT/target/quarkus-app}
BASE=http://127.0.0.1:$PORT
say() { printf '[aot-train] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

[ -x "$JAVA25/bin/java" ] || die "no JDK 25 at $JAVA25 (set JAVA25)"
[ -f "$APP/quarkus-run.jar" ] || die "$APP is missing; build the service first (./mvnw package)"
command -v wrk >/dev/null || { say "installing wrk"; apt-get install -y -q wrk >/dev/null; }
. "$ROOT/bench/pod-jvm.sh"

WORK=$(mktemp -d /tmp/borderwatch-aot.XXXXXX)
rm -f "$APP/app.aot"
say "training on $DB for ${TRAIN_SECONDS}s with: $POD_JVM_OPTS"
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_FLYWAY_ACTIVE=false \
BORDERWATCH_AUDIT_SIGNING_KEY="$ROOT/src/test/resources/keys/audit-dev-private.pem" \
BORDERWATCH_SHARING_SNAPSHOT_SIGNING_KEY="$ROOT/src/test/resources/keys/snapshot-dev-private.pem" \
QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET=borderwatch-console-dev-secret-0123456789 \
BORDERWATCH_AUDIT_WITNESS_DIR="$WORK/witness" MALLOC_ARENA_MAX=2 \
  "$JAVA25/bin/java" $POD_JVM_OPTS -XX:AOTCacheOutput="$APP/app.aot" \
  -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 \
  -jar "$APP/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "$BASE/q/health/ready" && break; kill -0 $pid || { tail -20 "$WORK/service.log" >&2; die "exited"; }; sleep 0.1; done
BW_TOKEN=$("$ROOT/.ci/keycloak" token officer.qn) BW_BODY_FILE="$ROOT/bench/report.json" \
  wrk -t2 -c32 -d"${TRAIN_SECONDS}s" -s "$ROOT/bench/file-report.lua" "$BASE" | grep '^WRK_RESULT' | sed 's/^/[aot-train] /' >&2
TOKEN=$("$ROOT/.ci/keycloak" token supervisor.qn)
for path in /api/v1/reports /api/v1/reports/changes /api/v1/cases /q/health/ready; do
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$path" || true
done
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT
[ -s "$APP/app.aot" ] || { tail -20 "$WORK/service.log" >&2; die "no AOT cache written"; }
say "wrote $APP/app.aot ($(du -m "$APP/app.aot" | cut -f1) MB); log in $WORK"
