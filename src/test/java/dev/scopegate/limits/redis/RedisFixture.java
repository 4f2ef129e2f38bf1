package dev.scopegate.limits.redis;

import dev.scopegate.limits.LocalBucketStore;
import dev.scopegate.limits.Take;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the Redis store's tests share: waiting on futures and conditions (bounded), stores, a raw client. */
final class RedisFixture {
  /** Generous: under a loaded machine a check must not time out by accident. */
  static final RedisStoreOptions OPTIONS = new RedisStoreOptions(
      Duration.ofSeconds(2), 20, Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofMillis(200), 4);

  private RedisFixture() {}

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }


  /** {@code count} event-loop contexts, each on a loop of its own (verticle instances take the loops in turn). */
  static List<Context> loops(Vertx vertx, int count) throws Exception {
    List<Context> contexts = new CopyOnWriteArrayList<>();
    await(vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        contexts.add(context);
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(count)));
    return contexts;
  }

  static Take take(RedisBucketStore store, String key, double perSecond, long capacity, long amount) throws Exception {
    return await(store.take(key, perSecond, capacity, amount));
  }

  static RedisBucketStore store(Vertx vertx, String url, RedisFailurePolicy policy, MeterRegistry registry,
      RedisStoreOptions options) {
    return new RedisBucketStore(vertx, url, new LocalBucketStore(), policy, registry, options);
  }

  /** A command sent by a client of its own, as an operator's redis-cli would. */
  static Response command(Vertx vertx, String url, Request request) throws Exception {
    Redis redis = Redis.createClient(vertx, url);
    try {
      return await(redis.send(request));
    } finally {
      await(redis.close());
    }
  }

  static double failures(MeterRegistry registry, RedisFailure reason) {
    return registry.get("scopegate.limits.redis.failures").tag("reason", reason.tag()).counter().count();
  }

  static double failures(MeterRegistry registry) {
    return registry.get("scopegate.limits.redis.failures").counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
