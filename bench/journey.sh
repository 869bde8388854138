#!/usr/bin/env bash
# Journey benchmark (issue 15, item 6; see bench/README.md, "Journey (issue 15)").
#
# For each provider in PROVIDERS, one Hub.Web (Release build, Production: copies of the hub and tyreso recipes without
# their users step) on a fresh database (a SQLite file, or a private PostgreSQL started here on a loopback port):
#   1. journeys: CITIZENS simulated citizens, CONCURRENCY at a time (bench/Hub.Bench.Journey), each with its own
#      cookie jar and its own draft of tyreso's SERVICE, each doing the whole journey: service page, start, every
#      step GET + POST (on the first step first an answer with a required field empty, which must come back with its
#      error), review, submit, receipt with its case number; every answer checked. Reports completed journeys per
#      second of wall time, p50/p99 per request kind, the hub's CPU per journey (and the database server's), failed
#      journeys. WARMUP_JOURNEYS journeys come first, not measured: a number, not a time, because the hub's cost per
#      journey grows with the e-mails already sent (bench/README.md), so every run starts measuring at the same size.
#   2. step GET over many drafts: STEP_DRAFTS fresh drafts, each in its own session, and wrk (bench/step-get.lua)
#      taking the next draft and its cookies for every request, against bare Kestrel (bench/Hub.Bench.Baseline)
#      serving the exact bytes of one of those step pages, round after round in the same run.
# Targets: >= 150 complete journeys/s on SQLite; step GET >= 0.25 of bare Kestrel; no failed journey.
#
# Only 127.0.0.1 is used. Every process the script starts is stopped on exit (trap EXIT); every wait is bounded.
# Settings (environment variables, defaults in brackets):
#   PROVIDERS ["sqlite postgresql"]  CITIZENS [1000]  CONCURRENCY [16]  WARMUP_JOURNEYS [2000]  SERVICE [synpunkter]
#   STEP_DRAFTS [2000]  ROUNDS [3]  DURATION [10] seconds per process and round  THREADS [2]  CONNECTIONS [16]
#   STEP_WARMUP [15] seconds  BASELINE_WARMUP [5] seconds  PREPARE_PARALLEL [8]
#   HUB_PORT [5200]  BASELINE_PORT [5201]  PG_PORTS [55632-55731] (first free one)  START_TIMEOUT [300]
#   PG_OPTIONS ["-c synchronous_commit=off"] (as SQLite's synchronous=NORMAL: commits are not flushed one by one)
#   PG_CONNECTION_OPTIONS [""] appended to the hub's PostgreSQL connection string, e.g. "No Reset On Close=true"
#   ARTIFACTS [bench/.artifacts]  SKIP_BUILD [0]  KEEP_WORK [0]
#   STRICT [0]: 1 exits 1 on a missed target, and stops at once when PostgreSQL's binaries are missing
#   TRACE [0]: samples the hub for TRACE_SECONDS [8] once the measured journeys start and during the first step round,
#     into the kept work directory. TRACE=perf: CPU samples by Linux perf (cpu-clock, call graphs by frame pointer,
#     JIT-compiled names from the runtime's perf map, W^X off so that perf finds them), summarised with `perf report -i FILE.perf.data`; TRACE=1:
#     dotnet-trace's thread-time samples as speedscope files (bench/trace-top.py summarises them), which count a
#     thread sleeping in native code (SQLite's busy wait) as running. Sampling costs the hub CPU: figures of a traced
#     run are not comparable.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROVIDERS=${PROVIDERS:-sqlite postgresql}
CITIZENS=${CITIZENS:-1000}
CONCURRENCY=${CONCURRENCY:-16}
WARMUP_JOURNEYS=${WARMUP_JOURNEYS:-2000}
SERVICE=${SERVICE:-synpunkter}
STEP_DRAFTS=${STEP_DRAFTS:-2000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
STEP_WARMUP=${STEP_WARMUP:-15}
BASELINE_WARMUP=${BASELINE_WARMUP:-5}
PREPARE_PARALLEL=${PREPARE_PARALLEL:-8}
HUB_PORT=${HUB_PORT:-5200}
BASELINE_PORT=${BASELINE_PORT:-5201}
PG_PORTS=${PG_PORTS:-55632-55731}
START_TIMEOUT=${START_TIMEOUT:-300}
PG_OPTIONS=${PG_OPTIONS:--c synchronous_commit=off}
PG_CONNECTION_OPTIONS=${PG_CONNECTION_OPTIONS:-}
ARTIFACTS=${ARTIFACTS:-$ROOT/bench/.artifacts}
SKIP_BUILD=${SKIP_BUILD:-0}
KEEP_WORK=${KEEP_WORK:-0}
STRICT=${STRICT:-0}
TRACE=${TRACE:-0}
TRACE_SECONDS=${TRACE_SECONDS:-8}
HOST=127.0.0.1
TENANT=tyreso
HUB=http://$HOST:$HUB_PORT
BASE=http://$HOST:$BASELINE_PORT
TARGET_JOURNEYS=150
TARGET_RATIO=0.25

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hub-journey-bench.XXXXXX")
chmod 755 "$WORK" # PostgreSQL runs as 'postgres' when this script runs as root
declare -a PIDS=()
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
PG_DATA=""
PG_PID=0
PG_BIN=""
pg_as=()
[[ $(id -u) -ne 0 ]] || pg_as=(runuser -u postgres --)

stop_postgres() {
    if [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]]; then
        "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 30 -w stop >/dev/null 2>&1 \
            || "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -t 30 -w stop >/dev/null 2>&1 || true
    fi
    if ((PG_PID > 0)) && kill -0 "$PG_PID" 2>/dev/null; then kill -KILL "$PG_PID" 2>/dev/null || true; fi
    PG_DATA=""
    PG_PID=0
}

cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    stop_postgres
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

# A process and its children (PostgreSQL's postmaster and backends; exited children through cutime + cstime).
tree_ticks() {
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | sed 's/^\([0-9]*\) (.*) /\1 /' \
        | awk -v r="$1" '$1 == r { t += $13 + $14 + $15 + $16 } $3 == r { t += $13 + $14 } END { print t + 0 }'
}
db_ticks() { if ((PG_PID > 0)); then tree_ticks "$PG_PID"; else echo 0; fi; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "n/a" && v + 0 >= t) ? "met" : "MISSED" }'; }

# --- prerequisites ---------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if ((${#need[@]})); then
    log "installing ${need[*]}"
    as_root=(); [[ $(id -u) -eq 0 ]] || as_root=(sudo)
    timeout 300 "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive timeout 600 "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "dotnet is not on PATH"
command -v timeout >/dev/null || die "timeout (coreutils) is not on PATH"
if [[ $TRACE == perf ]]; then
    command -v perf >/dev/null || die "TRACE=perf needs Linux perf (Debian package linux-perf)"
    KEEP_WORK=1
elif [[ $TRACE == 1 ]]; then
    export PATH="$PATH:$HOME/.dotnet/tools"
    command -v dotnet-trace >/dev/null || timeout 300 dotnet tool install --global dotnet-trace >/dev/null \
        || die "dotnet-trace is missing and could not be installed"
    KEEP_WORK=1
fi
for port in "$HUB_PORT" "$BASELINE_PORT"; do
    ! port_busy "$port" || die "port $port on $HOST is already in use (set HUB_PORT, BASELINE_PORT)"
done
[[ -f $ROOT/recipes/services/$SERVICE.service.json ]] || die "no recipes/services/$SERVICE.service.json"

declare -a RUN=()
for provider in $PROVIDERS; do
    case $provider in
        sqlite) RUN+=(sqlite) ;;
        postgresql)
            PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
            if [[ -z $PG_BIN || ! -x $PG_BIN/initdb || ! -x $PG_BIN/pg_ctl ]]; then
                [[ $STRICT != 1 ]] || die "PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb); install the Debian package postgresql, or leave STRICT unset to skip"
                log "SKIPPED provider postgresql: PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb; Debian package postgresql)"
            else
                RUN+=(postgresql)
            fi
            ;;
        *) die "unknown provider '$provider' (sqlite, postgresql)" ;;
    esac
done
((${#RUN[@]})) || die "no provider to run"

# --- build ----------------------------------------------------------------------------------------------------
HUB_OUT=$ARTIFACTS/bin/Hub.Web/release
BASE_OUT=$ARTIFACTS/bin/Hub.Bench.Baseline/release
DRIVER_OUT=$ARTIFACTS/bin/Hub.Bench.Journey/release
if [[ $SKIP_BUILD != 1 ]]; then
    for project in src/Hub.Web bench/Hub.Bench.Baseline bench/Hub.Bench.Journey; do
        log "building $project (Release)"
        timeout 1200 dotnet build "$ROOT/$project" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >"$WORK/build.log" 2>&1 \
            || { tail -n 30 "$WORK/build.log" >&2; die "build of $project failed"; }
    done
fi
for out in "$HUB_OUT/Hub.Web.dll" "$BASE_OUT/Hub.Bench.Baseline.dll" "$DRIVER_OUT/Hub.Bench.Journey.dll"; do
    [[ -f $out ]] || die "$out is missing (run without SKIP_BUILD=1)"
done
cp -a "$HUB_OUT" "$WORK/hub-app"
cp -a "$BASE_OUT" "$WORK/baseline-app"
cp -a "$DRIVER_OUT" "$WORK/driver-app"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes in src/)"

# Recipes with passwords or API secrets are refused outside Development: the hub and Tyresö without their users and apiClients steps.
RECIPES=$WORK/recipes
mkdir -p "$RECIPES" "$WORK/home"
cp -a "$ROOT/recipes/services" "$RECIPES/"
for name in hub tyreso; do
    jq '.description = "Benchmark copy: without the users and apiClients steps." | .steps |= map(select(.step != "users" and .step != "apiClients"))' \
        "$ROOT/recipes/$name.recipe.json" >"$RECIPES/$name.recipe.json"
done
SERVICE_FILE=$RECIPES/services/$SERVICE.service.json

# run_bg OUT SECONDS COMMAND... : a command in the background with a time limit, so that a signal reaches the
# trap at once; fails if the command fails.
run_bg() {
    local out=$1 limit=$2 pid status=0
    shift 2
    timeout -k 10 "$limit" "$@" >"$out" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait "$pid" || status=$?
    forget_pid "$pid"
    return "$status"
}

# trace_hub NAME [WAIT_FILE PATTERN]: in the background, when TRACE=1, once WAIT_FILE has a line matching PATTERN,
# samples the hub for TRACE_SECONDS into $dir/NAME.speedscope.json.
trace_hub() {
    [[ $TRACE == 1 || $TRACE == perf ]] || return 0
    local name=$1 file=${2:-} pattern=${3:-}
    (
        if [[ -n $file ]]; then
            until grep -q "$pattern" "$file" 2>/dev/null; do sleep 0.1; done
        fi
        if [[ $TRACE == perf ]]; then
            timeout $((TRACE_SECONDS + 60)) perf record -e cpu-clock -F 999 -g -p "$HUB_PID" -o "$dir/$name.perf.data" \
                -- sleep "$TRACE_SECONDS" >"$dir/$name.trace.log" 2>&1 || log "perf record failed (see $dir/$name.trace.log)"
            exit 0
        fi
        timeout $((TRACE_SECONDS + 60)) dotnet-trace collect -p "$HUB_PID" --profile dotnet-sampled-thread-time \
            --duration "00:00:00:$(printf %02d "$TRACE_SECONDS")" --format Speedscope -o "$dir/$name.nettrace" >"$dir/$name.trace.log" 2>&1 \
            || log "dotnet-trace failed (see $dir/$name.trace.log)"
    ) &
    PIDS+=("$!")
}

# --- PostgreSQL -------------------------------------------------------------------------------------------------
start_postgres() {
    local dir=$1 from to candidate
    PG_PORT=""
    from=${PG_PORTS%-*}; to=${PG_PORTS#*-}
    for ((candidate = from; candidate <= to; candidate++)); do
        if ! port_busy "$candidate"; then PG_PORT=$candidate; break; fi
    done
    [[ -n $PG_PORT ]] || die "no free loopback port for PostgreSQL in $PG_PORTS"
    mkdir -p "$dir/pg" "$dir/pg-run"
    [[ $(id -u) -ne 0 ]] || chown postgres "$dir" "$dir/pg" "$dir/pg-run"
    "${pg_as[@]}" timeout 120 "$PG_BIN/initdb" -D "$dir/pg" -U hub -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    PG_DATA=$dir/pg
    # shellcheck disable=SC2086 # PG_OPTIONS is a list of server options
    "${pg_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$dir/postgres.log" -w -t 60 start \
        -o "-p $PG_PORT -c listen_addresses=$HOST -c unix_socket_directories=$dir/pg-run -c max_connections=200 $PG_OPTIONS" >/dev/null \
        || { tail -n 20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
    PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid")
    log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on $HOST:$PG_PORT (pid $PG_PID, options: $PG_OPTIONS;" \
        "connection string options: ${PG_CONNECTION_OPTIONS:-none})"
}

# --- one provider -----------------------------------------------------------------------------------------------
run_provider() {
    local provider=$1 dir=$WORK/$1 t0 deadline
    local -a db=()
    mkdir -p "$dir/mail"
    if [[ $provider == postgresql ]]; then
        start_postgres "$dir"
        db=(Hub__Database__Provider=Postgres
            "Hub__Database__ConnectionString=Host=$HOST;Port=$PG_PORT;Username=hub;Database=hub${PG_CONNECTION_OPTIONS:+;$PG_CONNECTION_OPTIONS}")
    else
        db=(Hub__Database__Provider=Sqlite "Hub__Database__ConnectionString=Data Source=$dir/hub.db")
    fi

    # Every simulated citizen comes from 127.0.0.1: the per-address limits are raised, the limiter still runs.
    log "[$provider] starting Hub.Web (Production) on $HUB"
    t0=$(now)
    (
        cd "$WORK/hub-app" && exec env HOME="$WORK/home" \
            ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production ASPNETCORE_URLS="$HUB" \
            DOTNET_PerfMapEnabled="$([[ $TRACE == perf ]] && echo 1 || echo 0)" DOTNET_EnableWriteXorExecute="$([[ $TRACE == perf ]] && echo 0 || echo 1)" \
            "${db[@]}" \
            Hub__RateLimits__EId__PermitLimit=1000000 Hub__RateLimits__Form__PermitLimit=1000000 Hub__RateLimits__Submit__PermitLimit=1000000 \
            Hub__Email__PickupDirectory="$dir/mail" Hub__Email__From=noreply@bench.localhost \
            Hub__Tenancy__RecipesPath="$RECIPES" \
            Hub__Tenancy__ProvisionOnStart__0=hub.recipe.json Hub__Tenancy__ProvisionOnStart__1=tyreso.recipe.json \
            dotnet Hub.Web.dll
    ) >"$dir/hub.log" 2>&1 &
    HUB_PID=$!
    PIDS+=("$HUB_PID")
    deadline=$((SECONDS + START_TIMEOUT))
    until curl -fsS --max-time 2 "$HUB/readyz" >/dev/null 2>&1; do
        kill -0 "$HUB_PID" 2>/dev/null || { tail -n 40 "$dir/hub.log" >&2; die "Hub.Web exited during start-up"; }
        ((SECONDS < deadline)) || { tail -n 20 "$dir/hub.log" >&2; die "Hub.Web not ready after ${START_TIMEOUT}s"; }
        sleep 0.2
    done
    log "[$provider]   ready after $(elapsed "$t0" "$(now)")s"

    # 1. journeys
    log "[$provider] journeys: $WARMUP_JOURNEYS as warm-up, then $CITIZENS citizens, $CONCURRENCY at a time"
    local -a driver=(--base "$HUB" --tenant "$TENANT" --service-file "$SERVICE_FILE")
    trace_hub journeys "$dir/journeys.log" "^measured:"
    run_bg "$dir/journeys.log" 900 env HOME="$WORK/home" dotnet "$WORK/driver-app/Hub.Bench.Journey.dll" \
        journeys "${driver[@]}" --citizens "$CITIZENS" --concurrency "$CONCURRENCY" --warmup-journeys "$WARMUP_JOURNEYS" \
        --hub-pid "$HUB_PID" --db-pid "$PG_PID" --clk-tck "$TICK" --out "$dir/journeys.json" \
        || { cat "$dir/journeys.log" >&2; die "[$provider] the journey driver failed"; }
    sed 's/^/    /' "$dir/journeys.log" >&2
    sleep 1
    grep -c "Case .* submitted" "$dir/hub.log" >"$dir/cases-logged" || true

    # 2. step GET over many drafts, against bare Kestrel
    log "[$provider] preparing $STEP_DRAFTS fresh drafts, each in its own session"
    run_bg "$dir/drafts.log" 600 env HOME="$WORK/home" dotnet "$WORK/driver-app/Hub.Bench.Journey.dll" \
        drafts "${driver[@]}" --count "$STEP_DRAFTS" --parallel "$PREPARE_PARALLEL" --out "$dir/drafts.tsv" \
        || { cat "$dir/drafts.log" >&2; die "[$provider] preparing drafts failed"; }
    log "[$provider]   $(tail -n 1 "$dir/drafts.log")"
    local path cookie
    IFS=$'\t' read -r path cookie <"$dir/drafts.tsv"
    curl -fsS --max-time 30 -H "Cookie: $cookie" -D "$dir/step-headers.txt" -o "$dir/step.html" "$HUB$path" \
        || die "GET $path failed"
    grep -q "name=\"__RequestVerificationToken\"" "$dir/step.html" || die "$path shows no form"
    STEP_PATH=$path
    CONTENT_TYPE=$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$dir/step-headers.txt")
    PAGE_BYTES=$(stat -c %s "$dir/step.html")
    SETS_COOKIE=$(grep -ci '^set-cookie:' "$dir/step-headers.txt" || true)

    log "[$provider] starting the baseline with the $PAGE_BYTES bytes of $path"
    (cd "$WORK/baseline-app" && exec env HOME="$WORK/home" dotnet Hub.Bench.Baseline.dll \
        --file "$dir/step.html" --content-type "${CONTENT_TYPE:-text/html; charset=utf-8}" --port "$BASELINE_PORT") \
        >"$dir/baseline.log" 2>&1 &
    BASE_PID=$!
    PIDS+=("$BASE_PID")
    deadline=$((SECONDS + 60))
    until curl -fsS --max-time 2 -o /dev/null "$BASE/" 2>/dev/null; do
        kill -0 "$BASE_PID" 2>/dev/null || { cat "$dir/baseline.log" >&2; die "the baseline exited"; }
        ((SECONDS < deadline)) || die "the baseline did not answer within 60s"
        sleep 0.2
    done
    cmp -s "$dir/step.html" <(curl -fsS --max-time 10 "$BASE/") || die "the baseline does not serve the page's bytes"

    # Both get the same requests through the same Lua script; bare Kestrel answers every path with the page.
    load() { # OUT SECONDS URL
        run_bg "$1" $(($2 + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency -s "$ROOT/bench/step-get.lua" "$3" \
            -- "$dir/drafts.tsv" "$THREADS" || { cat "$1" >&2; die "wrk failed against $3"; }
        if grep -q -e "Non-2xx" -e "Socket errors" "$1"; then cat "$1" >&2; die "errors under load (see above)"; fi
    }
    log "[$provider] step GET warm-up: hub ${STEP_WARMUP}s, baseline ${BASELINE_WARMUP}s"
    load "$dir/step-warm.txt" "$STEP_WARMUP" "$HUB"
    load "$dir/base-warm.txt" "$BASELINE_WARMUP" "$BASE"
    local -a step_rps=() base_rps=() step_cpu=() db_cpu=() base_cpu=() ratios=()
    local r f h0 h1 d0 d1 busy0 busy1 ours0 ours1 wall0 wall1
    ours() { echo $(($(proc_ticks "$HUB_PID") + $(proc_ticks "$BASE_PID") + $(db_ticks) + $(script_ticks))); }
    busy0=$(busy_ticks); ours0=$(ours); wall0=$(now)
    for ((r = 1; r <= ROUNDS; r++)); do
        for which in $( ((r % 2)) && echo "step base" || echo "base step"); do
            f=$dir/$which-$r.txt
            if [[ $which == step ]]; then
                ((r > 1)) || trace_hub step
                h0=$(proc_ticks "$HUB_PID"); d0=$(db_ticks)
                load "$f" "$DURATION" "$HUB"
                h1=$(proc_ticks "$HUB_PID"); d1=$(db_ticks)
                step_rps+=("$(rps "$f")")
                step_cpu+=("$(us_per_request $((h1 - h0)) "$(requests "$f")")")
                db_cpu+=("$(us_per_request $((d1 - d0)) "$(requests "$f")")")
            else
                h0=$(proc_ticks "$BASE_PID")
                load "$f" "$DURATION" "$BASE"
                h1=$(proc_ticks "$BASE_PID")
                base_rps+=("$(rps "$f")")
                base_cpu+=("$(us_per_request $((h1 - h0)) "$(requests "$f")")")
            fi
        done
        ratios+=("$(ratio "${step_rps[-1]}" "${base_rps[-1]}")")
        log "[$provider] round $r/$ROUNDS req/s (us CPU/request): step ${step_rps[-1]} (${step_cpu[-1]}), baseline" \
            "${base_rps[-1]} (${base_cpu[-1]}); step/baseline ${ratios[-1]}"
    done
    busy1=$(busy_ticks); ours1=$(ours); wall1=$(now)
    local others
    others=$(awk -v b=$((busy1 - busy0)) -v o=$((ours1 - ours0)) -v s="$(elapsed "$wall0" "$wall1")" -v hz="$TICK" \
        -v n="$(nproc)" 'BEGIN { v = 100 * (b - o) / (s * hz * n); printf "%.0f", v < 0 ? 0 : v }')
    {
        echo "step_rps=$(median "${step_rps[@]}")"
        echo "base_rps=$(median "${base_rps[@]}")"
        echo "ratio=$(median "${ratios[@]}")"
        echo "ratios=\"${ratios[*]}\""
        echo "step_rps_all=\"${step_rps[*]}\""
        echo "base_rps_all=\"${base_rps[*]}\""
        echo "step_cpu=$(median "${step_cpu[@]}")"
        echo "db_cpu=$(median "${db_cpu[@]}")"
        echo "base_cpu=$(median "${base_cpu[@]}")"
        echo "step_lat=\"$(p50 "$dir/step-$ROUNDS.txt") / $(p99 "$dir/step-$ROUNDS.txt")\""
        echo "base_lat=\"$(p50 "$dir/base-$ROUNDS.txt") / $(p99 "$dir/base-$ROUNDS.txt")\""
        echo "others=$others"
        echo "page_bytes=$PAGE_BYTES"
        echo "sets_cookie=$SETS_COOKIE"
        echo "step_path=$STEP_PATH"
        echo "mails=$(find "$dir/mail" -type f | wc -l)"
    } >"$dir/step.env"

    stop_pid "$BASE_PID"; forget_pid "$BASE_PID"
    stop_pid "$HUB_PID"; forget_pid "$HUB_PID"
    stop_postgres
}

for provider in "${RUN[@]}"; do run_provider "$provider"; done

# --- summary ------------------------------------------------------------------------------------------------------
MISSED=0
j() { jq -r "$1" "$WORK/$2/journeys.json"; }
fmt() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { if (v == "null" || v == "") print "-"; else printf "%.*f", d, v }'; }
{
    echo
    echo "Journey benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT"
    echo "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), .NET SDK $(dotnet --version), wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')"
    echo "service $TENANT/$SERVICE (Production); $CITIZENS citizens, $CONCURRENCY at a time, after $WARMUP_JOURNEYS journeys as warm-up"
    echo "step GET: $STEP_DRAFTS drafts round robin, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds after warm-up (hub ${STEP_WARMUP}s, baseline ${BASELINE_WARMUP}s)"
    for provider in "${RUN[@]}"; do
        # shellcheck disable=SC1090
        source "$WORK/$provider/step.env"
        echo
        echo "== $provider =="
        printf '%-16s %8s %10s %10s %10s\n' "request" "count" "p50 ms" "p99 ms" "max ms"
        jq -r '.kinds[] | [.kind, .count, .p50Ms, .p99Ms, .maxMs] | @tsv' "$WORK/$provider/journeys.json" \
            | awk -F'\t' '{ printf "%-16s %8d %10.2f %10.2f %10.2f\n", $1, $2, $3, $4, $5 }'
        echo "journeys: $(j .completed "$provider") of $CITIZENS completed in $(fmt "$(j .wallSeconds "$provider")" 2) s:" \
            "$(fmt "$(j .journeysPerSecond "$provider")") journeys/s; failed $(j .failed "$provider")$(j \
                '.failuresByKind | to_entries | map("\(.key): \(.value)") | join(", ") | if . == "" then "" else " (" + . + ")" end' "$provider");" \
            "warm-up $(j .warmupJourneys "$provider") journeys, $(j .warmupFailed "$provider") failed"
        echo "CPU per journey: hub $(fmt "$(j .hubCpuUsPerJourney "$provider")" 0) us, database server" \
            "$(if [[ $provider == postgresql ]]; then echo "$(fmt "$(j .dbCpuUsPerJourney "$provider")" 0) us"; else echo "in the hub"; fi)," \
            "driver $(fmt "$(j .driverCpuUsPerJourney "$provider")" 0) us; other processes $(fmt "$(j .othersCpuPercent "$provider")" 0) % of the machine"
        echo "cases: $(j .distinctCases "$provider") distinct case numbers on receipts; hub logged $(cat "$WORK/$provider/cases-logged")" \
            "submissions (warm-up included); $mails e-mails in the pickup directory"
        echo "step GET $step_path ($page_bytes bytes, $sets_cookie Set-Cookie):"
        echo "  hub $step_rps req/s, bare Kestrel $base_rps req/s; ratio $ratio (per round: $ratios)"
        echo "  per round req/s: hub $step_rps_all; bare Kestrel $base_rps_all"
        echo "  CPU per request: hub $step_cpu us$([[ $provider == postgresql ]] && echo ", PostgreSQL $db_cpu us"), bare Kestrel $base_cpu us;" \
            "latency p50 / p99 (last round): hub $step_lat, bare Kestrel $base_lat; other processes $others % of the machine"
    done
    echo
    echo "targets"
    for provider in "${RUN[@]}"; do
        # shellcheck disable=SC1090
        source "$WORK/$provider/step.env"
        failed=$(j .failed "$provider")
        if [[ $provider == sqlite ]]; then
            rate=$(fmt "$(j .journeysPerSecond "$provider")")
            v=$(verdict "$rate" "$TARGET_JOURNEYS"); [[ $v == met ]] || MISSED=1
            printf '  %-72s %s\n' "sqlite: complete journeys/s >= $TARGET_JOURNEYS: $rate" "$v"
        fi
        v=$(verdict "$ratio" "$TARGET_RATIO"); [[ $v == met ]] || MISSED=1
        printf '  %-72s %s\n' "$provider: step GET / bare Kestrel >= $TARGET_RATIO: $ratio" "$v"
        v=$([[ $failed == 0 ]] && echo met || echo MISSED); [[ $v == met ]] || MISSED=1
        printf '  %-72s %s\n' "$provider: failed journeys = 0: $failed" "$v"
    done
    for provider in $PROVIDERS; do
        [[ " ${RUN[*]} " == *" $provider "* ]] || echo "  $provider: SKIPPED (binaries missing)"
    done
} | tee "$WORK/summary.txt"

if [[ $STRICT == 1 && $MISSED == 1 ]]; then
    exit 1
fi
