#!/usr/bin/env bash
# bench/soak.sh: holds the mock at saturation (wrk, 64 connections, rate limit off) for SOAK_SECONDS, samples its
# RSS every SAMPLE_SECONDS, and reports errors (non-2xx + socket errors) and the RSS growth between the first
# sample after the warm-up and the last one. Targets: zero errors, growth < 10 %. Reports; exit 0 on a MISS.
#
# Settings (environment):
#   SOAK_SECONDS=300  SAMPLE_SECONDS=10  SOAK_WARMUP_SECONDS=30  SOAK_CONNECTIONS=64
#   MOCK_JAVA_OPTS=""  (same default as run.sh: plain java -jar, as the README starts it)
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

SOAK_SECONDS="${SOAK_SECONDS:-300}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-10}"
SOAK_WARMUP_SECONDS="${SOAK_WARMUP_SECONDS:-30}"
SOAK_CONNECTIONS="${SOAK_CONNECTIONS:-64}"
MOCK_JAVA_OPTS="${MOCK_JAVA_OPTS-}"
[ "$SOAK_SECONDS" -gt "$SOAK_WARMUP_SECONDS" ] || die "SOAK_SECONDS must exceed SOAK_WARMUP_SECONDS"

STAMP="$(date +%Y%m%d-%H%M%S)"
REPORT="$RESULTS_DIR/soak-$STAMP.txt"
RAW="$LOG_DIR/soak-wrk-$STAMP.log"
: > "$REPORT"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

ensure_wrk
ensure_mock_jar

port=$(free_port 18400)
start_mock "$port"
MOCK_PID=$LAST_PID
first=$(first_200_ms "$port" "$(now_ns)" "$MOCK_PID")
log "mock up on port $port after $first ms; soak ${SOAK_SECONDS}s at $SOAK_CONNECTIONS connections"

say "bench/soak.sh  $(date '+%Y-%m-%d %H:%M:%S %Z')  nproc $(nproc); $(java_version)"
say "mock: java ${MOCK_JAVA_OPTS:-(no flags)} -jar estimate-mock.jar --rate-limit off"
say "load: wrk -t2 -c$SOAK_CONNECTIONS -d${SOAK_SECONDS}s (valid estimate request), RSS sampled every ${SAMPLE_SECONDS}s"
say ""
say "$(printf '%6s %10s %14s %12s' 't (s)' 'RSS MiB' 'old gen MiB' 'cpu s total')"

# Old-generation occupancy (jstat OU): a leak shows there before it shows in RSS.
old_gen_mib() { jstat -gc "$1" 2>/dev/null | awk 'NR==1{for(i=1;i<=NF;i++) if($i=="OU") c=i} NR==2 && c {printf "%.1f", $c/1024}'; }

# wrk in the background (bounded by -d and by timeout), samples in the foreground.
WRK_OUT="$WORK_DIR/soak-wrk-$STAMP.out"
timeout $(( SOAK_SECONDS + 60 )) wrk -t2 -c"$SOAK_CONNECTIONS" -d"${SOAK_SECONDS}s" --latency -s "$LUA" \
    "http://127.0.0.1:$port$EST_PATH" > "$WRK_OUT" 2>&1 &
WRK_PID=$!
STARTED_PIDS+=("$WRK_PID")
t_start=$(date +%s)
b0=$(jiffies_busy); m0=$(jiffies_pid "$MOCK_PID"); c0=$(jiffies_children)
clk=$(getconf CLK_TCK)
samples=()
baseline=""
while kill -0 "$WRK_PID" 2>/dev/null; do
    sleep "$SAMPLE_SECONDS"
    t=$(( $(date +%s) - t_start ))
    kill -0 "$MOCK_PID" 2>/dev/null || die "the mock exited during the soak"
    rss=$(rss_kib "$MOCK_PID")
    cpu=$(awk -v hz="$clk" '{printf "%.0f", ($14+$15)/hz}' "/proc/$MOCK_PID/stat")
    [ "$t" -le "$(( SOAK_SECONDS + 5 ))" ] || break
    samples+=("$t:$rss")
    if [ -z "$baseline" ] && [ "$t" -ge "$SOAK_WARMUP_SECONDS" ]; then baseline="$t:$rss"; fi
    say "$(printf '%6s %10s %14s %12s' "$t" "$(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')" "$(old_gen_mib "$MOCK_PID")" "$cpu")"
done
wait "$WRK_PID" 2>/dev/null || true
forget_pid "$WRK_PID"
b1=$(jiffies_busy); m1=$(jiffies_pid "$MOCK_PID"); c1=$(jiffies_children)
other=$(awk -v b=$(( b1 - b0 )) -v m=$(( m1 - m0 )) -v c=$(( c1 - c0 )) -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" \
    -v t=$(( $(date +%s) - t_start )) 'BEGIN{o=(b-m-c)*100/(hz*n*t); if (o<0) o=0; printf "%.0f", o}')
cat "$WRK_OUT" >> "$RAW"
after=$(probe "$port")

line=$(grep '^BENCH ' "$WRK_OUT" | tail -1 || true)
[ -n "$line" ] || { cat "$WRK_OUT" >&2; die "wrk gave no result line"; }
eval "$(sed -e 's/^BENCH //' -e 's/\([a-z0-9_]*\)=/s_\1=/g' <<<"$line")"
errors=$(( s_status_err + s_connect + s_read + s_write + s_timeout ))
rps=$(awk -v r="$s_requests" -v d="$s_duration_us" 'BEGIN{printf "%.0f", r/(d/1e6)}')
last="${samples[${#samples[@]}-1]}"
[ -n "$baseline" ] || baseline="${samples[0]}"
b_rss=${baseline#*:}; l_rss=${last#*:}
growth=$(awk -v a="$b_rss" -v b="$l_rss" 'BEGIN{printf "%.1f", (b-a)*100/a}')

say ""
say "requests $s_requests in $(awk -v d="$s_duration_us" 'BEGIN{printf "%.0f", d/1e6}') s = $rps req/s; p50 $(awk -v v="$s_p50_us" 'BEGIN{printf "%.2f", v/1000}') ms, p99 $(awk -v v="$s_p99_us" 'BEGIN{printf "%.2f", v/1000}') ms, max $(awk -v v="$s_max_us" 'BEGIN{printf "%.1f", v/1000}') ms"
say "CPU used by other processes during the soak: ${other}% of the machine (above ~5 % throughput is skewed)"
say "errors: non-2xx $s_status_err, socket connect $s_connect read $s_read write $s_write timeout $s_timeout; status after soak: $after"
say "RSS: $(awk -v k="$b_rss" 'BEGIN{printf "%.1f", k/1024}') MiB at t=${baseline%%:*}s (first sample after ${SOAK_WARMUP_SECONDS}s warm-up) -> $(awk -v k="$l_rss" 'BEGIN{printf "%.1f", k/1024}') MiB at t=${last%%:*}s: growth $growth %"
say ""
say "targets:"
say "  $( [ "$errors" -eq 0 ] && [ "$after" = 200 ] && echo PASS || echo MISS)  zero errors                : $errors"
say "  $(awk -v g="$growth" 'BEGIN{ if (g+0 < 10) print "PASS"; else print "MISS" }')  RSS growth after warm-up < 10 % : $growth %"
say ""
say "saved to bench/results/soak-$STAMP.txt"
