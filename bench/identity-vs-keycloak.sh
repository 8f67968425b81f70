#!/usr/bin/env bash
# Identity benchmark of issue 3: our server beside Keycloak 26.4.5 on this machine, same PostgreSQL,
# same load generator (Debian's wrk), medians of several runs. Prints a Markdown table.
#
#   bench/identity-vs-keycloak.sh            # builds the EAR (mvn package, no install), then measures
#   SKIP_BUILD=1 RUNS=3 DURATION=20s WARMUP=60s bench/identity-vs-keycloak.sh
#
# What it does, in one run:
#  1. fetches org.keycloak:keycloak-quarkus-dist:26.4.5:zip from Maven Central into $CACHE (outside git),
#     `kc.sh build --db=postgres` once, and starts it on $KC_PORT with a fresh database $KC_DB; creates a
#     realm (password policy hashAlgorithm(argon2), Argon2id m=7 MiB, t=5, p=1 set explicitly, refresh
#     tokens one-time like ours), a public client with direct access grants and a user, via the admin
#     REST API;
#  2. starts our EAR in the Liberty server built by the ear module ($SERVER_NAME), with a fresh database
#     $DB, Redis at 127.0.0.1:6379 under its own namespace, and s3proxy from the local Maven repository;
#     Argon2id set to Keycloak's parameters through our config (lotabots.identity.argon2.*);
#  3. measures the pure-hash limit (bench/Argon2Limit.java: Bouncy Castle Argon2id, 2 threads, no server),
#     password logins, refresh grants (every refresh token presented once: bench/refresh-chain.lua),
#     and a token-authenticated GET (/api/v1/identity/users/{id}: JWT check, revocation check and rate
#     limit in Redis, one primary-key read). Workloads that are compared run interleaved (a round of
#     each in turn, RUNS rounds), so load from elsewhere on the machine falls on both sides alike;
#  4. restarts ours at its default Argon2id parameters (OWASP: m=19 MiB, t=2, p=1) and measures logins
#     and the pure-hash limit at those;
#  5. restarts ours once more with ES256 access tokens (lotabots.jwt.algorithm, the configurable
#     alternative to RS256) and measures refresh grants again, for information: a refresh is one
#     signature, and RS256 signing is most of its CPU;
#  6. stops both servers and s3proxy on exit, whatever happens.
# Needs: JDK 17, Maven, wrk, curl, jq, psql/createdb/dropdb, unzip; PostgreSQL on 127.0.0.1:5432 (trust
# auth, user postgres) and Redis on 127.0.0.1:6379.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

RUNS=${RUNS:-3}
DURATION=${DURATION:-20s}
# Both servers JIT-compile for minutes under a new load: rates measured after 10 s of warm-up were
# 20-40 % below the steady state, so each workload is warmed for a minute first (both sides alike).
WARMUP=${WARMUP:-60s}
THREADS=${THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-30s} # wrk's default (2 s) would drop slow logins from the latencies as "timeouts"
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-8}
REFRESH_CONNECTIONS=${REFRESH_CONNECTIONS:-32}
# The GET at each of these in turn: once the CPU is full, more connections add only latency, so the
# rows show which rate holds within the p99 goal.
GET_CONNECTIONS=${GET_CONNECTIONS:-16 32}
HASH_THREADS=${HASH_THREADS:-2}

HTTP_PORT=${HTTP_PORT:-9481}
HTTPS_PORT=${HTTPS_PORT:-9844}
DB=${DB:-lotabots_bench}
SERVER_NAME=${SERVER_NAME:-lotabots-bench}
S3_PORT=${S3_PORT:-19481}
KC_PORT=${KC_PORT:-8181}
KC_MANAGEMENT_PORT=${KC_MANAGEMENT_PORT:-8182}
KC_DB=${KC_DB:-keycloak_bench}
KC_VERSION=26.4.5
CACHE=${CACHE:-$root/.lotabots-data/bench}
PG="-h 127.0.0.1 -p 5432 -U postgres"

# Keycloak's Argon2id defaults (and the equal-parameter comparison); ours at default is OWASP's set.
EQ_MEMORY_KIB=7168 EQ_ITERATIONS=5 EQ_PARALLELISM=1
DEF_MEMORY_KIB=19456 DEF_ITERATIONS=2 DEF_PARALLELISM=1

# the load generator and tools are Debian packages; installed where this user may (as the build does)
bash "$root/build/require-packages.sh" wrk=wrk curl=curl jq=jq unzip=unzip
for tool in wrk curl jq psql createdb dropdb unzip java; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

ours=http://127.0.0.1:$HTTP_PORT
kc=http://127.0.0.1:$KC_PORT
wlp=$root/ear/target/liberty/wlp
mkdir -p "$CACHE"
log() { printf '[bench] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- clean-up, whatever happens
kc_pid= s3_pid= ours_started=
cleanup() {
  set +e
  if [ -n "$ours_started" ]; then log "stopping our server"; "$wlp/bin/server" stop "$SERVER_NAME" >/dev/null 2>&1; fi
  if [ -n "$kc_pid" ] && kill -0 "$kc_pid" 2>/dev/null; then
    log "stopping Keycloak"
    kill -TERM -- "-$kc_pid" # its own process group (setsid): kc.sh and its JVM
    for _ in $(seq 60); do kill -0 -- "-$kc_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$kc_pid" 2>/dev/null
  fi
  if [ -n "$s3_pid" ]; then kill "$s3_pid" 2>/dev/null; wait "$s3_pid" 2>/dev/null; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # url, seconds, what
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt "$deadline" ] || { log "$3 did not come up at $1"; return 1; }
    sleep 1
  done
}

fresh_db() {
  dropdb $PG --if-exists --force "$1"
  createdb $PG "$1"
}

# ---------------------------------------------------------------- build (no install)
if [ -z "${SKIP_BUILD:-}" ]; then
  log "building the EAR and the Liberty server $SERVER_NAME (mvn package, log in $CACHE/build.log)"
  (cd "$root" && ./mvnw -B -pl ear -am package -DskipTests -Dliberty.server.name="$SERVER_NAME") >"$CACHE/build.log" 2>&1 \
    || { tail -n 40 "$CACHE/build.log" >&2; exit 1; }
fi
[ -x "$wlp/bin/server" ] && [ -d "$wlp/usr/servers/$SERVER_NAME" ] \
  || { echo "no Liberty server $SERVER_NAME under $wlp: run without SKIP_BUILD" >&2; exit 1; }

m2=${M2_REPO:-$HOME/.m2/repository}
bc_version=$(sed -n 's:.*<bouncycastle.version>\(.*\)</bouncycastle.version>.*:\1:p' "$root/pom.xml")
s3_version=$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' "$root/pom.xml")
bcprov=$m2/org/bouncycastle/bcprov-jdk18on/$bc_version/bcprov-jdk18on-$bc_version.jar
s3jar=$m2/org/gaul/s3proxy/$s3_version/s3proxy-$s3_version-jar-with-dependencies.jar
[ -f "$bcprov" ] || "$root/mvnw" -q dependency:get -Dartifact="org.bouncycastle:bcprov-jdk18on:$bc_version" >&2
[ -f "$s3jar" ] || "$root/mvnw" -q dependency:get -Dartifact="org.gaul:s3proxy:$s3_version:jar:jar-with-dependencies" >&2

# ---------------------------------------------------------------- measuring helpers
# wrk's summary → "rps p99_ms non2xx_and_socket_errors"
measure() {
  setsid -w wrk -t"$THREADS" -d"$1" --timeout "$WRK_TIMEOUT" --latency "${@:2}" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {bad+=$NF}
    /Socket errors/ {gsub(/,/,""); bad+=$4+$6+$8+$10}
    END {printf "%.1f %.1f %d\n", rps, p99, bad}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Fair shares of the CPU: Linux groups processes by session for scheduling (autogroup), so a process
# started from a busy session competes as one group with everything else there. Each measured
# process (Keycloak, our server, the pure-hash loop, wrk) therefore runs in a session of its own.
#
# Interleaved series: a warm-up of each workload, then RUNS rounds of each in turn, so that load from
# elsewhere on the machine falls on all of them alike. Each workload is a function taking a duration
# and printing "rate p99_ms errors"; prints one line per workload: "median_rate median_p99 total_errors".
series() {
  local f run out
  local -A results=()
  for f in "$@"; do "$f" "$WARMUP" >/dev/null; done
  for run in $(seq "$RUNS"); do
    for f in "$@"; do
      out=$("$f" "$DURATION")
      log "  $f run $run: $out"
      results[$f]+="$out"$'\n'
    done
  done
  for f in "$@"; do
    printf '%s %s %s\n' \
      "$(printf '%s' "${results[$f]}" | awk '{print $1}' | median)" \
      "$(printf '%s' "${results[$f]}" | awk '{print $2}' | median)" \
      "$(printf '%s' "${results[$f]}" | awk '{s+=$3} END {print s+0}')"
  done
}

hash_limit() { # duration memory iterations parallelism → "hashes/s 0 0"
  setsid -w java -cp "$bcprov" "$here/Argon2Limit.java" "$2" "$3" "$4" "$HASH_THREADS" "${1%s}" | awk '{print $1, 0, 0}'
}
hash_eq() { hash_limit "$1" "$EQ_MEMORY_KIB" "$EQ_ITERATIONS" "$EQ_PARALLELISM"; }
hash_def() { hash_limit "$1" "$DEF_MEMORY_KIB" "$DEF_ITERATIONS" "$DEF_PARALLELISM"; }

# ---------------------------------------------------------------- Keycloak
kc_home=$CACHE/keycloak-$KC_VERSION
if [ ! -x "$kc_home/bin/kc.sh" ]; then
  zip=$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip
  if [ ! -f "$zip" ]; then
    log "fetching Keycloak $KC_VERSION from Maven Central"
    "$root/mvnw" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$CACHE" >&2
  fi
  unzip -q -o "$zip" -d "$CACHE"
fi
if [ ! -f "$kc_home/.built-postgres" ]; then
  log "kc.sh build --db=postgres"
  "$kc_home/bin/kc.sh" build --db=postgres >"$CACHE/keycloak-build.log" 2>&1 || { tail -n 30 "$CACHE/keycloak-build.log" >&2; exit 1; }
  touch "$kc_home/.built-postgres"
fi

start_keycloak() {
  fresh_db "$KC_DB"
  kc_admin_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  log "starting Keycloak on $kc (log in $CACHE/keycloak.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$kc_admin_password \
    setsid "$kc_home/bin/kc.sh" start --optimized \
      --db-url="jdbc:postgresql://127.0.0.1:5432/$KC_DB" --db-username=postgres \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT" --http-management-port="$KC_MANAGEMENT_PORT" \
      --hostname-strict=false \
      --spi-password-hashing--argon2--memory="$EQ_MEMORY_KIB" \
      --spi-password-hashing--argon2--iterations="$EQ_ITERATIONS" \
      --spi-password-hashing--argon2--parallelism="$EQ_PARALLELISM" \
      --spi-password-hashing--argon2--type=id \
      >"$CACHE/keycloak.log" 2>&1 &
  kc_pid=$!
  wait_for "$kc/realms/master" 300 Keycloak
}

setup_keycloak() {
  local admin_token
  admin_token=$(curl -sf "$kc/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$kc_admin_password" | jq -r .access_token)
  local auth=(-H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json')
  # one-time refresh tokens, like ours; lifetimes like ours (5 min access, 30 min idle, 12 h max)
  curl -sf "${auth[@]}" "$kc/admin/realms" -d '{"realm":"bench","enabled":true,
    "passwordPolicy":"hashAlgorithm(argon2)","revokeRefreshToken":true,"refreshTokenMaxReuse":0,
    "accessTokenLifespan":300,"ssoSessionIdleTimeout":1800,"ssoSessionMaxLifespan":43200,
    "bruteForceProtected":false}'
  curl -sf "${auth[@]}" "$kc/admin/realms/bench/clients" -d '{"clientId":"bench","enabled":true,
    "publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false}'
  curl -sf "${auth[@]}" "$kc/admin/realms/bench/users" -d "{\"username\":\"bench\",\"enabled\":true,
    \"email\":\"bench@example.com\",\"emailVerified\":true,\"firstName\":\"Bench\",\"lastName\":\"Mark\",
    \"credentials\":[{\"type\":\"password\",\"value\":\"$user_password\",\"temporary\":false}]}"
}

# ---------------------------------------------------------------- our server
s3_dir=$CACHE/s3
start_s3proxy() {
  mkdir -p "$s3_dir/buckets"
  cat >"$s3_dir/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$s3_dir/buckets
EOF
  java -Xmx256m -jar "$s3jar" --properties "$s3_dir/s3proxy.properties" >"$s3_dir/s3proxy.log" 2>&1 &
  s3_pid=$!
  local deadline=$((SECONDS + 60))
  until (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null; do
    [ $SECONDS -lt "$deadline" ] || { log "s3proxy did not start, see $s3_dir/s3proxy.log"; exit 1; }
    sleep 0.5
  done
}

start_ours() { # memory iterations parallelism [access-token algorithm]
  log "starting our server $SERVER_NAME on $ours, Argon2id m=$1 KiB t=$2 p=$3, ${4:-RS256} (log in $wlp/usr/servers/$SERVER_NAME/logs)"
  rm -f "$wlp/usr/servers/$SERVER_NAME/configDropins/overrides/"{arquillian.xml,dev-services.xml}
  ours_started=1
  env LOTABOTS_HTTP_HOST=127.0.0.1 LOTABOTS_HTTP_PORT="$HTTP_PORT" LOTABOTS_HTTPS_PORT="$HTTPS_PORT" \
    LOTABOTS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" LOTABOTS_DB_USER=postgres LOTABOTS_DB_PASSWORD= \
    LOTABOTS_REDIS_URL=redis://127.0.0.1:6379 LOTABOTS_REDIS_NAMESPACE="$DB" \
    LOTABOTS_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" LOTABOTS_S3_ACCESS_KEY=bench LOTABOTS_S3_SECRET_KEY=bench-secret \
    LOTABOTS_S3_PATH_STYLE=true LOTABOTS_S3_REGION=us-east-1 \
    LOTABOTS_KEYS_FILE="$CACHE/keys/signing-keys.jwe" \
    LOTABOTS_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$user_password" \
    LOTABOTS_IDENTITY_ARGON2_MEMORY_KIB="$1" LOTABOTS_IDENTITY_ARGON2_ITERATIONS="$2" \
    LOTABOTS_IDENTITY_ARGON2_PARALLELISM="$3" LOTABOTS_JWT_ALGORITHM="${4:-RS256}" \
    LOTABOTS_RATELIMIT_REQUESTS=50000000 LOTABOTS_RATELIMIT_BURST=1000000 \
    setsid -w "$wlp/bin/server" start "$SERVER_NAME" >/dev/null
  wait_for "$ours/health/ready" 300 "our server"
}

stop_ours() {
  "$wlp/bin/server" stop "$SERVER_NAME" >/dev/null
  ours_started=
}

# ---------------------------------------------------------------- the workloads
user_password="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
ours_login_body="{\"tenant\":\"default\",\"username\":\"admin\",\"password\":\"$user_password\"}"
kc_login_form="grant_type=password&client_id=bench&username=bench&password=$user_password"

ours_login() { curl -sf "$ours/api/v1/auth/login" -H 'Content-Type: application/json' -d "$ours_login_body"; }
kc_login() { curl -sf "$kc/realms/bench/protocol/openid-connect/token" -d "$kc_login_form"; }

wrk_ours_login() {
  BENCH_BODY=$ours_login_body BENCH_CONTENT_TYPE=application/json \
    measure "$1" -c"$LOGIN_CONNECTIONS" -s "$here/post-body.lua" "$ours/api/v1/auth/login"
}
wrk_kc_login() {
  BENCH_BODY=$kc_login_form BENCH_CONTENT_TYPE=application/x-www-form-urlencoded \
    measure "$1" -c"$LOGIN_CONNECTIONS" -s "$here/post-body.lua" "$kc/realms/bench/protocol/openid-connect/token"
}

seed_tokens() { # login function → file of fresh refresh tokens (two per connection: wrk spends one checking the script)
  local file=$CACHE/refresh-seeds.txt want=$((REFRESH_CONNECTIONS * 2)) have=0 tries=0
  : >"$file"
  while [ "$have" -lt "$want" ]; do
    tries=$((tries + 1))
    [ "$tries" -le 5 ] || { log "only $have of $want refresh tokens from $1"; exit 1; }
    seq $((want - have)) | xargs -P 4 -I{} bash -c "$1 || true" | jq -r '.refresh_token // empty' >>"$file"
    have=$(grep -c . "$file" || true)
  done
  echo "$file"
}
export -f ours_login kc_login
export ours kc ours_login_body kc_login_form

wrk_ours_refresh() {
  BENCH_TOKENS=$(seed_tokens ours_login) BENCH_REFRESH_STYLE=json BENCH_THREADS=$THREADS \
    measure "$1" -c"$REFRESH_CONNECTIONS" -s "$here/refresh-chain.lua" "$ours/api/v1/auth/refresh"
}
wrk_kc_refresh() {
  BENCH_TOKENS=$(seed_tokens kc_login) BENCH_REFRESH_STYLE=form BENCH_CLIENT_ID=bench BENCH_THREADS=$THREADS \
    measure "$1" -c"$REFRESH_CONNECTIONS" -s "$here/refresh-chain.lua" "$kc/realms/bench/protocol/openid-connect/token"
}

wrk_ours_get() { # a fresh access token per run (they live 5 minutes)
  local grant token id
  grant=$(ours_login)
  token=$(jq -r .access_token <<<"$grant")
  id=$(jq -Rr 'split(".")[1] | gsub("-";"+") | gsub("_";"/") | . + ("=" * ((4 - length % 4) % 4)) | @base64d | fromjson | .sub' <<<"$token")
  measure "$1" -c"$GET_C" -H "Authorization: Bearer $token" "$ours/api/v1/identity/users/$id"
}

# ---------------------------------------------------------------- run
log "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
fresh_db "$DB"
rm -rf "$CACHE/keys" "$s3_dir"
start_s3proxy
start_keycloak
setup_keycloak
start_ours "$EQ_MEMORY_KIB" "$EQ_ITERATIONS" "$EQ_PARALLELISM"
ours_login >/dev/null && kc_login >/dev/null || { log "a first login failed"; exit 1; }

log "pure-hash limit and password logins at equal Argon2id parameters (m=$EQ_MEMORY_KIB KiB t=$EQ_ITERATIONS p=$EQ_PARALLELISM), interleaved"
{ read -r limit_eq _ _; read -r ol_rps ol_p99 ol_err; read -r kl_rps kl_p99 kl_err; } < <(series hash_eq wrk_ours_login wrk_kc_login)
log "refresh grants, interleaved"
{ read -r or_rps or_p99 or_err; read -r kr_rps kr_p99 kr_err; } < <(series wrk_ours_refresh wrk_kc_refresh)
get_rows=()
og_err=0
for c in $GET_CONNECTIONS; do
  log "token-authenticated GET, ours, $c connections"
  read -r rps p99 err < <(GET_C=$c series wrk_ours_get)
  get_rows+=("$c $rps $p99")
  og_err=$((og_err + err))
done

log "restarting ours at its default Argon2id parameters"
stop_ours
start_ours "$DEF_MEMORY_KIB" "$DEF_ITERATIONS" "$DEF_PARALLELISM"
ours_login >/dev/null # rehashes the stored hash to the new parameters (the warm-up would too)
log "pure-hash limit and password logins at our default parameters (m=$DEF_MEMORY_KIB KiB t=$DEF_ITERATIONS p=$DEF_PARALLELISM)"
{ read -r limit_def _ _; read -r od_rps od_p99 od_err; } < <(series hash_def wrk_ours_login)

log "restarting ours with ES256 access tokens"
stop_ours
start_ours "$DEF_MEMORY_KIB" "$DEF_ITERATIONS" "$DEF_PARALLELISM" ES256
log "refresh grants, ours with ES256 access tokens"
read -r oe_rps oe_p99 oe_err < <(series wrk_ours_refresh)
log "done; $(uptime | sed 's/.*load/load/')"

# ---------------------------------------------------------------- table
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", 100 * a / b}'; }
met() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN {ok = (op == ">=") ? v >= g : v <= g; print ok ? "yes" : "**no**"}'; }
eq="m=7 MiB, t=5, p=1"
echo
echo "| measurement ($RUNS × $DURATION after $WARMUP warm-up, medians; p99 in ms) | ours | Keycloak $KC_VERSION / limit | ratio | goal | met? |"
echo "|---|---|---|---|---|---|"
echo "| password logins/s, Argon2id $eq, $LOGIN_CONNECTIONS connections | $ol_rps (p99 $ol_p99) | $kl_rps (p99 $kl_p99) | $(ratio "$ol_rps" "$kl_rps")× | ≥ 2× Keycloak | $(met "$(ratio "$ol_rps" "$kl_rps")" 2 '>=') |"
echo "| the same vs the pure-hash limit ($HASH_THREADS threads, Bouncy Castle, no server, interleaved with the logins) | $ol_rps | $limit_eq hashes/s | $(pct "$ol_rps" "$limit_eq")% | ≥ 90% | $(met "$(ratio "$ol_rps" "$limit_eq")" 0.9 '>=') |"
echo "| password logins/s, ours at its default Argon2id m=19 MiB, t=2, p=1 | $od_rps (p99 $od_p99) | $limit_def hashes/s | $(pct "$od_rps" "$limit_def")% | (information) | — |"
echo "| refresh grants/s (one-time refresh tokens), $REFRESH_CONNECTIONS connections | $or_rps (p99 $or_p99) | $kr_rps (p99 $kr_p99) | $(ratio "$or_rps" "$kr_rps")× | ≥ 1.5× Keycloak | $(met "$(ratio "$or_rps" "$kr_rps")" 1.5 '>=') |"
echo "| the same, ours with ES256 access tokens (configurable; Keycloak's round above) | $oe_rps (p99 $oe_p99) | $kr_rps | $(ratio "$oe_rps" "$kr_rps")× | (information) | — |"
for row in "${get_rows[@]}"; do
  read -r c rps p99 <<<"$row"
  echo "| token-authenticated GET /api/v1/identity/users/{id} req/s, $c connections | $rps | — | — | ≥ 3000 | $(met "$rps" 3000 '>=') |"
  echo "| the same, p99 ms | $p99 | — | — | ≤ 30 | $(met "$p99" 30 '<=') |"
done
echo
echo "Failed answers (non-2xx and socket errors, all measured runs): logins ours $ol_err / Keycloak $kl_err / ours default $od_err; refresh ours $or_err / Keycloak $kr_err / ours ES256 $oe_err; GET $og_err."
