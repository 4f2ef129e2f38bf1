package dev.scopegate.limits;

import dev.scopegate.config.Config;

/** The one place that chooses where buckets live: in this process, or in Redis for replicas. */
public final class BucketStores {
  private BucketStores() {}

  /** Fails with a one-line {@code limits.redis.url: …} message when the store cannot be had. */
  public static BucketStore create(Config.Limits limits) {
    if (limits.redisUrl().isEmpty()) {
      return new LocalBucketStore();
    }
    throw new IllegalArgumentException("limits.redis.url: the Redis bucket store is not part of"
        + " this build; leave it empty to limit per replica, in memory");
  }
}
