#!/usr/bin/env bash
# Federation throughput and lag: two installations of the packaged service on loopback (Quang Ninh's and Guangxi's:
# two databases, two federation certificates, two sets of signing keys), federated as the README says. Each of RUNS
# runs has two phases. Lag: Quang Ninh releases RELEASES cases to CN-GX one after another while the script watches
# Guangxi's inbox: the milliseconds from each release's 201 to its arrival there (median, p95), against the poll
# interval as the baseline (the floor of the lag is up to one publish interval plus one poll interval). Throughput:
# Guangxi is stopped, Quang Ninh releases BACKLOG more, Guangxi is started again on its database and catches up: the
# objects carried per second (Quang Ninh's objects applied by Guangxi, and the receipts going back, over the seconds
# from Guangxi ready to the last release in its inbox). Then the medians of the runs.
# Run:  bench/federation.sh     (needs target/quarkus-app built: ./mvnw package -DskipTests)
# Settings (env): RELEASES=20 BACKLOG=200 RUNS=3 POLL_EVERY=1s
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RELEASES=${RELEASES:-20}; BACKLOG=${BACKLOG:-200}; RUNS=${RUNS:-3}; POLL_EVERY=${POLL_EVERY:-1s}
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

# start SIDE HTTP_PORT TLS_PORT NAME [keep]: one installation, on a fresh database unless "keep" (dev profile: tokens
# from .ci/dev-token); answers when it is ready
start() {
  local side=$1 http=$2 tls=$3 name=$4 db=borderwatch_fed_$1
  [ "${5:-}" = keep ] || psql -d "$db" -q -c "set client_min_messages = warning; drop schema public cascade; create schema public; grant usage, create on schema public to borderwatch_app" >/dev/null
  java -Dquarkus.profile=dev -Dquarkus.http.port="$http" -Dquarkus.http.ssl-port="$tls" -Dquarkus.http.tls-configuration-name=federation \
    -Dquarkus.tls.federation.key-store.p12.path="$WORK/$side.p12" -Dquarkus.tls.federation.key-store.p12.password=changeit \
    -Dborderwatch.federation.installation="$name" -Dborderwatch.federation.poll-every="$POLL_EVERY" -Dborderwatch.federation.pin-refresh=1s \
    -Dborderwatch.audit.signing-key="$WORK/$side-audit.pem" -Dborderwatch.sharing.snapshot-signing-key="$WORK/$side-snapshot.pem" \
    -Dborderwatch.audit.witness-dir="$WORK/witness-$side" -Dborderwatch.rate-limit.per-second=100000 -Dborderwatch.rate-limit.burst=100000 \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:5432/$db" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/$side.log" 2>&1 &
  PIDS+=($!); eval "PID_$side=$!"
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$http/q/health/ready" >/dev/null && return; sleep 0.2; done
  say "$name did not start: $WORK/$side.log"; exit 1
}

token() { "$ROOT/.ci/dev-token" "$1" "$2" "$3"; }
api() { local port=$1 tok=$2 method=$3 path=$4; shift 4; curl -sS --fail-with-body -X "$method" "http://127.0.0.1:$port$path" -H "Authorization: Bearer $tok" \
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
  partner() { # on PORT, the other side OTHER_NAME at OTHER_TLS with OTHER_SIDE's certificate and keys, speaking for AGENCY
    local port=$1 other_name=$2 other_tls=$3 other_side=$4 other_http=$5 agency=$6
    local keys; keys=$(curl -sf "http://127.0.0.1:$other_http/.well-known/jwks.json" | jq -c '{keys: [.keys[] | {kty, kid, n, e}]}')
    api "$port" "$op" PUT "/api/v1/federation/partners/$(cat /proc/sys/kernel/random/uuid)" -d "$(jq -n --arg i "$other_name" \
      --arg u "https://localhost:$other_tls" --rawfile c "$WORK/$other_side.pem" --argjson k "$keys" --arg a "$agreement" --arg g "$agency" \
      '{installation: $i, baseUrl: $u, certificate: $c, keySet: $k, agencies: [$g], agreements: [$a], recallDeadline: "PT1H"}')" >/dev/null
  }
  partner $QN_HTTP borderwatch.cn-gx $GX_TLS gx $GX_HTTP CN-GX; partner $GX_HTTP borderwatch.vn-qn $QN_TLS qn $QN_HTTP VN-QN
  local officer supervisor liaison; officer=$(token officer.qn officer VN-QN); supervisor=$(token supervisor.qn supervisor VN-QN)
  liaison=$(token liaison.gx liaison CN-GX)
  local expires; expires=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  cases() { # N cases ready to release, made before any clock starts
    CASES=()
    for i in $(seq 1 "$1"); do
      local report; report=$(cat /proc/sys/kernel/random/uuid)
      api $QN_HTTP "$officer" PUT "/api/v1/reports/$report" --data-binary @"$ROOT/bench/report.json" >/dev/null
      api $QN_HTTP "$supervisor" POST "/api/v1/reports/$report/decisions" -H 'If-Match: "1"' \
        -d '{"decision":"VERIFY","grading":{"source":"B","information":"2"},"impact":"MEDIUM","note":"bench"}' >/dev/null
      CASES+=("$(api $QN_HTTP "$supervisor" POST /api/v1/cases -d "{\"title\":\"Bench $i\",\"reportIds\":[\"$report\"]}" | jq -r .id)")
    done
  }
  release() { # every case of CASES, one after another; "share time-of-201" lines into the file named
    : > "$1"
    for c in "${CASES[@]}"; do
      local share; share=$(api $QN_HTTP "$supervisor" POST "/api/v1/cases/$c/shares" -d "{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",
        \"purpose\":\"Joint investigation (bench)\",\"expiresAt\":\"$expires\",\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}" | jq -r .id)
      echo "$share $(date +%s%N)" >> "$1"
    done
  }
  watch() { # until every share of the file is in Guangxi's inbox: "share time-seen" lines into the second file
    : > "$2"
    local deadline=$(( $(date +%s) + 300 ))
    while [ "$(wc -l < "$2")" -lt "$(wc -l < "$1")" ] && [ "$(date +%s)" -lt "$deadline" ]; do
      local now; now=$(date +%s%N)
      local seen; seen=$(api $GX_HTTP "$liaison" GET '/api/v1/inbox?limit=200' | jq -r '.items[].id')
      for id in $seen; do grep -q "^$id " "$1" && ! grep -q "^$id " "$2" && echo "$id $now" >> "$2"; done
      sleep 0.05
    done
    [ "$(wc -l < "$2")" -ge "$(wc -l < "$1")" ] || { say "only $(wc -l < "$2") of $(wc -l < "$1") releases arrived within 300 s"; exit 1; }
  }

  cases "$RELEASES"; release "$WORK/released"; watch "$WORK/released" "$WORK/seen"
  while read -r share at; do echo $(( ($(grep "^$share " "$WORK/seen" | cut -d' ' -f2) - at) / 1000000 )); done < "$WORK/released" | sort -n > "$WORK/lags"
  local median p95; median=$(sed -n "$(( (RELEASES + 1) / 2 ))p" "$WORK/lags"); p95=$(sed -n "$(( (RELEASES * 95 + 99) / 100 ))p" "$WORK/lags")

  kill "$PID_gx"; wait "$PID_gx" 2>/dev/null || true
  cases "$BACKLOG"; release "$WORK/backlog"
  local before; before=$(psql -d borderwatch_fed_gx -tAc "select count(*) from federation_received")
  local back_before; back_before=$(psql -d borderwatch_fed_gx -tAc "select count(*) from federation_object")
  start gx $GX_HTTP $GX_TLS borderwatch.cn-gx keep
  local ready_ns; ready_ns=$(date +%s%N)
  # the inbox shows 200 at most: wait for the backlog's last release (releases travel in order)
  tail -1 "$WORK/backlog" > "$WORK/last"; watch "$WORK/last" "$WORK/last-seen"
  local done_ns; done_ns=$(date +%s%N)
  local carried; carried=$(( $(psql -d borderwatch_fed_gx -tAc "select count(*) from federation_received") - before ))
  local back; back=$(( $(psql -d borderwatch_fed_gx -tAc "select count(*) from federation_object") - back_before ))
  local seconds; seconds=$(echo "scale=3; ($done_ns - $ready_ns) / 1000000000" | bc)
  printf '%8s %12s %10s %8s %10s %10s %12s %10s\n' "$RELEASES" "$median" "$p95" "$BACKLOG" "$carried+$back" "$seconds" \
    "$(echo "scale=1; ($carried + $back) / $seconds" | bc)" "$POLL_EVERY" >> "$WORK/runs"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=()
}

printf '%8s %12s %10s %8s %10s %10s %12s %10s\n' releases lag_p50_ms lag_p95_ms backlog objects catchup_s objects/s poll_every > "$WORK/runs"
for r in $(seq 1 "$RUNS"); do say "run $r of $RUNS"; run; done
cat "$WORK/runs"
med() { awk "NR > 1 { print \$$1 }" "$WORK/runs" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
echo "== medians of $RUNS runs: lag p50 $(med 2) ms, lag p95 $(med 3) ms (poll every $POLL_EVERY, publish every 1s); catching up a backlog of $BACKLOG releases: $(med 7) objects/s =="
