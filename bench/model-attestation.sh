#!/usr/bin/env bash
# Benchmarks model attestation against issue 18's goals, each side by side with its reference in one run,
# interleaved round by round (medians of $ROUNDS):
#   1. small models (≤ 64 KiB: safetensors, and a pickle): $SMALL fresh submissions per round over
#      $CONNECTIONS connections until every verdict is stored → verdicts/s end to end, with the server's
#      peak RSS (sampled every 0.5 s);
#   2. upload to verdict: a $UPLOAD_MIB MiB safetensors file uploaded (curl, multipart), attested, verdict
#      read → MB/s, against a raw S3 PUT of the same file (curl --aws-sigv4) to the S3 server the server
#      uses (its dev-services.xml, or S3_ENDPOINT/S3_ACCESS_KEY/S3_SECRET_KEY);
#   3. quota allocation: $QUOTA_REQUESTS submissions over $QUOTA_CONNECTIONS connections against a
#      concurrent-jobs quota of $QUOTA_JOBS → quota decisions/s (each a job slot taken or a refusal, as part
#      of a whole submission), and the tenant's ACTIVE allocations sampled meanwhile: never above the quota;
#   4. verifier only (no server, one JVM at -Xmx512m): the upload's digest plus the appraiser's scan of a
#      $CHECKPOINT_MIB MiB torch.save checkpoint and a $SAFETENSORS_MIB MiB safetensors file against
#      `openssl dgst -sha256` of the same files, per core used (bench/ModelScanThroughput.java).
# --short: 256 MiB / 512 MiB files, a 128 MiB upload, smaller batches (the issue's sizes are the default).
# Start the server first with rate limits out of the way, e.g.
#   LOTABOTS_RATELIMIT_REQUESTS=50000000 LOTABOTS_RATELIMIT_BURST=1000000 ./mvnw -Prun verify
# It sets the tenant's quotas (and puts the previous ones back at the end). Needs curl, psql, openssl,
# Debian's python3 with torch (python3-torch). Prints Markdown tables.
#   BASE=http://localhost:9080 ROUNDS=3 SMALL=400 bench/model-attestation.sh [--short]
set -euo pipefail
shopt -s inherit_errexit # a failed call inside $(…) stops the run instead of yielding a figure
root=$(cd "$(dirname "$0")/.." && pwd)
BASE=${BASE:-http://localhost:9080}
ROUNDS=${ROUNDS:-3}
SMALL=${SMALL:-1000}
MODELS=${MODELS:-50}
CONNECTIONS=${CONNECTIONS:-16}
UPLOAD_MIB=${UPLOAD_MIB:-1024}
CHECKPOINT_MIB=${CHECKPOINT_MIB:-2048}
SAFETENSORS_MIB=${SAFETENSORS_MIB:-4096}
QUOTA_JOBS=${QUOTA_JOBS:-8}
QUOTA_REQUESTS=${QUOTA_REQUESTS:-2000}
QUOTA_CONNECTIONS=${QUOTA_CONNECTIONS:-32}
if [ "${1:-}" = --short ]; then
  SMALL=${SHORT_SMALL:-200} UPLOAD_MIB=128 CHECKPOINT_MIB=256 SAFETENSORS_MIB=512 QUOTA_REQUESTS=${SHORT_QUOTA_REQUESTS:-600}
fi
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
PASSWORD=${PASSWORD:-$(cat "$root/.lotabots-data/admin-password" 2>/dev/null || true)}
DB_URL=${DB_URL:-postgresql://postgres@127.0.0.1:5432/lotabots}
SERVER_DIR=${SERVER_DIR:-$root/ear/target/liberty/wlp/usr/servers/${SERVER_NAME:-lotabots}}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for tool in curl psql openssl python3 java ss; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

variable() { # a Liberty variable dev-services wrote for the server
  sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$SERVER_DIR/configDropins/overrides/dev-services.xml" 2>/dev/null
}
S3_ENDPOINT=${S3_ENDPOINT:-$(variable lotabots.s3.endpoint)}
S3_ACCESS_KEY=${S3_ACCESS_KEY:-$(variable lotabots.s3.access-key)}
S3_SECRET_KEY=${S3_SECRET_KEY:-$(variable lotabots.s3.secret-key)}
S3_BUCKET=${S3_BUCKET:-lotabots}
port=$(echo "$BASE" | sed -n 's#.*:\([0-9]*\).*#\1#p')
SERVER_PID=${SERVER_PID:-$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)}
[ -n "$SERVER_PID" ] || { echo "no server listens on $port" >&2; exit 1; }

token() {
  curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"$TENANT\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
sql() { psql "$DB_URL" -tAc "$1"; }
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
tenant_id=$(sql "select id from lotabots.tenant where name = '$TENANT'")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
quota() { # concurrent jobs; the other limits as large as the API takes
  curl -sf -o /dev/null -X PUT "$BASE/api/v1/resources/quotas" -H "Authorization: Bearer $(token)" \
    -H 'Content-Type: application/json' \
    -d "{\"storedModelBytes\":1099511627776,\"concurrentJobs\":$1,\"cpuSecondsPerDay\":1000000000}"
}
previous=$(curl -sf "$BASE/api/v1/resources/quotas" -H "Authorization: Bearer $(token)" \
  | python3 -c 'import json,sys; l=json.load(sys.stdin)["limits"]; print(json.dumps({k: l[k] for k in ("storedModelBytes","concurrentJobs","cpuSecondsPerDay")}))')
restore() {
  curl -sf -o /dev/null -X PUT "$BASE/api/v1/resources/quotas" -H "Authorization: Bearer $(token)" \
    -H 'Content-Type: application/json' -d "$previous" || true
  rm -rf "$WORK"
}
trap restore EXIT

load() { java "$root/bench/ModelAttestationLoad.java" "$@"; }
unfinished() {
  sql "select count(*) from (select 1 from lotabots.attestation where status in ('PENDING','PROCESSING') limit 1) s"
}
drain() { until [ "$(unfinished)" -eq 0 ]; do sleep 0.5; done; }
rss_peak_mb() { # samples the server's RSS every 0.5 s until the file $1 appears; prints the peak in MB
  local peak=0 rss
  while [ ! -e "$1" ]; do
    rss=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    sleep 0.5
  done
  echo $((peak / 1024))
}

# --- preparation: small models, the large files ------------------------------------------------------------
quota 100000
load models "$BASE" "$(token)" "$MODELS" safetensors "$WORK/safetensors.ids"
load models "$BASE" "$(token)" "$MODELS" pickle "$WORK/pickle.ids"
# Debian's interpreter: its torch (python3-torch) writes the checkpoint
/usr/bin/python3 - "$WORK" "$UPLOAD_MIB" "$SAFETENSORS_MIB" "$CHECKPOINT_MIB" <<'PY'
import json, os, struct, sys
work, upload, safetensors, checkpoint = sys.argv[1], *map(int, sys.argv[2:])
def write_safetensors(path, mib):
    # U8 tensors of at most 1 GiB each, contiguous, as the reference writer lays them out
    size, tensors, offset, i = mib << 20, {}, 0, 0
    while offset < size:
        n = min(1 << 30, size - offset)
        tensors[f"t{i}"] = {"dtype": "U8", "shape": [n], "data_offsets": [offset, offset + n]}
        offset, i = offset + n, i + 1
    header = json.dumps(tensors, separators=(",", ":")).encode()
    header += b" " * (-len(header) % 8)
    chunk = bytes(range(256)) * 4096
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header)
        left = size
        while left:
            f.write(chunk[: min(len(chunk), left)])
            left -= min(len(chunk), left)
write_safetensors(os.path.join(work, "upload.safetensors"), upload)
write_safetensors(os.path.join(work, "large.safetensors"), safetensors)
import torch
torch.save({"weight": torch.arange(checkpoint << 18, dtype=torch.float32)}, os.path.join(work, "checkpoint.pt"))
PY

# --- server rounds, interleaved ----------------------------------------------------------------------------
small_round() { # kind → "verdicts/s verified accepted rss_mb"
  drain
  rm -f "$WORK/stop"
  rss_peak_mb "$WORK/stop" >"$WORK/rss" &
  local sampler=$! start out accepted done_at verified
  start=$(date +%s.%N)
  out=$(load submit "$BASE" "$(token)" "$WORK/$1.ids" "$SMALL" "$CONNECTIONS")
  accepted=$(echo "$out" | awk '{print $2}')
  drain
  touch "$WORK/stop"
  wait "$sampler"
  read -r done_at verified < <(psql "$DB_URL" -tAF' ' -c "select extract(epoch from max(completed_at)),
    count(*) filter (where status = 'VERIFIED') from lotabots.attestation
    where tenant_id = '$tenant_id' and submitted_at >= to_timestamp($start)")
  awk -v n="$accepted" -v s="$start" -v d="$done_at" -v ok="$verified" -v rss="$(cat "$WORK/rss")" \
    'BEGIN {printf "%.1f %d %d %d\n", n/(d-s), ok, n, rss}'
}
s3_put_round() { # → MB/s of a raw S3 PUT of the upload file
  local key="bench/raw-$RANDOM$RANDOM" seconds
  # curl 7.88 signs no payload hash of its own: s3proxy answers 400 (fast) without the header
  local s3=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY"
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
  seconds=$(curl -sf -o /dev/null -w '%{time_total}' "${s3[@]}" -T "$WORK/upload.safetensors" \
    "$S3_ENDPOINT/$S3_BUCKET/$key")
  curl -sf -o /dev/null -X DELETE "${s3[@]}" "$S3_ENDPOINT/$S3_BUCKET/$key"
  awk -v b="$(stat -c %s "$WORK/upload.safetensors")" -v t="$seconds" 'BEGIN {printf "%.1f\n", b/1e6/t}'
}
upload_round() { # → "MB/s verdict": upload, submit, verdict read
  drain
  local t start id location result end
  t=$(token)
  start=$(date +%s.%N)
  id=$(curl -sf --http1.1 "$BASE/api/v1/models" -H "Authorization: Bearer $t" -F name=bench-upload \
    -F "file=@$WORK/upload.safetensors;type=application/octet-stream" | field id)
  location=$(curl -sf -D - -o /dev/null "$BASE/api/v1/attestations/models" -H "Authorization: Bearer $t" \
    -H 'Content-Type: application/json' -d "{\"modelId\":\"$id\"}" | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}')
  case "$location" in /*) location=$BASE$location ;; esac
  until result=$(curl -sf "$location" -H "Authorization: Bearer $t") && echo "$result" | grep -q '"completedAt"'; do
    [ "$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN {print (n - s > 900)}')" = 0 ] || { echo "no verdict at $location" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  curl -sf -o /dev/null -X DELETE "$BASE/api/v1/models/$id" -H "Authorization: Bearer $t"
  awk -v b="$(stat -c %s "$WORK/upload.safetensors")" -v s="$start" -v e="$end" \
    -v st="$(echo "$result" | field status)" 'BEGIN {printf "%.1f %s\n", b/1e6/(e-s), st}'
}
quota_round() { # → "decisions/s accepted refused max_active samples"
  drain
  quota "$QUOTA_JOBS"
  rm -f "$WORK/stop"
  ( max=0 samples=0
    while [ ! -e "$WORK/stop" ]; do
      n=$(sql "select count(*) from lotabots.resource_allocation where tenant_id = '$tenant_id' and status = 'ACTIVE'")
      [ "$n" -gt "$max" ] && max=$n
      samples=$((samples + 1))
    done
    echo "$max $samples" >"$WORK/active" ) &
  local sampler=$! out
  out=$(load submit "$BASE" "$(token)" "$WORK/safetensors.ids" "$QUOTA_REQUESTS" "$QUOTA_CONNECTIONS")
  drain
  touch "$WORK/stop"
  wait "$sampler"
  quota 100000
  echo "$out $(cat "$WORK/active")" | awk '{printf "%.0f %d %d %d %d\n", ($2+$4)/$8, $2, $4, $9, $10}'
}

# warm-up: one small batch of each kind and one upload (Liberty's JIT compiles under a new load; WARMUP=0
# skips it for a server that has just run this)
if [ "${WARMUP:-1}" != 0 ]; then
  small_round safetensors >/dev/null
  small_round pickle >/dev/null
  upload_round >/dev/null
fi
declare -a st pk s3 up qa
for r in $(seq "$ROUNDS"); do
  st+=("$(small_round safetensors)")
  pk+=("$(small_round pickle)")
  s3+=("$(s3_put_round)")
  up+=("$(upload_round)")
  qa+=("$(quota_round)")
done
col() { local c=$1; shift; printf '%s\n' "$@" | awk -v c="$c" '{print $c}' | median; }

echo "## Through the server (median of $ROUNDS interleaved rounds; server pid $SERVER_PID)"
echo
echo "| goal | measured | reference | ratio | met? |"
echo "|---|---|---|---|---|"
printf '| small safetensors (64 KiB), %d submissions × %d connections: ≥ 200 verdicts/s, RSS ≤ 1 GB | %s verdicts/s (%s of %s VERIFIED), peak RSS %s MB | | | %s |\n' \
  "$SMALL" "$CONNECTIONS" "$(col 1 "${st[@]}")" "$(col 2 "${st[@]}")" "$(col 3 "${st[@]}")" "$(col 4 "${st[@]}")" \
  "$(awk -v v="$(col 1 "${st[@]}")" -v r="$(col 4 "${st[@]}")" 'BEGIN {print (v >= 200 && r <= 1000) ? "yes" : "no"}')"
printf '| small pickles (60 KB), %d submissions × %d connections: ≥ 200 verdicts/s, RSS ≤ 1 GB | %s verdicts/s (%s of %s VERIFIED), peak RSS %s MB | | | %s |\n' \
  "$SMALL" "$CONNECTIONS" "$(col 1 "${pk[@]}")" "$(col 2 "${pk[@]}")" "$(col 3 "${pk[@]}")" "$(col 4 "${pk[@]}")" \
  "$(awk -v v="$(col 1 "${pk[@]}")" -v r="$(col 4 "${pk[@]}")" 'BEGIN {print (v >= 200 && r <= 1000) ? "yes" : "no"}')"
printf '| upload to verdict, %d MiB safetensors: ≥ 70 %% of a raw S3 PUT | %s MB/s (%s) | raw S3 PUT %s MB/s | %s | %s |\n' \
  "$UPLOAD_MIB" "$(col 1 "${up[@]}")" "$(col 2 "${up[@]}")" "$(col 1 "${s3[@]}")" \
  "$(awk -v a="$(col 1 "${up[@]}")" -v b="$(col 1 "${s3[@]}")" 'BEGIN {printf "%.0f %%", 100*a/b}')" \
  "$(awk -v a="$(col 1 "${up[@]}")" -v b="$(col 1 "${s3[@]}")" 'BEGIN {print a >= 0.7*b ? "yes" : "no"}')"
printf '| quota decisions (concurrent-jobs %d, %d submissions × %d connections): ≥ 1000/s, zero over-allocation | %s decisions/s (%s allocated, %s refused), at most %s ACTIVE in %s samples | | | %s |\n' \
  "$QUOTA_JOBS" "$QUOTA_REQUESTS" "$QUOTA_CONNECTIONS" "$(col 1 "${qa[@]}")" "$(col 2 "${qa[@]}")" "$(col 3 "${qa[@]}")" \
  "$(printf '%s\n' "${qa[@]}" | awk '{print $4}' | sort -n | tail -n 1)" "$(col 5 "${qa[@]}")" \
  "$(awk -v v="$(col 1 "${qa[@]}")" -v m="$(printf '%s\n' "${qa[@]}" | awk '{print $4}' | sort -n | tail -n 1)" -v q="$QUOTA_JOBS" \
    'BEGIN {print (v >= 1000 && m <= q) ? "yes" : (m <= q ? "no (rate); none over-allocated" : "NO: over-allocated")}')"
echo

echo "## Verifier only: digest + scan against openssl dgst -sha256 (one JVM, -Xmx512m, median of $ROUNDS)"
echo
# one reactor run, so the classpath names tpm-testkit's classes (it is not installed in ~/.m2); online, since
# on a new machine the dependency plugin's own dependencies are not downloaded yet; its errors go to stderr
(cd "$root" && ./mvnw -q -B -ntp -pl tpm-testkit,ejb-module test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >&2)
java -Xmx512m -cp "$root/ejb-module/target/classes:$(cat "$WORK/cp")" "$root/bench/ModelScanThroughput.java" \
  "$ROUNDS" "$WORK/checkpoint.pt" "$WORK/large.safetensors"
