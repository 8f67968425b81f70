-- Refresh grants with one-time refresh tokens: every token is presented exactly once. Each wrk thread
-- takes its share of the seed tokens (BENCH_TOKENS, one per line, at least one per connection), spends
-- one per request and queues the new token of each 200 answer, so every connection chains its own
-- session's tokens. A failed answer loses its token; once a thread's queue is empty it sends a dummy
-- token, which fails: look at wrk's "Non-2xx" count.
--   BENCH_REFRESH_STYLE  json (ours: {"refresh_token": …}) or form (OAuth token endpoint)
--   BENCH_CLIENT_ID      client_id for the form style
--   BENCH_THREADS        wrk's -t
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

local queue, head, tail = {}, 1, 0
local style, client_id, content_type

function init(args)
  style = os.getenv("BENCH_REFRESH_STYLE") or "json"
  client_id = os.getenv("BENCH_CLIENT_ID") or ""
  content_type = style == "form" and "application/x-www-form-urlencoded" or "application/json"
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if line ~= "" then
      if n % threads == id - 1 then
        tail = tail + 1
        queue[tail] = line
      end
      n = n + 1
    end
  end
end

function request()
  local token = "spent-or-missing"
  if head <= tail then
    token = queue[head]
    queue[head] = nil
    head = head + 1
  end
  local body
  if style == "form" then
    body = "grant_type=refresh_token&client_id=" .. client_id .. "&refresh_token=" .. token
  else
    body = '{"refresh_token":"' .. token .. '"}'
  end
  return wrk.format("POST", nil, { ["Content-Type"] = content_type }, body)
end

function response(status, headers, body)
  if status == 200 then
    local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if token then
      tail = tail + 1
      queue[tail] = token
    end
  end
end
