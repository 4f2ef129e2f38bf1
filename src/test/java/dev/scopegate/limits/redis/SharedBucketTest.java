package dev.scopegate.limits.redis;

import dev.scopegate.testing.Eventually;
import static dev.scopegate.limits.redis.RedisFixture.await;
import static dev.scopegate.limits.redis.RedisFixture.command;
import static dev.scopegate.limits.redis.RedisFixture.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.limits.Take;
import dev.scopegate.testing.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two stores, each with its own Redis connections) sharing one Redis enforce one
 * key's limit together: what both grant stays within one bucket (capacity + rate × time) plus
 * the documented local allowance per replica, never the two buckets they would have alone.
 */
class SharedBucketTest {
  private static final long CAPACITY = 100;
  private static final double RATE = 2;
  /** A tenth of the capacity, the per-key cap of {@link RedisStoreOptions#allowance}. */
  private static final long ALLOWANCE = 10;
  private static final RedisStoreOptions OPTIONS = new RedisStoreOptions(
      Duration.ofSeconds(2), ALLOWANCE, Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofMillis(200), 4);

  private RedisServer redis;
  private Vertx vertx;
  private RedisBucketStore one;
  private RedisBucketStore two;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start();
    vertx = Vertx.vertx();
    one = RedisFixture.store(vertx, redis.url(), RedisFailurePolicy.REFUSE, new SimpleMeterRegistry(), OPTIONS);
    two = RedisFixture.store(vertx, redis.url(), RedisFailurePolicy.REFUSE, new SimpleMeterRegistry(), OPTIONS);
  }

  @AfterEach
  void stop() throws Exception {
    await(Future.join(one.close(), two.close()));
    await(vertx.close());
    redis.close();
  }

  @Test
  void twoReplicasFloodingOneKeyGrantOneBucketAndTheirAllowancesAtMost() throws Exception {
    long started = System.nanoTime();
    long granted = 0;
    int takes = 0;
    for (int round = 0; round < 30; round++) {
      List<Future<Take>> answers = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        answers.add(one.take("tenant-a", RATE, CAPACITY, 1));
        answers.add(two.take("tenant-a", RATE, CAPACITY, 1));
      }
      await(Future.all(answers));
      takes += answers.size();
      granted += answers.stream().filter(a -> a.result().granted()).count();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double bound = CAPACITY + RATE * seconds + 2 * ALLOWANCE;
    System.out.printf("two replicas: %d of %d takes granted in %.2f s; bound %.1f; alone each would grant %.0f%n",
        granted, takes, seconds, bound, 2 * (CAPACITY + RATE * seconds));
    assertTrue(granted <= bound, granted + " granted > " + bound);
    assertTrue(granted >= CAPACITY, "the bucket's burst is usable: " + granted);
  }

  @Test
  void aReplicaWithAStaleViewOverAdmitsAtMostItsAllowanceAndTheBucketPaysItBack() throws Exception {
    double slow = 0.001; // no refill within the test
    assertTrue(take(one, "k", slow, CAPACITY, 1).granted()); // one now believes 99 are left
    long drained = 0;
    while (take(two, "k", slow, CAPACITY, 1).granted()) {
      drained++;
    }
    long overAdmitted = 0;
    for (int i = 0; i < 3 * ALLOWANCE; i++) {
      if (take(one, "k", slow, CAPACITY, 1).granted()) {
        overAdmitted++;
      }
    }
    System.out.printf("stale view: %d drained by the other replica, %d over-admitted (allowance %d)%n",
        drained, overAdmitted, ALLOWANCE);
    assertTrue(drained >= CAPACITY - 1 - ALLOWANCE, "drained " + drained);
    assertTrue(1 + drained + overAdmitted <= CAPACITY + 2 * ALLOWANCE, "granted " + (1 + drained + overAdmitted));
    assertTrue(overAdmitted <= ALLOWANCE, "over-admitted " + overAdmitted);
    // What was over-admitted is owed: Redis's bucket is below zero until refill pays it back.
    Eventually.until(() -> tokensInRedis() <= 0, "the over-admission debited in Redis");
    assertFalse(take(two, "k", slow, CAPACITY, 1).granted());
  }

  @Test
  void theLocalAllowanceSavesRoundTrips() throws Exception {
    long before = scriptCalls();
    int takes = 400;
    for (int i = 0; i < takes / 2; i++) {
      assertTrue(take(one, "busy", 0.001, 10_000, 1).granted());
      assertTrue(take(two, "busy", 0.001, 10_000, 1).granted());
    }
    Eventually.until(() -> tokensInRedis("busy") < 10_000 - takes + 1, "every grant debited in Redis");
    long scripts = scriptCalls() - before;
    System.out.printf("round trips: %d scripts for %d takes, one at a time per replica%n", scripts, takes);
    assertTrue(scripts < takes / 2, scripts + " scripts for " + takes + " takes");
  }

  @Test
  void aBurstBeyondTheAllowanceWaitsForRedisAndStaysExact() throws Exception {
    long before = scriptCalls();
    List<Future<Take>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(one.take("burst", 0.001, 10_000, 1));
      answers.add(two.take("burst", 0.001, 10_000, 1));
    }
    await(Future.all(answers));
    assertTrue(answers.stream().allMatch(a -> a.result().granted()));
    Eventually.until(() -> tokensInRedis("burst") < 10_000 - answers.size() + 1, "every grant debited in Redis");
    assertEquals(10_000 - answers.size(), tokensInRedis("burst"), 0.01);
    System.out.printf("burst: %d scripts for %d takes at once%n", scriptCalls() - before, answers.size());
  }

  private double tokensInRedis() {
    return tokensInRedis("k");
  }

  private double tokensInRedis(String key) {
    try {
      return Double.parseDouble(command(vertx, redis.url(), Request.cmd(Command.HGET).arg(BucketKeys.of(key)).arg("t"))
          .toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private long scriptCalls() throws Exception {
    String stats = command(vertx, redis.url(), Request.cmd(Command.INFO).arg("commandstats")).toString();
    long calls = 0;
    Matcher m = Pattern.compile("cmdstat_eval(?:sha)?:calls=(\\d+)").matcher(stats);
    while (m.find()) {
      calls += Long.parseLong(m.group(1));
    }
    return calls;
  }
}
