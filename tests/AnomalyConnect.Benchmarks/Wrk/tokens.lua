-- wrk script: GET <prefix><random token> where tokens come one per line from a file.
-- Usage: wrk ... -s tokens.lua http://127.0.0.1:PORT -- /sub/ /path/to/tokens.txt
local tokens = {}
local prefix = "/sub/"
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  prefix = args[1]
  for line in io.lines(args[2]) do
    tokens[#tokens + 1] = line
  end
  math.randomseed(os.time() * 100 + id)
end

function request()
  return wrk.format("GET", prefix .. tokens[math.random(#tokens)])
end

function done(summary, latency, requests)
  io.write(string.format(
    "BENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
