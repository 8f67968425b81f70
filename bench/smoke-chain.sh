#!/usr/bin/env bash
# Benchmarks the walking skeleton's smoke chain against a running server (start it with
# `mvn -Prun verify`): cached reads, submissions, and end-to-end completion through JMS + MDB + S3.
# Needs wrk (Debian package `wrk`), curl and psql. Logs in as the first administrator (password from
# .lotabots-data/admin-password, or PASSWORD=…). Prints a Markdown table.
#   BASE=http://localhost:9080 DURATION=15s CONNECTIONS=32 RUNS=3 bench/smoke-chain.sh
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
BATCH=${BATCH:-2000}
DB_URL=${DB_URL:-postgresql://postgres@127.0.0.1:5432/lotabots}
here=$(cd "$(dirname "$0")" && pwd)
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
PASSWORD=${PASSWORD:-$(cat "$here/../.lotabots-data/admin-password" 2>/dev/null || true)}
# smoke checks need an OPERATOR or ADMIN token (5 minutes; the script takes a new one per phase)
token() {
  curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"$TENANT\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }

location=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' -d '{"message":"bench"}' \
  "$BASE/api/v1/smoke-checks" | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
until curl -sf -H "Authorization: Bearer $(token)" "$location" | grep -q COMPLETED; do sleep 0.2; done

# wrk's summary → "rps p50 p99" (latencies in ms)
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END {printf "%.0f %.1f %.1f\n", rps, ms(p50), ms(p99)}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

row() { # name, then wrk args
  local name=$1; shift
  local results=()
  for _ in $(seq "$RUNS"); do results+=("$(measure "$@")"); done
  local rps p50 p99
  rps=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
  p50=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
  p99=$(printf '%s\n' "${results[@]}" | awk '{print $3}' | median)
  printf '| %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99"
}

echo "| operation ($CONNECTIONS connections, $DURATION, median of $RUNS) | req/s | p50 ms | p99 ms |"
echo "|---|---|---|---|"
row "GET completed smoke check (Redis cache hit)" -H "Authorization: Bearer $(token)" "$location"
row "GET /health/ready (4 dependency probes)" "$BASE/health/ready"
row "POST smoke check (row + S3 put + JMS, one XA commit)" -H "Authorization: Bearer $(token)" -s "$here/post-smoke.lua" "$BASE/api/v1/smoke-checks"

# End to end: submit a batch, then time until every job of the batch is COMPLETED.
marker="e2e-$(date +%s%N)"
bearer=$(token)
start=$(date +%s.%N)
seq "$BATCH" | xargs -P 16 -I{} curl -sf -o /dev/null -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' \
  -d "{\"message\":\"$marker {}\"}" "$BASE/api/v1/smoke-checks"
submitted=$(date +%s.%N)
until [ "$(psql "$DB_URL" -tAc "select count(*) from lotabots.smoke_check where message like '$marker %' and status = 'COMPLETED'")" -ge "$BATCH" ]; do
  sleep 0.2
done
done_at=$(date +%s.%N)
awk -v n="$BATCH" -v s="$start" -v m="$submitted" -v d="$done_at" 'BEGIN {
  printf "| end to end: %d jobs submitted (16 clients) until all COMPLETED | %.0f jobs/s | submit %.1f s | total %.1f s |\n", n, n/(d-s), m-s, d-s }'
