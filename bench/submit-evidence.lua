-- wrk script: POST hardware evidence, one pre-made body per request (BODIES: one JSON per line;
-- TOKEN: a bearer token; THREADS: wrk's -t). Each wrk thread takes every n-th line, so no two threads
-- send the same nonce. Two modes:
--  * by default a thread that runs out of lines starts over (those submissions are still verified,
--    and rejected as NONCE_REUSED), for as long as wrk's -d runs;
--  * ONCE=1 DONE_DIR=empty-dir: each line is sent once, then the run ends, and "accepted N" (the 202
--    answers) is printed. The connections still open at the end get a GET of the public key set, which
--    verifies nothing.
local bodies = {}
local sent = 0
local answered = 0
accepted = 0
local threads = {}
local once = os.getenv("ONCE") == "1"
local path = "/api/v1/attestations/hardware"

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("BODIES"), "r"))
  local stride = tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in file:lines() do
    if n % stride == id then table.insert(bodies, line) end
    n = n + 1
  end
  file:close()
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end

local function keys()
  return wrk.format("GET", "/.well-known/jwks.json", {}, nil)
end

request = function()
  if once and id == 0 and not verified then
    -- wrk calls thread 0's request() once before the run to count pipelined requests; that one is never sent
    verified = true
    return keys()
  end
  sent = sent + 1
  if once and sent > #bodies then
    return keys()
  end
  return wrk.format("POST", path, headers, bodies[(sent - 1) % #bodies + 1])
end

-- wrk runs for its whole -d duration even when every thread stopped: the last thread to finish (a
-- marker file per thread in $DONE_DIR) interrupts it, which ends the run with the usual summary.
local function finished()
  local dir = os.getenv("DONE_DIR")
  io.open(dir .. "/" .. id, "w"):close()
  local count = io.popen("ls " .. dir .. " | wc -l"):read("*n")
  if count == tonumber(os.getenv("THREADS")) then
    io.popen("kill -INT $PPID"):close() -- not os.execute: system() ignores SIGINT while it runs
  end
  wrk.thread:stop()
end

if once then
  response = function(status, headers, body)
    if status == 200 then return end -- a key-set GET
    answered = answered + 1
    if status == 202 then accepted = accepted + 1 end
    if answered == #bodies then
      finished()
    end
  end

  done = function(summary, latency, requests)
    accepted = 0
    for _, t in ipairs(threads) do
      accepted = accepted + t:get("accepted")
    end
    io.write(string.format("accepted %d\n", accepted))
  end
end
