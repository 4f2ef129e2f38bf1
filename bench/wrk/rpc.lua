-- wrk script for bench/run.sh: POSTs BENCH_BODY with BENCH_HEADER ("Name: value", optional) and
-- prints one line of key=value figures at the end. Answers are not parsed here (that would cost
-- the load generator more than the proxy); run.sh checks one answer of each row with curl first.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
-- BENCH_ACCEPT_ENCODING (optional): what clients such as Go's net/http, node's fetch, OkHttp and
-- browsers send by default ("gzip", with others)
local accept = os.getenv("BENCH_ACCEPT_ENCODING")
if accept ~= nil and accept ~= "" then
  wrk.headers["Accept-Encoding"] = accept
end
local header = os.getenv("BENCH_HEADER")
if header ~= nil and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "requests=%d errors=%d non2xx=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
