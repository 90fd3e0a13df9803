-- wrk script: the valid estimate request of the benchmark (visibly fake built-in key of team_alpha).
-- done() prints one machine-readable line that bench/lib.sh parses; wrk's own --latency output stays above it.
wrk.method = "POST"
wrk.path = "/v1/images/estimate"
wrk.body = '{"prompt":"A golden sunset over mountains","width":2048,"height":2048,"count":1,"enhance_prompt":true}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "al_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d mean_us=%.1f p50_us=%.1f p99_us=%.1f max_us=%.1f status_err=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency.mean, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
