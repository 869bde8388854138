# Helpers shared by the HTTP benchmarks (form-step.sh, home-page.sh, journey.sh); sourced, not run.
# The sourcing script sets HOST and keeps the processes it starts in the array PIDS.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Stops one process the script started: TERM, up to 15 s, then KILL.
stop_pid() {
    local pid=$1 i
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 150; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    wait "$pid" 2>/dev/null || true
}

# Drops a stopped process from PIDS, so cleanup does not stop it again.
forget_pid() {
    local pid=$1 p keep=()
    for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf (m < 10 ? "%.3f" : "%.1f"), m }'
}

# wrk's summary: requests per second, and the number of requests it made.
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
requests() { awk '/ requests in / { print $1 }' "$1"; }

# CPU time in clock ticks from /proc: one process (utime + stime); this script with its reaped children (wrk);
# the whole machine's busy time.
TICK=$(getconf CLK_TCK)
proc_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
script_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{ print $12 + $13 + $14 + $15 }'; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
us_per_request() { awk -v t="$1" -v n="$2" -v hz="$TICK" 'BEGIN { if (n == 0) print "n/a"; else printf "%.1f", t * 1e6 / hz / n }'; }
