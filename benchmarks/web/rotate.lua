-- wrk script: each connection walks a list of paths (one per line in the file named by the
-- WRK_PATHS environment variable, shuffled by the caller) and done() prints one JSON line
-- with the latency percentiles the load target is stated in (wrk's --latency omits p95).
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- Threads start at different offsets so they do not request the same page together.
  next_index = (thread_id or 0) * 7919 % #paths + 1
end

function setup(thread)
  thread_count = (thread_count or 0) + 1
  thread:set("thread_id", thread_count - 1)
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "status_errors": %d, ' ..
    '"socket_errors": %d, "timeouts": %d, "p50_us": %d, "p90_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.status,
    e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
