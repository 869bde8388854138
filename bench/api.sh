#!/usr/bin/env bash
# API benchmark (issue 16; see bench/README.md, "API (issue 16)").
#
# bench/Hub.Bench.Api starts Hub.Web in-process on Kestrel (Development: tyreso's demo staff and the simulated e-ID),
# submits one Ekonomiskt bistånd through the citizen's pages and seeds CASES copies into tyreso through the cases
# module's DbContext under the tenant guard (UNDELIVERED of them not delivered), measures pulling the undelivered ones
# by cursor through the API against one plain query of the same rows in the same run, and writes wrk request files:
# CLIENTS API clients' tokens in turn, a list page of 100 at cursors all over the tenant, the XML (and PDF) of
# 10,000 different cases. Then, per request kind, wrk (bench/api.lua, p95 from its done()) against the hub and
# against bare Kestrel (bench/Hub.Bench.Baseline) serving the same bytes, with the same script and file, round after
# round. The PDF is measured when GET /api/v1/cases/{number}/pdf exists (otherwise "skipped").
# Targets: list page of 100 p95 < 20 ms; XML p95 < 10 ms; PDF p95 < 100 ms.
#
# Settings (environment variables, defaults in brackets):
#   CASES [100000]  UNDELIVERED [10000]  CLIENTS [4]  PULL_ROUNDS [3]  ROUNDS [2]  DURATION [10] seconds
#   WARMUP [5] seconds per kind  THREADS [2]  CONNECTIONS [8]  BASELINE_PORT [5211]  START_TIMEOUT [600]
#   PROVIDER [sqlite] or postgres: with HUB_TEST_POSTGRES (an admin connection string, as scripts/test.sh sets it)
#   that server, otherwise a private PostgreSQL the script starts as scripts/test.sh does (initdb in the work
#   directory, 127.0.0.1 on the first free port of PG_PORTS [55732-55831], PG_OPTIONS [-c synchronous_commit=off]:
#   as SQLite's synchronous=NORMAL, commits are not flushed one by one) and stops on exit
#   ARTIFACTS [bench/.artifacts]  SKIP_BUILD [0]  KEEP_WORK [0]  STRICT [0]: 1 exits 1 on a missed target
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CASES=${CASES:-100000}
UNDELIVERED=${UNDELIVERED:-10000}
CLIENTS=${CLIENTS:-4}
PULL_ROUNDS=${PULL_ROUNDS:-3}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
BASELINE_PORT=${BASELINE_PORT:-5211}
START_TIMEOUT=${START_TIMEOUT:-600}
PROVIDER=${PROVIDER:-sqlite}
ARTIFACTS=${ARTIFACTS:-$ROOT/bench/.artifacts}
SKIP_BUILD=${SKIP_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}
STRICT=${STRICT:-0}
HOST=127.0.0.1
BASE=http://$HOST:$BASELINE_PORT

PG_PORTS=${PG_PORTS:-55732-55831}
PG_OPTIONS=${PG_OPTIONS:--c synchronous_commit=off}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hub-api-bench.XXXXXX")
chmod 755 "$WORK" # PostgreSQL runs as 'postgres' when this script runs as root
declare -a PIDS=()
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
PG_DATA=""
PG_BIN=""
pg_as=()
[[ $(id -u) -ne 0 ]] || pg_as=(runuser -u postgres --)

stop_postgres() {
    if [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]]; then
        "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 30 -w stop >/dev/null 2>&1 \
            || "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -t 30 -w stop >/dev/null 2>&1 || true
    fi
    PG_DATA=""
}

start_postgres() {
    local from to candidate port=""
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $PG_BIN && -x $PG_BIN/initdb ]] || die "PostgreSQL binaries not found (/usr/lib/postgresql/*/bin; Debian package postgresql)"
    from=${PG_PORTS%-*}; to=${PG_PORTS#*-}
    for ((candidate = from; candidate <= to; candidate++)); do
        if ! port_busy "$candidate"; then port=$candidate; break; fi
    done
    [[ -n $port ]] || die "no free loopback port for PostgreSQL in $PG_PORTS"
    mkdir -p "$WORK/pg" "$WORK/pg-run"
    [[ $(id -u) -ne 0 ]] || chown postgres "$WORK/pg" "$WORK/pg-run"
    "${pg_as[@]}" timeout 120 "$PG_BIN/initdb" -D "$WORK/pg" -U hub -A trust -E UTF8 --no-locale >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    PG_DATA=$WORK/pg
    # shellcheck disable=SC2086 # PG_OPTIONS is a list of server options
    "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg-run/postgres.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=$HOST -c unix_socket_directories=$WORK/pg-run -c max_connections=200 $PG_OPTIONS" >/dev/null \
        || { tail -n 20 "$WORK/pg-run/postgres.log" >&2; die "PostgreSQL did not start"; }
    export HUB_TEST_POSTGRES="Host=$HOST;Port=$port;Username=hub;Database=postgres"
    PG_VERSION=$("$PG_BIN/postgres" --version | awk '{ print $3 }')
    log "PostgreSQL $PG_VERSION on $HOST:$port (options: $PG_OPTIONS)"
}

cleanup() {
    touch "$WORK/run/stop" 2>/dev/null || true
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    stop_postgres
    if [[ $KEEP_WORK == 1 ]]; then log "work kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

for tool in wrk dotnet curl; do command -v "$tool" >/dev/null || die "$tool is missing (wrk: apt-get install wrk)"; done
port_busy "$BASELINE_PORT" && die "port $BASELINE_PORT is in use"

if [[ $SKIP_BUILD != 1 ]]; then
    log "building Hub.Bench.Api and Hub.Bench.Baseline (Release, $ARTIFACTS)"
    dotnet build "$ROOT/bench/Hub.Bench.Api" -c Release --artifacts-path "$ARTIFACTS" -v q -nologo >"$WORK/build.log" 2>&1 \
        || { tail -30 "$WORK/build.log" >&2; die "build failed"; }
    dotnet build "$ROOT/bench/Hub.Bench.Baseline" -c Release --artifacts-path "$ARTIFACTS" -v q -nologo >>"$WORK/build.log" 2>&1 \
        || { tail -30 "$WORK/build.log" >&2; die "build failed"; }
fi
# The host runs where it was built: HubAppFactory finds the repository (recipes, Hub.Web's content root) above it.
cp -r "$ARTIFACTS/bin/Hub.Bench.Baseline/release" "$WORK/baseline"

PG_VERSION=""
if [[ $PROVIDER == postgres && -z ${HUB_TEST_POSTGRES:-} ]]; then start_postgres; fi

started=$(now)
log "starting the hub and seeding $CASES cases ($PROVIDER)"
(cd "$ARTIFACTS/bin/Hub.Bench.Api/release" && exec dotnet Hub.Bench.Api.dll --work "$WORK/run" --provider "$PROVIDER" --cases "$CASES" \
    --undelivered "$UNDELIVERED" --clients "$CLIENTS" --rounds "$PULL_ROUNDS") >"$WORK/host.log" 2>&1 &
HUB_PID=$!
PIDS+=("$HUB_PID")
for ((i = 0; i < START_TIMEOUT * 2; i++)); do
    [[ -f $WORK/run/ready ]] && break
    kill -0 "$HUB_PID" 2>/dev/null || { cat "$WORK/host.log" >&2; die "the bench host stopped"; }
    sleep 0.5
done
[[ -f $WORK/run/ready ]] || { tail -20 "$WORK/host.log" >&2; die "the bench host was not ready in $START_TIMEOUT s"; }
HUB=$(cat "$WORK/run/url")
log "ready after $(elapsed "$started" "$(now)") s"

run_wrk() { # url file out
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${4:-$DURATION}s" --latency -s "$ROOT/bench/api.lua" "$1" -- "$2" "$THREADS" >"$3" 2>&1
    if grep -q 'Non-2xx\|Socket errors' "$3"; then cat "$3" >&2; die "errors in $3"; fi
}
# wrk against the hub, with the hub's CPU time (HUB_TICKS) and the share of the machine that neither the hub nor wrk
# took meanwhile (OTHER, %: other sessions, PostgreSQL's own processes), read from /proc.
measure_hub() { # kind round
    local h0 s0 b0 w0 h1 s1 b1 w1
    h0=$(proc_ticks "$HUB_PID"); s0=$(script_ticks); b0=$(busy_ticks); w0=$(now)
    run_wrk "$HUB" "$WORK/run/$1.tsv" "$WORK/$1-hub-$2.txt"
    h1=$(proc_ticks "$HUB_PID"); s1=$(script_ticks); b1=$(busy_ticks); w1=$(now)
    HUB_TICKS=$((h1 - h0))
    OTHER=$(awk -v b=$((b1 - b0)) -v h=$((h1 - h0)) -v s=$((s1 - s0)) -v t="$(elapsed "$w0" "$w1")" -v hz="$TICK" -v n="$(nproc)" \
        'BEGIN { printf "%.0f", 100 * (b - h - s) / (t * hz * n) }')
}
p95() { sed -n 's/.*p95=\([0-9.]*\).*/\1/p' "$1"; }
p50() { sed -n 's/.*p50=\([0-9.]*\).*/\1/p' "$1"; }
p99() { sed -n 's/.*p99=\([0-9.]*\).*/\1/p' "$1"; }

declare -A TARGET=([list]=20 [xml]=10 [pdf]=100)
declare -A BODY=([list]=list.json [xml]=case.xml [pdf]=case.pdf)
declare -A TYPE=([list]="application/json; charset=utf-8" [xml]="application/xml; charset=utf-8" [pdf]="application/pdf")
SUMMARY=$WORK/summary.txt
missed=0
{
    echo "# API benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git -C "$ROOT" rev-parse --short HEAD)"
    echo "nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds per kind after a ${WARMUP}s warm-up"
    [[ -z $PG_VERSION ]] || echo "private PostgreSQL $PG_VERSION, $PG_OPTIONS"
    cat "$WORK/run/host.txt"
} >"$SUMMARY"

for kind in list xml pdf; do
    if [[ ! -f $WORK/run/${BODY[$kind]} ]]; then
        echo "$kind: skipped (GET /api/v1/cases/{number}/pdf answers 404 on this build)" >>"$SUMMARY"
        continue
    fi
    (cd "$WORK/baseline" && exec dotnet Hub.Bench.Baseline.dll --file "$WORK/run/${BODY[$kind]}" --content-type "${TYPE[$kind]}" --port "$BASELINE_PORT") >"$WORK/baseline-$kind.log" 2>&1 &
    BASE_PID=$!
    PIDS+=("$BASE_PID")
    for ((i = 0; i < 100; i++)); do curl -fs -o /dev/null "$BASE/" && break; sleep 0.2; done
    log "$kind: warm-up"
    run_wrk "$HUB" "$WORK/run/$kind.tsv" "$WORK/$kind-warm.txt" "$WARMUP"
    run_wrk "$BASE" "$WORK/run/$kind.tsv" "$WORK/$kind-base-warm.txt" "$WARMUP"
    ratios=() hub_rps=() base_rps=() p95s=() cpus=() others=()
    for ((r = 1; r <= ROUNDS; r++)); do
        log "$kind: round $r"
        if ((r % 2)); then
            measure_hub "$kind" "$r"
            run_wrk "$BASE" "$WORK/run/$kind.tsv" "$WORK/$kind-base-$r.txt"
        else
            run_wrk "$BASE" "$WORK/run/$kind.tsv" "$WORK/$kind-base-$r.txt"
            measure_hub "$kind" "$r"
        fi
        cpus+=("$(us_per_request "$HUB_TICKS" "$(requests "$WORK/$kind-hub-$r.txt")")")
        others+=("$OTHER")
        hub_rps+=("$(rps "$WORK/$kind-hub-$r.txt")")
        base_rps+=("$(rps "$WORK/$kind-base-$r.txt")")
        ratios+=("$(ratio "$(rps "$WORK/$kind-hub-$r.txt")" "$(rps "$WORK/$kind-base-$r.txt")")")
        p95s+=("$(p95 "$WORK/$kind-hub-$r.txt")")
    done
    stop_pid "$BASE_PID"
    forget_pid "$BASE_PID"
    last=$WORK/$kind-hub-$ROUNDS.txt
    best=$(median "${p95s[@]}")
    verdict=met
    awk -v a="$best" -v t="${TARGET[$kind]}" 'BEGIN { exit !(a < t) }' || { verdict=missed; missed=1; }
    {
        echo "$kind: hub ${hub_rps[*]} req/s, bare Kestrel ${base_rps[*]} req/s, ratio (same round) ${ratios[*]}, median $(median "${ratios[@]}")"
        echo "$kind: hub p95 per round ${p95s[*]} ms, median $best ms (target < ${TARGET[$kind]} ms: $verdict); last round p50/p99 $(p50 "$last")/$(p99 "$last") ms; bare Kestrel p95 $(p95 "$WORK/$kind-base-$ROUNDS.txt") ms; hub CPU per request ${cpus[*]} us; machine taken by others ${others[*]} %; body $(stat -c %s "$WORK/run/${BODY[$kind]}") bytes"
    } >>"$SUMMARY"
done

echo "total $(elapsed "$started" "$(now)") s" >>"$SUMMARY"
cat "$SUMMARY"
[[ $STRICT != 1 || $missed == 0 ]] || exit 1
