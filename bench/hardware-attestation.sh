#!/usr/bin/env bash
# Benchmarks hardware attestation against a running server, with real swtpm evidence:
#   1. verifier only (no server): HardwareVerifier.verify vs the raw signature verification of the
#      same quotes, in one JVM, 2 threads;
#   2. submissions: POST /api/v1/attestations/hardware (JSON) with wrk, fresh nonce per body, at each
#      number of connections in POST_CONNECTIONS: more connections add throughput only until the CPU is
#      full, and after that only latency, so the rows show the rate reachable within a p99 goal;
#   3. end to end: a batch of fresh submissions, each sent once (the same wrk script with ONCE=1,
#      16 connections), until every one has its verdict.
# Each server measurement follows a warm-up of the same workload ($WARMUP): Liberty's JIT compiles for
# minutes under a new load, and cold rates were 20-40 % below the steady state.
# Start the server first with rate limits out of the way, e.g.
#   LOTABOTS_RATELIMIT_REQUESTS=50000000 LOTABOTS_RATELIMIT_BURST=1000000 ./mvnw -Prun verify
# (the limit still runs: one Redis call per request; 50M per minute is the largest the check accepts)
# Needs wrk, curl, psql, swtpm + tpm2-tools (Debian packages). Prints Markdown tables.
#   BASE=http://localhost:9080 DURATION=15s POST_CONNECTIONS="16 32" CONNECTIONS=32 RUNS=3 BODIES=6000 BATCH=2000 bench/hardware-attestation.sh
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-32}
POST_CONNECTIONS=${POST_CONNECTIONS:-16 32}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
BODIES=${BODIES:-6000}
BATCH=${BATCH:-2000}
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
DB_URL=${DB_URL:-postgresql://postgres@127.0.0.1:5432/lotabots}
root=$(cd "$(dirname "$0")/.." && pwd)
PASSWORD=${PASSWORD:-$(cat "$root/.lotabots-data/admin-password" 2>/dev/null || true)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the load generator and tools are Debian packages; installed where this user may (as the build does)
bash "$root/build/require-packages.sh" wrk=wrk curl=curl
for tool in wrk curl psql swtpm tpm2_quote; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

token() {
  curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"$TENANT\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

echo "## Verifier only (one JVM, 2 threads, real swtpm quotes)"
echo
# one reactor run, so the classpath names tpm-testkit's classes (it is not installed in ~/.m2)
(cd "$root" && ./mvnw -q -pl tpm-testkit,ejb-module test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp" >/dev/null)
java -cp "$root/ejb-module/target/test-classes:$root/ejb-module/target/classes:$(cat "$work/cp")" \
  io.lotabots.attestation.hardware.checks.VerifierThroughput
echo

echo "## Through the server ($DURATION, median of $RUNS)"
echo
(cd "$root" && ./mvnw -q -pl tpm-testkit compile >/dev/null)
feed() { # count, output file; chunks of 1000 with a fresh token each (an access token lives 5 minutes)
  : >"$2"
  local left=$1 n
  while [ "$left" -gt 0 ]; do
    n=$((left < 1000 ? left : 1000))
    java -cp "$root/tpm-testkit/target/classes" "$root/bench/HardwareEvidenceFeed.java" "$BASE" "$(token)" "$n" "$work/chunk"
    cat "$work/chunk" >>"$2"
    left=$((left - n))
  done
}
feed "$BODIES" "$work/bodies.jsonl"
# Fresh planner statistics, as autovacuum keeps them in production (CI machines run PostgreSQL with
# autovacuum off): a statement whose plan depends on them is measured with the plan it gets there.
psql "$DB_URL" -qc "analyze"

measure() { # wrk's summary → "rps p50_ms p99_ms non2xx"; connections from $CONNECTIONS
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {bad=$NF}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END {printf "%.0f %.1f %.1f %d\n", rps, ms(p50), ms(p99), bad}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| operation | req/s | p50 ms | p99 ms | non-2xx |"
echo "|---|---|---|---|---|"
post() { TOKEN=$(token) BODIES="$work/bodies.jsonl" THREADS=$THREADS measure -s "$root/bench/submit-evidence.lua" "$BASE/api/v1/attestations/hardware"; }
col() { printf '%s\n' "${results[@]}" | awk -v c="$1" '{print $c}' | median; }
warmed=
for connections in $POST_CONNECTIONS; do
  [ -n "$warmed" ] || CONNECTIONS=$connections DURATION=$WARMUP post >/dev/null
  warmed=1
  results=()
  for _ in $(seq "$RUNS"); do
    results+=("$(CONNECTIONS=$connections post)")
  done
  printf '| POST hardware evidence (JSON; row + S3 + audit, message after commit), %s connections | %s | %s | %s | %s |\n' \
    "$connections" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)"
done
location=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' \
  --data-binary @<(head -n 1 "$work/bodies.jsonl") "$BASE/api/v1/attestations/hardware" \
  | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
until curl -sf -H "Authorization: Bearer $(token)" "$location" | grep -q '"completedAt"'; do sleep 0.2; done
DURATION=$WARMUP measure -H "Authorization: Bearer $(token)" "$location" >/dev/null
results=()
for _ in $(seq "$RUNS"); do
  results+=("$(measure -H "Authorization: Bearer $(token)" "$location")")
done
printf '| GET a final attestation (Redis cache hit), %s connections | %s | %s | %s | %s |\n' "$CONNECTIONS" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)"

# End to end: fresh evidence, each body POSTed once by wrk (16 connections), until every verdict is
# stored. The backlog the POST rounds queued is worked off first, so the clock measures this batch alone.
# The end is the batch's last completed_at, read once at the end; the poll meanwhile asks only whether an
# unfinished job is left, through the partial index (a count over the whole table cost PostgreSQL more
# CPU than the jobs did).
feed "$BATCH" "$work/batch.jsonl"
unfinished() {
  psql "$DB_URL" -tAc "select count(*) from (select 1 from lotabots.attestation where status in ('PENDING','PROCESSING') limit 1) s"
}
until [ "$(unfinished)" -eq 0 ]; do sleep 1; done
mkdir "$work/done"
start=$(date +%s.%N)
# --timeout: wrk drops an answer later than its default 2 s without calling response(), and the
# thread that waits for it would keep the run going until -d ends
DONE_DIR="$work/done" BODIES="$work/batch.jsonl" TOKEN=$(token) THREADS=$THREADS \
  ONCE=1 wrk -t"$THREADS" -c16 -d600s --timeout 30s -s "$root/bench/submit-evidence.lua" "$BASE" >"$work/wrk.out" &
wrk_pid=$!
# wrk also drops an answer whose connection failed, and then waits for it until -d ends; the batch's
# rows, counted once a second through the tenant's index (a count over the whole table took 190 ms), tell
# when every submission has arrived
stored() {
  psql "$DB_URL" -tAc "select count(*) from lotabots.attestation where submitted_at >= to_timestamp($start)
    and tenant_id = (select id from lotabots.tenant where name = '$TENANT')"
}
while kill -0 "$wrk_pid" 2>/dev/null && [ "$(stored)" -lt "$BATCH" ]; do sleep 1; done
submitted=$(date +%s.%N)
sleep 2
if kill -0 "$wrk_pid" 2>/dev/null; then
  echo "wrk still waited for an answer after every submission was stored; stopped it" >&2
  kill -INT "$wrk_pid"
fi
wait "$wrk_pid" || true
accepted=$(awk '/^accepted/ {print $2}' "$work/wrk.out")
[ "${accepted:-0}" -eq "$BATCH" ] || echo "wrk counted ${accepted:-0} of $BATCH submissions accepted" >&2
until [ "$(unfinished)" -eq 0 ]; do sleep 0.5; done
read -r done_at verified < <(psql "$DB_URL" -tAF' ' -c "select extract(epoch from max(completed_at)),
  count(*) filter (where status = 'VERIFIED') from lotabots.attestation where submitted_at >= to_timestamp($start)")
awk -v n="$BATCH" -v s="$start" -v m="$submitted" -v d="$done_at" -v ok="$verified" 'BEGIN {
  printf "| end to end: %d fresh submissions (16 connections) until all final (%d VERIFIED) | %.0f verdicts/s | submit %.1f s | total %.1f s | |\n", n, ok, n/(d-s), m-s, d-s }'
