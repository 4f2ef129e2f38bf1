package dev.scopegate.limits.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Redis client, and so one connection pool, per event loop, each used only from its own loop.
 * Vert.x's Redis client keeps one pool for every caller and a connection lives on the loop that
 * opened it: with the RPC port on several loops, a check from another loop wrote its script through
 * a foreign thread and its answer hopped back, two hand-offs per script (measured:
 * docs/limits-redis.md, "Event loops"). As {@code HttpUpstream}'s node connections; calls from
 * other threads (timers' workers, tests) share one more client.
 */
final class LoopRedis {
  private final Supplier<Redis> create;
  private final Redis elsewhere;
  private final ConcurrentHashMap<Thread, Redis> byLoop = new ConcurrentHashMap<>();

  LoopRedis(Vertx vertx, RedisOptions options) {
    this.create = () -> Redis.createClient(vertx, options);
    this.elsewhere = create.get();
  }

  /** The client of the calling thread's event loop. */
  Redis current() {
    if (!Context.isOnEventLoopThread()) {
      return elsewhere;
    }
    return byLoop.computeIfAbsent(Thread.currentThread(), loop -> create.get());
  }

  Future<Void> close() {
    List<Future<Void>> closed = new ArrayList<>();
    closed.add(elsewhere.close());
    byLoop.values().forEach(client -> closed.add(client.close()));
    return Future.join(closed).mapEmpty();
  }
}
