-- wrk script for bench/api.sh: API requests of several clients for different cases.
-- Arguments (after "--"): FILE with one request per line, "path TAB Authorization header" (Hub.Bench.Api writes
-- them: the clients' tokens in turn, different cases or cursors), and the number of threads. Every request takes
-- the next line, round robin; thread k of n starts k/n of the way in. The same script and file go to bare Kestrel.
-- At the end it prints "p50 p90 p95 p99 (ms)" from wrk's latency histogram: wrk's --latency has no p95.
local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local path, authorization = line:match("^([^\t]+)\t([^\t]*)$")
    if path then
      table.insert(requests, wrk.format("GET", path, { ["Authorization"] = authorization }))
    end
  end
  if #requests == 0 then
    error("no requests in " .. args[1])
  end
  threads = tonumber(args[2]) or 1
  index = math.floor(#requests * id / threads)
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function done(summary, latency, requests)
  io.write(string.format("PERCENTILES p50=%.2f p90=%.2f p95=%.2f p99=%.2f (ms) non2xx=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
