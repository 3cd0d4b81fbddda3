-- Drives the API with wrk: each connection POSTs the GraphQL bodies of a file (one JSON body a line) in turn.
-- Usage: wrk -t T -c C -d Ds --latency -s drive.lua URL -- BODIES.txt
-- Prints, last, one JSON line: requests, requests/s, p50/p95/p99 (ms), status codes, errors, and who answered
-- (the Governance-Read-Server header: primary or replica N; nginx's X-Upstream: the instance).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(bodies, line) end
  end
  counter = (id * 7) % #bodies
  statuses = {}
  servers = {}
  upstreams = {}
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, bodies[counter])
end

local function add(t, key)
  if key then t[key] = (t[key] or 0) + 1 end
end

function response(status, headers, body)
  add(statuses, tostring(status))
  add(servers, headers["Governance-Read-Server"] or headers["governance-read-server"])
  add(upstreams, headers["X-Upstream"] or headers["x-upstream"])
end

local function json(t)
  local parts = {}
  for k, v in pairs(t) do table.insert(parts, string.format("%q:%d", k, v)) end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local codes, byServer, byUpstream = {}, {}, {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do codes[k] = (codes[k] or 0) + v end
    for k, v in pairs(t:get("servers")) do byServer[k] = (byServer[k] or 0) + v end
    for k, v in pairs(t:get("upstreams")) do byUpstream[k] = (byUpstream[k] or 0) + v end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f,"statusCodes":%s,"servers":%s,"upstreams":%s,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, json(codes), json(byServer), json(byUpstream),
    e.connect, e.read, e.write, e.timeout))
end
