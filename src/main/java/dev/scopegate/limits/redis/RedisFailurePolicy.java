package dev.scopegate.limits.redis;

/** What a check does when Redis cannot answer it ({@code limits.redis.onFailure}). */
public enum RedisFailurePolicy {
  /** Answer from this replica's own buckets: each replica enforces the limit alone. */
  LOCAL,
  /** Fail the check with {@link RedisUnavailableException}: no call passes unchecked. */
  REFUSE
}
