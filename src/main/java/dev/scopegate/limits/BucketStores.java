package dev.scopegate.limits;

import dev.scopegate.config.Config;
import dev.scopegate.limits.redis.RedisBucketStore;
import dev.scopegate.limits.redis.RedisFailurePolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/** The one place that chooses where buckets live: in this process, or in Redis for replicas. */
public final class BucketStores {
  private BucketStores() {}

  /**
   * In this process when {@code limits.redis.url} is empty; otherwise in Redis, with buckets in
   * this process as the fallback {@code limits.redis.onFailure: local} answers from.
   */
  public static BucketStore create(Vertx vertx, Config.Limits limits, MeterRegistry registry) {
    if (limits.redisUrl().isEmpty()) {
      return new LocalBucketStore();
    }
    RedisFailurePolicy onFailure =
        "refuse".equals(limits.redisOnFailure()) ? RedisFailurePolicy.REFUSE : RedisFailurePolicy.LOCAL;
    return new RedisBucketStore(
        vertx, limits.redisUrl().get().toString(), new LocalBucketStore(), onFailure, registry);
  }
}
