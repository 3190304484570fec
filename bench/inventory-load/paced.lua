-- wrk script: sends RATE requests per second in all (one wrk thread; its connections take turns), cycles through
-- the paths in PATHS_FILE (one per line), and prints p99 latency and throughput at the end.
-- Pacing is by schedule: each request takes the next slot, 1/RATE s after the one before, so the rate holds
-- whatever the latency (a fixed pause after each response would send fewer requests the slower the answers).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } wfdr_timespec;
  int clock_gettime(int clock_id, wfdr_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_ts = ffi.new("wfdr_timespec")
local rate = tonumber(os.getenv("RATE") or "500")
local interval_ms = 1000 / rate
local next_slot_ms = nil
local token = os.getenv("TOKEN")
local paths = {}
local counter = 0

for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  index = (id * 7919) % #paths
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

function delay()
  local now = now_ms()
  if next_slot_ms == nil or next_slot_ms < now - interval_ms then
    next_slot_ms = now -- the first request, or the connections fell behind: no burst to catch up
  end
  local wait = next_slot_ms - now
  next_slot_ms = next_slot_ms + interval_ms
  return math.max(0, wait)
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
