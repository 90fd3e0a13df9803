# Shared helpers of bench/run.sh and bench/soak.sh (sourced, not run).
# Everything binds 127.0.0.1; every process started here is recorded in STARTED_PIDS and ended by
# bench_cleanup (installed as the EXIT trap by the scripts).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
WORK_DIR="$BENCH_DIR/.work"
RESULTS_DIR="$BENCH_DIR/results"
LOG_DIR="$WORK_DIR/logs"
SPEC="$ROOT_DIR/openapi/src/main/resources/openapi/estimate.yaml"
MOCK_JAR="${MOCK_JAR:-$ROOT_DIR/mock-server/target/estimate-mock.jar}"
LUA="$BENCH_DIR/post.lua"

WIREMOCK_VERSION="${WIREMOCK_VERSION:-3.13.2}"
WIREMOCK_JAR="$WORK_DIR/wiremock/wiremock-standalone-$WIREMOCK_VERSION.jar"
PRISM_VERSION="${PRISM_VERSION:-5.16.0}"
PRISM_DIR="$WORK_DIR/prism"
PRISM_BIN="$PRISM_DIR/node_modules/.bin/prism"

API_KEY="al_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BODY='{"prompt":"A golden sunset over mountains","width":2048,"height":2048,"count":1,"enhance_prompt":true}'
EST_PATH="/v1/images/estimate"

mkdir -p "$WORK_DIR" "$RESULTS_DIR" "$LOG_DIR"
printf '%s' "$BODY" > "$WORK_DIR/body.json"

STARTED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------- installs (by package name only)

ensure_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    log "installing wrk (apt)"
    as_root apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || die "apt-get install wrk failed"
}

ensure_wiremock() {
    [ -s "$WIREMOCK_JAR" ] && return 0
    log "fetching WireMock standalone $WIREMOCK_VERSION (mvn dependency:copy)"
    (cd "$BENCH_DIR" && mvn -q -B dependency:copy \
        -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
        -DoutputDirectory="$WORK_DIR/wiremock") || die "mvn dependency:copy of wiremock-standalone failed"
}

ensure_prism() {
    [ -x "$PRISM_BIN" ] && return 0
    command -v npm >/dev/null 2>&1 || die "npm is needed for Prism (apt-get install nodejs npm)"
    log "installing @stoplight/prism-cli@$PRISM_VERSION (npm, into bench/.work/prism)"
    mkdir -p "$PRISM_DIR"
    # No registry host names in the lock file; pinned exact versions.
    printf 'omit-lockfile-registry-resolved=true\nsave-exact=true\nfund=false\naudit=false\nupdate-notifier=false\n' \
        > "$PRISM_DIR/.npmrc"
    [ -f "$PRISM_DIR/package.json" ] || echo '{"name":"bench-prism","private":true}' > "$PRISM_DIR/package.json"
    (cd "$PRISM_DIR" && npm install --no-audit --no-fund "@stoplight/prism-cli@$PRISM_VERSION" \
        > "$LOG_DIR/npm-install.log" 2>&1) || die "npm install of Prism failed (see $LOG_DIR/npm-install.log)"
}

# Copies the mock jar to bench/.work/mock/ once it has not changed for 5 s, so that a rebuild in the work tree
# during a run cannot swap classes under the running JVM; RUN_JAR is the copy that the scripts start.
RUN_JAR="$WORK_DIR/mock/estimate-mock.jar"
snapshot_mock_jar() {
    local i
    mkdir -p "$WORK_DIR/mock"
    for i in $(seq 1 60); do
        [ $(( $(date +%s) - $(stat -c %Y "$MOCK_JAR") )) -ge 5 ] && break
        log "mock jar is being written; waiting"; sleep 2
    done
    if ! cmp -s "$MOCK_JAR" "$RUN_JAR"; then
        cp -p "$MOCK_JAR" "$RUN_JAR.tmp" && mv -f "$RUN_JAR.tmp" "$RUN_JAR"
    fi
    java -jar "$RUN_JAR" --version >/dev/null 2>&1 || die "$RUN_JAR does not run (java -jar --version failed)"
}

ensure_mock_jar() {
    [ -s "$MOCK_JAR" ] && { snapshot_mock_jar; return 0; }
    log "building the mock jar (mvn -pl mock-server -am package -DskipTests)"
    (cd "$ROOT_DIR" && { mvn -q -B -o -pl mock-server -am package -DskipTests \
        || mvn -q -B -pl mock-server -am package -DskipTests; }) \
        > "$LOG_DIR/mock-build.log" 2>&1 || die "mock build failed (see $LOG_DIR/mock-build.log)"
    [ -s "$MOCK_JAR" ] || die "build finished but $MOCK_JAR is missing"
    snapshot_mock_jar
}

# ---------------------------------------------------------------- processes

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p
    for p in $(seq "${1:-18080}" $(( ${1:-18080} + 200 ))); do
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "no free port near ${1:-18080}"
}

# All descendants of a pid (children first found via /proc).
descendants() {
    local pid="$1" c
    for c in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        echo "$c"
        descendants "$c"
    done
}

# Stops one process started by these scripts (and its own children), by pid: TERM, then KILL after 10 s.
stop_pid() {
    local pid="$1" all i
    kill -0 "$pid" 2>/dev/null || return 0
    all="$pid $(descendants "$pid" | tr '\n' ' ')"
    kill -TERM $all 2>/dev/null || true
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL $all 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done
    STARTED_PIDS=()
}

forget_pid() {
    local keep=() p
    for p in "${STARTED_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
    STARTED_PIDS=("${keep[@]}")
}

# RSS in KiB of a process plus its descendants (Prism is a node process; Java is one process).
rss_kib() {
    local total=0 p v
    for p in "$1" $(descendants "$1"); do
        v=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null)
        total=$(( total + ${v:-0} ))
    done
    echo "$total"
}

now_ns() { date +%s%N; }

# status code of one valid estimate request (000 when nothing answers)
probe() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST "http://127.0.0.1:$1$EST_PATH" \
        -H 'Content-Type: application/json' -H "X-Api-Key: $API_KEY" --data-binary "@$WORK_DIR/body.json" \
        2>/dev/null || true
}

# Polls with the valid request until it answers 200; prints ms since start_ns. Dies after 90 s or if pid exits.
first_200_ms() {
    local port="$1" start_ns="$2" pid="$3" deadline code
    deadline=$(( $(date +%s) + 90 ))
    while :; do
        code=$(probe "$port")
        if [ "$code" = 200 ]; then
            echo $(( ($(now_ns) - start_ns) / 1000000 ))
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || die "server pid $pid exited before answering 200 (last status $code)"
        [ "$(date +%s)" -lt "$deadline" ] || die "no 200 within 90 s on port $port (last status $code)"
        sleep 0.005
    done
}

# CPU jiffies: whole machine busy; one process (utime+stime); this shell's reaped children (wrk, curl).
jiffies_busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
jiffies_pid() { local p t=0 v; for p in "$1" $(descendants "$1"); do
    v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null); t=$(( t + ${v:-0} )); done; echo "$t"; }
jiffies_children() { awk '{print $16+$17+$14+$15}' "/proc/$$/stat"; }

# Runs wrk, bounded in time; sets W_RPS W_P50 W_P99 W_MAX W_NON2XX W_SOCK W_REQS from post.lua's done() line,
# and W_OTHER: CPU used meanwhile by processes other than the server (arg 5, a pid) and wrk, in % of all cores.
run_wrk() {
    local port="$1" conns="$2" secs="$3" rawlog="$4" spid="${5:-}" threads=2 out line b0 s0 c0 b1 s1 c1
    [ "$conns" -lt 2 ] && threads=1
    b0=$(jiffies_busy); c0=$(jiffies_children); s0=0; [ -n "$spid" ] && s0=$(jiffies_pid "$spid")
    out=$(timeout $(( secs + 30 )) wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s "$LUA" \
        "http://127.0.0.1:$port$EST_PATH" 2>&1) || true
    b1=$(jiffies_busy); c1=$(jiffies_children); s1=0; [ -n "$spid" ] && s1=$(jiffies_pid "$spid")
    W_OTHER=$(awk -v b=$(( b1 - b0 )) -v s=$(( s1 - s0 )) -v c=$(( c1 - c0 )) -v hz="$(getconf CLK_TCK)" \
        -v n="$(nproc)" -v t="$secs" 'BEGIN{o=(b-s-c)*100/(hz*n*t); if (o<0) o=0; printf "%.0f", o}')
    {
        echo "### wrk -t$threads -c$conns -d${secs}s port $port"
        echo "$out"
    } >> "$rawlog"
    line=$(grep '^BENCH ' <<<"$out" | tail -1)
    [ -n "$line" ] || { log "wrk gave no result line:"; echo "$out" >&2; W_RPS=0; W_P50=NaN; W_P99=NaN; W_NON2XX=NaN; W_SOCK=NaN; W_CPUREQ=n/a; return 1; }
    eval "$(sed -e 's/^BENCH //' -e 's/\([a-z0-9_]*\)=/local_\1=/g' <<<"$line")"
    W_REQS=$local_requests
    W_RPS=$(awk -v r="$local_requests" -v d="$local_duration_us" 'BEGIN{printf "%.0f", r/(d/1e6)}')
    W_P50=$(awk -v v="$local_p50_us" 'BEGIN{printf "%.2f", v/1000}')
    W_P99=$(awk -v v="$local_p99_us" 'BEGIN{printf "%.2f", v/1000}')
    W_MAX=$(awk -v v="$local_max_us" 'BEGIN{printf "%.1f", v/1000}')
    # Little's law: mean latency x throughput / connections can't exceed 1 for a closed loop; above 1 wrk's
    # latency figures (not its request count) are inflated.
    W_LITTLE=$(awk -v m="$local_mean_us" -v r="$W_RPS" -v c="$conns" 'BEGIN{printf "%.1f", m*r/c/1e6}')
    W_NON2XX=$local_status_err
    W_CPUREQ=$(awk -v s=$(( s1 - s0 )) -v hz="$(getconf CLK_TCK)" -v r="$local_requests" \
        'BEGIN{ if (r > 0) printf "%.1f", s / hz * 1e6 / r; else print "n/a" }')
    W_SOCK=$(( local_connect + local_read + local_write + local_timeout ))
}

ensure_ab() {
    command -v ab >/dev/null 2>&1 && return 0
    log "installing apache2-utils (apt) for the ab cross-check"
    as_root apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apache2-utils >/dev/null || die "apt-get install apache2-utils failed"
}

# Cross-check of latency with ab (keep-alive, closed loop): sets AB_RPS AB_P50 AB_P99 AB_FAILED.
run_ab() {
    local port="$1" conns="$2" secs="$3" rawlog="$4" csv out
    csv="$WORK_DIR/ab-$port-$conns.csv"
    out=$(timeout $(( secs + 30 )) ab -q -k -c "$conns" -t "$secs" -n 100000000 -p "$WORK_DIR/body.json" \
        -T application/json -H "X-Api-Key: $API_KEY" -e "$csv" "http://127.0.0.1:$port$EST_PATH" 2>&1) || true
    { echo "### ab -k -c$conns -t$secs port $port"; echo "$out"; } >> "$rawlog"
    AB_RPS=$(awk '/Requests per second/ {printf "%.0f", $4}' <<<"$out")
    # ab's "Length" failures only mean a body length differing from the first response's (it misreads some
    # keep-alive answers); connect/receive/exception failures and non-2xx are the errors that count.
    AB_FAILED=$(sed -n 's/.*(Connect: \([0-9]*\), Receive: \([0-9]*\), Length: [0-9]*, Exceptions: \([0-9]*\)).*/\1 \2 \3/p' <<<"$out" \
        | awk '{t=$1+$2+$3} END{print t+0}')
    AB_FAILED=$(( AB_FAILED + $(awk '/Non-2xx responses/ {n=$3} END{print n+0}' <<<"$out") ))
    AB_P50=$(awk -F, '$1=="50" {printf "%.2f", $2}' "$csv" 2>/dev/null)
    AB_P99=$(awk -F, '$1=="99" {printf "%.2f", $2}' "$csv" 2>/dev/null)
}

java_version() { java -version 2>&1 | head -2 | tr '\n' ' ' | sed 's/  */ /g'; }

# Start commands (set LAST_PID, record it). Logs go to bench/.work/logs.
start_mock() {
    local port="$1"; shift
    # shellcheck disable=SC2086
    java $MOCK_JAVA_OPTS "$@" -jar "$RUN_JAR" --port "$port" --host 127.0.0.1 --rate-limit off \
        > "$LOG_DIR/mock-$port.log" 2>&1 &
    LAST_PID=$!
    STARTED_PIDS+=("$LAST_PID")
}

# Share of both CPUs busy over one second, in % (whatever runs: other builds on a shared machine skew figures).
cpu_busy_pct() {
    local a b c d e f g h t1 i1 t2 i2
    read -r _ a b c d e f g h _ < /proc/stat; t1=$((a+b+c+d+e+f+g+h)); i1=$((d+e))
    sleep 1
    read -r _ a b c d e f g h _ < /proc/stat; t2=$((a+b+c+d+e+f+g+h)); i2=$((d+e))
    echo $(( 100 - 100 * (i2 - i1) / (t2 - t1 > 0 ? t2 - t1 : 1) ))
}

# Waits up to QUIET_WAIT seconds (default 60) for the machine to be under 15 % busy; prints the last reading.
wait_quiet() {
    local deadline busy
    deadline=$(( $(date +%s) + ${QUIET_WAIT:-60} ))
    while :; do
        busy=$(cpu_busy_pct)
        if [ "$busy" -lt 15 ] || [ "$(date +%s)" -ge "$deadline" ]; then echo "$busy"; return 0; fi
        log "machine is ${busy}% busy with other work; waiting for it to go quiet"
        sleep 4
    done
}
