#!/usr/bin/env bash
# Related reports on a province's worth of data: fills the bench database with REPORTS (default
# 100,000) reports of one agency — vehicle plates, border markers, categories, times and places
# spread over a year and the Quang Ninh border — then times GET /api/v1/reports/{id}/related for
# SAMPLES random reports against the packaged service, and prints median, p90 and max.
#
# Run:  bench/related.sh          (needs target/quarkus-app built already; builds nothing)
# Uses the local PostgreSQL (.ci/postgres) and the dev token (.ci/dev-token): the service runs with the
# dev runtime profile, so no Keycloak is needed. The bench database is dropped and made anew.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPORTS=${REPORTS:-100000}
SAMPLES=${SAMPLES:-50}
PORT=${PORT:-8092}
DB=${BENCH_DB:-borderwatch_bench}
BASE=http://127.0.0.1:$PORT
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=borderwatch PGPASSWORD=borderwatch PGDATABASE=$DB
say() { printf '[related] %s\n' "$*" >&2; }

"$ROOT/.ci/postgres"
dropdb --if-exists "$DB"
"$ROOT/.ci/postgres"

WORK=$(mktemp -d /tmp/borderwatch-related.XXXXXX)
cp -a "$ROOT/target/quarkus-app" "$WORK/app"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  java -Xmx512m -Dquarkus.profile=dev -Dborderwatch.audit.witness-dir="$WORK/witness" -Dborderwatch.rate-limit.per-second=1000000 -Dborderwatch.rate-limit.burst=1000000 -jar "$WORK/app/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
JAVA_PID=$!
trap 'kill $JAVA_PID 2>/dev/null || true; wait $JAVA_PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/q/health/ready"; do
  kill -0 "$JAVA_PID" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; exit 1; }
  sleep 0.2
done

say "filling $DB with $REPORTS reports"
fill_start=$(date +%s%N)
psql -XAtq -v ON_ERROR_STOP=1 <<SQL
insert into report (id, agency, reporter, status, category, occurred_at, lat, lon, border_marker, narrative,
                    content, origin_hash, version, received_at, updated_at)
select gen_random_uuid(), 'VN-QN', 'sub-bench', 'VERIFIED', category, occurred, lat, lon, marker, 'bench',
       jsonb_build_object('category', category, 'occurredAt', occurred, 'location', jsonb_build_object('lat', lat, 'lon', lon),
                          'vehicles', jsonb_build_array(jsonb_build_object('plate', plate, 'kind', 'TRUCK'))),
       'bench', 1, now(), now()
from (select i,
             (array['DRUGS','COUNTERFEIT_CURRENCY','HUMAN_TRAFFICKING','GOODS_SMUGGLING','WILDLIFE_TRAFFICKING',
                    'WEAPONS','ILLEGAL_CROSSING','CYBER_FRAUD','EPIDEMIC_RISK','OTHER'])[1 + i % 10] as category,
             now() - random() * interval '365 days' as occurred,
             21.0 + random() * 1.6 as lat, 106.6 + random() * 1.5 as lon,
             (1300 + i % 400)::text as marker,
             '14A-' || lpad((i % 20000)::text, 5, '0') as plate
      from generate_series(1, $REPORTS) as i) as spread;
analyze report;
SQL
say "filled in $(( ($(date +%s%N) - fill_start) / 1000000 )) ms"

TOKEN=$("$ROOT/.ci/dev-token" supervisor.qn supervisor VN-QN)
ids=$(psql -XAtq -c "select id from report order by random() limit $SAMPLES")
first=$(echo "$ids" | head -1)
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/reports/$first/related" > "$WORK/first.json"
for id in $ids; do   # one untimed round to warm up the JIT and the caches
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/reports/$id/related"
done
for id in $ids; do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/reports/$id/related"
done | sort -n > "$WORK/times.txt"
count=$(wc -l < "$WORK/times.txt")
ms() { awk -v n="$1" 'NR == n { printf "%.1f", $1 * 1000 }' "$WORK/times.txt"; }
median=$(ms $(( (count + 1) / 2 )))
p90=$(ms $(( (count * 9 + 9) / 10 )))
max=$(ms "$count")
items=$(grep -o '"reasons"' "$WORK/first.json" | wc -l)
sql_ms=$(psql -XAtq -c "explain (analyze, format json) with me as (select * from report where id = '$first')
  select r.id from report r, me where r.agency = me.agency and cardinality(me.plates) > 0 and r.plates && me.plates
  union select r.id from report r, me where r.agency = me.agency and r.border_marker = me.border_marker
  union select r.id from report r, me where r.agency = me.agency and r.category = me.category
  and r.occurred_at between me.occurred_at - interval '72 hours' and me.occurred_at + interval '72 hours'" \
  | grep -o '"Execution Time": [0-9.]*' | awk '{print $3}')

cat <<OUT

== Related reports on $REPORTS reports ($(nproc) cores) ==
requests timed           : $count (after one warm-up round)
latency median / p90 / max: $median ms / $p90 ms / $max ms   (GET /api/v1/reports/{id}/related, end to end)
candidate lookup (SQL)   : $sql_ms ms execution for one report (EXPLAIN ANALYZE)
related reports returned : $items for the first sampled report (at most 50)
service log              : $WORK/service.log
OUT
