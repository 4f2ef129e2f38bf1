package dev.scopegate.limits;

import dev.scopegate.testing.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.testing.Proxy;
import dev.scopegate.testing.RedisServer;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Scopegate replicas in front of one node, sharing one real Redis: a tenant's budget is one
 * budget across both; Redis killed mid-run, the failure policy answers; Redis back, shared again.
 */
@ExtendWith(VertxExtension.class)
class SharedLimitsWireTest {
  private static final String CHAIN_ID = LimitsWireTest.CHAIN_ID;
  /** 1 call per second, a bucket of 20: the local allowance in front of Redis is 2 per replica. */
  private static final LimitSet BUDGET = new LimitSet(1, 20, 0, 0);
  private static final int REPLICAS = 2;
  private static final int ALLOWANCE = 2;

  private RedisServer redis;
  private Stack stack;
  private Proxy second;

  private void start(Vertx vertx, String onFailure) throws Exception {
    redis = RedisServer.start();
    UnaryOperator<Config> shared = c -> c.withLimits(
        new Config.Limits(BUDGET, LimitSet.OFF, 0, Optional.of(URI.create(redis.url())), onFailure));
    stack = Stack.start(vertx, shared);
    Config config = TestConfigs.withPrivacy(
        TestConfigs.config(stack.node().httpUrl(),
            TestConfigs.jwt(Optional.of(stack.dir().resolve("issuer.pem")), Optional.empty())),
        stack.node().tessera().url().toString(),
        stack.dir().resolve("index-2"));
    second = Proxy.start(vertx, shared.apply(config));
  }

  @AfterEach
  void stop() throws Exception {
    if (second != null) {
      second.close();
    }
    if (stack != null) {
      stack.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** Calls alternately on both replicas; how many were answered, and the seconds it took. */
  private record Run(int granted, int refused, double seconds) {}

  private Run alternate(String token, int calls) {
    List<Proxy> replicas = List.of(stack.proxy(), second);
    int granted = 0;
    int refused = 0;
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      HttpResponse<String> answer = replicas.get(i % REPLICAS).tenant(token, CHAIN_ID);
      if (answer.statusCode() == 200) {
        assertEquals("0x539", Wire.json(answer).path("result").asText(), answer.body());
        granted++;
      } else {
        assertEquals(429, answer.statusCode(), answer.body());
        LimitsWireTest.assertLimited(Wire.json(answer), "requestsPerSecond");
        refused++;
      }
    }
    return new Run(granted, refused, (System.nanoTime() - start) / 1e9);
  }

  /** What the budget allows over {@code seconds} across the replicas (docs/limits-redis.md). */
  private static double sharedBound(double seconds) {
    return BUDGET.burst() + BUDGET.requestsPerSecond() * Math.ceil(seconds) + REPLICAS * ALLOWANCE;
  }

  @Test
  void twoReplicasEnforceOneTenantsBudgetTogether(Vertx vertx) throws Exception {
    start(vertx, "local");
    String token = stack.token("rpc://eth_*");
    Run run = alternate(token, 80);
    assertTrue(run.granted() >= BUDGET.burst(), "the whole burst is served: " + run);
    assertTrue(run.granted() <= sharedBound(run.seconds()),
        "one budget across replicas (two separate ones would grant 40 at once): " + run);
    assertTrue(run.refused() > 0, run.toString());
    // another tenant has its own budget, untouched by the first one's
    String other = stack.tokenFor("other-tenant", "rpc://eth_*");
    assertEquals(200, second.tenant(other, CHAIN_ID).statusCode());
  }

  @Test
  void redisKilledFallsBackToEachReplicasOwnBucketsThenSharesAgainWhenItIsBack(Vertx vertx)
      throws Exception {
    start(vertx, "local");
    String token = stack.token("rpc://eth_*");
    alternate(token, 4);
    redis.kill();
    // onFailure local: each replica limits on its own, so calls keep being answered and limited
    Run alone = alternate(token, 100);
    assertTrue(alone.granted() > 0, "calls are answered from each replica's own buckets: " + alone);
    assertTrue(alone.refused() > 0, "and still limited: " + alone);
    assertTrue(alone.granted() <= REPLICAS * (BUDGET.burst() + Math.ceil(alone.seconds())), alone.toString());

    redis.restart();
    String fresh = stack.tokenFor("after-restart", "rpc://eth_*");
    awaitShared();
    Run shared = alternate(fresh, 80);
    assertTrue(shared.granted() <= sharedBound(shared.seconds()) + 1, "shared again: " + shared);
  }

  @Test
  void redisKilledWithRefuseFailsClosedWithARetriableError(Vertx vertx) throws Exception {
    start(vertx, "refuse");
    String token = stack.token("rpc://eth_*");
    assertEquals(200, stack.proxy().tenant(token, CHAIN_ID).statusCode());
    redis.kill();
    for (Proxy replica : List.of(stack.proxy(), second)) {
      // the local allowance may still grant what Redis had already left this replica (at most
      // ALLOWANCE calls), then the lost Redis is noticed and every call is refused
      int grantedAfterKill = 0;
      while (Wire.json(replica.tenant(token, CHAIN_ID)).has("result")) {
        grantedAfterKill++;
        assertTrue(grantedAfterKill <= ALLOWANCE, "refused once the allowance is spent");
      }
      stack.node().resetRequestCounts();
      HttpResponse<String> answer = replica.tenant(token, CHAIN_ID);
      JsonNode error = Wire.json(answer).path("error");
      assertEquals(-32005, error.path("code").asInt(), answer.body());
      assertTrue(error.path("message").asText().contains("retry"), answer.body());
      assertEquals(0, stack.node().requestCount("eth_chainId"), "nothing reaches the node unchecked");
    }
    // operators are not limited (no operator budget configured), Redis or not
    assertEquals(200, stack.proxy().operator(CHAIN_ID).statusCode());
  }

  /**
   * Waits (bounded) until both replicas' stores have found Redis again (their gauge says so; the
   * store probes Redis by itself, backing off). A call made before that is answered locally.
   */
  private void awaitShared() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (Proxy replica : List.of(stack.proxy(), second)) {
      java.net.http.HttpRequest scrape = java.net.http.HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + replica.scopegate().metricsPort() + "/metrics")).build();
      // the replica's own gauge: it publishes no event a test could await
      Eventually.until(() -> scraped(http, scrape).contains("scopegate_limits_redis_up 1.0"),
          "the replica to find Redis again", java.time.Duration.ofSeconds(30));
    }
  }

  private static String scraped(java.net.http.HttpClient http, java.net.http.HttpRequest scrape) {
    try {
      return http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
