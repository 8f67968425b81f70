#!/usr/bin/env bash
# Kills one of two servers (kill -9) under a load of hardware submissions and counts what became of
# every accepted job: submitted / completed / duplicated / lost, and the submissions' p99 before and
# after the kill. The short form runs in the build as ClusterFailoverIT.
#
# The cluster: the running server (start it first, rate limits out of the way, e.g.
#   LOTABOTS_RATELIMIT_REQUESTS=50000000 LOTABOTS_RATELIMIT_BURST=1000000 ./mvnw -Prun verify)
# and a copy of its server directory on ports of its own (the same application, configuration, key
# file, PostgreSQL, Redis and S3), both behind haproxy; the copy is the one killed. Real swtpm
# evidence (bench/HardwareEvidenceFeed.java) is POSTed through haproxy by wrk
# (bench/submit-evidence.lua, each body once): BEFORE bodies (haproxy's stats must show both members
# answered 2xx, or the run stops: a kill of a member that took nothing proves nothing), then AFTER
# bodies during which the copy is killed KILL_AFTER seconds in, then, from 30 s after the kill,
# RECOVERED bodies (the p99 that must be back under 100 ms). Then it waits (at most WAIT seconds) until
# no job of the run is PENDING or PROCESSING and reads the database:
#   completed  = jobs of the run with a final status and exactly one verdict or failure on the audit trail
#   duplicated = jobs with more than one
#   lost       = jobs still unfinished at the end, or final without their audit event
# TRANSPORT=rabbitmq: both members take jobs from one RabbitMQ queue; start the server with it
#   (LOTABOTS_ATTESTATION_TRANSPORT=rabbitmq ...): the copy joins the queue the server's readiness names.
#   The jobs in work at the kill (the killed member's unacknowledged ones among them) must then be final
#   before the sweeper's lease could have brought them back; the table says how soon they were.
# Installs what it needs (haproxy, socat, wrk, curl, psql, swtpm + tpm2-tools; Debian packages) through
# build/require-packages.sh. Prints Markdown tables.
#   BASE=http://localhost:9080 BEFORE=1500 AFTER=3000 RECOVERED=1500 KILL_AFTER=10 bench/cluster-kill.sh
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
BEFORE=${BEFORE:-1500}
AFTER=${AFTER:-3000}
RECOVERED=${RECOVERED:-1500}
KILL_AFTER=${KILL_AFTER:-10}
WAIT=${WAIT:-300}
TRANSPORT=${TRANSPORT:-embedded}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
DB_URL=${DB_URL:-postgresql://postgres@127.0.0.1:5432/lotabots}
root=$(cd "$(dirname "$0")/.." && pwd)
WLP=${WLP:-$root/ear/target/liberty/wlp}
SERVER=${SERVER:-lotabots}
PASSWORD=${PASSWORD:-$(cat "$root/.lotabots-data/admin-password" 2>/dev/null || true)}
"$root/build/require-packages.sh" haproxy=haproxy socat=socat wrk=wrk curl=curl psql=postgresql-client \
  swtpm=swtpm tpm2_quote=tpm2-tools
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
copy=cluster-kill-$$
copy_dir="$WLP/usr/servers/$copy"
cleanup() {
  [ -n "${wrk_pid:-}" ] && kill "$wrk_pid" 2>/dev/null || true
  [ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
  "$WLP/bin/server" stop "$copy" >/dev/null 2>&1 || true
  rm -rf "$work" "$copy_dir"
}
trap cleanup EXIT

# the second member: a copy of the running server's directory, as ear's SecondServer makes it
http2=$(free_port) https2=$(free_port) lb=$(free_port)
port1=${BASE##*:}
ready=$(curl -s "$BASE/health/ready" || true)
queue=$(printf '%s' "$ready" | sed -n 's/.*RabbitMQ queue \([^ "]*\) reachable.*/\1/p')
case "$TRANSPORT" in
  embedded) [ -z "$queue" ] || { echo "the server at $BASE takes jobs from RabbitMQ ($queue): TRANSPORT=rabbitmq" >&2; exit 1; }
    transport_lines= ;;
  rabbitmq) [ -n "$queue" ] || { echo "the server at $BASE is not on RabbitMQ: start it with LOTABOTS_ATTESTATION_TRANSPORT=rabbitmq" >&2; exit 1; }
    transport_lines="    <variable name=\"lotabots.attestation.transport\" value=\"rabbitmq\"/>
    <variable name=\"lotabots.attestation.rabbitmq.queue\" value=\"$queue\"/>" ;;
  *) echo "TRANSPORT is embedded or rabbitmq, not $TRANSPORT" >&2; exit 1 ;;
esac
mkdir -p "$copy_dir"
(cd "$WLP/usr/servers/$SERVER" && tar --exclude=./logs --exclude=./workarea --exclude=./dropins \
  --exclude=./apps/expanded --exclude=./messaging --exclude=./tranlog -cf - .) | (cd "$copy_dir" && tar -xf -)
# the key files are shared, not copied (a copy lacks every key made after it, e.g. a new tenant's KEK)
cat >"$copy_dir/configDropins/overrides/zz-second-server.xml" <<EOF
<server>
    <variable name="lotabots.http.port" value="$http2"/>
    <variable name="lotabots.https.port" value="$https2"/>
    <variable name="lotabots.keys.file" value="$WLP/usr/servers/$SERVER/keys/signing-keys.jwe"/>
$transport_lines
</server>
EOF
"$WLP/bin/server" start "$copy" >/dev/null
until curl -sf -o /dev/null "http://127.0.0.1:$http2/health/ready"; do sleep 2; done

# as ear's testsupport.LoadBalancer: a check may take 5 s (without "timeout check" haproxy allows it
# only the 500 ms interval, which a fresh member's readiness overran on a loaded machine: that member
# was held down and served nothing)
cat >"$work/haproxy.cfg" <<EOF
global
    maxconn 1024
    stats socket $work/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout check 5s
    retries 3
    option redispatch 1
    retry-on conn-failure
frontend api
    bind 127.0.0.1:$lb
    # Liberty accepts an h2c upgrade, after which haproxy only tunnels the connection: no balancing
    http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
    http-request del-header HTTP2-Settings
    default_backend lotabots
backend lotabots
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server s1 127.0.0.1:$port1 check
    server s2 127.0.0.1:$http2 check
EOF
haproxy -D -p "$work/haproxy.pid" -f "$work/haproxy.cfg"
LB=http://127.0.0.1:$lb
stat() { echo "show stat" | socat - "UNIX-CONNECT:$work/haproxy.sock"; }
# field of a member's row in haproxy's CSV (status, hrsp_2xx, …), by the header's column name
member() { stat | awk -F, -v s="$1" -v f="$2" 'NR==1 {sub(/^# /, ""); for (i = 1; i <= NF; i++) c[$i] = i}
  $1 == "lotabots" && $2 == s {print $c[f]}'; }
until [ "$(member s1 status)" = UP ] && [ "$(member s2 status)" = UP ]; do sleep 0.5; done

token() {
  curl -sf "$LB/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"$TENANT\",\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
(cd "$root" && ./mvnw -q -pl tpm-testkit compile >/dev/null)
feed() { # count, output file; chunks of 1000 with a fresh token each (an access token lives 5 minutes)
  : >"$2"
  local left=$1 n
  while [ "$left" -gt 0 ]; do
    n=$((left < 1000 ? left : 1000))
    java -cp "$root/tpm-testkit/target/classes" "$root/bench/HardwareEvidenceFeed.java" "$LB" "$(token)" "$n" "$work/chunk"
    cat "$work/chunk" >>"$2"
    left=$((left - n))
  done
}
feed "$BEFORE" "$work/before.jsonl"
feed "$AFTER" "$work/after.jsonl"
feed "$RECOVERED" "$work/recovered.jsonl"

start=$(psql "$DB_URL" -tAc "select extract(epoch from now())")
submit() { # bodies file, output file: each body POSTed once through haproxy; wrk runs in the background as $wrk_pid
  rm -rf "$work/done" && mkdir "$work/done"
  DONE_DIR="$work/done" BODIES="$1" TOKEN=$(token) THREADS=$THREADS ONCE=1 \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d600s --timeout 30s --latency -s "$root/bench/submit-evidence.lua" "$LB" >"$2" &
  wrk_pid=$!
}
finish() { # waits for wrk; one that waits for an answer it dropped (over --timeout) is stopped after $1 s
  for _ in $(seq "$1"); do kill -0 "$wrk_pid" 2>/dev/null || break; sleep 1; done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  wrk_pid=
}
submit "$work/before.jsonl" "$work/wrk-before.out"
finish 600
s1_before=$(member s1 hrsp_2xx) s2_before=$(member s2 hrsp_2xx)
if [ "${s2_before:-0}" -eq 0 ] || [ "${s1_before:-0}" -eq 0 ]; then
  echo "haproxy sent no submission to one member (2xx answers: s1 $s1_before, s2 $s2_before): the kill would prove nothing" >&2
  stat >&2
  exit 1
fi
submit "$work/after.jsonl" "$work/wrk-after.out"
sleep "$KILL_AFTER"
kill -9 "$(cat "$WLP/usr/servers/.pid/$copy.pid")"
killed=$(date +%s.%N)
# the run's jobs not final at the kill: the killed member's among them
psql "$DB_URL" -tAc "select id from lotabots.attestation where submitted_at >= to_timestamp($start)
  and status in ('PENDING','PROCESSING')" >"$work/in-work"
killed=${killed%.*}
finish 300
until [ "$(member s2 status)" != UP ]; do sleep 0.2; done
# the recovered phase starts 30 s after the kill
sleep $((killed + 30 - $(date +%s) > 0 ? killed + 30 - $(date +%s) : 0))
submit "$work/recovered.jsonl" "$work/wrk-recovered.out"
finish 600

unfinished() {
  psql "$DB_URL" -tAc "select count(*) from lotabots.attestation where submitted_at >= to_timestamp($start)
    and status in ('PENDING','PROCESSING')"
}
deadline=$((killed + WAIT))
until [ "$(unfinished)" -eq 0 ] || [ "$(date +%s)" -ge "$deadline" ]; do sleep 2; done
done_after=$(($(date +%s) - killed))

read -r stored completed duplicated lost < <(psql "$DB_URL" -tAF' ' -c "
  with run as (select id, status from lotabots.attestation where submitted_at >= to_timestamp($start)),
       verdicts as (select target_id, count(*) n from lotabots.audit_event
                    where target_type = 'attestation' and occurred_at >= to_timestamp($start)
                      and action in ('attestation.verified','attestation.rejected','attestation.failed')
                    group by target_id)
  select count(*),
         count(*) filter (where status in ('VERIFIED','REJECTED','FAILED') and coalesce(v.n, 0) = 1),
         count(*) filter (where v.n > 1),
         count(*) filter (where status not in ('VERIFIED','REJECTED','FAILED') or v.n is null)
  from run left join verdicts v on v.target_id = run.id::text")
in_work=$(wc -l <"$work/in-work")
ids=$(paste -sd, "$work/in-work" | sed "s/[^,][^,]*/'&'/g")
# seconds from the kill until the last of them was final (its row's last change), and how many took a second attempt
read -r in_work_final retried < <(psql "$DB_URL" -tAF' ' -c "
  select coalesce(round(extract(epoch from max(updated_at)) - $killed, 1)::text, '-'),
         count(*) filter (where attempts > 1)
  from lotabots.attestation where id::text in (${ids:-''})")
p99() { awk '/^ +99%/ {v=$2; if (v ~ /us$/) v=v/1000; else if (v ~ /ms$/) v=v+0; else if (v ~ /s$/) v=v*1000; printf "%.0f", v}' "$1"; }
accepted() { awk '/^accepted/ {print $2}' "$1"; }
echo "| phase | submitted (202) | p99 ms |"
echo "|---|---|---|"
echo "| before the kill (2xx by member: s1 $s1_before, s2 $s2_before) | $(accepted "$work/wrk-before.out") | $(p99 "$work/wrk-before.out") |"
echo "| kill -9 of one server ${KILL_AFTER}s in | $(accepted "$work/wrk-after.out") | $(p99 "$work/wrk-after.out") |"
echo "| from 30 s after the kill | $(accepted "$work/wrk-recovered.out") | $(p99 "$work/wrk-recovered.out") |"
echo
echo "| transport | stored jobs | completed | duplicated | lost | all final ${done_after}s after the kill | in work at the kill | of them final after | of them on a second attempt |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| $TRANSPORT | $stored | $completed | $duplicated | $lost | $([ "$(unfinished)" -eq 0 ] && echo yes || echo no) | $in_work | ${in_work_final} s | $retried |"
[ "$duplicated" -eq 0 ] && [ "$lost" -eq 0 ]
