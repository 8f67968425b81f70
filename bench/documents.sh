#!/usr/bin/env bash
# Document Service benchmark (issue 19), short form, against a running server and its S3:
#  - metadata GET /api/v1/documents/{id} and the list GET /api/v1/documents?tag=… (Redis-cached), req/s and
#    p99 with wrk, interleaved, medians of RUNS rounds;
#  - upload (POST multipart) and download (GET …/content) of SIZE_MIB random bytes through the API beside a
#    raw S3 PUT and GET of the same bytes to the same S3 server (curl --aws-sigv4), interleaved, medians.
# Prints a Markdown table for docs/benchmarks.md.
#
#   BASE=http://127.0.0.1:9184 TENANT=default USERNAME=admin PASSWORD=… \
#   S3_ENDPOINT=http://127.0.0.1:… S3_ACCESS_KEY=… S3_SECRET_KEY=… S3_REGION=us-east-1 S3_BUCKET=lotabots \
#   RUNS=3 DURATION=10s SIZE_MIB=64 bench/documents.sh
# Needs: wrk, curl (7.75+ for --aws-sigv4), jq, head, awk (installed through build/require-packages.sh if missing).
set -euo pipefail

BASE=${BASE:?the server, e.g. http://127.0.0.1:9184}
TENANT=${TENANT:-default} USERNAME=${USERNAME:-admin} PASSWORD=${PASSWORD:?the user\'s password}
S3_ENDPOINT=${S3_ENDPOINT:?S3 endpoint} S3_ACCESS_KEY=${S3_ACCESS_KEY:?} S3_SECRET_KEY=${S3_SECRET_KEY:?}
S3_REGION=${S3_REGION:-us-east-1} S3_BUCKET=${S3_BUCKET:-lotabots}
RUNS=${RUNS:-3} DURATION=${DURATION:-10s} WARMUP=${WARMUP:-10s} CONNECTIONS=${CONNECTIONS:-16} THREADS=${THREADS:-2}
SIZE_MIB=${SIZE_MIB:-64}

# the Debian packages it needs, installed as the build installs its own (or named, when this user may not)
"$(dirname "$0")/../build/require-packages.sh" wrk=wrk curl=curl jq=jq awk=gawk
log() { printf '[bench] %s\n' "$*" >&2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "$(jq -n --arg t "$TENANT" --arg u "$USERNAME" --arg p "$PASSWORD" '{tenant:$t,username:$u,password:$p}')" \
  "$BASE/api/v1/auth/login" | jq -r .access_token)
refresh_token() { # access tokens live 5 minutes: a new one before each series
  token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "$(jq -n --arg t "$TENANT" --arg u "$USERNAME" --arg p "$PASSWORD" '{tenant:$t,username:$u,password:$p}')" \
    "$BASE/api/v1/auth/login" | jq -r .access_token)
}

head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$work/content.bin"
tag="bench-$RANDOM$RANDOM"
for i in $(seq 20); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" \
    -F "metadata={\"title\":\"bench $i\",\"tags\":[\"$tag\"],\"attributes\":{\"i\":$i}};type=application/json" \
    -F "file=@/dev/null;filename=empty.txt;type=text/plain" "$BASE/api/v1/documents"
done
doc=$(curl -fsS -H "Authorization: Bearer $token" "$BASE/api/v1/documents?tag=$tag&limit=1" | jq -r '.items[0].id')

# wrk's summary → "rps p99_ms errors"
measure() {
  setsid -w wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "Authorization: Bearer $token" "$2" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2} /^ +99%/ {p99=ms($2)} /Non-2xx/ {bad+=$NF}
    END {printf "%.1f %.1f %d\n", rps, p99, bad}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { # command… → wall seconds
  local start end
  start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}'
}
# curl signs no payload hash of its own: s3proxy refuses such a request with a fast 400, which must never be
# timed as a transfer, so the header says the payload is unsigned (as the AWS SDK's streaming uploads do)
s3() {
  curl -fsS --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}
api_upload() {
  curl -fsS -o "$work/created.json" -H "Authorization: Bearer $token" \
    -F 'metadata={"title":"bench upload"};type=application/json' \
    -F "file=@$work/content.bin;type=application/octet-stream" "$BASE/api/v1/documents"
}
api_download() { curl -fsS -o "$work/down.bin" -H "Authorization: Bearer $token" "$BASE/api/v1/documents/$(jq -r .id "$work/created.json")/content"; }
raw_put() { s3 -o /dev/null -T "$work/content.bin" "$S3_ENDPOINT/$S3_BUCKET/bench/raw-$tag.bin"; }
raw_get() { s3 -o "$work/raw.bin" "$S3_ENDPOINT/$S3_BUCKET/bench/raw-$tag.bin"; }

log "warm-up"
measure "$WARMUP" "$BASE/api/v1/documents/$doc" >/dev/null
measure "$WARMUP" "$BASE/api/v1/documents?tag=$tag" >/dev/null
get_runs= list_runs= up= down= put= get=
for run in $(seq "$RUNS"); do
  refresh_token
  g=$(measure "$DURATION" "$BASE/api/v1/documents/$doc"); get_runs+="$g"$'\n'
  l=$(measure "$DURATION" "$BASE/api/v1/documents?tag=$tag"); list_runs+="$l"$'\n'
  u=$(seconds api_upload); p=$(seconds raw_put); d=$(seconds api_download); r=$(seconds raw_get)
  cmp -s "$work/content.bin" "$work/down.bin" || { echo "download differs from upload" >&2; exit 1; }
  cmp -s "$work/content.bin" "$work/raw.bin" || { echo "the raw S3 GET did not return the bytes put" >&2; exit 1; }
  up+="$u"$'\n' put+="$p"$'\n' down+="$d"$'\n' get+="$r"$'\n'
  log "run $run: GET $g | list $l | upload ${u}s raw PUT ${p}s | download ${d}s raw GET ${r}s"
  curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/documents/$(jq -r .id "$work/created.json")"
done
s3 -o /dev/null -X DELETE "$S3_ENDPOINT/$S3_BUCKET/bench/raw-$tag.bin" || true

col() { printf '%s' "$1" | awk -v c="$2" '{print $c}' | median; }
mb() { awk -v s="$1" -v m="$SIZE_MIB" 'BEGIN {printf "%.1f", m / s}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * b / a}'; } # rate ours / rate raw = raw s / ours s
echo "| measurement ($CONNECTIONS connections, $RUNS × $DURATION, medians) | result |"
echo "|---|---|"
echo "| GET /api/v1/documents/{id} | $(col "$get_runs" 1) req/s, p99 $(col "$get_runs" 2) ms, errors $(printf '%s' "$get_runs" | awk '{s+=$3} END {print s+0}') |"
echo "| GET /api/v1/documents?tag=… (20 items) | $(col "$list_runs" 1) req/s, p99 $(col "$list_runs" 2) ms, errors $(printf '%s' "$list_runs" | awk '{s+=$3} END {print s+0}') |"
U=$(printf '%s' "$up" | median) P=$(printf '%s' "$put" | median) D=$(printf '%s' "$down" | median) R=$(printf '%s' "$get" | median)
echo "| upload $SIZE_MIB MiB through the API / raw S3 PUT | $(mb "$U") / $(mb "$P") MiB/s: $(pct "$U" "$P") of raw |"
echo "| download $SIZE_MIB MiB through the API / raw S3 GET | $(mb "$D") / $(mb "$R") MiB/s: $(pct "$D" "$R") of raw |"
