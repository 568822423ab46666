-- wrk script for bench/ingest.sh: every request files a NEW report.
--   PUT /api/v1/reports/<fresh random UUID v4>, body bench/report.json, bearer token from $BW_TOKEN.
-- done() prints one machine-readable line starting with "WRK_RESULT".
-- BW_RATE=<requests/s over all threads> paces the requests (BW_THREADS must then be wrk's -t): each thread sends on
-- a fixed schedule, whatever the answers' latency, so the latencies are those of a service offered that rate.

local token = os.getenv("BW_TOKEN") or error("BW_TOKEN is not set")

-- The report body: bench/report.json (path in $BW_BODY_FILE), read once per thread.
local body_file = assert(io.open(os.getenv("BW_BODY_FILE") or "bench/report.json", "rb"))
local body = body_file:read("*a")
body_file:close()

local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. token,
}

-- setup() runs in the main Lua state, once per thread; keep the threads to read their counters in done().
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state).
sent, ok2xx, created, non2xx = 0, 0, 0, 0
local statuses = {}

function init(args)
  -- Seed from /dev/urandom so that threads (and runs) never share a random sequence.
  local f = assert(io.open("/dev/urandom", "rb"))
  local b = f:read(6)
  f:close()
  local seed = 0
  for i = 1, #b do seed = seed * 256 + b:byte(i) end
  math.randomseed(seed)
  for _ = 1, 10 do math.random() end
end

local random, format = math.random, string.format
local function uuid4()
  return format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x",
    random(0, 0xffff), random(0, 0xffff), random(0, 0xffff), random(0, 0xfff),
    random(0, 0x3fff) + 0x8000, random(0, 0xffff), random(0, 0xffff), random(0, 0xffff))
end

-- Pacing: a thread's next send is due every `interval` ms from its first; delay() says how long until it is due.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bw_timespec;
  int clock_gettime(int clk_id, bw_timespec *tp);
]]
local clock_now = ffi.new("bw_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock_now) -- CLOCK_MONOTONIC
  return tonumber(clock_now.tv_sec) * 1000 + tonumber(clock_now.tv_nsec) / 1e6
end
local rate = tonumber(os.getenv("BW_RATE") or "")
if rate then
  local interval = 1000 * tonumber(os.getenv("BW_THREADS") or "1") / rate
  local due = nil
  function delay()
    local now = now_ms()
    due = due and due + interval or now
    return math.max(0, math.floor(due - now))
  end
end

function request()
  sent = sent + 1
  return wrk.format("PUT", "/api/v1/reports/" .. uuid4(), headers, body)
end

function response(status, hdrs, resp_body)
  if status >= 200 and status < 300 then
    ok2xx = ok2xx + 1
    if status == 201 then created = created + 1 end
  else
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
    -- Show the first few failures on stderr, so a run with errors says why.
    if non2xx <= 3 then io.stderr:write(format("non-2xx %d: %s\n", status, (resp_body or ""):sub(1, 300))) end
  end
end

function done(summary, latency, requests)
  local t = { sent = 0, ok2xx = 0, created = 0, non2xx = 0 }
  for _, thread in ipairs(threads) do
    for k in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local secs = summary.duration / 1e6
  io.write(format("WRK_RESULT completed=%d sent=%d ok2xx=%d created=%d non2xx=%d socket_errors=%d"
      .. " connect=%d read=%d write=%d timeout=%d duration_s=%.3f rps_2xx=%.1f"
      .. " p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, t.sent, t.ok2xx, t.created, t.non2xx, socket_errors,
    e.connect, e.read, e.write, e.timeout, secs, t.ok2xx / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
