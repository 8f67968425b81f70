#!/usr/bin/env bash
# The console at the privacy issue's scale: seeds a tenant with ATTESTATIONS attestations (spread over the
# last 30 days, both types, a third reviewed) and EVENTS audit events straight into PostgreSQL, lets the
# server's own sealer chain the events (its rate is reported), then times the first render of the
# Overview and of the Audit trail in Debian's headless Chromium (bench/console-render/ConsoleRender.java):
# from the address asked for to the data on screen, interleaved rounds, median. Goal: Overview ≤ 1 s with
# 100 000 attestations and 1 000 000 audit events in the tenant.
# Start the server first (./mvnw -Prun verify), then e.g.
#   BASE=http://localhost:9080 DB_URL=postgresql://postgres@127.0.0.1:5432/lotabots PASSWORD=… bench/console-render.sh
# Seeded rows are marked (submitted_by / actor 'bench-seed'); a later run tops them up to the asked numbers; SEED=0 skips it.
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
DB_URL=${DB_URL:-postgresql://postgres@127.0.0.1:5432/lotabots}
TENANT=${TENANT:-default}
USERNAME=${USERNAME:-admin}
ATTESTATIONS=${ATTESTATIONS:-100000}
EVENTS=${EVENTS:-1000000}
ROUNDS=${ROUNDS:-7}
SEED=${SEED:-1}
SEAL_WAIT=${SEAL_WAIT:-1800}
root=$(cd "$(dirname "$0")/.." && pwd)
PASSWORD=${PASSWORD:-$(cat "$root/.lotabots-data/admin-password" 2>/dev/null || true)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/build/require-packages.sh" psql=postgresql-client chromium=chromium chromedriver=chromium-driver

sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$DB_URL" "$@"; }
tenant_id=$(sql -c "select id from lotabots.tenant where name = '$TENANT'")
[ -n "$tenant_id" ] || { echo "no tenant $TENANT in $DB_URL" >&2; exit 1; }

if [ "$SEED" = 1 ]; then
  # tops up what an earlier run seeded, so the tenant holds at least the asked numbers
  have_attestations=$(sql -c "select count(*) from lotabots.attestation where tenant_id = '$tenant_id' and submitted_by = 'bench-seed'")
  have_events=$(sql -c "select count(*) from lotabots.audit_event where tenant_id = '$tenant_id' and actor = 'bench-seed'")
  add_attestations=$(( ATTESTATIONS > have_attestations ? ATTESTATIONS - have_attestations : 0 ))
  add_events=$(( EVENTS > have_events ? EVENTS - have_events : 0 ))
  started=$(date +%s)
  sql <<SQL
insert into lotabots.attestation (id, tenant_id, type, status, verdict, policy_name, policy_version, nonce,
    nonce_status, submitted_by, evidence_key, evidence_digest, attempts, submitted_at, updated_at, completed_at)
select gen_random_uuid(), '$tenant_id', case when g % 4 = 0 then 'MODEL' else 'HARDWARE' end,
    case when g % 10 = 0 then 'REJECTED' when g % 97 = 0 then 'FAILED' else 'VERIFIED' end,
    case when g % 10 = 0 then 'CONTRAINDICATED' when g % 97 = 0 then null else 'AFFIRMING' end,
    'default', 1, 'bench-seed-' || g || '-' || $have_attestations, 'VALID', 'bench-seed', 'bench-seed/none', repeat('0', 64), 1,
    t, t, t + interval '2 seconds'
from generate_series(1, $add_attestations) g, lateral (select now() - ((g * 2591) % 2592000) * interval '1 second' as t) at; -- spread over 30 days
insert into lotabots.attestation_review (id, tenant_id, attestation_id, decision, justification, reviewer, reviewed_at)
select gen_random_uuid(), tenant_id, id, case when row_number() over () % 10 = 0 then 'FLAGGED' else 'ACCEPTED' end,
    'seeded for the console benchmark', 'bench-seed', completed_at + interval '1 minute'
from lotabots.attestation
where tenant_id = '$tenant_id' and submitted_by = 'bench-seed' and abs(hashtext(nonce)) % 3 = 0
    and not exists (select 1 from lotabots.attestation_review r where r.attestation_id = attestation.id);
-- format 2, as the server writes events: the actor's personal values in audit_personal with a secret of their
-- own; the digests are random bytes (no HMAC in stock PostgreSQL), so the chain seals but would not verify
create temporary table seeded_event as
select gen_random_uuid() as event_id, g from generate_series(1, $add_events) g;
insert into lotabots.audit_event (event_id, tenant_id, actor, action, target_type, target_id, outcome, occurred_at,
    details, format, actor_digest)
select event_id, '$tenant_id', 'bench-seed', 'bench.seeded', 'attestation', g::text,
    case when g % 50 = 0 then 'FAILURE' else 'SUCCESS' end, now() - ($add_events - g) * interval '100 milliseconds',
    '{}', 2, decode(md5(event_id::text) || md5(g::text), 'hex')
from seeded_event;
insert into lotabots.audit_personal (event_id, party, tenant_id, subject, personal, secret)
select event_id, 'ACTOR', '$tenant_id', 'bench-seed',
    jsonb_build_object('actorName', 'bench user ' || (g % 100), 'sourceIp', '127.0.0.1', 'userAgent', 'console-render bench'),
    decode(md5(random()::text) || md5(random()::text), 'hex')
from seeded_event;
analyze lotabots.attestation;
analyze lotabots.attestation_review;
analyze lotabots.audit_event;
SQL
  echo "seeded $add_attestations attestations and $add_events audit events in $(( $(date +%s) - started )) s" >&2
fi

# the server's sealer chains what was inserted; the console is measured once it has (or after SEAL_WAIT)
unsealed() { sql -c "select count(*) from lotabots.audit_event where tenant_id = '$tenant_id' and chain_hash is null"; }
seal_start=$(date +%s); first=$(unsealed); left=$first
while [ "$left" -gt 0 ] && [ $(( $(date +%s) - seal_start )) -lt "$SEAL_WAIT" ]; do sleep 10; left=$(unsealed); done
seal_seconds=$(( $(date +%s) - seal_start ))

echo "## Console first render ($(sql -c "select count(*) from lotabots.attestation where tenant_id = '$tenant_id'") attestations, $(sql -c "select count(*) from lotabots.audit_event where tenant_id = '$tenant_id'") audit events in the tenant)"
echo
if [ "$first" -gt 0 ]; then
  echo "Sealer: $((first - left)) events chained in ${seal_seconds} s ($(( (first - left) / (seal_seconds > 0 ? seal_seconds : 1) )) events/s); $left still unsealed when measured."
  echo
fi
(cd "$root" && ./mvnw -q -B -ntp -f bench/console-render/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null)
java -cp "$(cat "$work/cp")" "$root/bench/console-render/ConsoleRender.java" "$BASE/admin/" "$TENANT" "$USERNAME" "$PASSWORD" "$ROUNDS"
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
