package dev.scopegate.limits.redis;

import java.time.Duration;

/**
 * How the Redis store behaves; {@link #DEFAULTS} in production, other values in tests.
 *
 * @param timeout longest wait for Redis per check (and per connection attempt)
 * @param maxAllowance most tokens of one key this replica grants before Redis has counted them;
 *     per key it is also at most a tenth of the bucket's capacity
 * @param idle a key's local allowance is dropped after this long unused (its pending tokens sent)
 * @param probeFirst first wait before asking a lost Redis again; doubles up to {@code probeMax}
 * @param probeMax longest wait between two probes of a lost Redis
 * @param poolSize Redis connections of this replica per event loop (each loop has its own pool, {@link LoopRedis})
 */
public record RedisStoreOptions(Duration timeout, long maxAllowance, Duration idle, Duration probeFirst,
    Duration probeMax, int poolSize) {

  public static final RedisStoreOptions DEFAULTS = new RedisStoreOptions(
      Duration.ofMillis(200), 20, Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(5), 8);

  /** The local allowance for a bucket of this capacity: at most a tenth of it. */
  long allowance(long capacity) {
    return Math.min(maxAllowance, capacity / 10);
  }
}
