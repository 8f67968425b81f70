-- wrk script: POST a smoke check with a unique message per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"message":"bench ' .. counter .. '"}')
end
