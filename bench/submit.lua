-- wrk script for bench/form-step.sh: every request submits one prepared draft, each draft exactly once.
-- Arguments (after "--"): FILE THREADS. FILE has one line per draft: review path TAB Cookie header TAB token.
-- Thread k of n takes lines k, k+n, k+2n, ...; a thread stops when its drafts are used up, so no submit is ever a
-- repeat of an earlier one. Counts 302 answers to .../kvitto/... (real submissions) and anything else.
local threads, created = {}, 0

-- Wall clock with sub-second resolution (wrk's Lua has none); called twice per thread only.
function now()
  local p = io.popen("date +%s.%N")
  local t = tonumber(p:read("*l"))
  p:close()
  return t
end

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  local file, n = args[1], tonumber(args[2])
  drafts, next_draft, submitted, other, sent, answered = {}, 0, 0, 0, 0, 0
  first, last = 0, 0
  local i = 0
  for line in io.lines(file) do
    if i % n == id then
      local path, cookie, token = line:match("^([^\t]+)\t([^\t]*)\t([^\t]+)$")
      table.insert(drafts, wrk.format("POST", path, {
        ["Cookie"] = cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
      }, "__RequestVerificationToken=" .. token))
    end
    i = i + 1
  end
  -- wrk calls request() once on thread 0's state to check the script (after init, before the run): that draft is
  -- taken but never posted, so thread 0 waits for one answer less.
  expected = (id == 0) and #drafts - 1 or #drafts
end

function request()
  next_draft = next_draft + 1
  if next_draft > #drafts then
    -- Out of drafts: stop this thread. wrk still wants a request; a repeat is never counted as a submission.
    -- Stopping abandons the thread's other requests still in flight (their answers are never counted), so the
    -- thread's end is now, not its expected last answer.
    if last == 0 then last = now() end
    wrk.thread:stop()
    return drafts[#drafts]
  end
  if next_draft == 1 then first = now() end
  sent = sent + 1
  return drafts[next_draft]
end

function response(status, headers, body)
  answered = answered + 1
  if answered == expected then last = now() end
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:find("/kvitto/", 1, true) then
    submitted = submitted + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  -- Submits per second: over wrk's run, or, when every thread used up its drafts before the end, from the first
  -- request to the last answer (wrk's own clock keeps running until -d is over).
  local s, o, d, t0, t1, all_used = 0, 0, 0, nil, nil, true
  for _, t in ipairs(threads) do
    s = s + t:get("submitted")
    o = o + t:get("other")
    d = d + t:get("sent")
    local f, l = t:get("first"), t:get("last")
    if l == 0 then all_used = false end
    if f > 0 and (t0 == nil or f < t0) then t0 = f end
    if t1 == nil or l > t1 then t1 = l end
  end
  local seconds = summary.duration / 1e6
  if all_used and t0 ~= nil then seconds = t1 - t0 end
  io.write(string.format("submitted: %d\nother: %d\nsent: %d\nsubmit seconds: %.3f\nall drafts used: %s\nsubmits/s: %.1f\n",
    s, o, d, seconds, tostring(all_used), s / seconds))
end
