#!/usr/bin/env bash
# Home-page benchmark (see bench/README.md).
#
#  1. A municipality's home page (/tyreso/) under wrk, against bare Kestrel serving the very same bytes in the same
#     run: the ratio hub / baseline (target >= 0.4).
#  2. The same with 1,000 more tenants provisioned at start-up: resident memory and home-page throughput against
#     the 3-municipality case (targets: < 100 MB more, throughput within 10 %), and how long provisioning took.
#
# Only 127.0.0.1 is used. Every process the script starts is stopped on exit (trap EXIT); every wait is bounded.
# Settings (environment variables, defaults in brackets):
#   TENANTS [1000]  DURATION [15s]  THREADS [2]  CONNECTIONS [16]  ROUNDS [3]
#   WARMUP [20s] (hub: tiered JIT needs ~10 s of load to settle)  BASELINE_WARMUP [5s]
#   HUB_PORT [5180]  BASELINE_PORT [5181]  START_TIMEOUT [1200] (seconds to wait for /readyz)
#   PAGE [/tyreso/]  SPREAD [1] (also load all generated tenants' home pages at random)
#   SKIP_BUILD [0]  KEEP_WORK [0] (keep the temp dir with logs)  STRICT [0] (exit 1 when a target is missed)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TENANTS=${TENANTS:-1000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
BASELINE_WARMUP=${BASELINE_WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-3}
HUB_PORT=${HUB_PORT:-5180}
BASELINE_PORT=${BASELINE_PORT:-5181}
START_TIMEOUT=${START_TIMEOUT:-1200}
PAGE=${PAGE:-/tyreso/}
SPREAD=${SPREAD:-1}
SKIP_BUILD=${SKIP_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}
STRICT=${STRICT:-0}
HOST=127.0.0.1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hub-bench.XXXXXX")
declare -a PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Stops one process we started: TERM, up to 15 s, then KILL.
stop_pid() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

forget_pid() {
    local pid=$1 p keep=()
    for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    if [[ $KEEP_WORK == 1 || $status -ne 0 ]]; then
        log "work directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# --- prerequisites ---------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
    log "installing ${need[*]}"
    sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "dotnet is not on PATH"
for port in "$HUB_PORT" "$BASELINE_PORT"; do
    port_busy "$port" && die "port $port on $HOST is already in use (set HUB_PORT / BASELINE_PORT)"
done

# --- build --------------------------------------------------------------------------------------------------------
HUB_OUT=$ROOT/src/Hub.Web/bin/Release/net10.0
BASE_OUT=$ROOT/bench/Hub.Bench.Baseline/bin/Release/net10.0
if [[ $SKIP_BUILD != 1 ]]; then
    log "building Hub.Web and the baseline (Release)"
    dotnet build -c Release "$ROOT/src/Hub.Web" -nologo -v quiet -clp:ErrorsOnly >"$WORK/build-hub.log" 2>&1 \
        || { cat "$WORK/build-hub.log" >&2; die "Hub.Web did not build"; }
    dotnet build -c Release "$ROOT/bench/Hub.Bench.Baseline" -nologo -v quiet -clp:ErrorsOnly >"$WORK/build-baseline.log" 2>&1 \
        || { cat "$WORK/build-baseline.log" >&2; die "the baseline did not build"; }
fi
[[ -f $HUB_OUT/Hub.Web.dll && -f $BASE_OUT/Hub.Bench.Baseline.dll ]] || die "build output missing under $HUB_OUT or $BASE_OUT"
# Run copies, so that someone rebuilding the repo during the run cannot swap the binaries under us.
cp -a "$HUB_OUT" "$WORK/hub-app"
cp -a "$BASE_OUT" "$WORK/baseline-app"
mkdir -p "$WORK/home"

# --- recipes: the shipped hub and three municipalities without their users step, plus generated tenants ---------
RECIPES=$WORK/recipes
mkdir -p "$RECIPES"
for name in hub tyreso mjolby sundsvall; do
    jq '.description = "Benchmark copy: tenant and features only." | .steps |= map(select(.step != "users"))' \
        "$ROOT/recipes/$name.recipe.json" >"$RECIPES/$name.recipe.json"
done
for ((i = 1; i <= TENANTS; i++)); do
    slug=$(printf 't%04d' "$i")
    cat >"$RECIPES/$slug.recipe.json" <<EOF
{
  "name": "Kommun $slug",
  "steps": [
    {
      "step": "tenant",
      "slug": "$slug",
      "hostNames": [],
      "settings": {
        "displayName": "Testkommun $i",
        "primaryColor": "#1f3a5f",
        "primaryTextColor": "#ffffff",
        "accentColor": "#1a5496",
        "contact": { "email": "kommun@$slug.example", "phone": "010-$i", "website": "https://$slug.example" },
        "languages": [ "sv", "en" ]
      }
    },
    { "step": "features", "enable": [ "Hub.Tenancy.ContactPage" ] }
  ]
}
EOF
done
BASE_RECIPES=(hub.recipe.json tyreso.recipe.json mjolby.recipe.json sundsvall.recipe.json)

# --- processes ----------------------------------------------------------------------------------------------------
HUB_PID=
BASELINE_PID=

# start_hub NAME RECIPE... : fresh SQLite file, the given start-up recipes; waits for /readyz. Sets HUB_PID, STARTUP_S.
start_hub() {
    local name=$1; shift
    local -a provision=() ; local i=0 recipe
    for recipe in "$@"; do provision+=("Hub__Tenancy__ProvisionOnStart__$i=$recipe"); i=$((i + 1)); done
    local db=$WORK/$name.db hub_log=$WORK/$name.log
    rm -f "$db" "$db-wal" "$db-shm"
    log "starting Hub.Web ($name: $# start-up recipes), log $hub_log"
    local t0; t0=$(now)
    (
        cd "$WORK/hub-app"
        exec env HOME="$WORK/home" \
            ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
            ASPNETCORE_URLS="http://$HOST:$HUB_PORT" \
            Hub__Database__Provider=Sqlite \
            Hub__Database__ConnectionString="Data Source=$db" \
            Hub__Tenancy__RecipesPath="$RECIPES" \
            "${provision[@]}" \
            dotnet Hub.Web.dll
    ) >"$hub_log" 2>&1 &
    HUB_PID=$!
    PIDS+=("$HUB_PID")
    local deadline=$((SECONDS + START_TIMEOUT)) next_note=$((SECONDS + 15))
    until curl -fsS --max-time 2 "http://$HOST:$HUB_PORT/readyz" >/dev/null 2>&1; do
        kill -0 "$HUB_PID" 2>/dev/null || { tail -n 40 "$hub_log" >&2; die "Hub.Web exited during start-up"; }
        ((SECONDS < deadline)) || { tail -n 20 "$hub_log" >&2; die "Hub.Web not ready after ${START_TIMEOUT}s"; }
        if ((SECONDS >= next_note)); then
            log "  ... $(grep -c "Applied recipe" "$hub_log" || true) recipes applied so far"
            next_note=$((SECONDS + 15))
        fi
        sleep 0.2
    done
    STARTUP_S=$(elapsed "$t0" "$(now)")
    APPLIED=$(grep -c "Applied recipe" "$hub_log" || true)
    log "  ready after ${STARTUP_S}s, $APPLIED recipes applied, RSS $(mb "$(rss_kb "$HUB_PID")") MB"
}

stop_hub() { if [[ -n $HUB_PID ]]; then stop_pid "$HUB_PID"; forget_pid "$HUB_PID"; HUB_PID=; fi; }

# start_baseline FILE CONTENT-TYPE
start_baseline() {
    log "starting the baseline with $(stat -c %s "$1") bytes"
    (cd "$WORK/baseline-app" && exec env HOME="$WORK/home" dotnet Hub.Bench.Baseline.dll \
        --file "$1" --content-type "$2" --port "$BASELINE_PORT") >"$WORK/baseline.log" 2>&1 &
    BASELINE_PID=$!
    PIDS+=("$BASELINE_PID")
    local deadline=$((SECONDS + 60))
    until curl -fsS --max-time 2 -o /dev/null "http://$HOST:$BASELINE_PORT/" 2>/dev/null; do
        kill -0 "$BASELINE_PID" 2>/dev/null || { cat "$WORK/baseline.log" >&2; die "the baseline exited"; }
        ((SECONDS < deadline)) || die "the baseline did not answer within 60s"
        sleep 0.2
    done
    cmp -s "$1" <(curl -fsS "http://$HOST:$BASELINE_PORT/") || die "the baseline does not serve the page's bytes"
}

stop_baseline() { if [[ -n $BASELINE_PID ]]; then stop_pid "$BASELINE_PID"; forget_pid "$BASELINE_PID"; BASELINE_PID=; fi; }

# run_wrk OUT DURATION URL [LUA] : wrk in the background so that a signal reaches the trap at once.
run_wrk() {
    local out=$1 duration=$2 url=$3 lua=${4:-}
    local -a args=(-t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency)
    [[ -n $lua ]] && args+=(-s "$lua")
    wrk "${args[@]}" "$url" >"$out" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    wait "$pid" || { cat "$out" >&2; die "wrk failed against $url"; }
    forget_pid "$pid"
    if grep -q -e "Non-2xx" -e "Socket errors" "$out"; then
        cat "$out" >&2
        die "errors under load against $url (see above)"
    fi
}

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p50() { awk '$1 == "50%" { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }

# measure PHASE : warm-up both, then ROUNDS alternating rounds; sets <PHASE>_HUB, <PHASE>_BASE (median req/s) etc.
measure() {
    local phase=$1 r
    local hub_url="http://$HOST:$HUB_PORT$PAGE" base_url="http://$HOST:$BASELINE_PORT/"
    log "[$phase] warm-up: hub $WARMUP, baseline $BASELINE_WARMUP"
    run_wrk "$WORK/$phase-warm-hub.txt" "$WARMUP" "$hub_url"
    run_wrk "$WORK/$phase-warm-base.txt" "$BASELINE_WARMUP" "$base_url"
    local rss_warm; rss_warm=$(rss_kb "$HUB_PID")
    local -a hub=() base=()
    for ((r = 1; r <= ROUNDS; r++)); do
        run_wrk "$WORK/$phase-hub-$r.txt" "$DURATION" "$hub_url"
        run_wrk "$WORK/$phase-base-$r.txt" "$DURATION" "$base_url"
        hub+=("$(rps "$WORK/$phase-hub-$r.txt")")
        base+=("$(rps "$WORK/$phase-base-$r.txt")")
        log "[$phase] round $r: hub ${hub[-1]} req/s (p50 $(p50 "$WORK/$phase-hub-$r.txt"), p99 $(p99 "$WORK/$phase-hub-$r.txt")), baseline ${base[-1]} req/s"
    done
    printf -v "${phase}_HUB" '%s' "$(median "${hub[@]}")"
    printf -v "${phase}_BASE" '%s' "$(median "${base[@]}")"
    printf -v "${phase}_HUB_ALL" '%s' "${hub[*]}"
    printf -v "${phase}_BASE_ALL" '%s' "${base[*]}"
    printf -v "${phase}_P50" '%s' "$(p50 "$WORK/$phase-hub-$ROUNDS.txt")"
    printf -v "${phase}_P99" '%s' "$(p99 "$WORK/$phase-hub-$ROUNDS.txt")"
    printf -v "${phase}_RSS_WARM" '%s' "$rss_warm"
    printf -v "${phase}_RSS_LOAD" '%s' "$(rss_kb "$HUB_PID")"
    printf -v "${phase}_HWM" '%s' "$(hwm_kb "$HUB_PID")"
}

# fetch_page PHASE : the home page once, to a file; checks it is the municipality's page and restarts the baseline.
fetch_page() {
    local phase=$1 page=$WORK/$1-page.html headers=$WORK/$1-headers.txt
    curl -fsS --max-time 30 -D "$headers" -o "$page" "http://$HOST:$HUB_PORT$PAGE" || die "GET $PAGE failed"
    grep -q "Tyresö kommun" "$page" || log "warning: $PAGE does not mention 'Tyresö kommun'"
    CONTENT_TYPE=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$headers")
    printf -v "${phase}_BYTES" '%s' "$(stat -c %s "$page")"
    stop_baseline
    start_baseline "$page" "${CONTENT_TYPE:-text/html; charset=utf-8}"
}

# --- phase 1: the hub and three municipalities -------------------------------------------------------------------
start_hub small "${BASE_RECIPES[@]}"
small_STARTUP=$STARTUP_S small_APPLIED=$APPLIED small_RSS_READY=$(rss_kb "$HUB_PID")
fetch_page small
measure small
stop_hub

# --- phase 2: the same plus TENANTS generated municipalities -----------------------------------------------------
big_list=("${BASE_RECIPES[@]}")
for ((i = 1; i <= TENANTS; i++)); do big_list+=("$(printf 't%04d' "$i").recipe.json"); done
start_hub large "${big_list[@]}"
large_STARTUP=$STARTUP_S large_APPLIED=$APPLIED large_RSS_READY=$(rss_kb "$HUB_PID")
[[ $(curl -fsS "http://$HOST:$HUB_PORT/t$(printf '%04d' "$TENANTS")/" -o /dev/null -w '%{http_code}') == 200 ]] \
    || die "the last generated tenant's home page does not answer 200"
fetch_page large
measure large

spread_line=
if [[ $SPREAD == 1 && $TENANTS -gt 0 ]]; then
    cat >"$WORK/spread.lua" <<EOF
-- Every request goes to a random generated tenant's home page.
local n = $TENANTS
request = function()
  return wrk.format("GET", string.format("/t%04d/", math.random(1, n)))
end
EOF
    log "[spread] $DURATION over all $TENANTS generated tenants' home pages"
    run_wrk "$WORK/spread.txt" "$DURATION" "http://$HOST:$HUB_PORT/" "$WORK/spread.lua"
    SPREAD_RPS=$(rps "$WORK/spread.txt")
    SPREAD_RSS=$(rss_kb "$HUB_PID")
    spread_line=1
fi
large_HWM=$(hwm_kb "$HUB_PID")
stop_hub
stop_baseline

# --- summary ------------------------------------------------------------------------------------------------------
ratio_small=$(ratio "$small_HUB" "$small_BASE")
ratio_large=$(ratio "$large_HUB" "$large_BASE")
tput_ratio=$(ratio "$large_HUB" "$small_HUB")
norm_ratio=$(ratio "$ratio_large" "$ratio_small")
mem_diff_warm=$(awk -v a="$large_RSS_WARM" -v b="$small_RSS_WARM" 'BEGIN { printf "%+.1f", (a - b) / 1024 }')
mem_diff_load=$(awk -v a="$large_RSS_LOAD" -v b="$small_RSS_LOAD" 'BEGIN { printf "%+.1f", (a - b) / 1024 }')
mem_diff_ready=$(awk -v a="$large_RSS_READY" -v b="$small_RSS_READY" 'BEGIN { printf "%+.1f", (a - b) / 1024 }')
provision_s=$(awk -v a="$large_STARTUP" -v b="$small_STARTUP" 'BEGIN { printf "%.1f", a - b }')
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v < t); print ok ? "PASS" : "MISS" }'; }
v_ratio=$(verdict "$ratio_small" ">=" 0.4)
v_mem=$(verdict "$mem_diff_load" "<" 100)
v_tput=$(verdict "$tput_ratio" ">=" 0.9)

{
    echo
    echo "Home-page benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(dotnet --version) SDK"
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after warm-up: hub $WARMUP, baseline $BASELINE_WARMUP), $ROUNDS rounds alternating hub/baseline, medians"
    echo "page GET $PAGE: ${small_BYTES} bytes (3 municipalities), ${large_BYTES} bytes ($TENANTS more); content type $CONTENT_TYPE"
    echo
    printf '%-44s %14s %14s\n' "" "3 municipalities" "+$TENANTS tenants"
    printf '%-44s %14s %14s\n' "tenants provisioned at start-up (recipes)" "$small_APPLIED" "$large_APPLIED"
    printf '%-44s %14s %14s\n' "start-up until /readyz (s)" "$small_STARTUP" "$large_STARTUP"
    printf '%-44s %14s %14s\n' "hub home page (req/s)" "$small_HUB" "$large_HUB"
    printf '%-44s %14s %14s\n' "baseline, same bytes (req/s)" "$small_BASE" "$large_BASE"
    printf '%-44s %14s %14s\n' "ratio hub / baseline" "$ratio_small" "$ratio_large"
    printf '%-44s %14s %14s\n' "hub latency p50 / p99 (last round)" "$small_P50/$small_P99" "$large_P50/$large_P99"
    printf '%-44s %14s %14s\n' "hub RSS when ready (MB)" "$(mb "$small_RSS_READY")" "$(mb "$large_RSS_READY")"
    printf '%-44s %14s %14s\n' "hub RSS after warm-up (MB)" "$(mb "$small_RSS_WARM")" "$(mb "$large_RSS_WARM")"
    printf '%-44s %14s %14s\n' "hub RSS after load (MB)" "$(mb "$small_RSS_LOAD")" "$(mb "$large_RSS_LOAD")"
    printf '%-44s %14s %14s\n' "hub peak RSS, VmHWM (MB)" "$(mb "$small_HWM")" "$(mb "$large_HWM")"
    echo
    echo "rounds, hub req/s:      3: $small_HUB_ALL | +$TENANTS: $large_HUB_ALL"
    echo "rounds, baseline req/s: 3: $small_BASE_ALL | +$TENANTS: $large_BASE_ALL"
    if [[ -n $spread_line ]]; then
        echo "spread over all $TENANTS generated home pages: $SPREAD_RPS req/s ($(ratio "$SPREAD_RPS" "$large_BASE") of baseline), RSS after it $(mb "$SPREAD_RSS") MB"
    fi
    echo "provisioning $TENANTS more tenants took about ${provision_s}s more start-up ($large_STARTUP s against $small_STARTUP s)"
    echo
    echo "targets"
    printf '  %-70s %s\n' "home page / bare Kestrel >= 0.4:  $ratio_small (with +$TENANTS tenants: $ratio_large)" "$v_ratio"
    printf '  %-70s %s\n' "RSS +$TENANTS tenants < 100 MB more:  after load $mem_diff_load MB (ready $mem_diff_ready, warm $mem_diff_warm)" "$v_mem"
    printf '  %-70s %s\n' "throughput +$TENANTS / 3 within 10 %:  $tput_ratio (each against its baseline: $norm_ratio)" "$v_tput"
} | tee "$WORK/summary.txt"

if [[ $STRICT == 1 && ($v_ratio != PASS || $v_mem != PASS || $v_tput != PASS) ]]; then
    exit 1
fi
