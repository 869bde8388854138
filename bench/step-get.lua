-- wrk script for bench/journey.sh: step GETs over many drafts, each with its own session's cookies.
-- Argument (after "--"): FILE with one line per draft: step path TAB Cookie header (Hub.Bench.Journey drafts).
-- Every request takes the next line, round robin; thread k of n starts k/n of the way into the file, so two
-- threads do not ask for the same draft at the same moment. With more drafts than requests in flight, no two
-- requests in a row are for the same draft. The same script (and file) is used against bare Kestrel, which answers
-- every path with the same bytes, so both runs send the same requests through the same Lua code.
local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t([^\t]*)$")
    if path then
      table.insert(requests, wrk.format("GET", path, { ["Cookie"] = cookie }))
    end
  end
  if #requests == 0 then
    error("no drafts in " .. args[1])
  end
  threads = tonumber(args[2]) or 1
  index = math.floor(#requests * id / threads)
end

function request()
  index = index % #requests + 1
  return requests[index]
end
