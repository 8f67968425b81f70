-- wrk script: POST hardware evidence, one pre-made body per request (bodies file: one JSON per line).
-- Each wrk thread takes every n-th line so no two threads send the same nonce; when a thread runs out
-- it starts over (those submissions are still verified, and rejected as NONCE_REUSED).
local bodies = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("BODIES"), "r"))
  local stride = #threads > 0 and #threads or tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in file:lines() do
    if n % stride == id then table.insert(bodies, line) end
    n = n + 1
  end
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, bodies[(counter - 1) % #bodies + 1])
end
