#!/usr/bin/env bash
# Home-page benchmark (see bench/README.md).
#
# Two Hub.Web processes run side by side on fresh SQLite files: "small" provisions the hub and three municipalities
# at start-up, "large" the same plus TENANTS generated ones (t0001..t1000). Bare Kestrel (bench/Hub.Bench.Baseline)
# serves the exact bytes of the small hub's /tyreso/. wrk loads the three in turn, round after round, so that all
# figures come from the same run and the same minutes; it reports:
#   - home page / bare Kestrel throughput ratio                                   (target >= 0.4)
#   - resident memory of the large hub against the small one                      (target < 100 MB more)
#   - home-page throughput of the large hub against the small one                 (target within 10 %)
#   - how long provisioning the generated tenants at start-up took.
#
# Only 127.0.0.1 is used. Every process the script starts is stopped on exit (trap EXIT); every wait is bounded.
# Settings (environment variables, defaults in brackets):
#   TENANTS [1000]  ROUNDS [5]  DURATION [15s] per process and round  THREADS [2]  CONNECTIONS [16]
#   WARMUP [20s] (each hub; tiered JIT needs ~10 s of load to settle)  BASELINE_WARMUP [5s]
#   SMALL_PORT [5180]  BASELINE_PORT [5181]  LARGE_PORT [5182]  START_TIMEOUT [1200] (s to wait for /readyz)
#   PAGE [/tyreso/]  SPREAD [1] (finally load all generated tenants' home pages at random on the large hub)
#   RESTART [1] (then restart the large hub on its database and time /readyz again: nothing left to provision)
#   ARTIFACTS [bench/.artifacts] (dotnet --artifacts-path: Release output apart from bin/ and obj/ of the repo)
#   SKIP_BUILD [0]  KEEP_WORK [0] (keep the temp dir with logs and wrk outputs)  STRICT [0] (exit 1 on a missed target)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TENANTS=${TENANTS:-1000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-20s}
BASELINE_WARMUP=${BASELINE_WARMUP:-5s}
SMALL_PORT=${SMALL_PORT:-5180}
BASELINE_PORT=${BASELINE_PORT:-5181}
LARGE_PORT=${LARGE_PORT:-5182}
START_TIMEOUT=${START_TIMEOUT:-1200}
PAGE=${PAGE:-/tyreso/}
SPREAD=${SPREAD:-1}
RESTART=${RESTART:-1}
ARTIFACTS=${ARTIFACTS:-$ROOT/bench/.artifacts}
SKIP_BUILD=${SKIP_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}
STRICT=${STRICT:-0}
HOST=127.0.0.1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hub-bench.XXXXXX")
declare -a PIDS=()
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

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

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
diff_mb() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f", (a - b) / 1024 }'; }

# wrk output
p50() { awk '$1 == "50%" { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }

# CPU accounting in clock ticks: what a request costs, and how busy the rest of the machine was meanwhile.

# recipe_pace LOG FIRST LAST : seconds from the (FIRST-1)th to the LASTth "Applied recipe" line of a hub log.
recipe_pace() {
    awk -v first="$2" -v last="$3" '
        function sec(t, p) { split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
        /Applied recipe/ { n++; at[n] = sec($1) }
        END { if (n < last || first < 2 || last < first) { print "n/a"; exit }
              d = at[last] - at[first - 1]; if (d < 0) d += 86400; printf "%.1f", d }' "$1"
}

# --- prerequisites ---------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
    log "installing ${need[*]}"
    as_root=(); [[ $(id -u) -eq 0 ]] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "dotnet is not on PATH"
for port in "$SMALL_PORT" "$BASELINE_PORT" "$LARGE_PORT"; do
    ! port_busy "$port" || die "port $port on $HOST is already in use (set SMALL_PORT, BASELINE_PORT, LARGE_PORT)"
done

# --- build ----------------------------------------------------------------------------------------------------
# Release, into an artifacts folder of its own: the repository's bin/Release and obj/ stay with whoever else builds.
HUB_OUT=$ARTIFACTS/bin/Hub.Web/release
BASE_OUT=$ARTIFACTS/bin/Hub.Bench.Baseline/release
if [[ $SKIP_BUILD != 1 ]]; then
    log "building Hub.Web and the baseline (Release, artifacts in $ARTIFACTS)"
    for project in src/Hub.Web bench/Hub.Bench.Baseline; do
        dotnet build -c Release "$ROOT/$project" --artifacts-path "$ARTIFACTS" -nologo -v quiet -clp:ErrorsOnly \
            >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "$project did not build"; }
    done
fi
[[ -f $HUB_OUT/Hub.Web.dll && -f $BASE_OUT/Hub.Bench.Baseline.dll ]] || die "no build output in $HUB_OUT or $BASE_OUT"
# Run copies, so that a rebuild during the run cannot swap the binaries under the processes.
cp -a "$HUB_OUT" "$WORK/hub-app"
cp -a "$BASE_OUT" "$WORK/baseline-app"

# --- recipes: the shipped hub and three municipalities without their users step, and the generated ones ----------
RECIPES=$WORK/recipes
mkdir -p "$RECIPES"
SMALL_LIST=()
for name in hub tyreso mjolby sundsvall; do
    jq '.description = "Benchmark copy: tenant and features only." | .steps |= map(select(.step != "users" and .step != "apiClients"))' \
        "$ROOT/recipes/$name.recipe.json" >"$RECIPES/$name.recipe.json"
    SMALL_LIST+=("$name.recipe.json")
done
LARGE_LIST=("${SMALL_LIST[@]}")
for ((i = 1; i <= TENANTS; i++)); do
    slug=$(printf 't%04d' "$i")
    LARGE_LIST+=("$slug.recipe.json")
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

# --- processes ------------------------------------------------------------------------------------------------
# start_hub NAME PORT RECIPE... : fresh SQLite file, the given start-up recipes (Hub__Tenancy__ProvisionOnStart__N),
# Production; waits for /readyz. Sets NAME_PID, NAME_STARTUP (s), NAME_APPLIED, NAME_RSS_READY (kB).
start_hub() {
    local name=$1 port=$2; shift 2
    local -a provision=()
    local i=0 recipe
    for recipe in "$@"; do provision+=("Hub__Tenancy__ProvisionOnStart__$i=$recipe"); i=$((i + 1)); done
    local db=$WORK/$name.db hub_log=$WORK/$name.log
    mkdir -p "$WORK/home-$name"
    log "starting Hub.Web '$name' on port $port with $# start-up recipes (log $hub_log)"
    local t0 pid
    t0=$(now)
    (
        cd "$WORK/hub-app"
        exec env HOME="$WORK/home-$name" \
            ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
            ASPNETCORE_URLS="http://$HOST:$port" \
            Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__SingleLine=true \
            Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
            Hub__Database__Provider=Sqlite \
            Hub__Database__ConnectionString="Data Source=$db" \
            Hub__Tenancy__RecipesPath="$RECIPES" \
            "${provision[@]}" \
            dotnet Hub.Web.dll
    ) >"$hub_log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    local deadline=$((SECONDS + START_TIMEOUT)) next_note=$((SECONDS + 15))
    until curl -fsS --max-time 2 "http://$HOST:$port/readyz" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { tail -n 40 "$hub_log" >&2; die "Hub.Web '$name' exited during start-up"; }
        ((SECONDS < deadline)) || { tail -n 20 "$hub_log" >&2; die "Hub.Web '$name' not ready after ${START_TIMEOUT}s"; }
        if ((SECONDS >= next_note)); then
            log "  ... $(grep -c "Applied recipe" "$hub_log" || true) recipes applied so far"
            next_note=$((SECONDS + 15))
        fi
        sleep 0.2
    done
    local startup applied
    startup=$(elapsed "$t0" "$(now)")
    applied=$(grep -c "Applied recipe" "$hub_log" || true)
    printf -v "${name}_PID" '%s' "$pid"
    printf -v "${name}_STARTUP" '%s' "$startup"
    printf -v "${name}_APPLIED" '%s' "$applied"
    printf -v "${name}_RSS_READY" '%s' "$(rss_kb "$pid")"
    log "  ready after ${startup}s, $applied recipes applied, RSS $(mb "$(rss_kb "$pid")") MB"
}

# start_baseline FILE CONTENT-TYPE : sets base_PID.
start_baseline() {
    log "starting the baseline with the $(stat -c %s "$1") bytes of $1"
    (cd "$WORK/baseline-app" && exec env HOME="$WORK/home-small" dotnet Hub.Bench.Baseline.dll \
        --file "$1" --content-type "$2" --port "$BASELINE_PORT") >"$WORK/baseline.log" 2>&1 &
    base_PID=$!
    PIDS+=("$base_PID")
    local deadline=$((SECONDS + 60))
    until curl -fsS --max-time 2 -o /dev/null "http://$HOST:$BASELINE_PORT/" 2>/dev/null; do
        kill -0 "$base_PID" 2>/dev/null || { cat "$WORK/baseline.log" >&2; die "the baseline exited"; }
        ((SECONDS < deadline)) || die "the baseline did not answer within 60s"
        sleep 0.2
    done
    cmp -s "$1" <(curl -fsS "http://$HOST:$BASELINE_PORT/") || die "the baseline does not serve the page's bytes"
    base_RSS_READY=$(rss_kb "$base_PID")
}

# run_wrk OUT DURATION URL [LUA] : wrk in the background, so that a signal reaches the trap at once.
run_wrk() {
    local out=$1 duration=$2 url=$3 lua=${4:-} pid
    local -a args=(-t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency)
    [[ -z $lua ]] || args+=(-s "$lua")
    wrk "${args[@]}" "$url" >"$out" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait "$pid" || { cat "$out" >&2; die "wrk failed against $url"; }
    forget_pid "$pid"
    if grep -q -e "Non-2xx" -e "Socket errors" "$out"; then
        cat "$out" >&2
        die "errors under load against $url (see above)"
    fi
}

url_of() {
    case $1 in
        small) echo "http://$HOST:$SMALL_PORT$PAGE" ;;
        large) echo "http://$HOST:$LARGE_PORT$PAGE" ;;
        base) echo "http://$HOST:$BASELINE_PORT/" ;;
    esac
}

declare -a small_RPS=() large_RPS=() base_RPS=() small_CPU=() large_CPU=() base_CPU=()
declare -a R_SMALL=() R_LARGE=() R_SCALE=()

# load NAME ROUND : one wrk run against small, large or base; appends req/s and CPU us/request to NAME_RPS, NAME_CPU.
load() {
    local name=$1 round=$2 pid f t0 t1
    local -n pid_ref=${name}_PID rps_list=${name}_RPS cpu_list=${name}_CPU
    pid=$pid_ref
    f=$WORK/$name-$round.txt
    t0=$(proc_ticks "$pid")
    run_wrk "$f" "$DURATION" "$(url_of "$name")"
    t1=$(proc_ticks "$pid")
    rps_list+=("$(rps "$f")")
    cpu_list+=("$(us_per_request $((t1 - t0)) "$(requests "$f")")")
}

# --- start the hubs and the baseline ------------------------------------------------------------------------------
start_hub small "$SMALL_PORT" "${SMALL_LIST[@]}"
start_hub large "$LARGE_PORT" "${LARGE_LIST[@]}"
last=$(printf 't%04d' "$TENANTS")
if ((TENANTS > 0)); then
    code=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' "http://$HOST:$LARGE_PORT/$last/")
    [[ $code == 200 ]] || die "GET /$last/ on the large hub answered $code"
fi
# Pace of provisioning: the first and the last 100 generated tenants (recipes 5..104 and the last 100 applied).
pace_n=$((TENANTS < 100 ? TENANTS : 100))
pace_first=$(recipe_pace "$WORK/large.log" 5 $((4 + pace_n)))
pace_last=$(recipe_pace "$WORK/large.log" $((large_APPLIED - pace_n + 1)) "$large_APPLIED")

for name in small large; do
    curl -fsS --max-time 30 -D "$WORK/$name-headers.txt" -o "$WORK/$name-page.html" "$(url_of "$name")" \
        || die "GET $PAGE on the $name hub failed"
done
grep -q "Tyresö kommun" "$WORK/small-page.html" || log "warning: $PAGE does not mention 'Tyresö kommun'"
CONTENT_TYPE=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$WORK/small-headers.txt")
PAGE_BYTES=$(stat -c %s "$WORK/small-page.html")
# The two hubs must serve the same page; an antiforgery token, if any, differs per request.
strip_tokens() { sed -E 's/value="CfDJ8[A-Za-z0-9_-]*"/value="TOKEN"/g' "$1"; }
if cmp -s <(strip_tokens "$WORK/small-page.html") <(strip_tokens "$WORK/large-page.html"); then
    SAME_PAGE="same page on both hubs"
else
    SAME_PAGE="the two hubs' pages DIFFER ($(stat -c %s "$WORK/large-page.html") bytes on the large one)"
    log "warning: $SAME_PAGE"
fi
start_baseline "$WORK/small-page.html" "${CONTENT_TYPE:-text/html; charset=utf-8}"

# --- load -------------------------------------------------------------------------------------------------------
log "warm-up: each hub $WARMUP, baseline $BASELINE_WARMUP"
run_wrk "$WORK/small-warm.txt" "$WARMUP" "$(url_of small)"
run_wrk "$WORK/large-warm.txt" "$WARMUP" "$(url_of large)"
run_wrk "$WORK/base-warm.txt" "$BASELINE_WARMUP" "$(url_of base)"
small_RSS_WARM=$(rss_kb "$small_PID"); large_RSS_WARM=$(rss_kb "$large_PID"); base_RSS_WARM=$(rss_kb "$base_PID")

ours() { echo $(($(proc_ticks "$small_PID") + $(proc_ticks "$large_PID") + $(proc_ticks "$base_PID") + $(script_ticks))); }
busy0=$(busy_ticks); ours0=$(ours); wall0=$(now)
order=(small large base)
for ((r = 1; r <= ROUNDS; r++)); do
    # The order turns every round, so that no process always follows the same one.
    for ((k = 0; k < 3; k++)); do load "${order[(k + r - 1) % 3]}" "$r"; done
    R_SMALL+=("$(ratio "${small_RPS[-1]}" "${base_RPS[-1]}")")
    R_LARGE+=("$(ratio "${large_RPS[-1]}" "${base_RPS[-1]}")")
    R_SCALE+=("$(ratio "${large_RPS[-1]}" "${small_RPS[-1]}")")
    log "round $r/$ROUNDS req/s (us CPU/request): small ${small_RPS[-1]} (${small_CPU[-1]}), large ${large_RPS[-1]}" \
        "(${large_CPU[-1]}), baseline ${base_RPS[-1]} (${base_CPU[-1]}); small/baseline ${R_SMALL[-1]}, large/small ${R_SCALE[-1]}"
done
busy1=$(busy_ticks); ours1=$(ours); wall1=$(now)
OTHERS=$(awk -v b=$((busy1 - busy0)) -v o=$((ours1 - ours0)) -v s="$(elapsed "$wall0" "$wall1")" -v hz="$TICK" \
    -v n="$(nproc)" 'BEGIN { v = 100 * (b - o) / (s * hz * n); printf "%.0f", v < 0 ? 0 : v }')
small_RSS_LOAD=$(rss_kb "$small_PID"); large_RSS_LOAD=$(rss_kb "$large_PID"); base_RSS_LOAD=$(rss_kb "$base_PID")
small_HWM=$(hwm_kb "$small_PID"); large_HWM=$(hwm_kb "$large_PID"); base_HWM=$(hwm_kb "$base_PID")

spread_summary=
if [[ $SPREAD == 1 ]] && ((TENANTS > 0)); then
    cat >"$WORK/spread.lua" <<EOF
-- Every request goes to a random generated tenant's home page.
local n = $TENANTS
request = function()
  return wrk.format("GET", string.format("/t%04d/", math.random(1, n)))
end
EOF
    log "spread: $DURATION over all $TENANTS generated tenants' home pages on the large hub"
    t0=$(proc_ticks "$large_PID")
    run_wrk "$WORK/spread.txt" "$DURATION" "http://$HOST:$LARGE_PORT/" "$WORK/spread.lua"
    spread_cpu=$(us_per_request $(($(proc_ticks "$large_PID") - t0)) "$(requests "$WORK/spread.txt")")
    spread_summary="$(rps "$WORK/spread.txt") req/s, $spread_cpu us CPU/request; large hub's RSS after it $(mb "$(rss_kb "$large_PID")") MB"
fi
for pid in "$small_PID" "$large_PID" "$base_PID"; do stop_pid "$pid"; forget_pid "$pid"; done

restart_summary=
if [[ $RESTART == 1 ]]; then
    # The large hub again, on a copy of its database: every tenant exists, so no recipe should be applied.
    for suffix in "" -wal -shm; do
        [[ ! -f $WORK/large.db$suffix ]] || cp "$WORK/large.db$suffix" "$WORK/restart.db$suffix"
    done
    start_hub restart "$LARGE_PORT" "${LARGE_LIST[@]}"
    stop_pid "$restart_PID"; forget_pid "$restart_PID"
    restart_summary="${restart_STARTUP}s until /readyz with ${#LARGE_LIST[@]} start-up recipes listed, $restart_APPLIED applied"
fi

# --- summary ------------------------------------------------------------------------------------------------------
ratio_small=$(median "${R_SMALL[@]}")
ratio_large=$(median "${R_LARGE[@]}")
scale=$(median "${R_SCALE[@]}")
cpu_scale=$(ratio "$(median "${small_CPU[@]}")" "$(median "${large_CPU[@]}")")
mem_ready=$(diff_mb "$large_RSS_READY" "$small_RSS_READY")
mem_warm=$(diff_mb "$large_RSS_WARM" "$small_RSS_WARM")
mem_load=$(diff_mb "$large_RSS_LOAD" "$small_RSS_LOAD")
mem_peak=$(diff_mb "$large_HWM" "$small_HWM")
provision_s=$(awk -v a="$large_STARTUP" -v b="$small_STARTUP" 'BEGIN { printf "%.1f", a - b }')
per_tenant_ms=$(awk -v s="$provision_s" -v n="$TENANTS" 'BEGIN { if (n > 0) printf "%.1f", s * 1000 / n; else print "n/a" }')
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v < t); print ok ? "PASS" : "MISS" }'; }
v_ratio=$(verdict "$ratio_small" ">=" 0.4)
v_mem=$(verdict "$mem_load" "<" 100)
v_scale=$(verdict "$scale" ">=" 0.9)
row() { printf '%-40s %15s %15s %15s\n' "$@"; }

{
    echo
    echo "Home-page benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, .NET SDK $(dotnet --version)"
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION against each process per round, $ROUNDS rounds (after warm-up: each hub" \
        "$WARMUP, baseline $BASELINE_WARMUP); medians over the rounds"
    echo "GET $PAGE: $PAGE_BYTES bytes, $CONTENT_TYPE; $SAME_PAGE; the baseline serves the small hub's bytes"
    echo
    row "" "hub (small)" "hub (large)" "bare Kestrel"
    row "tenants provisioned at start-up" "$small_APPLIED" "$large_APPLIED" "-"
    row "start-up until /readyz (s)" "$small_STARTUP" "$large_STARTUP" "-"
    row "home page (req/s)" "$(median "${small_RPS[@]}")" "$(median "${large_RPS[@]}")" "$(median "${base_RPS[@]}")"
    row "ratio to bare Kestrel, same round" "$ratio_small" "$ratio_large" "1"
    row "CPU per request (us)" "$(median "${small_CPU[@]}")" "$(median "${large_CPU[@]}")" "$(median "${base_CPU[@]}")"
    row "latency p50 / p99, last round" "$(p50 "$WORK/small-$ROUNDS.txt")/$(p99 "$WORK/small-$ROUNDS.txt")" \
        "$(p50 "$WORK/large-$ROUNDS.txt")/$(p99 "$WORK/large-$ROUNDS.txt")" "$(p50 "$WORK/base-$ROUNDS.txt")/$(p99 "$WORK/base-$ROUNDS.txt")"
    row "RSS when ready (MB)" "$(mb "$small_RSS_READY")" "$(mb "$large_RSS_READY")" "$(mb "$base_RSS_READY")"
    row "RSS after warm-up (MB)" "$(mb "$small_RSS_WARM")" "$(mb "$large_RSS_WARM")" "$(mb "$base_RSS_WARM")"
    row "RSS after the rounds (MB)" "$(mb "$small_RSS_LOAD")" "$(mb "$large_RSS_LOAD")" "$(mb "$base_RSS_LOAD")"
    row "peak RSS, VmHWM (MB)" "$(mb "$small_HWM")" "$(mb "$large_HWM")" "$(mb "$base_HWM")"
    echo
    echo "per round, req/s   small: ${small_RPS[*]}"
    echo "                   large: ${large_RPS[*]}"
    echo "                baseline: ${base_RPS[*]}"
    echo "per round, small/baseline: ${R_SMALL[*]}; large/small: ${R_SCALE[*]}"
    echo "CPU used by other processes during the rounds: $OTHERS % of the machine"
    [[ -z $spread_summary ]] || echo "spread over the $TENANTS generated home pages (large hub): $spread_summary"
    [[ -z $restart_summary ]] || echo "restart of the large hub on its database: $restart_summary"
    echo "provisioning $TENANTS more tenants: +${provision_s}s of start-up ($per_tenant_ms ms per tenant);" \
        "the first $pace_n generated took ${pace_first}s, the last $pace_n ${pace_last}s"
    echo
    echo "targets"
    printf '  %-96s %s\n' "home page / bare Kestrel >= 0.4: $ratio_small (large hub: $ratio_large)" "$v_ratio"
    printf '  %-96s %s\n' "+$TENANTS tenants < 100 MB more RSS: $mem_load MB after the rounds (ready $mem_ready, warm-up $mem_warm, peak $mem_peak)" "$v_mem"
    printf '  %-96s %s\n' "+$TENANTS tenants home-page throughput within 10 %: large/small $scale (CPU per request small/large $cpu_scale)" "$v_scale"
    if ((OTHERS > 10)); then
        echo "  note: other processes took $OTHERS % of the CPU meanwhile; req/s are disturbed, same-round ratios less so"
    fi
} | tee "$WORK/summary.txt"

if [[ $STRICT == 1 && ($v_ratio != PASS || $v_mem != PASS || $v_scale != PASS) ]]; then
    exit 1
fi
