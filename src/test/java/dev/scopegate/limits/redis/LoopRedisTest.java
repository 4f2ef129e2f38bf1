package dev.scopegate.limits.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each event loop checks through a Redis client of its own, so its connections live on that loop
 * and a script never hops to another loop's thread and back. No Redis is needed: clients connect
 * on first use.
 */
class LoopRedisTest {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(3));
  private final LoopRedis clients = new LoopRedis(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:1"));

  @AfterEach
  void close() throws Exception {
    RedisFixture.await(clients.close());
    RedisFixture.await(vertx.close());
  }

  private record Seen(Thread thread, Redis client) {}

  private static Seen on(Context context, LoopRedis clients) throws Exception {
    Promise<Seen> seen = Promise.promise();
    context.runOnContext(v -> seen.complete(new Seen(Thread.currentThread(), clients.current())));
    return RedisFixture.await(seen.future());
  }

  @Test
  void eachEventLoopHasItsOwnClientAndKeepsIt() throws Exception {
    Map<Thread, Redis> byLoop = new HashMap<>();
    List<Context> loops = RedisFixture.loops(vertx, 3);
    for (int i = 0; i < 9; i++) {
      Seen seen = on(loops.get(i % 3), clients);
      Redis before = byLoop.putIfAbsent(seen.thread(), seen.client());
      if (before != null) {
        assertSame(before, seen.client(), "one loop, one client");
      }
    }
    assertEquals(3, byLoop.size(), byLoop.toString());
    assertEquals(3, byLoop.values().stream().distinct().count(), "loops share no client");
  }

  @Test
  void threadsOutsideTheLoopsShareOneMoreClient() throws Exception {
    Redis here = clients.current();
    Future<Redis> elsewhere = vertx.executeBlocking(clients::current);
    assertSame(here, RedisFixture.await(elsewhere));
    assertNotSame(here, on(RedisFixture.loops(vertx, 1).get(0), clients).client());
  }
}
