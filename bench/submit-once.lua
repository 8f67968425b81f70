-- wrk script (BODIES=file TOKEN=jwt THREADS=n DONE_DIR=empty-dir wrk -tn -s bench/submit-once.lua BASE):
-- POST each pre-made hardware evidence body (one JSON per line in $BODIES) exactly once,
-- then stop. Each wrk thread takes every n-th line, so no nonce is sent twice; a thread stops when its
-- last answer is in. The few connections still open at that moment get a GET of the public key set,
-- which verifies nothing. Prints "accepted N" (the 202 answers).
local bodies = {}
local sent = 0
local answered = 0
accepted = 0
local threads = {}

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
  auth = "Bearer " .. os.getenv("TOKEN")
end

request = function()
  if id == 0 and not verified then
    -- wrk calls thread 0's request() once before the run to count pipelined requests; that one is never sent
    verified = true
    return wrk.format("GET", "/.well-known/jwks.json", {}, nil)
  end
  sent = sent + 1
  if sent > #bodies then
    return wrk.format("GET", "/.well-known/jwks.json", {}, nil)
  end
  return wrk.format("POST", "/api/v1/attestations/hardware", {["Content-Type"] = "application/json", ["Authorization"] = auth}, bodies[sent])
end

-- wrk runs for its whole -d duration even when every thread stopped: the last thread to finish (a
-- marker file per thread in $DONE_DIR) interrupts it, which ends the run with the usual summary.
function finished()
  local dir = os.getenv("DONE_DIR")
  io.open(dir .. "/" .. id, "w"):close()
  local count = io.popen("ls " .. dir .. " | wc -l"):read("*n")
  if count == tonumber(os.getenv("THREADS")) then
    io.popen("kill -INT $PPID"):close() -- not os.execute: system() ignores SIGINT while it runs
  end
  wrk.thread:stop()
end

response = function(status, headers, body)
  if status == 200 then return end -- a key-set GET
  answered = answered + 1
  if status == 202 then accepted = accepted + 1 end
  if answered == #bodies then
    finished()
  end
end

function done(summary, latency, requests)
  accepted = 0
  for _, t in ipairs(threads) do
    accepted = accepted + t:get("accepted")
  end
  io.write(string.format("accepted %d\n", accepted))
end
