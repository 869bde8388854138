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
#   TENANTS [1000]  DURATION [15s]  THREADS [2]  CONNECTIONS [16]  ROUNDS [5]
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
ROUNDS=${ROUNDS:-5}
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
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf (m < 10 ? "%.3f" : "%.1f"), m }'
}

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
            Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__SingleLine=true \
            Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
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

# recipe_pace LOG FIRST LAST : seconds between the recipes applied FIRST-1 and LAST (1-based, in log order).
recipe_pace() {
    awk -v first="$2" -v last="$3" '
        function sec(t, p) { split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
        /Applied recipe/ { n++; at[n] = sec($1) }
        END { if (n < last || first < 2) { print "n/a"; exit } d = at[last] - at[first - 1]; if (d < 0) d += 86400; printf "%.1f", d }' "$1"
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
requests() { awk '/ requests in / { print $1 }' "$1"; }
p50() { awk '$1 == "50%" { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }

# CPU accounting, in clock ticks, to see what a request costs and how busy the rest of the machine was.
TICK=$(getconf CLK_TCK)
proc_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }          # utime + stime
script_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{ print $12 + $13 + $14 + $15 }'; } # + reaped children (wrk, curl)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
us_per_request() { awk -v t="$1" -v n="$2" -v hz="$TICK" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }'; }

# measure PHASE : warm-up both, then ROUNDS rounds of hub then baseline; sets <PHASE>_* (medians over rounds).
measure() {
    local phase=$1 r t0 t1 f
    local hub_url="http://$HOST:$HUB_PORT$PAGE" base_url="http://$HOST:$BASELINE_PORT/"
    log "[$phase] warm-up: hub $WARMUP, baseline $BASELINE_WARMUP"
    run_wrk "$WORK/$phase-warm-hub.txt" "$WARMUP" "$hub_url"
    run_wrk "$WORK/$phase-warm-base.txt" "$BASELINE_WARMUP" "$base_url"
    local rss_warm; rss_warm=$(rss_kb "$HUB_PID")
    local -a hub=() base=() ratios=() hub_cpu=() base_cpu=()
    local busy0 ours0 wall0 busy1 ours1 wall1
    busy0=$(busy_ticks); wall0=$(now)
    ours0=$(($(proc_ticks "$HUB_PID") + $(proc_ticks "$BASELINE_PID") + $(script_ticks)))
    for ((r = 1; r <= ROUNDS; r++)); do
        f=$WORK/$phase-hub-$r.txt
        t0=$(proc_ticks "$HUB_PID"); run_wrk "$f" "$DURATION" "$hub_url"; t1=$(proc_ticks "$HUB_PID")
        hub+=("$(rps "$f")"); hub_cpu+=("$(us_per_request $((t1 - t0)) "$(requests "$f")")")
        f=$WORK/$phase-base-$r.txt
        t0=$(proc_ticks "$BASELINE_PID"); run_wrk "$f" "$DURATION" "$base_url"; t1=$(proc_ticks "$BASELINE_PID")
        base+=("$(rps "$f")"); base_cpu+=("$(us_per_request $((t1 - t0)) "$(requests "$f")")")
        ratios+=("$(ratio "${hub[-1]}" "${base[-1]}")")
        log "[$phase] round $r: hub ${hub[-1]} req/s (${hub_cpu[-1]} us CPU/req, p50 $(p50 "$WORK/$phase-hub-$r.txt"), p99 $(p99 "$WORK/$phase-hub-$r.txt")), baseline ${base[-1]} req/s (${base_cpu[-1]} us CPU/req), ratio ${ratios[-1]}"
    done
    busy1=$(busy_ticks); wall1=$(now)
    ours1=$(($(proc_ticks "$HUB_PID") + $(proc_ticks "$BASELINE_PID") + $(script_ticks)))
    printf -v "${phase}_OTHERS" '%s' "$(awk -v b=$((busy1 - busy0)) -v o=$((ours1 - ours0)) -v s="$(elapsed "$wall0" "$wall1")" \
        -v hz="$TICK" -v n="$(nproc)" 'BEGIN { v = 100 * (b - o) / (s * hz * n); printf "%.0f", v < 0 ? 0 : v }')"
    printf -v "${phase}_HUB" '%s' "$(median "${hub[@]}")"
    printf -v "${phase}_BASE" '%s' "$(median "${base[@]}")"
    printf -v "${phase}_RATIO" '%s' "$(median "${ratios[@]}")"
    printf -v "${phase}_HUB_CPU" '%s' "$(median "${hub_cpu[@]}")"
    printf -v "${phase}_BASE_CPU" '%s' "$(median "${base_cpu[@]}")"
    printf -v "${phase}_HUB_ALL" '%s' "${hub[*]}"
    printf -v "${phase}_BASE_ALL" '%s' "${base[*]}"
    printf -v "${phase}_RATIO_ALL" '%s' "${ratios[*]}"
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
# Pace of provisioning: the first and the last 100 generated tenants (recipes 5..104 and the last 100 in the log).
pace_n=$((TENANTS < 100 ? TENANTS : 100))
pace_first=$(recipe_pace "$WORK/large.log" 5 $((4 + pace_n)))
pace_last=$(recipe_pace "$WORK/large.log" $((large_APPLIED - pace_n + 1)) "$large_APPLIED")
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
    t0=$(proc_ticks "$HUB_PID")
    run_wrk "$WORK/spread.txt" "$DURATION" "http://$HOST:$HUB_PORT/" "$WORK/spread.lua"
    SPREAD_CPU=$(us_per_request $(($(proc_ticks "$HUB_PID") - t0)) "$(requests "$WORK/spread.txt")")
    SPREAD_RPS=$(rps "$WORK/spread.txt")
    SPREAD_RSS=$(rss_kb "$HUB_PID")
    spread_line=1
fi
large_HWM=$(hwm_kb "$HUB_PID")
stop_hub
stop_baseline

# --- summary ------------------------------------------------------------------------------------------------------
tput_ratio=$(ratio "$large_HUB" "$small_HUB")
norm_ratio=$(ratio "$large_RATIO" "$small_RATIO")
cpu_ratio=$(ratio "$small_HUB_CPU" "$large_HUB_CPU")
diff_mb() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f", (a - b) / 1024 }'; }
mem_diff_ready=$(diff_mb "$large_RSS_READY" "$small_RSS_READY")
mem_diff_warm=$(diff_mb "$large_RSS_WARM" "$small_RSS_WARM")
mem_diff_load=$(diff_mb "$large_RSS_LOAD" "$small_RSS_LOAD")
mem_diff_peak=$(diff_mb "$large_HWM" "$small_HWM")
provision_s=$(awk -v a="$large_STARTUP" -v b="$small_STARTUP" 'BEGIN { printf "%.1f", a - b }')
per_tenant_ms=$(awk -v s="$provision_s" -v n="$TENANTS" 'BEGIN { if (n > 0) printf "%.1f", s * 1000 / n; else print "n/a" }')
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v < t); print ok ? "PASS" : "MISS" }'; }
v_ratio=$(verdict "$small_RATIO" ">=" 0.4)
v_mem=$(verdict "$mem_diff_load" "<" 100)
v_tput=$(verdict "$tput_ratio" ">=" 0.9)
row() { printf '%-46s %16s %16s\n' "$@"; }

{
    echo
    echo "Home-page benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, .NET SDK $(dotnet --version)"
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION per round, $ROUNDS rounds of hub then baseline (after warm-up: hub $WARMUP," \
        "baseline $BASELINE_WARMUP); figures are medians over the rounds"
    echo "GET $PAGE: $small_BYTES bytes (3 municipalities), $large_BYTES bytes (+$TENANTS); baseline serves those bytes as $CONTENT_TYPE"
    echo
    row "" "hub + 3 munic." "+ $TENANTS tenants"
    row "tenants provisioned at start-up" "$small_APPLIED" "$large_APPLIED"
    row "start-up until /readyz (s)" "$small_STARTUP" "$large_STARTUP"
    row "hub home page (req/s)" "$small_HUB" "$large_HUB"
    row "baseline, same bytes (req/s)" "$small_BASE" "$large_BASE"
    row "ratio hub / baseline (median of rounds)" "$small_RATIO" "$large_RATIO"
    row "hub CPU per request (us)" "$small_HUB_CPU" "$large_HUB_CPU"
    row "baseline CPU per request (us)" "$small_BASE_CPU" "$large_BASE_CPU"
    row "hub latency p50 / p99 (last round)" "$small_P50/$small_P99" "$large_P50/$large_P99"
    row "hub RSS when ready (MB)" "$(mb "$small_RSS_READY")" "$(mb "$large_RSS_READY")"
    row "hub RSS after warm-up (MB)" "$(mb "$small_RSS_WARM")" "$(mb "$large_RSS_WARM")"
    row "hub RSS after load (MB)" "$(mb "$small_RSS_LOAD")" "$(mb "$large_RSS_LOAD")"
    row "hub peak RSS, VmHWM (MB)" "$(mb "$small_HWM")" "$(mb "$large_HWM")"
    row "CPU used by other processes meanwhile (%)" "$small_OTHERS" "$large_OTHERS"
    echo
    echo "rounds, hub req/s:      $small_HUB_ALL | $large_HUB_ALL"
    echo "rounds, baseline req/s: $small_BASE_ALL | $large_BASE_ALL"
    echo "rounds, ratio:          $small_RATIO_ALL | $large_RATIO_ALL"
    if [[ -n $spread_line ]]; then
        echo "spread over all $TENANTS generated tenants' home pages: $SPREAD_RPS req/s" \
            "($(ratio "$SPREAD_RPS" "$large_BASE") of baseline), $SPREAD_CPU us CPU/request, RSS after it $(mb "$SPREAD_RSS") MB"
    fi
    echo "provisioning $TENANTS more tenants at start-up: +${provision_s}s ($per_tenant_ms ms per tenant);" \
        "the first $pace_n generated took ${pace_first}s, the last $pace_n ${pace_last}s"
    echo
    echo "targets"
    printf '  %-92s %s\n' "home page / bare Kestrel >= 0.4: $small_RATIO (with +$TENANTS tenants: $large_RATIO)" "$v_ratio"
    printf '  %-92s %s\n' "+$TENANTS tenants < 100 MB more RSS: $mem_diff_load MB after load (ready $mem_diff_ready, warm-up $mem_diff_warm, peak $mem_diff_peak)" "$v_mem"
    printf '  %-92s %s\n' "+$TENANTS tenants throughput within 10 %: $tput_ratio (ratio of ratios to baseline $norm_ratio, of CPU/request $cpu_ratio)" "$v_tput"
    if awk -v a="$small_OTHERS" -v b="$large_OTHERS" 'BEGIN { exit !(a > 10 || b > 10) }'; then
        echo "  note: other processes used more than 10 % of the CPU during a phase; absolute req/s are disturbed, the same-run ratios less so"
    fi
} | tee "$WORK/summary.txt"

if [[ $STRICT == 1 && ($v_ratio != PASS || $v_mem != PASS || $v_tput != PASS) ]]; then
    exit 1
fi
