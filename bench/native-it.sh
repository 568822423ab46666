#!/usr/bin/env bash
# Smoke test of a native Borderwatch: builds a copy of this checkout with the real GraalVM image builder and links it
# against stand-ins (`LINK=1 ../shared/native-check/run`, see its README: NOT a supported native build, never shipped,
# no performance figure from it), then runs the end-to-end suite (`*IT`, @QuarkusIntegrationTest, production mode,
# real Keycloak and PostgreSQL) against that binary instead of the jar. It finds what only fails at run time in a
# native image: reflection, resources or proxies the application uses but never declared.
# Not in CI's required path (the binary is not a supported build). About 12-15 minutes on two cores, 10 GB of memory.
#   bench/native-it.sh            Settings (env): NATIVE_CHECK=../shared/native-check/run  KEEP=1 (keep the copy)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NATIVE_CHECK=${NATIVE_CHECK:-$ROOT/../shared/native-check/run}
say() { printf '[native-it] %s\n' "$*" >&2; }
[ -x "$NATIVE_CHECK" ] || { say "no $NATIVE_CHECK on this machine: the native smoke test cannot run here"; exit 2; }
COPY=$(mktemp -d /tmp/borderwatch-native-it.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$COPY"' EXIT
git -C "$ROOT" ls-files -z --cached --others --exclude-standard | (cd "$ROOT" && xargs -0 cp --parents -t "$COPY")
chmod +x "$COPY/mvnw" "$COPY"/.ci/*
"$ROOT/.ci/postgres" >/dev/null
"$ROOT/.ci/keycloak" start >/dev/null
T0=$(date +%s)
LINK=1 "$NATIVE_CHECK" "$COPY"
RUNNER=$(ls "$COPY"/target/*-runner | head -1)
say "linked $RUNNER ($(du -h "$RUNNER" | cut -f1)) in $(( $(date +%s) - T0 )) s; running the end-to-end suite against it"
set +e
(cd "$COPY" && ./mvnw -B -o failsafe:integration-test failsafe:verify -Dnative -Dquarkus.native.enabled=true \
   -Dquarkus.package.jar.enabled=false) > "$COPY/native-it.log" 2>&1
RC=$?
set -e
grep -E 'Tests run:|FAIL|ERROR\]' "$COPY/native-it.log" | grep -v 'Tests run: .*, Failures: 0, Errors: 0' >&2 || true
grep -E 'Tests run:' "$COPY/native-it.log" | tail -1 >&2 || true
say "end-to-end suite against the native binary: rc=$RC (log: $COPY/native-it.log${KEEP:+, kept})"
exit $RC
