package dev.scopegate.limits.redis;

import dev.scopegate.testing.Eventually;
import static dev.scopegate.limits.redis.RedisFixture.await;
import static dev.scopegate.limits.redis.RedisFixture.failures;
import static dev.scopegate.limits.redis.RedisFixture.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scopegate.limits.Take;
import dev.scopegate.testing.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Redis killed mid-run, hung, and back: the failure policy decides, the metric counts, sharing resumes. */
class RedisFailoverTest {
  private static final double SLOW = 0.001; // no refill within a test

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<RedisBucketStore> stores = new ArrayList<>();
  private RedisServer redis;
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    for (RedisBucketStore store : stores) {
      await(store.close());
    }
    await(vertx.close());
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void localAnswersFromThisReplicasBucketsWhileRedisIsLostAndSharesAgainWhenItIsBack() throws Exception {
    redis = RedisServer.start();
    RedisBucketStore store = store(RedisFailurePolicy.LOCAL, RedisFixture.OPTIONS);
    assertTrue(take(store, "k", SLOW, 3, 1).granted());
    assertEquals(0, failures(registry));

    redis.kill();
    // This replica's own bucket, full: its three tokens, then refused.
    for (int i = 0; i < 3; i++) {
      assertTrue(take(store, "k", SLOW, 3, 1).granted(), "fallback take " + i);
    }
    Take refused = take(store, "k", SLOW, 3, 1);
    assertFalse(refused.granted());
    assertTrue(refused.retryAfterMillis() > 0);
    assertFalse(store.redisUp());
    assertEquals(1, failures(registry, RedisFailure.CONNECTION));
    // Once lost, no check asks Redis (no connection attempt per call): each is counted as such.
    for (int i = 0; i < 50; i++) {
      take(store, "k", SLOW, 3, 1);
    }
    assertEquals(3 + 50, failures(registry, RedisFailure.DOWN));
    assertEquals(1 + 3 + 50, failures(registry));
    assertEquals(0, registry.get("scopegate.limits.redis.up").gauge().value());

    redis.restart();
    Eventually.until(store::redisUp, "the store to see Redis back");
    assertEquals(1, registry.get("scopegate.limits.redis.up").gauge().value());
    // Shared again: what this replica takes now, another replica sees.
    RedisBucketStore other = RedisFixture.store(vertx, redis.url(), RedisFailurePolicy.REFUSE,
        new SimpleMeterRegistry(), RedisFixture.OPTIONS);
    stores.add(other);
    assertTrue(take(store, "shared", SLOW, 2, 2).granted());
    assertFalse(take(other, "shared", SLOW, 2, 1).granted());
    assertEquals(1 + 3 + 50, failures(registry));
  }

  @Test
  void refuseFailsTheCheckWithARetriableErrorUntilRedisIsBack() throws Exception {
    redis = RedisServer.start();
    RedisBucketStore store = store(RedisFailurePolicy.REFUSE, RedisFixture.OPTIONS);
    assertTrue(take(store, "tenant-secret", SLOW, 3, 1).granted());

    redis.kill();
    RedisUnavailableException lost = assertThrows(RedisUnavailableException.class,
        () -> take(store, "tenant-secret", SLOW, 3, 1));
    assertEquals(RedisFailure.CONNECTION, lost.reason());
    assertTrue(lost.retryAfterMillis() > 0);
    assertFalse(lost.getMessage().contains("tenant-secret"), lost.getMessage());
    RedisUnavailableException down = assertThrows(RedisUnavailableException.class,
        () -> take(store, "tenant-secret", SLOW, 3, 1));
    assertEquals(RedisFailure.DOWN, down.reason());
    assertEquals(2, failures(registry));
    String scrape = registry.scrape();
    assertTrue(scrape.contains("scopegate_limits_redis_failures_total{reason=\"down\"} 1.0"), scrape);
    assertTrue(scrape.contains("scopegate_limits_redis_up 0.0"), scrape);

    redis.restart();
    Eventually.until(store::redisUp, "the store to see Redis back");
    // Redis restarted empty: the bucket is full again.
    assertTrue(take(store, "tenant-secret", SLOW, 3, 3).granted());
    assertFalse(take(store, "tenant-secret", SLOW, 3, 1).granted());
    assertEquals(2, failures(registry));
  }

  @Test
  void aHungRedisCostsACheckNoMoreThanTheTimeout() throws Exception {
    redis = RedisServer.start();
    Duration timeout = Duration.ofMillis(300);
    RedisBucketStore store = store(RedisFailurePolicy.LOCAL, new RedisStoreOptions(
        timeout, 20, Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofMillis(200), 4));
    assertTrue(take(store, "k", SLOW, 3, 1).granted());

    redis.freeze();
    try {
      long started = System.nanoTime();
      assertTrue(take(store, "k", SLOW, 3, 1).granted()); // from this replica's bucket
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(tookMs >= timeout.toMillis(), "answered after " + tookMs + " ms, before the timeout");
      assertEquals(1, failures(registry, RedisFailure.TIMEOUT));
      assertFalse(store.redisUp());
      // Lost: the next checks do not wait at all.
      started = System.nanoTime();
      assertTrue(take(store, "k", SLOW, 3, 1).granted());
      assertTrue((System.nanoTime() - started) / 1_000_000 < timeout.toMillis(), "a lost Redis is not waited for");
    } finally {
      redis.thaw();
    }
    Eventually.until(store::redisUp, "the store to see Redis answer again");
  }

  @Test
  void theLossAndTheRecoveryAreLoggedOnceEachWithoutPasswordOrKey() throws Exception {
    String password = "pw-9f8e7d6c5b4a";
    String key = "apikey-0123456789abcdef";
    redis = RedisServer.start("--requirepass", password);
    ListAppender<ILoggingEvent> logs = capture();
    try {
      RedisBucketStore store = store(RedisFailurePolicy.LOCAL,
          "redis://:" + password + "@127.0.0.1:" + redis.port(), RedisFixture.OPTIONS);
      assertTrue(take(store, key, SLOW, 3, 1).granted());
      redis.kill();
      for (int i = 0; i < 20; i++) {
        take(store, key, SLOW, 3, 1);
      }
      redis.restart();
      Eventually.until(store::redisUp, "the store to see Redis back");
      assertTrue(take(store, key, SLOW, 3, 1).granted());

      List<String> lines = lines(logs);
      assertEquals(1, lines.stream().filter(l -> l.contains("lost")).count(), String.join("\n", lines));
      assertEquals(1, lines.stream().filter(l -> l.contains("answers again")).count(), String.join("\n", lines));
      assertTrue(lines.stream().anyMatch(l -> l.contains("127.0.0.1:" + redis.port())), "names where Redis is");
      for (String line : lines) {
        assertFalse(line.contains(password) || line.contains(key), line);
      }
    } finally {
      release(logs);
    }
  }

  private RedisBucketStore store(RedisFailurePolicy policy, RedisStoreOptions options) {
    return store(policy, redis.url(), options);
  }

  private RedisBucketStore store(RedisFailurePolicy policy, String url, RedisStoreOptions options) {
    RedisBucketStore store = RedisFixture.store(vertx, url, policy, registry, options);
    stores.add(store);
    return store;
  }

  /** Everything logged, at every level of Scopegate's and Vert.x's loggers, while the test runs. */
  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root().addAppender(appender);
    logger("io.vertx").setLevel(Level.DEBUG);
    logger("io.netty").setLevel(Level.DEBUG);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    root().detachAppender(appender);
    logger("io.vertx").setLevel(Level.WARN);
    logger("io.netty").setLevel(Level.WARN);
  }

  private static List<String> lines(ListAppender<ILoggingEvent> appender) {
    synchronized (appender) {
      return List.copyOf(appender.list).stream()
          .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
          .toList();
    }
  }

  private static Logger root() {
    return logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }
}
