#!/usr/bin/env bash
# Federation throughput and lag: two installations of the packaged service on loopback (Quang Ninh's and Guangxi's:
# two databases, two federation certificates, two sets of signing keys), federated as the README says; Quang Ninh
# releases RELEASES cases to CN-GX as fast as it can, and the script watches Guangxi's inbox. Prints, for each of RUNS
# runs: the seconds from each release's 201 to its arrival in the partner's inbox (median and p95), the objects carried
# per second (everything Quang Ninh published to Guangxi during the burst: releases, definitions, checkpoints, and the
# receipts coming back), and the poll interval as the baseline the lag is measured against; then the medians.
# Run:  bench/federation.sh     (needs target/quarkus-app built: ./mvnw package -DskipTests)
# Settings (env): RELEASES=50 RUNS=3 POLL_EVERY=1s
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RELEASES=${RELEASES:-50}; RUNS=${RUNS:-3}; POLL_EVERY=${POLL_EVERY:-1s}
WORK=$(mktemp -d /tmp/borderwatch-federation.XXXXXX)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch
say() { printf '[federation] %s\n' "$*" >&2; }
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || { say "build first: ./mvnw package -DskipTests"; exit 1; }
"$ROOT/.ci/postgres" >/dev/null
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

for side in qn gx; do
  keytool -genkeypair -alias node -keyalg RSA -keysize 2048 -validity 30 -dname "CN=borderwatch.$side" -ext san=dns:localhost \
    -storetype PKCS12 -keystore "$WORK/$side.p12" -storepass changeit 2>/dev/null
  keytool -exportcert -rfc -alias node -keystore "$WORK/$side.p12" -storepass changeit > "$WORK/$side.pem" 2>/dev/null
  for key in audit snapshot; do openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/$side-$key.pem" 2>/dev/null; done
done

# start SIDE HTTP_PORT TLS_PORT NAME: one installation on a fresh database (dev profile: tokens from .ci/dev-token)
start() {
  local side=$1 http=$2 tls=$3 name=$4 db=borderwatch_fed_$1
  psql -d "$db" -q -c "set client_min_messages = warning; drop schema public cascade; create schema public; grant usage, create on schema public to borderwatch_app" >/dev/null
  java -Dquarkus.profile=dev -Dquarkus.http.port="$http" -Dquarkus.http.ssl-port="$tls" -Dquarkus.http.tls-configuration-name=federation \
    -Dquarkus.tls.federation.key-store.p12.path="$WORK/$side.p12" -Dquarkus.tls.federation.key-store.p12.password=changeit \
    -Dborderwatch.federation.installation="$name" -Dborderwatch.federation.poll-every="$POLL_EVERY" -Dborderwatch.federation.pin-refresh=1s \
    -Dborderwatch.audit.signing-key="$WORK/$side-audit.pem" -Dborderwatch.sharing.snapshot-signing-key="$WORK/$side-snapshot.pem" \
    -Dborderwatch.audit.witness-dir="$WORK/witness-$side" -Dborderwatch.rate-limit.per-second=100000 -Dborderwatch.rate-limit.burst=100000 \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:5432/$db" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/$side.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$http/q/health/ready" >/dev/null && return; sleep 0.2; done
  say "$name did not start: $WORK/$side.log"; exit 1
}

token() { "$ROOT/.ci/dev-token" "$1" "$2" "$3"; }
api() { local port=$1 tok=$2 method=$3 path=$4; shift 4; curl -sf -X "$method" "http://127.0.0.1:$port$path" -H "Authorization: Bearer $tok" \
  -H 'Content-Type: application/json' "$@"; }

run() {
  local QN_HTTP=8191 QN_TLS=8491 GX_HTTP=8192 GX_TLS=8492
  start qn $QN_HTTP $QN_TLS borderwatch.vn-qn; start gx $GX_HTTP $GX_TLS borderwatch.cn-gx
  local op; op=$(token operator operator VN-QN)
  local agreement; agreement=$(cat /proc/sys/kernel/random/uuid); local year; year=$(date +%Y)
  for port in $QN_HTTP $GX_HTTP; do
    api $port "$op" PUT "/api/v1/agreements/$agreement" -d "{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H2\",
      \"validFrom\":\"$((year - 1))-01-01\",\"validTo\":\"$((year + 1))-12-31\",\"reference\":\"bench\"}" >/dev/null
  done
  partner() { # on PORT, the other side OTHER_NAME at OTHER_TLS with OTHER_SIDE's certificate and keys
    local port=$1 other_name=$2 other_tls=$3 other_side=$4 other_http=$5
    local keys; keys=$(curl -sf "http://127.0.0.1:$other_http/.well-known/jwks.json" | jq -c '{keys: [.keys[] | {kty, kid, n, e}]}')
    api "$port" "$op" PUT "/api/v1/federation/partners/$(cat /proc/sys/kernel/random/uuid)" -d "$(jq -n --arg i "$other_name" \
      --arg u "https://localhost:$other_tls" --rawfile c "$WORK/$other_side.pem" --argjson k "$keys" --arg a "$agreement" \
      '{installation: $i, baseUrl: $u, certificate: $c, keySet: $k, agreements: [$a], recallDeadline: "PT1H"}')" >/dev/null
  }
  partner $QN_HTTP borderwatch.cn-gx $GX_TLS gx $GX_HTTP; partner $GX_HTTP borderwatch.vn-qn $QN_TLS qn $QN_HTTP
  local officer supervisor liaison; officer=$(token officer.qn officer VN-QN); supervisor=$(token supervisor.qn supervisor VN-QN)
  liaison=$(token liaison.gx liaison CN-GX)
  local cases=()
  for i in $(seq 1 "$RELEASES"); do # the cases, made before the clock starts
    local report; report=$(cat /proc/sys/kernel/random/uuid)
    api $QN_HTTP "$officer" PUT "/api/v1/reports/$report" --data-binary @"$ROOT/bench/report.json" >/dev/null
    api $QN_HTTP "$supervisor" POST "/api/v1/reports/$report/decisions" -H 'If-Match: "1"' \
      -d '{"decision":"VERIFY","grading":{"source":"B","information":"2"},"impact":"MEDIUM","note":"bench"}' >/dev/null
    cases+=("$(api $QN_HTTP "$supervisor" POST /api/v1/cases -d "{\"title\":\"Bench $i\",\"reportIds\":[\"$report\"]}" | jq -r .id)")
  done
  local expires; expires=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  : > "$WORK/released"
  local start_ns; start_ns=$(date +%s%N)
  for c in "${cases[@]}"; do
    local share; share=$(api $QN_HTTP "$supervisor" POST "/api/v1/cases/$c/shares" -d "{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",
      \"purpose\":\"bench\",\"expiresAt\":\"$expires\",\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}" | jq -r .id)
    echo "$share $(date +%s%N)" >> "$WORK/released"
  done
  declare -A arrived=()
  local deadline=$(( $(date +%s) + 300 ))
  while [ ${#arrived[@]} -lt "$RELEASES" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    local now; now=$(date +%s%N)
    for id in $(api $GX_HTTP "$liaison" GET '/api/v1/inbox?limit=200' | jq -r '.items[].id'); do
      [ -n "${arrived[$id]:-}" ] || arrived[$id]=$now
    done
    sleep 0.05
  done
  local end_ns; end_ns=$(date +%s%N)
  [ ${#arrived[@]} -ge "$RELEASES" ] || { say "only ${#arrived[@]} of $RELEASES releases arrived within 300 s"; exit 1; }
  while read -r share at; do echo $(( (${arrived[$share]} - at) / 1000000 )); done < "$WORK/released" | sort -n > "$WORK/lags"
  local objects; objects=$(psql -d borderwatch_fed_qn -tAc "select count(*) from federation_object")
  local back; back=$(psql -d borderwatch_fed_gx -tAc "select count(*) from federation_object")
  local seconds; seconds=$(echo "scale=3; ($end_ns - $start_ns) / 1000000000" | bc)
  local median p95; median=$(sed -n "$(( (RELEASES + 1) / 2 ))p" "$WORK/lags"); p95=$(sed -n "$(( (RELEASES * 95 + 99) / 100 ))p" "$WORK/lags")
  printf '%8s %12s %10s %12s %12s %10s\n' "$RELEASES" "$median" "$p95" "$objects+$back" "$(echo "scale=1; ($objects + $back) / $seconds" | bc)" "$POLL_EVERY" >> "$WORK/runs"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=()
}

printf '%8s %12s %10s %12s %12s %10s\n' releases lag_p50_ms lag_p95_ms objects objects/s poll_every > "$WORK/runs"
for r in $(seq 1 "$RUNS"); do say "run $r of $RUNS"; run; done
cat "$WORK/runs"
awk 'NR > 1 { split($4, o, "+"); print $2, $3, $5 }' "$WORK/runs" | sort -n -k1 > "$WORK/sorted"
mid=$(( (RUNS + 1) / 2 ))
echo "== medians of $RUNS runs: lag p50 $(sort -n -k1 "$WORK/sorted" | awk '{print $1}' | sed -n "${mid}p") ms, lag p95 $(awk '{print $2}' "$WORK/sorted" | sort -n | sed -n "${mid}p") ms, $(awk '{print $3}' "$WORK/sorted" | sort -n | sed -n "${mid}p") objects/s (poll every $POLL_EVERY: the lag's floor is up to one interval) =="
