-- One token-bucket check, atomic in Redis (scripts run alone). The same math as LocalBucketStore.
-- KEYS[1]  the bucket (a hash: t = tokens, at = when counted, microseconds of Redis's clock)
-- ARGV[1]  refill, tokens per second (> 0)
-- ARGV[2]  capacity (> 0)
-- ARGV[3]  debit: tokens this replica already granted from its local allowance; removed even if
--          that leaves the bucket below zero, so later calls wait until the excess is paid back
-- ARGV[4]  amount to take now, all or nothing (0: only the debit)
-- Returns {granted (1|0), tokens left (string), milliseconds until the amount is there (-1: never),
--          Redis's time of this answer (string, microseconds), to order answers that cross}
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local debit = tonumber(ARGV[3])
local amount = tonumber(ARGV[4])

-- Redis's clock, not the replica's: replicas' clocks differ, Redis has one.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local tokens = capacity
local state = redis.call('HMGET', KEYS[1], 't', 'at')
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  tokens = math.min(capacity, tonumber(state[1]) + elapsed / 1000000 * rate)
end
tokens = tokens - debit

local granted = 0
local wait = 0
if amount == 0 or amount <= tokens then
  tokens = tokens - amount
  granted = 1
elseif amount > capacity then
  wait = -1
else
  wait = math.ceil((amount - tokens) * 1000 / rate)
end

-- %.17g: Lua's default number format keeps 14 digits, too few for microseconds since 1970.
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'at', string.format('%.17g', now))
-- Idle until full again, then forgotten: an absent bucket is a full one, so nothing is lost
-- (unless refilling takes more than a week: a rate below capacity per week).
local idle = math.min(math.ceil((capacity - tokens) * 1000 / rate) + 1000, 604800000)
redis.call('PEXPIRE', KEYS[1], idle)
return {granted, string.format('%.17g', tokens), wait, string.format('%.17g', now)}
