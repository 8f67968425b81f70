#!/usr/bin/env bash
# Data-subject requests at the privacy issue's scale, against a running server: a subject with EVENTS audit
# events (their own document reads, audited as every content read is), ATTESTATIONS hardware attestations
# (real swtpm evidence) and DOCS documents of DOC_MIB each; then their export and their erasure (filed by one
# officer, approved by another), each timed from filing to COMPLETED, with the server's RSS sampled every
# second and the rest of the API measured meanwhile: GET of a document's metadata and of an attestation
# (another user's, wrk in WINDOW-long windows, alternating) — p99 during the job beside the same windows
# before it. Goal: the job does not push those GETs' p99 over 30 ms.
#   BASE=http://localhost:9080 PASSWORD=… bench/subject-requests.sh
# Needs wrk, curl, jq, psql, swtpm + tpm2-tools (Debian packages). Prints Markdown tables.
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
EVENTS=${EVENTS:-10000}
ATTESTATIONS=${ATTESTATIONS:-100}
DOCS=${DOCS:-10}
DOC_MIB=${DOC_MIB:-10}
WINDOW=${WINDOW:-5s}
BASELINE_WINDOWS=${BASELINE_WINDOWS:-4}
CONNECTIONS=${CONNECTIONS:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
PASSWORD=${PASSWORD:-$(cat "$root/.lotabots-data/admin-password" 2>/dev/null || true)}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
bash "$root/build/require-packages.sh" wrk=wrk curl=curl jq=jq psql=postgresql-client swtpm=swtpm \
  swtpm_setup=swtpm-tools tpm2_quote=tpm2-tools
log() { printf '[bench] %s\n' "$*" >&2; }

login() { # tenant user password → access token
  curl -fsS -H 'Content-Type: application/json' \
    -d "$(jq -n --arg t "$1" --arg u "$2" --arg p "$3" '{tenant:$t,username:$u,password:$p}')" \
    "$BASE/api/v1/auth/login" | jq -r .access_token
}
admin() { login "$TENANT" "$USERNAME" "$PASSWORD"; }
api() { # token method path [curl args…] → body
  local token=$1 method=$2 path=$3; shift 3
  curl -fsS -X "$method" -H "Authorization: Bearer $token" "$@" "$BASE/api/v1$path"
}
secret="Bench-$RANDOM$RANDOM-Pass-Phrase!"
user() { # username role → id
  api "$(admin)" POST /identity/users -H 'Content-Type: application/json' \
    -d "$(jq -n --arg u "$1" --arg p "$secret" --arg r "$2" '{username:$u,password:$p,roles:[$r]}')" | jq -r .id
}
run=$RANDOM$RANDOM
subject_name="bench-subject-$run"
subject=$(user "$subject_name" DEVELOPER)
user "bench-officer-a-$run" COMPLIANCE_OFFICER >/dev/null
user "bench-officer-b-$run" COMPLIANCE_OFFICER >/dev/null
subject_token() { login "$TENANT" "$subject_name" "$secret"; }
officer_a() { login "$TENANT" "bench-officer-a-$run" "$secret"; }
officer_b() { login "$TENANT" "bench-officer-b-$run" "$secret"; }

upload() { # token file title → document id
  api "$1" POST /documents -F "metadata={\"title\":\"$3\"};type=application/json" \
    -F "file=@$2;type=application/octet-stream" | jq -r .id
}
log "seeding: $DOCS documents of $DOC_MIB MiB"
token=$(subject_token)
for i in $(seq "$DOCS"); do
  head -c $((DOC_MIB * 1024 * 1024)) /dev/urandom >"$work/doc.bin"
  upload "$token" "$work/doc.bin" "subject document $i" >/dev/null
done
printf 'a small document the subject reads\n' >"$work/small.txt"
small=$(upload "$token" "$work/small.txt" "read often")

log "seeding: $ATTESTATIONS hardware attestations (swtpm evidence)"
(cd "$root" && ./mvnw -q -B -ntp -pl tpm-testkit compile >/dev/null)
feed() { java -cp "$root/tpm-testkit/target/classes" "$root/bench/HardwareEvidenceFeed.java" "$BASE" "$1" "$2" "$3"; }
feed "$token" "$ATTESTATIONS" "$work/bodies.jsonl"
while read -r body; do
  printf '%s' "$body" | api "$token" POST /attestations/hardware -H 'Content-Type: application/json' --data-binary @- >/dev/null
done <"$work/bodies.jsonl"

log "seeding: $EVENTS audit events (the subject's own reads of a document)"
cat >"$work/reads.lua" <<LUA
-- every answered read is one audit event; the EVENTS-th leaves a marker for the script, which stops wrk
local answered = 0
request = function()
  return wrk.format("GET", "/api/v1/documents/$small/content")
end
response = function(status)
  if status == 200 then answered = answered + 1 end
  if answered == $EVENTS then io.open("$work/reads.done", "w"):close() end
end
done = function(summary, latency, requests)
  io.write(string.format("reads %d errors %d\\n", summary.requests, summary.errors.status + summary.errors.read))
end
LUA
# one thread, so the count is exact; each read is audited with the subject as actor
wrk -t1 -c4 -d900s -s "$work/reads.lua" -H "Authorization: Bearer $token" "$BASE" >"$work/reads.out" &
reader=$!; pids+=("$reader")
while kill -0 "$reader" 2>/dev/null && [ ! -e "$work/reads.done" ]; do sleep 0.5; done
kill -INT "$reader" 2>/dev/null || true; wait "$reader" || true
events=$(awk '/^reads/ {print $2 - $4}' "$work/reads.out")
log "the subject has $events audited reads (plus their logins, uploads and submissions)"

# the measured GETs: the administrator's own document and attestation, which neither job touches
atoken=$(admin)
mine=$(upload "$atoken" "$work/small.txt" "the administrator's")
feed "$atoken" 1 "$work/admin.jsonl"
location=$(api "$atoken" POST /attestations/hardware -H 'Content-Type: application/json' \
  --data-binary @"$work/admin.jsonl" -D - -o /dev/null | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
attestation_path=${location#*"/api/v1"}
until api "$atoken" GET "$attestation_path" | grep -q '"completedAt"'; do sleep 0.5; done

measure() { # url → "p99_ms rps non2xx"
  wrk -t2 -c"$CONNECTIONS" -d"$WINDOW" --latency -H "Authorization: Bearer $(admin)" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2} /^ +99%/ {p99=ms($2)} /Non-2xx/ {bad+=$NF}
    END {printf "%.1f %.0f %d\n", p99, rps, bad}'
}
doc_url="$BASE/api/v1/documents/$mine"
att_url="$location"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maximum() { sort -n | tail -n 1; }
port=$(printf '%s' "$BASE" | sed -E 's#.*:([0-9]+).*#\1#')
server_pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
rss_mib() { awk '/VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$server_pid/status"; }

measure "$doc_url" >/dev/null # warm-up
measure "$att_url" >/dev/null
: >"$work/base-doc"; : >"$work/base-att"
for _ in $(seq "$BASELINE_WINDOWS"); do
  measure "$doc_url" >>"$work/base-doc"; measure "$att_url" >>"$work/base-att"
done

job() { # type → one table row; the request is filed (and for an erasure approved) and measured until COMPLETED
  local type=$1 id state started ended rss0 peak
  : >"$work/job-doc"; : >"$work/job-att"
  rss0=$(rss_mib); peak=$rss0
  started=$(date +%s.%N)
  id=$(api "$(officer_a)" POST /privacy/requests -H 'Content-Type: application/json' \
    -d "{\"type\":\"$type\",\"subject\":\"$subject\"}" | jq -r .id)
  if [ "$type" = erasure ]; then
    api "$(officer_b)" POST "/privacy/requests/$id/approval" -H 'Content-Type: application/json' \
      -d '{"approve":true,"reason":"benchmark"}' >/dev/null
  fi
  (while sleep 1; do rss_mib; done >"$work/rss") & pids+=($!)
  local sampler=$!
  state=$(api "$(officer_a)" GET "/privacy/requests/$id" | jq -r .state)
  while [ "$state" != COMPLETED ] && [ "$state" != FAILED ]; do
    measure "$doc_url" >>"$work/job-doc"
    state=$(api "$(officer_a)" GET "/privacy/requests/$id" | jq -r .state)
    [ "$state" = COMPLETED ] || [ "$state" = FAILED ] && break
    measure "$att_url" >>"$work/job-att"
    state=$(api "$(officer_a)" GET "/privacy/requests/$id" | jq -r .state)
  done
  ended=$(api "$(officer_a)" GET "/privacy/requests/$id" | jq -r '.completedAt // .updatedAt // empty')
  kill "$sampler" 2>/dev/null || true
  peak=$( (cat "$work/rss"; echo "$rss0") | maximum)
  [ -s "$work/job-doc" ] || measure "$doc_url" >>"$work/job-doc" # a job faster than one window
  [ -s "$work/job-att" ] || measure "$att_url" >>"$work/job-att"
  local seconds
  seconds=$(awk -v s="$started" -v e="$(date -d "$ended" +%s.%N 2>/dev/null || date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  local extra=""
  if [ "$type" = export ]; then
    extra=", archive $(api "$(officer_a)" GET "/privacy/requests/$id/export" -o "$work/export.zip" -w '%{size_download}' | awk '{printf "%.1f MB", $1/1e6}')"
  fi
  printf '| %s (%s%s) | %s s | %s → %s | %s / %s | %s / %s |\n' "$type" "$state" "$extra" "$seconds" "$rss0" "$peak" \
    "$(awk '{print $1}' "$work/job-doc" | median)" "$(awk '{print $1}' "$work/job-doc" | maximum)" \
    "$(awk '{print $1}' "$work/job-att" | median)" "$(awk '{print $1}' "$work/job-att" | maximum)"
}

echo "## Data-subject requests: a subject with $events+ audit events, $ATTESTATIONS attestations, $((DOCS * DOC_MIB)) MiB of documents"
echo
echo "| job | filed → completed | server RSS MiB, before → peak | document GET p99 ms, median / worst window | attestation GET p99 ms, median / worst window |"
echo "|---|---|---|---|---|"
printf '| no job (%s windows of %s, %s connections) | | %s | %s / %s | %s / %s |\n' "$BASELINE_WINDOWS" "$WINDOW" "$CONNECTIONS" "$(rss_mib)" \
  "$(awk '{print $1}' "$work/base-doc" | median)" "$(awk '{print $1}' "$work/base-doc" | maximum)" \
  "$(awk '{print $1}' "$work/base-att" | median)" "$(awk '{print $1}' "$work/base-att" | maximum)"
job export
job erasure
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
