#!/usr/bin/env bash
# bench/proxy-latency.sh: the latency the validating proxy adds per request, measured against a direct call in the
# same run. Starts the mock jar twice on loopback (one as the stand-in upstream, one as `--proxy-to` that upstream),
# then sends N sequential valid estimate requests directly and N through the proxy, alternating, and prints the
# percentiles of both and of the added latency (bench/ProxyLatency.java, run with the JDK's source launcher).
# It reports; it does not fail on any figure. The table also goes to bench/results/proxy-latency-<timestamp>.txt.
#
# Settings (environment): REQUESTS=2000  WARMUP=5000 MOCK_JAVA_OPTS="-XX:+UseSerialGC -Xss512k"
#   QUIET_WAIT=60   seconds to wait for the machine to be < 15 % busy before measuring (the figure is printed)
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

REQUESTS="${REQUESTS:-2000}"
WARMUP="${WARMUP:-5000}"
MOCK_JAVA_OPTS="${MOCK_JAVA_OPTS--XX:+UseSerialGC -Xss512k}"
REPORT="$RESULTS_DIR/proxy-latency-$(date +%Y%m%d-%H%M%S).txt"

ensure_mock_jar

start_jar() { # port log args...
    local port="$1" logfile="$2"; shift 2
    # shellcheck disable=SC2086
    java $MOCK_JAVA_OPTS -jar "$RUN_JAR" --port "$port" --host 127.0.0.1 "$@" > "$logfile" 2>&1 &
    LAST_PID=$!
    STARTED_PIDS+=("$LAST_PID")
}

UP_PORT=$(free_port 18600)
start_jar "$UP_PORT" "$LOG_DIR/proxy-bench-upstream.log" --rate-limit off
UP_PID=$LAST_PID
first_200_ms "$UP_PORT" "$(now_ns)" "$UP_PID" >/dev/null
PX_PORT=$(free_port $(( UP_PORT + 1 )))
start_jar "$PX_PORT" "$LOG_DIR/proxy-bench-proxy.log" --proxy-to "http://127.0.0.1:$UP_PORT"
PX_PID=$LAST_PID
first_200_ms "$PX_PORT" "$(now_ns)" "$PX_PID" >/dev/null

BUSY=$(wait_quiet)
{
    echo "validating proxy latency, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, other work ${BUSY}% busy before the run, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), JVM flags of both servers: ${MOCK_JAVA_OPTS:-(none)}"
    echo "request           POST $EST_PATH $BODY (team_alpha key), answered 200 by the upstream mock"
    java "$BENCH_DIR/ProxyLatency.java" "$UP_PORT" "$PX_PORT" "$REQUESTS" "$WARMUP" "$API_KEY" "$BODY"
} | tee "$REPORT"
log "report: $REPORT"
