package dev.scopegate.limits.redis;

import dev.scopegate.testing.Eventually;
import static dev.scopegate.limits.redis.RedisFixture.OPTIONS;
import static dev.scopegate.limits.redis.RedisFixture.command;
import static dev.scopegate.limits.redis.RedisFixture.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.limits.Take;
import dev.scopegate.testing.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One store against a real Redis: the same answers as the in-process buckets, in Redis's keys. */
class RedisBucketStoreTest {
  private static RedisServer redis;
  private static Vertx vertx;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private RedisBucketStore store;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (vertx != null) {
      RedisFixture.await(vertx.close());
    }
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    command(vertx, redis.url(), Request.cmd(Command.FLUSHALL));
    store = RedisFixture.store(vertx, redis.url(), RedisFailurePolicy.REFUSE, registry, OPTIONS);
  }

  @AfterEach
  void close() throws Exception {
    RedisFixture.await(store.close());
  }

  @Test
  void aFullBucketGrantsItsBurstThenRefusesWithTheWaitForTheMissingTokens() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertTrue(take(store, "t", 1, 5, 1).granted(), "take " + i);
    }
    Take refused = take(store, "t", 1, 5, 1);
    assertFalse(refused.granted());
    // One token at 1/s is missing, less what Redis's clock refilled between the takes.
    assertTrue(refused.retryAfterMillis() > 0 && refused.retryAfterMillis() <= 1000, "" + refused);
    assertEquals(0, RedisFixture.failures(registry));
  }

  @Test
  void aRefusedTakeRemovesNothingAndKeysAreSeparate() throws Exception {
    assertTrue(take(store, "a", 0.001, 3, 2).granted());
    assertFalse(take(store, "a", 0.001, 3, 2).granted());
    assertTrue(take(store, "a", 0.001, 3, 1).granted());
    assertTrue(take(store, "b", 0.001, 3, 3).granted());
  }

  @Test
  void tokensComeBackAtTheRateOfRedisClock() throws Exception {
    assertTrue(take(store, "t", 1000, 5, 5).granted());
    // 1000/s: a token is back within a millisecond of Redis's time; wait for Redis to say so.
    Eventually.until(() -> {
      try {
        return take(store, "t", 1000, 5, 1).granted();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, "a token refilled");
  }

  @Test
  void moreThanTheCapacityIsNeverGranted() throws Exception {
    Take take = take(store, "t", 100, 5, 6);
    assertFalse(take.granted());
    assertTrue(take.retryAfterMillis() > 3_600_000L);
  }

  @Test
  void keysAreNamespacedHashedAndExpireWhenFullAgain() throws Exception {
    String secret = "apikey-0123456789abcdef";
    assertTrue(take(store, secret, 2, 10, 4).granted());
    List<String> keys = keys();
    assertEquals(1, keys.size(), keys.toString());
    String key = keys.get(0);
    assertTrue(key.startsWith("scopegate:limits:"), key);
    assertFalse(key.contains(secret) || key.contains("apikey"), key);
    long ttl = command(vertx, redis.url(), Request.cmd(Command.PTTL).arg(key)).toLong();
    // 4 tokens missing at 2/s: full again in 2 s, forgotten a second after that.
    assertTrue(ttl > 0 && ttl <= 3000, "pttl " + ttl);
  }

  @Test
  void aFlushedScriptCacheIsRefilledByEval() throws Exception {
    assertTrue(take(store, "t", 0.001, 3, 1).granted());
    command(vertx, redis.url(), Request.cmd(Command.SCRIPT).arg("FLUSH"));
    assertTrue(take(store, "t", 0.001, 3, 1).granted());
    assertTrue(take(store, "t", 0.001, 3, 1).granted());
    assertFalse(take(store, "t", 0.001, 3, 1).granted());
    assertEquals(0, RedisFixture.failures(registry));
  }

  @Test
  void aBucketWithoutARateIsRefusedHereAndRedisStaysUsable() throws Exception {
    for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> take(store, "t", rate, 5, 1), "rate " + rate);
    }
    assertThrows(IllegalArgumentException.class, () -> take(store, "t", 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> take(store, "t", 1, 5, -1));
    assertTrue(store.redisUp());
    assertTrue(take(store, "t", 1, 5, 1).granted());
    assertEquals(0, RedisFixture.failures(registry));
  }

  @Test
  void takesFromSeveralEventLoopsAtOnceShareTheOneBucket() throws Exception {
    // Each loop checks through connections of its own (LoopRedis); the bucket is still Redis's one.
    // Capacity 10 has a local allowance of 1, so at most one more than the capacity (limits-redis.md).
    List<Future<Take>> takes = new ArrayList<>();
    Set<Thread> loops = ConcurrentHashMap.newKeySet();
    List<Context> contexts = RedisFixture.loops(vertx, 4);
    for (int i = 0; i < 40; i++) {
      Promise<Take> taken = Promise.promise();
      contexts.get(i % 4).runOnContext(v -> {
        loops.add(Thread.currentThread());
        store.take("t", 0.001, 10, 1).onComplete(taken);
      });
      takes.add(taken.future());
    }
    RedisFixture.await(Future.join(takes));
    long granted = takes.stream().filter(take -> take.succeeded() && take.result().granted()).count();
    assertTrue(takes.stream().allMatch(Future::succeeded), takes.toString());
    assertTrue(granted >= 10 && granted <= 11, "granted " + granted);
    assertTrue(loops.size() > 1, "one loop only: " + loops);
    assertEquals(0, RedisFixture.failures(registry));
  }

  private List<String> keys() throws Exception {
    Response reply = command(vertx, redis.url(), Request.cmd(Command.KEYS).arg("*"));
    List<String> keys = new ArrayList<>();
    reply.forEach(k -> keys.add(k.toString()));
    return keys;
  }
}
