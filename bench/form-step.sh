#!/usr/bin/env bash
# Form-step and submit benchmark (see bench/README.md, "Form step and submit").
#
# One Hub.Web (Release build, Development environment: the demo tenants and their services) on a fresh SQLite file,
# and bare Kestrel (bench/Hub.Bench.Baseline) serving the exact bytes of the hub's step page, in the same run:
#   1. GET of a form step, /tyreso/e-tjanster/synpunkter/ansokan/{draft}/synpunkten, of an anonymous draft made with
#      curl, with the draft's cookies, against bare Kestrel, round after round     (target >= 0.3 of bare Kestrel)
#   2. submit POSTs: DRAFTS drafts prepared beforehand (bench/Hub.Bench.Drafts, each in its own anonymous session,
#      both pages filled), then wrk posts each review page (.../granska) exactly once   (target >= 1,000 submits/s
#      with p99 < 100 ms at 16 connections)
#
# Only 127.0.0.1 is used. Every process the script starts is stopped on exit (trap EXIT); every wait is bounded.
# Settings (environment variables, defaults in brackets):
#   ROUNDS [3]  DURATION [15s] per process and round  THREADS [2]  CONNECTIONS [16]  WARMUP [20s]  BASELINE_WARMUP [5s]
#   DRAFTS [3000] for the measured submit run  WARMUP_DRAFTS [300] submitted first, not measured
#   SUBMIT_DURATION [15s] (wrk -d of the submit run; its threads stop early when their drafts are used up)
#   PREPARE_PARALLEL [8]  HUB_PORT [5190]  BASELINE_PORT [5191]  START_TIMEOUT [300]
#   ARTIFACTS [bench/.artifacts]  SKIP_BUILD [0]  KEEP_WORK [0]  STRICT [0] (exit 1 on a missed target)
#   ENVIRONMENT [Production] (Production: copies of the hub and tyreso recipes without their users step, as operators
#   run it; Development: the demo recipes as `dotnet run` has them, with the simulated e-ID provider)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-20s}
BASELINE_WARMUP=${BASELINE_WARMUP:-5s}
DRAFTS=${DRAFTS:-3000}
WARMUP_DRAFTS=${WARMUP_DRAFTS:-300}
SUBMIT_DURATION=${SUBMIT_DURATION:-15s}
PREPARE_PARALLEL=${PREPARE_PARALLEL:-8}
HUB_PORT=${HUB_PORT:-5190}
BASELINE_PORT=${BASELINE_PORT:-5191}
START_TIMEOUT=${START_TIMEOUT:-300}
ARTIFACTS=${ARTIFACTS:-$ROOT/bench/.artifacts}
SKIP_BUILD=${SKIP_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}
STRICT=${STRICT:-0}
ENVIRONMENT=${ENVIRONMENT:-Production}
HOST=127.0.0.1
TENANT=tyreso
SERVICE=synpunkter
HUB=http://$HOST:$HUB_PORT

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hub-form-bench.XXXXXX")
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

p50() { awk '$1 == "50%" { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
lua_value() { awk -F': ' -v k="$2" '$1 == k { print $2 }' "$1"; }
# wrk prints latencies as 950.00us, 3.48ms, 1.56s; in ms:
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# --- prerequisites ---------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if ((${#need[@]})); then
    log "installing ${need[*]}"
    as_root=(); [[ $(id -u) -eq 0 ]] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "dotnet is not on PATH"
for port in "$HUB_PORT" "$BASELINE_PORT"; do
    ! port_busy "$port" || die "port $port on $HOST is already in use (set HUB_PORT, BASELINE_PORT)"
done

# --- build ----------------------------------------------------------------------------------------------------
HUB_OUT=$ARTIFACTS/bin/Hub.Web/release
BASE_OUT=$ARTIFACTS/bin/Hub.Bench.Baseline/release
DRAFTS_OUT=$ARTIFACTS/bin/Hub.Bench.Drafts/release
if [[ $SKIP_BUILD != 1 ]]; then
    for project in src/Hub.Web bench/Hub.Bench.Baseline bench/Hub.Bench.Drafts; do
        log "building $project (Release)"
        dotnet build "$ROOT/$project" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >"$WORK/build.log" 2>&1 \
            || { tail -n 30 "$WORK/build.log" >&2; die "build of $project failed"; }
    done
fi
for out in "$HUB_OUT/Hub.Web.dll" "$BASE_OUT/Hub.Bench.Baseline.dll" "$DRAFTS_OUT/Hub.Bench.Drafts.dll"; do
    [[ -f $out ]] || die "$out is missing (run without SKIP_BUILD=1)"
done
cp -a "$HUB_OUT" "$WORK/hub-app"
cp -a "$BASE_OUT" "$WORK/baseline-app"
cp -a "$DRAFTS_OUT" "$WORK/drafts-app"

# --- start the hub and make one draft ---------------------------------------------------------------------------
mkdir -p "$WORK/mail" "$WORK/home"
declare -a provision=()
RECIPES=$ROOT/recipes
if [[ $ENVIRONMENT == Production ]]; then
    # Recipes with passwords or API secrets are refused outside Development: the hub and Tyresö without their users and apiClients steps.
    RECIPES=$WORK/recipes
    mkdir -p "$RECIPES"
    cp -a "$ROOT/recipes/services" "$RECIPES/"
    for name in hub tyreso; do
        jq '.description = "Benchmark copy: without the users and apiClients steps." | .steps |= map(select(.step != "users" and .step != "apiClients"))' \
            "$ROOT/recipes/$name.recipe.json" >"$RECIPES/$name.recipe.json"
    done
    provision=("Hub__Tenancy__ProvisionOnStart__0=hub.recipe.json" "Hub__Tenancy__ProvisionOnStart__1=tyreso.recipe.json")
fi
log "starting Hub.Web ($ENVIRONMENT, SQLite $WORK/hub.db) on $HUB"
t0=$(now)
(
    cd "$WORK/hub-app" && exec env HOME="$WORK/home" \
        ASPNETCORE_ENVIRONMENT="$ENVIRONMENT" DOTNET_ENVIRONMENT="$ENVIRONMENT" \
        ASPNETCORE_URLS="$HUB" \
        Hub__Database__Provider=Sqlite \
        Hub__RateLimits__EId__PermitLimit=1000000 Hub__RateLimits__Form__PermitLimit=1000000 Hub__RateLimits__Submit__PermitLimit=1000000 \
        Hub__Database__ConnectionString="Data Source=$WORK/hub.db" \
        Hub__Email__PickupDirectory="$WORK/mail" Hub__Email__From=noreply@bench.localhost \
        Hub__Tenancy__RecipesPath="$RECIPES" \
        "${provision[@]}" \
        dotnet Hub.Web.dll
) >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
PIDS+=("$HUB_PID")
deadline=$((SECONDS + START_TIMEOUT))
until curl -fsS --max-time 2 "$HUB/readyz" >/dev/null 2>&1; do
    kill -0 "$HUB_PID" 2>/dev/null || { tail -n 40 "$WORK/hub.log" >&2; die "Hub.Web exited during start-up"; }
    ((SECONDS < deadline)) || { tail -n 20 "$WORK/hub.log" >&2; die "Hub.Web not ready after ${START_TIMEOUT}s"; }
    sleep 0.2
done
log "  ready after $(elapsed "$t0" "$(now)")s"

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }
location_of() { awk -F': ' 'tolower($1) == "location" { sub(/\r$/, "", $2); print $2 }' "$1"; }

JAR=$WORK/cookies.txt
curl -fsS --max-time 30 -c "$JAR" -b "$JAR" -o "$WORK/service.html" "$HUB/$TENANT/e-tjanster/$SERVICE" \
    || die "GET /$TENANT/e-tjanster/$SERVICE failed"
TOKEN=$(token_of "$WORK/service.html")
[[ -n $TOKEN ]] || die "no antiforgery token on /$TENANT/e-tjanster/$SERVICE"
code=$(curl -sS --max-time 30 -c "$JAR" -b "$JAR" -D "$WORK/start-headers.txt" -o /dev/null -w '%{http_code}' \
    --data-urlencode "__RequestVerificationToken=$TOKEN" "$HUB/$TENANT/e-tjanster/$SERVICE")
STEP=$(location_of "$WORK/start-headers.txt")
[[ $code == 302 && $STEP == /$TENANT/e-tjanster/$SERVICE/ansokan/*/synpunkten ]] \
    || die "starting a draft answered $code, Location '$STEP'"
COOKIE=$(awk -F'\t' 'NF >= 7 && $6 != "" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")
log "draft started: $STEP (cookies: $(awk -F'\t' 'NF >= 7 { printf "%s ", $6 }' "$JAR"))"
curl -fsS --max-time 30 -H "Cookie: $COOKIE" -D "$WORK/step-headers.txt" -o "$WORK/step.html" "$HUB$STEP" \
    || die "GET $STEP failed"
grep -q 'name="feedback-type"' "$WORK/step.html" || die "$STEP does not show the synpunkten page"
CONTENT_TYPE=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$WORK/step-headers.txt")
PAGE_BYTES=$(stat -c %s "$WORK/step.html")
SETS_COOKIE=$(grep -ci '^set-cookie:' "$WORK/step-headers.txt" || true)

log "starting the baseline with the $PAGE_BYTES bytes of the step page"
(cd "$WORK/baseline-app" && exec env HOME="$WORK/home" dotnet Hub.Bench.Baseline.dll \
    --file "$WORK/step.html" --content-type "${CONTENT_TYPE:-text/html; charset=utf-8}" --port "$BASELINE_PORT") \
    >"$WORK/baseline.log" 2>&1 &
BASE_PID=$!
PIDS+=("$BASE_PID")
deadline=$((SECONDS + 60))
until curl -fsS --max-time 2 -o /dev/null "http://$HOST:$BASELINE_PORT/" 2>/dev/null; do
    kill -0 "$BASE_PID" 2>/dev/null || { cat "$WORK/baseline.log" >&2; die "the baseline exited"; }
    ((SECONDS < deadline)) || die "the baseline did not answer within 60s"
    sleep 0.2
done
cmp -s "$WORK/step.html" <(curl -fsS "http://$HOST:$BASELINE_PORT/") || die "the baseline does not serve the page's bytes"

# run_wrk OUT DURATION URL [wrk options...] [-- script arguments...] : wrk in the background, so that a signal
# reaches the trap at once.
run_wrk() {
    local out=$1 duration=$2 url=$3 pid
    shift 3
    local -a opts=() rest=()
    while (($#)); do
        if [[ $1 == -- ]]; then rest=("$@"); break; fi
        opts+=("$1"); shift
    done
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "${opts[@]}" "$url" "${rest[@]}" >"$out" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait "$pid" || { cat "$out" >&2; die "wrk failed against $url"; }
    forget_pid "$pid"
}
check_wrk() {
    if grep -q -e "Non-2xx" -e "Socket errors" "$1"; then
        cat "$1" >&2
        die "errors under load (see above)"
    fi
}

# --- 1. step GET against bare Kestrel ----------------------------------------------------------------------------
declare -a step_RPS=() base_RPS=() step_CPU=() base_CPU=() R_STEP=()
load() { # NAME ROUND
    local name=$1 round=$2 pid url f t0 t1
    local -a extra=()
    if [[ $name == step ]]; then pid=$HUB_PID; url=$HUB$STEP; extra=(-H "Cookie: $COOKIE")
    else pid=$BASE_PID; url=http://$HOST:$BASELINE_PORT/; fi
    f=$WORK/$name-$round.txt
    t0=$(proc_ticks "$pid")
    run_wrk "$f" "$DURATION" "$url" "${extra[@]}"
    check_wrk "$f"
    t1=$(proc_ticks "$pid")
    local -n rps_list=${name}_RPS cpu_list=${name}_CPU
    rps_list+=("$(rps "$f")")
    cpu_list+=("$(us_per_request $((t1 - t0)) "$(requests "$f")")")
}

log "warm-up: hub $WARMUP on the step page, baseline $BASELINE_WARMUP"
run_wrk "$WORK/step-warm.txt" "$WARMUP" "$HUB$STEP" -H "Cookie: $COOKIE"
check_wrk "$WORK/step-warm.txt"
run_wrk "$WORK/base-warm.txt" "$BASELINE_WARMUP" "http://$HOST:$BASELINE_PORT/"
ours() { echo $(($(proc_ticks "$HUB_PID") + $(proc_ticks "$BASE_PID") + $(script_ticks))); }
busy0=$(busy_ticks); ours0=$(ours); wall0=$(now)
for ((r = 1; r <= ROUNDS; r++)); do
    if ((r % 2)); then load step "$r"; load base "$r"; else load base "$r"; load step "$r"; fi
    R_STEP+=("$(ratio "${step_RPS[-1]}" "${base_RPS[-1]}")")
    log "round $r/$ROUNDS req/s (us CPU/request): step ${step_RPS[-1]} (${step_CPU[-1]}), baseline ${base_RPS[-1]}" \
        "(${base_CPU[-1]}); step/baseline ${R_STEP[-1]}"
done
busy1=$(busy_ticks); ours1=$(ours); wall1=$(now)
OTHERS=$(awk -v b=$((busy1 - busy0)) -v o=$((ours1 - ours0)) -v s="$(elapsed "$wall0" "$wall1")" -v hz="$TICK" \
    -v n="$(nproc)" 'BEGIN { v = 100 * (b - o) / (s * hz * n); printf "%.0f", v < 0 ? 0 : v }')
stop_pid "$BASE_PID"; forget_pid "$BASE_PID"
ours() { echo $(($(proc_ticks "$HUB_PID") + $(script_ticks))); }

# --- 2. submits -------------------------------------------------------------------------------------------------
prepare() { # COUNT FILE
    log "preparing $1 drafts (both pages filled, each in its own anonymous session)"
    (cd "$WORK/drafts-app" && exec dotnet Hub.Bench.Drafts.dll --base "$HUB" --tenant "$TENANT" --service "$SERVICE" \
        --count "$1" --parallel "$PREPARE_PARALLEL" --out "$2") >"$2.log" 2>&1 \
        || { cat "$2.log" >&2; die "preparing drafts failed"; }
    log "  $(tail -n 1 "$2.log")"
}
cases_before=$(grep -c "Case .* submitted" "$WORK/hub.log" || true)
prepare "$WARMUP_DRAFTS" "$WORK/warm-drafts.tsv"
log "submit warm-up: $WARMUP_DRAFTS drafts"
run_wrk "$WORK/submit-warm.txt" "$SUBMIT_DURATION" "$HUB" --timeout 30s -s "$ROOT/bench/submit.lua" -- "$WORK/warm-drafts.tsv" "$THREADS"
prepare "$DRAFTS" "$WORK/drafts.tsv"
DB_BEFORE=$(stat -c %s "$WORK/hub.db")
log "submit run: $DRAFTS drafts, wrk -d$SUBMIT_DURATION"
t0=$(proc_ticks "$HUB_PID"); busy0=$(busy_ticks); ours0=$(ours); wall0=$(now)
run_wrk "$WORK/submit.txt" "$SUBMIT_DURATION" "$HUB" --timeout 30s -s "$ROOT/bench/submit.lua" -- "$WORK/drafts.tsv" "$THREADS"
t1=$(proc_ticks "$HUB_PID"); busy1=$(busy_ticks); ours1=$(ours); wall1=$(now)
SUBMIT_OTHERS=$(awk -v b=$((busy1 - busy0)) -v o=$((ours1 - ours0)) -v s="$(elapsed "$wall0" "$wall1")" -v hz="$TICK" \
    -v n="$(nproc)" 'BEGIN { v = 100 * (b - o) / (s * hz * n); printf "%.0f", v < 0 ? 0 : v }')
SUBMITTED=$(lua_value "$WORK/submit.txt" submitted)
SUBMIT_OTHER=$(lua_value "$WORK/submit.txt" other)
SUBMIT_RATE=$(lua_value "$WORK/submit.txt" "submits/s")
SUBMIT_SECONDS=$(lua_value "$WORK/submit.txt" "submit seconds")
ALL_USED=$(lua_value "$WORK/submit.txt" "all drafts used")
SUBMIT_P50=$(p50 "$WORK/submit.txt"); SUBMIT_P99=$(p99 "$WORK/submit.txt")
SUBMIT_CPU=$(us_per_request $((t1 - t0)) "${SUBMITTED:-0}")
TIMEOUTS=$(awk '/Socket errors/ { gsub(/,/, ""); print $NF }' "$WORK/submit.txt"); TIMEOUTS=${TIMEOUTS:-0}
sleep 1
cases_after=$(grep -c "Case .* submitted" "$WORK/hub.log" || true)
MAILS=$(find "$WORK/mail" -type f | wc -l)

# --- summary ------------------------------------------------------------------------------------------------------
ratio_step=$(median "${R_STEP[@]}")
p99_ms=$(to_ms "$SUBMIT_P99")
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v < t); print ok ? "PASS" : "MISS" }'; }
v_step=$(verdict "$ratio_step" ">=" 0.3)
v_rate=$(verdict "$SUBMIT_RATE" ">=" 1000)
v_p99=$(verdict "$p99_ms" "<" 100)
row() { printf '%-40s %15s %15s\n' "$@"; }
{
    echo
    echo "Form-step benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, .NET SDK $(dotnet --version), SQLite, $ENVIRONMENT"
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION per process and round, $ROUNDS rounds after warm-up (hub $WARMUP," \
        "baseline $BASELINE_WARMUP); medians over the rounds"
    echo "GET $STEP: $PAGE_BYTES bytes, $CONTENT_TYPE, $SETS_COOKIE Set-Cookie; the baseline serves the same bytes"
    echo
    row "" "hub" "bare Kestrel"
    row "step page (req/s)" "$(median "${step_RPS[@]}")" "$(median "${base_RPS[@]}")"
    row "ratio to bare Kestrel, same round" "$ratio_step" "1"
    row "CPU per request (us)" "$(median "${step_CPU[@]}")" "$(median "${base_CPU[@]}")"
    row "latency p50 / p99, last round" "$(p50 "$WORK/step-$ROUNDS.txt")/$(p99 "$WORK/step-$ROUNDS.txt")" \
        "$(p50 "$WORK/base-$ROUNDS.txt")/$(p99 "$WORK/base-$ROUNDS.txt")"
    echo "per round, req/s   step: ${step_RPS[*]}"
    echo "               baseline: ${base_RPS[*]}"
    echo "per round, step/baseline: ${R_STEP[*]}"
    echo "CPU used by other processes during the rounds: $OTHERS % of the machine"
    echo
    echo "submits: $SUBMITTED real submissions (302 to a receipt) of $DRAFTS prepared drafts in ${SUBMIT_SECONDS}s" \
        "(all drafts used before -d was over: $ALL_USED), $SUBMIT_OTHER other answers, $TIMEOUTS wrk timeouts (30 s)"
    echo "  $SUBMIT_RATE submits/s at $CONNECTIONS connections; latency p50 $SUBMIT_P50, p99 $SUBMIT_P99;" \
        "hub CPU per submit $SUBMIT_CPU us"
    echo "  cases logged by the hub during warm-up and run: $((cases_after - cases_before))" \
        "(expected $((WARMUP_DRAFTS + DRAFTS))); e-mails in the pickup dir: $MAILS; db grew $(((($(stat -c %s "$WORK/hub.db") - DB_BEFORE)) / 1024)) KiB"
    echo "  CPU used by other processes during the submit run: $SUBMIT_OTHERS % of the machine"
    echo
    echo "targets"
    printf '  %-80s %s\n' "step GET / bare Kestrel >= 0.3: $ratio_step" "$v_step"
    printf '  %-80s %s\n' "submits >= 1,000/s at $CONNECTIONS connections: $SUBMIT_RATE" "$v_rate"
    printf '  %-80s %s\n' "submit p99 < 100 ms: $p99_ms ms" "$v_p99"
    if ((OTHERS > 10 || SUBMIT_OTHERS > 10)); then
        echo "  note: other processes took CPU meanwhile; req/s are disturbed, same-round ratios less so"
    fi
} | tee "$WORK/summary.txt"

if [[ $STRICT == 1 && ($v_step != PASS || $v_rate != PASS || $v_p99 != PASS) ]]; then
    exit 1
fi
