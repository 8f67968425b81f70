#!/usr/bin/env bash
# The cost of the telemetry: the same server twice, side by side, one as shipped (tracing on, 10 % of
# traces sampled and exported over OTLP to a local sink; JSON logs) and one with both off (OpenTelemetry's
# SDK disabled; Liberty's plain log format). Interleaved rounds, the order alternating, one server
# loaded at a time: a token-authenticated GET (a final attestation, a Redis cache hit) and hardware
# submissions (fresh swtpm evidence, POST /api/v1/attestations/hardware). Prints each round, then the
# medians and the ratio traced/plain (the goal: at least 95 %).
#
# Both servers are copies of a built server that knows its services: start the local services and the
# server first, rate limits out of the way (the copies get them from the same environment):
#   export LOTABOTS_RATELIMIT_REQUESTS=50000000 LOTABOTS_RATELIMIT_BURST=1000000
#   ./mvnw -Prun verify        # leave it running; the copies share its PostgreSQL, Redis and S3
#   DURATION=10s RUNS=3 bench/telemetry-overhead.sh
# EXTRA_CONFIG=file.xml: a configDropins override given to both copies (say, services other than the
# source server's). Installs what it needs (wrk, curl, psql, python3, swtpm + tpm2-tools; Debian
# packages) through build/require-packages.sh. The copies
# (<server>-traced, <server>-plain) are left in the servers directory and stopped at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
WLP=${WLP:-$root/ear/target/liberty/wlp}
SOURCE=${SOURCE:-lotabots}
TRACED_PORT=${TRACED_PORT:-9280}
PLAIN_PORT=${PLAIN_PORT:-9281}
SINK_PORT=${SINK_PORT:-4399}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}
RUNS=${RUNS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
BODIES=${BODIES:-1000}
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
DB_URL=${DB_URL:-postgresql://postgres@127.0.0.1:5432/lotabots}
PASSWORD=${PASSWORD:-$(cat "$root/.lotabots-data/admin-password" 2>/dev/null || true)}
export LOTABOTS_RATELIMIT_REQUESTS=${LOTABOTS_RATELIMIT_REQUESTS:-50000000}
export LOTABOTS_RATELIMIT_BURST=${LOTABOTS_RATELIMIT_BURST:-1000000}
"$root/build/require-packages.sh" wrk=wrk curl=curl psql=postgresql-client python3=python3 swtpm=swtpm \
  tpm2_quote=tpm2-tools
servers="$WLP/usr/servers"
[ -d "$servers/$SOURCE" ] || { echo "no server $servers/$SOURCE: build it first (./mvnw -Prun verify)" >&2; exit 1; }
work=$(mktemp -d)
sink_pid=
cleanup() {
  for kind in traced plain; do "$WLP/bin/server" stop "$SOURCE-$kind" >/dev/null 2>&1 || true; done
  [ -z "$sink_pid" ] || kill "$sink_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# An OTLP/HTTP sink: takes every export and answers 200 (a collector's cost is not the server's)
cat >"$work/sink.py" <<'EOF'
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.send_response(200); self.send_header('Content-Type', 'application/x-protobuf')
        self.send_header('Content-Length', '0'); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Sink).serve_forever()
EOF
python3 "$work/sink.py" "$SINK_PORT" &
sink_pid=$!

copy() { # kind, http port, extra server.xml lines
  local dir="$servers/$SOURCE-$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  (cd "$servers/$SOURCE" && tar cf - --exclude=./logs --exclude=./workarea --exclude=./messaging --exclude=./configDropins/overrides/arquillian.xml .) \
    | (cd "$dir" && tar xf -)
  [ -z "${EXTRA_CONFIG:-}" ] || cp "$EXTRA_CONFIG" "$dir/configDropins/overrides/bench-extra.xml"
  cat >"$dir/configDropins/overrides/bench.xml" <<EOF
<server>
    <variable name="lotabots.http.port" value="$2"/>
    <variable name="lotabots.https.port" value="$(($2 + 363))"/>
    <applicationMonitor updateTrigger="disabled" dropinsEnabled="false"/>
$3
</server>
EOF
}
copy traced "$TRACED_PORT" "    <variable name=\"otel.traces.exporter\" value=\"otlp\"/>
    <variable name=\"otel.exporter.otlp.endpoint\" value=\"http://127.0.0.1:$SINK_PORT\"/>"
copy plain "$PLAIN_PORT" "    <variable name=\"otel.sdk.disabled\" value=\"true\"/>"
sed -i 's/\.format=json/.format=simple/' "$servers/$SOURCE-plain/bootstrap.properties"

for kind in traced plain; do "$WLP/bin/server" start "$SOURCE-$kind" --clean >/dev/null; done
base() { [ "$1" = traced ] && echo "http://127.0.0.1:$TRACED_PORT" || echo "http://127.0.0.1:$PLAIN_PORT"; }
for kind in traced plain; do
  until curl -sf -o /dev/null "$(base $kind)/.well-known/jwks.json"; do sleep 2; done
done

token() {
  curl -sf "$(base traced)/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"$TENANT\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
(cd "$root" && ./mvnw -q -o -pl tpm-testkit compile >/dev/null)
feed() { # count, output file: fresh evidence with nonces from the shared Redis, good on either server
  java -cp "$root/tpm-testkit/target/classes" "$root/bench/HardwareEvidenceFeed.java" "$(base traced)" "$(token)" "$1" "$2"
}
measure() { # wrk's summary → "rps p99_ms"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END {printf "%.0f %.1f\n", rps, ms(p99)}'
}
settled() { # the verification backlog of the previous submissions is worked off: it would load the next round
  until [ "$(psql "$DB_URL" -tAc "select count(*) from (select 1 from lotabots.attestation where status in ('PENDING','PROCESSING') limit 1) s")" -eq 0 ]; do
    sleep 1
  done
}
get() { measure -H "Authorization: Bearer $(token)" "$(base "$1")$location"; }
post() { feed "$BODIES" "$work/bodies.jsonl"; settled; TOKEN=$(token) BODIES="$work/bodies.jsonl" THREADS=$THREADS \
  measure -s "$root/bench/submit-evidence.lua" "$(base "$1")/api/v1/attestations/hardware"; }

feed 1 "$work/one.jsonl"
location=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' \
  --data-binary @"$work/one.jsonl" "$(base traced)/api/v1/attestations/hardware" \
  | tr -d '\r' | awk 'tolower($1)=="location:"{print $2}' | sed 's|^https\?://[^/]*||')
until curl -sf -H "Authorization: Bearer $(token)" "$(base traced)$location" | grep -q '"completedAt"'; do sleep 0.2; done

for kind in traced plain; do # the JIT compiles for minutes under a new load: both warm up first
  DURATION=$WARMUP get "$kind" >/dev/null
  DURATION=$WARMUP post "$kind" >/dev/null
done

echo "| round | server | GET req/s | GET p99 ms | POST req/s | POST p99 ms |"
echo "|---|---|---|---|---|---|"
: >"$work/rows"
for round in $(seq "$RUNS"); do
  order="traced plain"
  [ $((round % 2)) -eq 0 ] && order="plain traced"
  for kind in $order; do
    settled
    read -r g g99 < <(get "$kind")
    read -r p p99 < <(post "$kind")
    echo "| $round | $kind | $g | $g99 | $p | $p99 |"
    echo "$kind $g $p" >>"$work/rows"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v k="$1" -v c="$2" '$1==k {print $c}' "$work/rows" | median; }
echo
echo "| workload | traced + JSON logs req/s | plain req/s | ratio |"
echo "|---|---|---|---|"
for w in "GET a final attestation:2" "POST hardware evidence:3"; do
  name=${w%%:*}
  c=${w##*:}
  awk -v n="$name" -v t="$(col traced "$c")" -v p="$(col plain "$c")" \
    'BEGIN {printf "| %s (median of rounds) | %s | %s | %.1f %% |\n", n, t, p, (p > 0 ? 100 * t / p : 0)}'
done
