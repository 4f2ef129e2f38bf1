package dev.scopegate.limits.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.scopegate.limits.BucketStore;
import dev.scopegate.limits.Take;
import dev.scopegate.limits.redis.BucketScript.ScriptReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every replica: each check is one atomic script on Redis's
 * clock ({@link BucketScript}); a small local {@link Allowance} per key answers most calls
 * without a round trip. When Redis does not answer within the timeout, the policy decides:
 * {@link RedisFailurePolicy#LOCAL} answers from the fallback store (this replica's own buckets),
 * {@link RedisFailurePolicy#REFUSE} fails the check with {@link RedisUnavailableException}; either
 * way {@code scopegate_limits_redis_failures_total{reason}} counts it. See docs/limits-redis.md.
 */
public final class RedisBucketStore implements BucketStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBucketStore.class);
  static final long MAX_KEYS = 100_000;
  /** Advice to a client refused because Redis is lost: about when the probe will have asked again. */
  static final long RETRY_AFTER_MILLIS = 1000;

  private final LoopRedis redis;
  private final BucketStore fallback;
  private final RedisFailurePolicy onFailure;
  private final RedisStoreOptions options;
  private final RedisHealth health;
  private final Map<RedisFailure, Counter> failures = new EnumMap<>(RedisFailure.class);
  private final Cache<String, Allowance> allowances;

  public RedisBucketStore(Vertx vertx, String url, BucketStore fallback, RedisFailurePolicy onFailure,
      MeterRegistry registry) {
    this(vertx, url, fallback, onFailure, registry, RedisStoreOptions.DEFAULTS);
  }

  public RedisBucketStore(Vertx vertx, String url, BucketStore fallback, RedisFailurePolicy onFailure,
      MeterRegistry registry, RedisStoreOptions options) {
    RedisOptions redisOptions = new RedisOptions().setConnectionString(url)
        .setMaxPoolSize(options.poolSize()).setMaxPoolWaiting(64 * options.poolSize());
    redisOptions.getNetClientOptions().setConnectTimeout((int) options.timeout().toMillis());
    this.redis = new LoopRedis(vertx, redisOptions);
    this.fallback = fallback;
    this.onFailure = onFailure;
    this.options = options;
    this.health = new RedisHealth(vertx, redis, where(url), options, onFailure);
    for (RedisFailure reason : RedisFailure.values()) {
      failures.put(reason, Counter.builder("scopegate.limits.redis.failures")
          .description("Limit checks Redis did not answer, decided by limits.redis.onFailure instead")
          .tag("reason", reason.tag())
          .register(registry));
    }
    Gauge.builder("scopegate.limits.redis.up", health, h -> h.up() ? 1 : 0)
        .description("1 while Redis answers the shared limit checks, 0 while it is lost")
        .register(registry);
    this.allowances = Caffeine.newBuilder()
        .expireAfterAccess(options.idle())
        .maximumSize(MAX_KEYS)
        .executor(Runnable::run)
        .<String, Allowance>removalListener((key, allowance, cause) -> leftover(key, allowance, cause))
        .build();
  }

  @Override
  public Future<Take> take(String key, double perSecond, long capacity, long amount) {
    // Checked here: a script error would count as Redis failing, for every key.
    if (!(perSecond > 0 && Double.isFinite(perSecond)) || capacity <= 0 || amount < 0) {
      return Future.failedFuture(new IllegalArgumentException("a bucket needs a positive rate and capacity"));
    }
    if (!health.up()) {
      return unanswered(key, perSecond, capacity, amount, RedisFailure.DOWN);
    }
    String bucket = BucketKeys.of(key);
    Allowance allowance = allowances.get(key, k -> new Allowance());
    if (allowance.tryLocal(amount, options.allowance(capacity), perSecond, capacity)) {
      flush(bucket, allowance);
      return Future.succeededFuture(Take.GRANTED);
    }
    long debit = allowance.beginSync();
    return check(bucket, perSecond, capacity, debit, amount)
        .map(reply -> {
          allowance.endSync(debit, reply);
          return take(reply);
        })
        .recover(error -> {
          allowance.failSync(debit);
          return unanswered(key, perSecond, capacity, amount, RedisFailure.of(error));
        });
  }

  /** Whether Redis answers, as this store last saw it. */
  public boolean redisUp() {
    return health.up();
  }

  /** Sends what the allowances granted and Redis has not counted, then closes the connections. */
  @Override
  public Future<Void> close() {
    List<Future<?>> flushes = new ArrayList<>();
    if (health.up()) {
      allowances.asMap().forEach((key, allowance) -> {
        long debit = allowance.beginSync();
        if (debit > 0) {
          flushes.add(check(BucketKeys.of(key), allowance.perSecond(), allowance.capacity(), debit, 0));
        }
      });
    }
    health.close();
    return Future.join(flushes).transform(done -> redis.close());
  }

  private Future<ScriptReply> check(String bucket, double perSecond, long capacity, long debit, long amount) {
    return BucketScript.run(redis.current(), bucket, perSecond, capacity, debit, amount)
        .timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .onFailure(error -> {
          // The type only: a reply's text could quote the request.
          LOG.debug("Redis check failed: {}", error.getClass().getName());
          health.failed(RedisFailure.of(error));
        });
  }

  /** Debits the locally granted tokens in the background, one script at a time per key. */
  private void flush(String bucket, Allowance allowance) {
    long debit = allowance.beginFlush();
    if (debit < 0) {
      return;
    }
    check(bucket, allowance.perSecond(), allowance.capacity(), debit, 0).onComplete(answer -> {
      if (answer.succeeded()) {
        allowance.endSync(debit, answer.result());
      } else {
        allowance.failSync(debit);
      }
      allowance.endFlush();
      if (answer.succeeded()) {
        flush(bucket, allowance);
      }
    });
  }

  /** An allowance dropped (idle or crowded out) still owes Redis its pending tokens. */
  private void leftover(String key, Allowance allowance, RemovalCause cause) {
    if (key != null && allowance != null && cause.wasEvicted() && health.up()) {
      flush(BucketKeys.of(key), allowance);
    }
  }

  private Future<Take> unanswered(String key, double perSecond, long capacity, long amount, RedisFailure reason) {
    failures.get(reason).increment();
    return switch (onFailure) {
      case LOCAL -> fallback.take(key, perSecond, capacity, amount);
      case REFUSE -> Future.failedFuture(new RedisUnavailableException(reason, RETRY_AFTER_MILLIS));
    };
  }

  private static Take take(ScriptReply reply) {
    if (reply.granted()) {
      return Take.GRANTED;
    }
    return Take.refused(reply.waitMillis() < 0 ? Long.MAX_VALUE / 2 : reply.waitMillis());
  }

  /** Host and port, for logs: never the URL, which may carry a password. */
  private static String where(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getHost() == null ? "(unix socket)" : uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    } catch (IllegalArgumentException e) {
      return "(unparsable URL)";
    }
  }
}
