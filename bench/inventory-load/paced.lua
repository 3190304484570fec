-- wrk script: paces each connection so that all connections together send RATE requests per second,
-- cycles through the paths in PATHS_FILE (one per line), and prints p99 latency and throughput at the end.
local rate = tonumber(os.getenv("RATE") or "500")
local token = os.getenv("TOKEN")
local paths = {}
local counter = 0
local connections = 1

for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  connections = tonumber(os.getenv("CONNECTIONS") or "1")
  index = (id * 7919) % #paths
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function delay()
  return 1000 * connections / rate
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT p99_ms=%.3f p50_ms=%.3f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(99) / 1000, latency:percentile(50) / 1000, summary.requests / seconds,
    summary.requests, errors))
end
